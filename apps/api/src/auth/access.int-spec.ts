import { Role } from './role';
import { insertOrganisation, insertUser, TEST_PASSWORD } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';

const AUDIT = `{ auditEvents(first: 5) { edges { node { action entityType actorUsername } } pageInfo { hasNextPage } } }`;

describe('role rules on root fields', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.dataSource);
    await insertOrganisation(db.dataSource, '02V', 'NHS LEEDS NORTH CCG');
    await insertOrganisation(db.dataSource, 'X24', 'NHS ENGLAND');
    await insertUser(db.dataSource, 'manager', [{ role: Role.COMMISSIONING_MANAGER, organisationCode: '02V' }]);
    await insertUser(db.dataSource, 'admin', [{ role: Role.ADMIN, organisationCode: 'X24' }]);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('answers an anonymous request for an admin field with UNAUTHENTICATED and no data', async () => {
    const response = await server.client().graphql(AUDIT);
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers a commissioning manager asking for the audit trail with FORBIDDEN', async () => {
    const client = server.client();
    await client.signIn('manager', TEST_PASSWORD);
    const response = await client.graphql(AUDIT);
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_PERMITTED' });
  });

  it('lets an admin read the audit trail, newest first, with the sign-ins in it', async () => {
    const client = server.client();
    await client.signIn('admin', TEST_PASSWORD);
    const response = await client.graphql<{ auditEvents: { edges: { node: { action: string; actorUsername: string } }[] } }>(AUDIT);
    expect(response.errors).toBeUndefined();
    expect(response.data?.auditEvents.edges[0].node).toEqual({ action: 'SIGN_IN', entityType: 'session', actorUsername: 'admin' });
  });

  it('pages through the audit trail with cursors and refuses a page size out of range', async () => {
    const client = server.client();
    await client.signIn('admin', TEST_PASSWORD);
    const first = await client.graphql<{ auditEvents: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      `{ auditEvents(first: 1) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
    );
    const page = first.data?.auditEvents;
    if (!page) throw new Error("no page");
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await client.graphql<{ auditEvents: { edges: { node: { id: string } }[] } }>(
      `query($after: String) { auditEvents(first: 1, after: $after) { edges { node { id } } } }`,
      { after: page.pageInfo.endCursor },
    );
    expect(Number(second.data?.auditEvents.edges[0].node.id)).toBeLessThan(Number(page.edges[0].node.id));
    const tooMany = await client.graphql(`{ auditEvents(first: 1000) { pageInfo { hasNextPage } } }`);
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_INVALID' });
  });
});
