import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { Role } from '../auth/role';
import { UserEntity } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { OrganisationType } from '../organisations/organisation-type';
import { createServices, type Services } from '../server/services';
import { insertOrganisation, insertUser, TEST_PASSWORD } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type GraphQLResponse, type TestClient, type TestServer } from '../testing/test-server';

const ACCOUNT_FIELDS = `id username displayName email status homeOrganisation { code } roles { role organisation { code type } } sessions { id current } availableActions`;
const LIST = `query($filter: UserAccountFilter, $first: Int, $after: String) {
  userAccounts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { username } } }`;
const GET = `query($id: ID!) { userAccount(id: $id) { ${ACCOUNT_FIELDS} } }`;
const CREATE = `mutation($input: CreateUserAccountInput!) { createUserAccount(input: $input) { oneTimePassword account { ${ACCOUNT_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateUserAccountInput!) { updateUserAccount(input: $input) { displayName email } }`;
const ASSIGN = `mutation($input: AccountRoleInput!) { assignRole(input: $input) { roles { role organisation { code } } } }`;
const REMOVE = `mutation($input: AccountRoleInput!) { removeRole(input: $input) { roles { role organisation { code } } } }`;
const DEACTIVATE = `mutation($input: AccountChangeInput!) { deactivateUserAccount(input: $input) { status sessions { id } availableActions } }`;
const REACTIVATE = `mutation($input: AccountChangeInput!) { reactivateUserAccount(input: $input) { oneTimePassword account { status } } }`;
const RESET = `mutation($input: AccountChangeInput!) { resetUserPassword(input: $input) { oneTimePassword account { status sessions { id } } } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { username mustChangePassword } }`;
const ME = `{ me { username mustChangePassword administersEveryone administers { code } } }`;
const SESSIONS = `{ mySessions { id current userAgent lastSeenAt } }`;
const END = `mutation($id: ID!) { endSession(id: $id) { id current } }`;
const ORGANISATIONS = `query($search: String) { administrableOrganisations(search: $search, first: 50) { code type } }`;

const NEW_PASSWORD = 'oxen quietly juggle lamps';

const refusal = (response: GraphQLResponse) => {
  expect(response.errors).toHaveLength(1);
  return response.errors?.[0].extensions;
};

