import { Readable } from 'node:stream';
import { Role } from '../auth/role';
import { runImport } from '../imports/import.service';
import { importKinds } from '../imports/kinds';
import { OrganisationType } from '../organisations/organisation-type';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server';

// Indicator definitions edited by administrators (issue 18 point 4; decision 0031) through GraphQL: each role, each
// refusal with its typed reason and fields, the audit rows, and the stored scores following a new polarity.
// The indicator and its values are illustrative test data, not real NHS figures.

type Errors = { errors?: { extensions?: { code?: string; reason?: string; details?: { fields?: string[] } } }[] };
const refusal = (response: Errors) => [response.errors?.[0]?.extensions?.code, response.errors?.[0]?.extensions?.reason, response.errors?.[0]?.extensions?.details?.fields];

const CREATE = `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { code name description unit polarity periodType numeratorDefinition denominatorDefinition source } }`;
const UPDATE = `mutation($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { code name unit polarity periodType source } }`;
const definition = {
  code: 'TEST_RTT_18WK',
  name: ' RTT incomplete pathways within 18 weeks (illustrative) ',
  description: 'Illustrative test indicator',
  unit: 'PERCENTAGE',
  polarity: 'HIGHER_IS_BETTER',
  periodType: 'MONTH',
  numeratorDefinition: 'Incomplete pathways within 18 weeks',
  denominatorDefinition: '',
  source: 'Illustrative test data',
};
const { code: _code, ...edit } = definition;

