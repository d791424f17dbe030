import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';
import { GRAPHQL_LIMITS } from './graphql-limits';

/** The attacks of issue 13 point 2, sent anonymously over HTTP: each refused before anything runs. */
describe('GraphQL resource limits', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.dataSource);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  const post = (body: string) => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const send = async (query: string) => {
    const response = await post(JSON.stringify({ query }));
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  };
  const tooComplex = (limit: string, max: number) => ({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX', details: { limit, max } });

  it('refuses a 20-level nested query as QUERY_TOO_COMPLEX (depth), without data', async () => {
    const nested = Array.from({ length: 20 }).reduce<string>((inner) => `parent { code ${inner} }`, 'code');
    const { status, body } = await send(`{ organisation(code: "02V") { ${nested} } }`);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((error) => error.extensions)).toContainEqual(tooComplex('depth', GRAPHQL_LIMITS.maxDepth));
  });

  it('refuses 100 aliases of providerScorecard as QUERY_TOO_COMPLEX (aliases)', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: providerScorecard(code: "RR8") { asOf }`).join(' ');
    const { status, body } = await send(`{ ${aliases} }`);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions)).toContainEqual(tooComplex('aliases', GRAPHQL_LIMITS.maxAliases));
  });

  it('refuses a 1 MB document of 60,000 aliases as QUERY_TOO_COMPLEX (tokens), before building it', async () => {
    const query = `{ ${Array.from({ length: 60_000 }, (_, i) => `_${i.toString(36)}:__typename`).join(' ')} }`;
    expect(query.length).toBeGreaterThan(900_000);
    expect(query.length).toBeLessThan(GRAPHQL_LIMITS.maxBodyBytes - 100);
    const { status, body } = await send(query);
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0].extensions).toEqual(tooComplex('tokens', GRAPHQL_LIMITS.maxTokens));
  });

  it('refuses a shallow query with two aliases whose cost is over the limit, as QUERY_TOO_COMPLEX (cost)', async () => {
    // Each `first: 200` multiplies its selection by 200 in graphql-armor's cost: 5,500 each.
    const batches = `importBatches(first: 200) { id kind fileName fileSha256 outcome startedAt rowsRead rowsRejected inserted updated deleted actorUsername errors { line reason } }`;
    const { status, body } = await send(`{ a: ${batches} b: ${batches} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toEqual(tooComplex('cost', GRAPHQL_LIMITS.maxCost));
  });

  it('gives no field suggestions ("Did you mean ...") for a misspelt field', async () => {
    const { body } = await send(`{ organisatio(code: "02V") { code } }`);
    expect(body.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(body.errors?.[0].message).toContain('Cannot query field "organisatio"');
    expect(body.errors?.[0].message).not.toMatch(/did you mean|organisation/i);
  });

  it('refuses a 2 MB body with 413 and a JSON error, not a 500', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }));
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'BAD_REQUEST', reason: 'REQUEST_TOO_LARGE' } })] });
  });

  it('still takes a body just under the limit', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(GRAPHQL_LIMITS.maxBodyBytes - 1000) } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a body that is not JSON with 400 and a JSON error', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'BAD_REQUEST', reason: 'BODY_INVALID' } })] });
  });
});