describe('user accounts over HTTP on a real database', () => {
  let db: TestDatabase;
  let server: TestServer;
  let services: Services;
  const ids: Record<string, string> = {};
  let nhse: TestClient;
  let ccgAdmin: TestClient;

  const auditRows = async (action?: string) =>
    Number((await db.dataSource.query(`SELECT count(*) AS n FROM audit_event WHERE $1::text IS NULL OR action = $1`, [action ?? null]))[0].n);

  const user = async (username: string, home: string | null, roles: { role: Role; organisationCode: string }[]) => {
    ids[username] = await insertUser(db.dataSource, username, roles);
    if (home) await db.dataSource.getRepository(UserEntity).update({ id: ids[username] }, { homeOrganisationCode: home });
  };

  const viewerOf = async (username: string): Promise<Viewer> => {
    const assignments: { role: Role; organisationCode: string }[] = await db.dataSource.query(
      `SELECT role, organisation_code AS "organisationCode" FROM role_assignment WHERE user_id = $1`,
      [ids[username]],
    );
    return { userId: ids[username], username, displayName: username, roles: assignments };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.dataSource);
    services = createServices(db.dataSource, { sessionTtlHours: 1 });
    await insertOrganisation(db.dataSource, 'X24', 'NHS ENGLAND', OrganisationType.NHS_ENGLAND);
    await insertOrganisation(db.dataSource, '02V', 'NHS LEEDS NORTH CCG');
    await insertOrganisation(db.dataSource, '03R', 'NHS WAKEFIELD CCG');
    await insertOrganisation(db.dataSource, '0DE', 'NORTH OF ENGLAND CSU', OrganisationType.COMMISSIONING_SUPPORT_UNIT);
    await insertOrganisation(db.dataSource, 'RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST', OrganisationType.NHS_TRUST);
    await user('nhse-admin', 'X24', [{ role: Role.ADMIN, organisationCode: 'X24' }]);
    await user('ccg-admin', '02V', [{ role: Role.ADMIN, organisationCode: '02V' }]);
    await user('officer-02v', '02V', [{ role: Role.FINANCE_OFFICER, organisationCode: '02V' }]);
    await user('officer-03r', '03R', [{ role: Role.FINANCE_OFFICER, organisationCode: '03R' }]);
    await user('analyst-02v', '02V', [{ role: Role.ANALYST, organisationCode: '02V' }]);
    await user('legacy', null, [{ role: Role.ANALYST, organisationCode: '02V' }]);
    nhse = await server.signedInClient('nhse-admin');
    ccgAdmin = await server.signedInClient('ccg-admin');
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  describe('who may call the account fields', () => {
    it.each([
      ['userAccounts', LIST, {}],
      ['createUserAccount', CREATE, { input: { username: 'x-user', displayName: 'X', homeOrganisationCode: '02V', roles: [] } }],
      ['administrableOrganisations', ORGANISATIONS, {}],
    ])('refuses %s when signed out (UNAUTHENTICATED) and to a user who is no administrator (FORBIDDEN)', async (_name, query, variables) => {
      expect(refusal(await server.client().graphql(query, variables))).toMatchObject({ code: 'UNAUTHENTICATED' });
      const analyst = await server.signedInClient('analyst-02v');
      expect(refusal(await analyst.graphql(query, variables))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_PERMITTED' });
    });

    it('tells the viewer whose accounts they administer', async () => {
      expect((await nhse.graphql(ME)).data).toEqual({ me: { username: 'nhse-admin', mustChangePassword: false, administersEveryone: true, administers: [{ code: 'X24' }] } });
      expect((await ccgAdmin.graphql(ME)).data).toEqual({ me: { username: 'ccg-admin', mustChangePassword: false, administersEveryone: false, administers: [{ code: '02V' }] } });
    });
  });

  describe('reading accounts', () => {
    it('lists every account to an administrator of NHS England, old accounts with no home included, by username, page by page', async () => {
      const all = await nhse.graphql<{ userAccounts: { totalCount: number; nodes: { username: string }[] } }>(LIST, { first: 200 });
      const usernames = all.data?.userAccounts.nodes.map((node) => node.username) ?? [];
      expect(usernames).toEqual(expect.arrayContaining(['analyst-02v', 'ccg-admin', 'legacy', 'nhse-admin', 'officer-02v', 'officer-03r']));
      expect(usernames).toEqual([...usernames].sort());
      const first = await nhse.graphql<{ userAccounts: { pageInfo: { hasNextPage: boolean; endCursor: string } ; nodes: { username: string }[] } }>(LIST, { first: 2 });
      expect(first.data?.userAccounts.pageInfo.hasNextPage).toBe(true);
      const next = await nhse.graphql<{ userAccounts: { nodes: { username: string }[] } }>(LIST, { first: 2, after: first.data?.userAccounts.pageInfo.endCursor });
      expect([...(first.data?.userAccounts.nodes ?? []), ...(next.data?.userAccounts.nodes ?? [])].map((node) => node.username)).toEqual(usernames.slice(0, 4));
    });

    it('lists to a CCG administrator only the accounts at home in their CCG', async () => {
      const mine = await ccgAdmin.graphql<{ userAccounts: { totalCount: number; nodes: { username: string }[] } }>(LIST, { first: 200 });
      expect(mine.data?.userAccounts.nodes.map((node) => node.username)).toEqual(['analyst-02v', 'ccg-admin', 'officer-02v']);
      expect(mine.data?.userAccounts.totalCount).toBe(3);
    });

    it('costs the same number of SQL statements for 2 accounts as for all, with roles, homes and sessions', async () => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      const statementsFor = async (first: number) => {
        spy.mockClear();
        const response = await nhse.graphql(`query($first: Int) { userAccounts(first: $first) { totalCount nodes { ${ACCOUNT_FIELDS} lastSignInAt } } }`, { first });
        expect(response.errors).toBeUndefined();
        return spy.mock.calls.length;
      };
      const small = await statementsFor(2);
      const large = await statementsFor(200);
      spy.mockRestore();
      expect(large).toBe(small);
      expect(large).toBeLessThanOrEqual(10); // session, user, roles, last seen (4), scope, count, page, roles, organisations, sessions
    });

    it('answers NOT_FOUND (ACCOUNT_NOT_FOUND) for an account the viewer does not administer, as for one that does not exist', async () => {
      for (const id of [ids['officer-03r'], ids.legacy, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
        expect(refusal(await ccgAdmin.graphql(GET, { id }))).toMatchObject({ code: 'NOT_FOUND', reason: 'ACCOUNT_NOT_FOUND' });
      }
      const own = await ccgAdmin.graphql<{ userAccount: { username: string; roles: unknown[] } }>(GET, { id: ids['officer-02v'] });
      expect(own.data?.userAccount).toMatchObject({ username: 'officer-02v', status: 'ACTIVE', roles: [{ role: 'FINANCE_OFFICER', organisation: { code: '02V', type: 'CCG' } }] });
    });

    it.each([
      [{ search: 'OFFICER' }, ['officer-02v', 'officer-03r']],
      [{ organisationCode: '03R' }, ['officer-03r']],
      [{ organisationCode: '02V', role: 'FINANCE_OFFICER' }, ['officer-02v']],
      [{ role: 'ANALYST' }, ['analyst-02v', 'legacy']],
      [{ status: 'DEACTIVATED', search: 'officer' }, []],
    ])('filters by %j', async (filter, expected) => {
      const response = await nhse.graphql<{ userAccounts: { nodes: { username: string }[] } }>(LIST, { filter, first: 200 });
      expect(response.data?.userAccounts.nodes.map((node) => node.username).filter((name) => !name.startsWith('new-'))).toEqual(expected);
    });

    it('offers commissioning organisations only: all to NHS England, their own to a CCG administrator', async () => {
      const national = await nhse.graphql<{ administrableOrganisations: { code: string }[] }>(ORGANISATIONS, {});
      expect(national.data?.administrableOrganisations.map((o) => o.code).sort()).toEqual(['02V', '03R', '0DE', 'X24']);
      const local = await ccgAdmin.graphql<{ administrableOrganisations: { code: string }[] }>(ORGANISATIONS, {});
      expect(local.data?.administrableOrganisations).toEqual([{ code: '02V', type: 'CCG' }]);
      expect((await nhse.graphql(ORGANISATIONS, { search: 'wakefield' })).data).toEqual({ administrableOrganisations: [{ code: '03R', type: 'CCG' }] });
    });
  });

  describe('creating accounts', () => {
    it('lets a CCG administrator create an account at home in their CCG, with a one-time password, audited without it', async () => {
      const before = await auditRows('CREATE_USER');
      const response = await ccgAdmin.graphql<{ createUserAccount: { oneTimePassword: string; account: Record<string, unknown> } }>(CREATE, {
        input: { username: ' New-Officer ', displayName: ' Jo Bloggs ', email: 'jo.bloggs@nhs.net', homeOrganisationCode: '02v', roles: [{ role: 'FINANCE_OFFICER', organisationCode: '02V' }] },
      });
      expect(response.errors).toBeUndefined();
      const { oneTimePassword, account } = response.data?.createUserAccount ?? { oneTimePassword: '', account: {} };
      expect(oneTimePassword).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
      expect(account).toMatchObject({
        username: 'new-officer',
        displayName: 'Jo Bloggs',
        email: 'jo.bloggs@nhs.net',
        status: 'PASSWORD_CHANGE_REQUIRED',
        homeOrganisation: { code: '02V' },
        roles: [{ role: 'FINANCE_OFFICER', organisation: { code: '02V' } }],
        sessions: [],
        availableActions: ['RESET_PASSWORD', 'DEACTIVATE', 'ASSIGN_ROLE', 'REMOVE_ROLE', 'EDIT'],
      });
      expect(await auditRows('CREATE_USER')).toBe(before + 1);
      const [row] = await db.dataSource.query(`SELECT actor_username AS actor, after FROM audit_event WHERE action = 'CREATE_USER' ORDER BY id DESC LIMIT 1`);
      expect(row).toMatchObject({ actor: 'ccg-admin', after: { username: 'new-officer', status: 'PASSWORD_CHANGE_REQUIRED', roles: ['FINANCE_OFFICER@02V'] } });
      const [hash] = await db.dataSource.query(`SELECT password_hash AS hash FROM app_user WHERE username = 'new-officer'`);
      expect(hash.hash).toMatch(/^\$argon2id\$/);
      const leaked = await db.dataSource.query(`SELECT id FROM audit_event WHERE before::text LIKE '%' || $1 || '%' OR after::text LIKE '%' || $1 || '%' OR after::text LIKE '%argon2%'`, [oneTimePassword]);
      expect(leaked).toEqual([]);
      ids['new-officer'] = String(account.id);
    });

    it.each([
      ['a home in another CCG', { homeOrganisationCode: '03R', roles: [] }, 'FORBIDDEN', 'NOT_YOUR_ACCOUNT_TO_ADMINISTER', ['homeOrganisationCode']],
      ['a role for another CCG', { homeOrganisationCode: '02V', roles: [{ role: 'FINANCE_OFFICER', organisationCode: '03R' }] }, 'FORBIDDEN', 'NOT_YOUR_ACCOUNT_TO_ADMINISTER', ['roles.0.organisationCode']],
      ['a role for NHS England', { homeOrganisationCode: '02V', roles: [{ role: 'ASSESSOR', organisationCode: 'X24' }] }, 'FORBIDDEN', 'NOT_YOUR_ACCOUNT_TO_ADMINISTER', ['roles.0.organisationCode']],
      ['an assessor of a CCG', { homeOrganisationCode: '02V', roles: [{ role: 'ASSESSOR', organisationCode: '02V' }] }, 'BAD_USER_INPUT', 'ROLE_NOT_FOR_ORGANISATION', ['roles.0.role']],
      ['an unknown home', { homeOrganisationCode: 'ZZZ', roles: [] }, 'BAD_USER_INPUT', 'ORGANISATION_UNKNOWN', ['homeOrganisationCode']],
    ])('refuses a CCG administrator %s, leaving no account and no audit row', async (_name, input, code, reason, fields) => {
      const before = await auditRows();
      const response = await ccgAdmin.graphql(CREATE, { input: { username: 'refused-user', displayName: 'Refused', ...input } });
      expect(refusal(response)).toMatchObject({ code, reason, details: { fields } });
      expect(await auditRows()).toBe(before);
      expect(await db.dataSource.query(`SELECT id FROM app_user WHERE username = 'refused-user'`)).toEqual([]);
    });

    it.each([
      ['a username too short', { username: 'ab' }, 'BAD_USER_INPUT', 'USERNAME_INVALID', ['username']],
      ['a username with a space', { username: 'jo bloggs' }, 'BAD_USER_INPUT', 'USERNAME_INVALID', ['username']],
      ['a taken username in other case', { username: 'OFFICER-03R' }, 'CONFLICT', 'USERNAME_TAKEN', ['username']],
      ['a blank display name', { displayName: '  ' }, 'BAD_USER_INPUT', 'DISPLAY_NAME_REQUIRED', ['displayName']],
      ['an email that is not one', { email: 'jo@nhs' }, 'BAD_USER_INPUT', 'EMAIL_INVALID', ['email']],
      ['a home that is a trust', { homeOrganisationCode: 'RR8' }, 'BAD_USER_INPUT', 'ORGANISATION_UNKNOWN', ['homeOrganisationCode']],
      ['a finance officer of NHS England', { roles: [{ role: 'FINANCE_OFFICER', organisationCode: 'X24' }] }, 'BAD_USER_INPUT', 'ROLE_NOT_FOR_ORGANISATION', ['roles.0.role']],
      ['an assessor of a support unit', { roles: [{ role: 'ASSESSOR', organisationCode: '0DE' }] }, 'BAD_USER_INPUT', 'ROLE_NOT_FOR_ORGANISATION', ['roles.0.role']],
    ])('refuses %s even to NHS England', async (_name, change, code, reason, fields) => {
      const before = await auditRows();
      const input = { username: 'another-user', displayName: 'Another', homeOrganisationCode: '03R', roles: [], ...change };
      expect(refusal(await nhse.graphql(CREATE, { input }))).toMatchObject({ code, reason, details: { fields } });
      expect(await auditRows()).toBe(before);
    });

    it('lets NHS England create an account for any CCG with roles anywhere they fit', async () => {
      const response = await nhse.graphql<{ createUserAccount: { account: { roles: unknown[] } } }>(CREATE, {
        input: {
          username: 'new-assessor',
          displayName: 'An Assessor',
          homeOrganisationCode: '03R',
          roles: [
            { role: 'BOARD_MEMBER', organisationCode: '03R' },
            { role: 'ASSESSOR', organisationCode: 'X24' },
            { role: 'ANALYST', organisationCode: '0DE' },
          ],
        },
      });
      expect(response.errors).toBeUndefined();
      ids['new-assessor'] = String((response.data?.createUserAccount.account as unknown as { id: string }).id);
      expect(response.data?.createUserAccount.account.roles).toHaveLength(3);
    });
  });

  describe('changing accounts', () => {
    it('lets a CCG administrator edit, give and take away roles of their own CCG’s accounts, each audited', async () => {
      const before = await auditRows();
      const edited = await ccgAdmin.graphql(UPDATE, { input: { userId: ids['officer-02v'], displayName: 'Officer of 02V', email: 'officer@nhs.net' } });
      expect(edited.data).toEqual({ updateUserAccount: { displayName: 'Officer of 02V', email: 'officer@nhs.net' } });
      const role = { userId: ids['officer-02v'], role: 'BOARD_MEMBER', organisationCode: '02V' };
      expect((await ccgAdmin.graphql(ASSIGN, { input: role })).data).toEqual({
        assignRole: { roles: [{ role: 'BOARD_MEMBER', organisation: { code: '02V' } }, { role: 'FINANCE_OFFICER', organisation: { code: '02V' } }] },
      });
      expect(refusal(await ccgAdmin.graphql(ASSIGN, { input: role }))).toMatchObject({ code: 'CONFLICT', reason: 'ROLE_ALREADY_HELD' });
      expect((await ccgAdmin.graphql(REMOVE, { input: role })).data).toEqual({ removeRole: { roles: [{ role: 'FINANCE_OFFICER', organisation: { code: '02V' } }] } });
      expect(refusal(await ccgAdmin.graphql(REMOVE, { input: role }))).toMatchObject({ code: 'CONFLICT', reason: 'ROLE_NOT_HELD' });
      expect(await auditRows()).toBe(before + 3);
      const actions = await db.dataSource.query(`SELECT action FROM audit_event ORDER BY id DESC LIMIT 3`);
      expect(actions.map((row: { action: string }) => row.action)).toEqual(['REMOVE_ROLE', 'ASSIGN_ROLE', 'UPDATE_USER']);
    });

    it.each([
      ['give a role for another CCG', ASSIGN, () => ({ input: { userId: ids['officer-02v'], role: 'FINANCE_OFFICER', organisationCode: '03R' } }), 'FORBIDDEN', 'NOT_YOUR_ACCOUNT_TO_ADMINISTER'],
      ['give a role to another CCG’s account', ASSIGN, () => ({ input: { userId: ids['officer-03r'], role: 'FINANCE_OFFICER', organisationCode: '02V' } }), 'NOT_FOUND', 'ACCOUNT_NOT_FOUND'],
      ['take a role from another CCG’s account', REMOVE, () => ({ input: { userId: ids['officer-03r'], role: 'FINANCE_OFFICER', organisationCode: '03R' } }), 'NOT_FOUND', 'ACCOUNT_NOT_FOUND'],
      ['take away a role held elsewhere', REMOVE, () => ({ input: { userId: ids['new-assessor'], role: 'ASSESSOR', organisationCode: 'X24' } }), 'NOT_FOUND', 'ACCOUNT_NOT_FOUND'],
      ['deactivate another CCG’s account', DEACTIVATE, () => ({ input: { userId: ids['officer-03r'] } }), 'NOT_FOUND', 'ACCOUNT_NOT_FOUND'],
      ['reset the password of an old account with no home', RESET, () => ({ input: { userId: ids.legacy } }), 'NOT_FOUND', 'ACCOUNT_NOT_FOUND'],
      ['edit another CCG’s account', UPDATE, () => ({ input: { userId: ids['officer-03r'], displayName: 'Taken over' } }), 'NOT_FOUND', 'ACCOUNT_NOT_FOUND'],
    ])('refuses a CCG administrator who tries to %s, with no audit row', async (_name, query, variables, code, reason) => {
      const before = await auditRows();
      expect(refusal(await ccgAdmin.graphql(query, variables()))).toMatchObject({ code, reason });
      expect(await auditRows()).toBe(before);
    });

    it('refuses administrators their own deactivation, password reset and ADMIN role, and does not offer them', async () => {
      const before = await auditRows();
      expect(refusal(await ccgAdmin.graphql(DEACTIVATE, { input: { userId: ids['ccg-admin'] } }))).toMatchObject({ code: 'FORBIDDEN', reason: 'CANNOT_CHANGE_OWN_ACCESS' });
      expect(refusal(await ccgAdmin.graphql(RESET, { input: { userId: ids['ccg-admin'] } }))).toMatchObject({ code: 'FORBIDDEN', reason: 'CANNOT_CHANGE_OWN_ACCESS' });
      expect(refusal(await nhse.graphql(REMOVE, { input: { userId: ids['nhse-admin'], role: 'ADMIN', organisationCode: 'X24' } }))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'CANNOT_CHANGE_OWN_ACCESS',
      });
      expect(await auditRows()).toBe(before);
      const own = await ccgAdmin.graphql<{ userAccount: { availableActions: string[] } }>(GET, { id: ids['ccg-admin'] });
      expect(own.data?.userAccount.availableActions).toEqual(['ASSIGN_ROLE', 'EDIT']);
    });

    it('lets NHS England give any role anywhere it fits, to any account', async () => {
      const response = await nhse.graphql(ASSIGN, { input: { userId: ids['officer-03r'], role: 'ANALYST', organisationCode: '0DE' } });
      expect(response.errors).toBeUndefined();
      expect(refusal(await nhse.graphql(ASSIGN, { input: { userId: ids['officer-03r'], role: 'COMMISSIONING_MANAGER', organisationCode: '0DE' } }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'ROLE_NOT_FOR_ORGANISATION',
        details: { fields: ['role'] },
      });
    });
  });

  describe('the one-time password', () => {
    let officer: TestClient;
    let oneTimePassword: string;

    beforeAll(async () => {
      const created = await nhse.graphql<{ createUserAccount: { oneTimePassword: string } }>(CREATE, {
        input: { username: 'otp-officer', displayName: 'OTP Officer', homeOrganisationCode: '03R', roles: [{ role: 'FINANCE_OFFICER', organisationCode: '03R' }] },
      });
      oneTimePassword = created.data?.createUserAccount.oneTimePassword ?? '';
      officer = server.client();
      expect((await officer.signIn('otp-officer', oneTimePassword)).errors).toBeUndefined();
    });

    it('lets the user sign in and see me, and refuses everything else with PASSWORD_CHANGE_REQUIRED, uploads included', async () => {
      expect((await officer.graphql(ME)).data).toEqual({ me: { username: 'otp-officer', mustChangePassword: true, administersEveryone: false, administers: [] } });
      expect(refusal(await officer.graphql(SESSIONS))).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
      expect(refusal(await officer.graphql(`{ financialPlans(first: 1) { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
      const upload = await fetch(`${server.url}/imports/ae?fileName=a.csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'x-ccg-upload': '1', cookie: String(officer.lastSetCookie).split(';')[0] },
        body: 'x\n',
      });
      expect(upload.status).toBe(403);
      expect(JSON.stringify(await upload.json())).toContain('PASSWORD_CHANGE_REQUIRED');
    });

    it.each([
      ['a wrong current password', { currentPassword: 'not it at all', newPassword: NEW_PASSWORD }, 'CURRENT_PASSWORD_WRONG', ['currentPassword']],
      ['a new password too short', { newPassword: 'short one' }, 'PASSWORD_TOO_SHORT', ['newPassword']],
      ['a new password too long', { newPassword: 'x'.repeat(129) }, 'PASSWORD_TOO_LONG', ['newPassword']],
      ['a new password with the username', { newPassword: 'my OTP-Officer password' }, 'PASSWORD_CONTAINS_USERNAME', ['newPassword']],
      ['a common password', { newPassword: 'PasswordPassword' }, 'PASSWORD_TOO_COMMON', ['newPassword']],
      ['the same password again', { newPassword: null }, 'PASSWORD_UNCHANGED', ['newPassword']],
    ])('refuses %s (BAD_USER_INPUT) and changes nothing', async (_name, change, reason, fields) => {
      const before = await auditRows('CHANGE_PASSWORD');
      const input = { currentPassword: oneTimePassword, ...change, newPassword: change.newPassword ?? oneTimePassword };
      expect(refusal(await officer.graphql(CHANGE, { input }))).toMatchObject({ code: 'BAD_USER_INPUT', reason, details: { fields } });
      expect(await auditRows('CHANGE_PASSWORD')).toBe(before);
      expect((await officer.graphql<{ me: { mustChangePassword: boolean } }>(ME)).data?.me.mustChangePassword).toBe(true);
    });

    it('after the change, the account is ACTIVE and the user works; the one-time password no longer signs in', async () => {
      const changed = await officer.graphql(CHANGE, { input: { currentPassword: oneTimePassword, newPassword: NEW_PASSWORD } });
      expect(changed.data).toEqual({ changePassword: { username: 'otp-officer', mustChangePassword: false } });
      expect((await officer.graphql(SESSIONS)).errors).toBeUndefined();
      expect((await officer.graphql(`{ financialPlans(first: 1) { totalCount } }`)).errors).toBeUndefined();
      expect(refusal(await server.client().signIn('otp-officer', oneTimePassword))).toMatchObject({ reason: 'INVALID_CREDENTIALS' });
      expect((await server.client().signIn('otp-officer', NEW_PASSWORD)).errors).toBeUndefined();
      const [row] = await db.dataSource.query(`SELECT actor_username AS actor, before, after FROM audit_event WHERE action = 'CHANGE_PASSWORD' ORDER BY id DESC LIMIT 1`);
      expect(row).toEqual({ actor: 'otp-officer', before: { status: 'PASSWORD_CHANGE_REQUIRED' }, after: { status: 'ACTIVE', sessionsEnded: 0 } });
    });
  });

  describe('sessions', () => {
    it('changing the password ends every other session of the user and keeps this one', async () => {
      const first = await server.signedInClient('analyst-02v');
      const second = await server.signedInClient('analyst-02v');
      const changed = await first.graphql(CHANGE, { input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
      expect(changed.errors).toBeUndefined();
      expect((await second.graphql(ME)).data).toEqual({ me: null });
      expect((await first.graphql<{ me: { username: string } }>(ME)).data?.me.username).toBe('analyst-02v');
      const [row] = await db.dataSource.query(`SELECT after FROM audit_event WHERE action = 'CHANGE_PASSWORD' ORDER BY id DESC LIMIT 1`);
      expect(row.after.sessionsEnded).toBeGreaterThanOrEqual(1);
    });

    it('lists the user’s own live sessions with the current one marked, and ends one of them', async () => {
      const here = await server.signedInClient('officer-02v');
      const there = await server.signedInClient('officer-02v');
      const listed = await here.graphql<{ mySessions: { id: string; current: boolean; userAgent: string | null; lastSeenAt: string | null }[] }>(SESSIONS);
      const sessions = listed.data?.mySessions ?? [];
      expect(sessions.length).toBeGreaterThanOrEqual(2);
      expect(sessions.filter((session) => session.current)).toHaveLength(1);
      expect(sessions[0].lastSeenAt).not.toBeNull();
      const other = sessions.find((session) => !session.current) as { id: string };
      const before = await auditRows('END_SESSION');
      const left = await here.graphql<{ endSession: { id: string }[] }>(END, { id: other.id });
      expect(left.data?.endSession.map((session) => session.id)).not.toContain(other.id);
      expect(await auditRows('END_SESSION')).toBe(before + 1);
      // `there` may have been the one ended, or an older session: either way the ended one is gone for good.
      expect(refusal(await here.graphql(END, { id: other.id }))).toMatchObject({ code: 'NOT_FOUND', reason: 'SESSION_NOT_FOUND' });
      void there;
    });

    it('refuses to end another user’s session (NOT_FOUND) and leaves it live', async () => {
      const theirs = await server.signedInClient('officer-03r');
      const [session] = await db.dataSource.query(`SELECT id FROM user_session WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1`, [ids['officer-03r']]);
      const mine = await server.signedInClient('officer-02v');
      expect(refusal(await mine.graphql(END, { id: session.id }))).toMatchObject({ code: 'NOT_FOUND', reason: 'SESSION_NOT_FOUND' });
      expect((await theirs.graphql<{ me: { username: string } }>(ME)).data?.me.username).toBe('officer-03r');
    });
  });

  describe('deactivation, reactivation and password reset', () => {
    it('deactivating ends the user’s sessions and refuses their sign-in exactly like a wrong password', async () => {
      const victim = await server.signedInClient('officer-03r');
      const before = await auditRows('DEACTIVATE_USER');
      const response = await nhse.graphql(DEACTIVATE, { input: { userId: ids['officer-03r'], reason: 'Left the CCG' } });
      expect(response.data).toEqual({ deactivateUserAccount: { status: 'DEACTIVATED', sessions: [], availableActions: ['REACTIVATE', 'ASSIGN_ROLE', 'REMOVE_ROLE', 'EDIT'] } });
      expect(await auditRows('DEACTIVATE_USER')).toBe(before + 1);
      expect((await victim.graphql(ME)).data).toEqual({ me: null });
      const wrong = await server.client().signIn('officer-03r', 'not the password');
      const right = await server.client().signIn('officer-03r', TEST_PASSWORD);
      expect(refusal(right)).toEqual(refusal(wrong));
      expect(right.errors?.[0].message).toBe(wrong.errors?.[0].message);
      expect(refusal(await nhse.graphql(DEACTIVATE, { input: { userId: ids['officer-03r'] } }))).toMatchObject({ code: 'CONFLICT', reason: 'ACTION_NOT_AVAILABLE' });
      expect(refusal(await nhse.graphql(RESET, { input: { userId: ids['officer-03r'] } }))).toMatchObject({ code: 'CONFLICT', reason: 'ACTION_NOT_AVAILABLE' });
    });

    it('reactivating gives a fresh one-time password; the old password stays dead', async () => {
      const response = await nhse.graphql<{ reactivateUserAccount: { oneTimePassword: string; account: { status: string } } }>(REACTIVATE, { input: { userId: ids['officer-03r'] } });
      expect(response.data?.reactivateUserAccount.account.status).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(refusal(await server.client().signIn('officer-03r', TEST_PASSWORD))).toMatchObject({ reason: 'INVALID_CREDENTIALS' });
      const back = server.client();
      expect((await back.signIn('officer-03r', response.data?.reactivateUserAccount.oneTimePassword ?? '')).errors).toBeUndefined();
      expect((await back.graphql<{ me: { mustChangePassword: boolean } }>(ME)).data?.me.mustChangePassword).toBe(true);
      expect(refusal(await nhse.graphql(REACTIVATE, { input: { userId: ids['officer-03r'] } }))).toMatchObject({ code: 'CONFLICT', reason: 'ACTION_NOT_AVAILABLE' });
    });

    it('resetting a password ends every session and the new one-time password must be changed', async () => {
      const signedIn = await server.signedInClient('officer-02v');
      const response = await ccgAdmin.graphql<{ resetUserPassword: { oneTimePassword: string; account: { status: string; sessions: unknown[] } } }>(RESET, {
        input: { userId: ids['officer-02v'], reason: 'Forgotten' },
      });
      expect(response.data?.resetUserPassword.account).toEqual({ status: 'PASSWORD_CHANGE_REQUIRED', sessions: [] });
      expect((await signedIn.graphql(ME)).data).toEqual({ me: null });
      expect(refusal(await server.client().signIn('officer-02v', TEST_PASSWORD))).toMatchObject({ reason: 'INVALID_CREDENTIALS' });
      const [row] = await db.dataSource.query(`SELECT actor_username AS actor, after FROM audit_event WHERE action = 'RESET_PASSWORD' ORDER BY id DESC LIMIT 1`);
      expect(row.actor).toBe('ccg-admin');
      expect(row.after).toMatchObject({ status: 'PASSWORD_CHANGE_REQUIRED', reason: 'Forgotten' });
      expect(JSON.stringify(row.after)).not.toContain(response.data?.resetUserPassword.oneTimePassword);
    });
  });

  describe('the last administrator of NHS England', () => {
    it('cannot be deactivated or lose ADMIN, even by a stale request', async () => {
      // A viewer whose own account was deactivated after their request began: the only active NHS England
      // administrator left is the target, so the change is refused.
      await user('nhse-gone', 'X24', [{ role: Role.ADMIN, organisationCode: 'X24' }]);
      const stale = await viewerOf('nhse-gone');
      await db.dataSource.getRepository(UserEntity).update({ id: ids['nhse-gone'] }, { disabledAt: new Date() });
      const actor = { userId: stale.userId, username: stale.username, requestId: 'test' };
      const before = await auditRows();
      await expect(services.accounts.deactivate(stale, { userId: ids['nhse-admin'] }, actor)).rejects.toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMINISTRATOR' });
      await expect(services.accounts.removeRole(stale, { userId: ids['nhse-admin'], role: Role.ADMIN, organisationCode: 'X24' }, actor)).rejects.toMatchObject({
        reason: 'LAST_ADMINISTRATOR',
      });
      expect(await auditRows()).toBe(before);
    });

    it('when two administrators deactivate each other at once, exactly one succeeds', async () => {
      await user('nhse-second', 'X24', [{ role: Role.ADMIN, organisationCode: 'X24' }]);
      const first = await viewerOf('nhse-admin');
      const second = await viewerOf('nhse-second');
      const results = await Promise.allSettled([
        services.accounts.deactivate(first, { userId: ids['nhse-second'] }, { userId: first.userId, username: first.username, requestId: 'a' }),
        services.accounts.deactivate(second, { userId: ids['nhse-admin'] }, { userId: second.userId, username: second.username, requestId: 'b' }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ reason: 'LAST_ADMINISTRATOR' });
      const active = await db.dataSource.query(
        `SELECT count(*)::int AS n FROM app_user WHERE username IN ('nhse-admin', 'nhse-second') AND disabled_at IS NULL`,
      );
      expect(active).toEqual([{ n: 1 }]);
    });
  });

  describe('guessing the current password from a session', () => {
    it('counts like failed sign-ins: after 5 wrong ones the account is locked, for changePassword and sign-in alike', async () => {
      await user('guessed', '02V', [{ role: Role.ANALYST, organisationCode: '02V' }]);
      const thief = await server.signedInClient('guessed');
      const hashOf = async (username: string) => (await db.dataSource.query(`SELECT password_hash AS hash FROM app_user WHERE username = $1`, [username]))[0].hash as string;
      const hashBefore = await hashOf('guessed');
      const failuresBefore = await auditRows('CHANGE_PASSWORD_FAILED');
      for (let attempt = 0; attempt < 5; attempt++) {
        const wrong = await thief.graphql(CHANGE, { input: { currentPassword: `guess number ${attempt}`, newPassword: NEW_PASSWORD } });
        expect(refusal(wrong)).toMatchObject({ reason: 'CURRENT_PASSWORD_WRONG' });
      }
      expect(await auditRows('CHANGE_PASSWORD_FAILED')).toBe(failuresBefore + 5);
      const locked = await thief.graphql(CHANGE, { input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
      expect(refusal(locked)).toMatchObject({ code: 'FORBIDDEN', reason: 'TOO_MANY_ATTEMPTS' });
      expect(refusal(await server.client().signIn('guessed', TEST_PASSWORD))).toMatchObject({ reason: 'TOO_MANY_ATTEMPTS' });
      expect(await hashOf('guessed')).toBe(hashBefore);
    });
  });
});