describe('indicator definitions', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: TestClient;
  let analyst: TestClient;
  let anonymous: TestClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    await insertOrganisation(db.dataSource, 'X24', 'NHS ENGLAND', OrganisationType.NHS_ENGLAND);
    await insertOrganisation(db.dataSource, 'RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST', OrganisationType.NHS_TRUST);
    await insertUser(db.dataSource, 'admin', [{ role: Role.ADMIN, organisationCode: 'X24' }]);
    await insertUser(db.dataSource, 'analyst', [{ role: Role.ANALYST, organisationCode: 'X24' }]);
    server = await startTestServer(db.dataSource);
    [admin, analyst] = await Promise.all(['admin', 'analyst'].map((name) => server.signedInClient(name)));
    anonymous = server.client();
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });
  const audit = (action: string) => db.dataSource.query(`SELECT entity_id, before, after, actor_username FROM audit_event WHERE action = $1 ORDER BY id`, [action]);

  it('lets an administrator define an indicator, trimmed, audited, and listed for everyone', async () => {
    const response = await admin.graphql<{ createIndicator: Record<string, unknown> }>(CREATE, { input: definition });
    expect(response.errors).toBeUndefined();
    expect(response.data?.createIndicator).toEqual({ ...definition, name: 'RTT incomplete pathways within 18 weeks (illustrative)', denominatorDefinition: null });
    expect(await audit('CREATE_INDICATOR')).toEqual([
      expect.objectContaining({ entity_id: 'TEST_RTT_18WK', before: null, actor_username: 'admin', after: expect.objectContaining({ unit: 'PERCENTAGE', source: 'Illustrative test data' }) }),
    ]);
    const list = await anonymous.graphql<{ indicators: { code: string }[] }>(`{ indicators { code } }`);
    expect(list.data?.indicators.map((indicator) => indicator.code)).toContain('TEST_RTT_18WK');
  });

  it('refuses analysts and the signed-out, and changes nothing', async () => {
    expect(refusal(await analyst.graphql(CREATE, { input: { ...definition, code: 'TEST_OTHER' } }))[0]).toBe('FORBIDDEN');
    expect(refusal(await analyst.graphql(UPDATE, { input: { ...definition, name: 'Changed' } }))[0]).toBe('FORBIDDEN');
    expect(refusal(await anonymous.graphql(CREATE, { input: { ...definition, code: 'TEST_OTHER' } }))[0]).toBe('UNAUTHENTICATED');
    expect(await db.dataSource.query(`SELECT code FROM indicator WHERE code = 'TEST_OTHER'`)).toEqual([]);
  });

  it.each([
    ['a code in lower case', { code: 'rtt_18' }, ['BAD_USER_INPUT', 'INDICATOR_CODE_INVALID', ['code']]],
    ['a code starting with a digit', { code: '18WK' }, ['BAD_USER_INPUT', 'INDICATOR_CODE_INVALID', ['code']]],
    ['an empty name', { code: 'TEST_X', name: '  ' }, ['BAD_USER_INPUT', 'NAME_REQUIRED', ['name']]],
    ['no source', { code: 'TEST_X', source: '' }, ['BAD_USER_INPUT', 'SOURCE_REQUIRED', ['source']]],
    ['a code already defined', {}, ['CONFLICT', 'INDICATOR_EXISTS', ['code']]],
  ])('refuses to define an indicator with %s', async (_case, change, expected) => {
    expect(refusal(await admin.graphql(CREATE, { input: { ...definition, ...change } }))).toEqual(expected);
  });

  it('refuses an unknown unit at the edge', async () => {
    expect(refusal(await admin.graphql(CREATE, { input: { ...definition, code: 'TEST_X', unit: 'FURLONGS' } }))[0]).toBe('BAD_USER_INPUT');
  });

  it('changes a definition with the change audited before and after; the same definition again writes nothing', async () => {
    const response = await admin.graphql<{ updateIndicator: { name: string; source: string } }>(UPDATE, { input: { ...definition, source: 'Illustrative test data, revised' } });
    expect(response.data?.updateIndicator).toMatchObject({ name: 'RTT incomplete pathways within 18 weeks (illustrative)', source: 'Illustrative test data, revised' });
    await admin.graphql(UPDATE, { input: { ...definition, source: 'Illustrative test data, revised' } });
    expect(await audit('UPDATE_INDICATOR')).toEqual([
      expect.objectContaining({ entity_id: 'TEST_RTT_18WK', before: { source: 'Illustrative test data' }, after: { source: 'Illustrative test data, revised' } }),
    ]);
  });

  it('refuses an unknown indicator, and the A&E indicators whose definitions come with each A&E import', async () => {
    expect(refusal(await admin.graphql(UPDATE, { input: { ...edit, code: 'NOT_DEFINED' } }))).toEqual(['NOT_FOUND', 'INDICATOR_NOT_FOUND', ['code']]);
    expect(refusal(await admin.graphql(UPDATE, { input: { ...edit, code: 'AE_4HR_ALL' } }))).toEqual(['CONFLICT', 'INDICATOR_DEFINED_BY_IMPORT', ['code']]);
  });

  it('keeps the unit and period type of an indicator with values, and recomputes its stored scores when its polarity changes', async () => {
    const rows = ['indicator_code,org_code,period,numerator,denominator', ...['2019-01-01', '2019-02-01', '2019-03-01'].map((month, i) => `TEST_RTT_18WK,RR8,${month},${80 + i},100`)];
    const report = await runImport(db.dataSource, { kind: importKinds['indicator-values'], fileName: 'illustrative.csv', stream: Readable.from([rows.join('\n') + '\n']), actor: { userId: null, username: 'test', requestId: 'x' } });
    expect(report.outcome).toBe('SUCCEEDED');
    expect(refusal(await admin.graphql(UPDATE, { input: { ...edit, code: 'TEST_RTT_18WK', unit: 'COUNT' } }))).toEqual(['CONFLICT', 'INDICATOR_HAS_VALUES', ['unit']]);
    expect(refusal(await admin.graphql(UPDATE, { input: { ...edit, code: 'TEST_RTT_18WK', periodType: 'QUARTER' } }))).toEqual(['CONFLICT', 'INDICATOR_HAS_VALUES', ['periodType']]);
    const direction = async () => (await db.dataSource.query(`SELECT DISTINCT improvement_direction AS d FROM series_score WHERE indicator_code = 'TEST_RTT_18WK'`)).map((row: { d: string }) => row.d);
    expect(await direction()).toEqual(['INCREASE']);
    const response = await admin.graphql(UPDATE, { input: { ...edit, code: 'TEST_RTT_18WK', polarity: 'LOWER_IS_BETTER' } });
    expect(response.errors).toBeUndefined();
    expect(await direction()).toEqual(['DECREASE']);
  });

  it('gives an administrator-defined indicator its first national standard from its definition, and the scorecard judges against it', async () => {
    const SET_STANDARD = `mutation($input: SetStandardThresholdInput!) { setStandardThreshold(input: $input) { code financialYear validFrom validTo threshold unit polarity name source sourceText } }`;
    // Higher is better again (the test before turned it round).
    expect((await admin.graphql(UPDATE, { input: { ...edit, code: 'TEST_RTT_18WK' } })).errors).toBeUndefined();
    const input = { code: 'TEST_RTT_18WK', financialYear: '2018/19', threshold: 92, reason: 'Illustrative standard for a test' };
    expect(refusal(await analyst.graphql(SET_STANDARD, { input }))[0]).toBe('FORBIDDEN');
    const response = await admin.graphql<{ setStandardThreshold: Record<string, unknown> }>(SET_STANDARD, { input });
    expect(response.errors).toBeUndefined();
    expect(response.data?.setStandardThreshold).toMatchObject({ code: 'TEST_RTT_18WK', financialYear: '2018/19', validFrom: '2018-04-01', validTo: null, threshold: 92, unit: 'PERCENTAGE', polarity: 'HIGHER_IS_BETTER' });
    expect(await audit('SET_STANDARD_THRESHOLD')).toEqual([expect.objectContaining({ entity_id: 'TEST_RTT_18WK|2018-04-01', before: null })]);
    const scorecard = await anonymous.graphql<{ providerScorecard: { indicators: { indicator: { code: string }; rag: string | null; target: number | null }[] } }>(
      `{ providerScorecard(code: "RR8") { indicators { indicator { code } rag target } } }`,
    );
    // 82% in March 2019 against 92%.
    expect(scorecard.data?.providerScorecard.indicators.find((row) => row.indicator.code === 'TEST_RTT_18WK')).toEqual({ indicator: { code: 'TEST_RTT_18WK' }, rag: 'RED', target: 92 });
    await admin.graphql(CREATE, { input: { ...definition, code: 'TEST_NEUTRAL', polarity: 'NEUTRAL' } });
    expect(refusal(await admin.graphql(SET_STANDARD, { input: { ...input, code: 'TEST_NEUTRAL' } }))).toEqual(['BAD_USER_INPUT', 'NEUTRAL_INDICATOR', ['code']]);
    expect(refusal(await admin.graphql(SET_STANDARD, { input: { ...input, code: 'NOT_DEFINED' } }))).toEqual(['NOT_FOUND', 'STANDARD_NOT_FOUND', ['code']]);
  });
});
