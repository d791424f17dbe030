import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { ImportBatchEntity } from '../imports/import-batch.entity';
import { OrganisationType } from '../organisations/organisation-type';
import { insertOrganisation } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';
import { IndicatorValueEntity } from './indicator-value.entity';
import { IndicatorEntity } from './indicator.entity';
import { PeriodEntity } from './period.entity';

interface Page {
  edges: { cursor: string; node: { organisation: { code: string }; period: { startDate: string }; value: number } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
const PAGE = `query($first: Int, $after: String, $organisations: [String!]) {
  indicatorValuePage(indicator: "AE_4HR_ALL", organisations: $organisations, first: $first, after: $after) {
    edges { cursor node { organisation { code } period { startDate } value } } pageInfo { hasNextPage endCursor }
  }
}`;

/** indicatorValues paged with a cap like the other lists (issue 13, point 2); the whole-list form kept for existing clients. */
describe('indicatorValuePage', () => {
  let db: TestDatabase;
  let server: TestServer;
  const trusts = ['RAE', 'RR8', 'RXF'];
  const months = ['2016-04-01', '2016-05-01', '2016-06-01', '2016-07-01'];

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const code of trusts) await insertOrganisation(db.dataSource, code, `TRUST ${code}`, OrganisationType.NHS_TRUST);
    await db.dataSource.getRepository(IndicatorEntity).insert({
      code: 'AE_4HR_ALL', name: 'A&E four hours', description: 'Seen within four hours', unit: 'PERCENT', polarity: 'HIGHER_IS_BETTER', periodType: 'MONTH',
      numeratorDefinition: null, denominatorDefinition: null, source: 'test',
    });
    const batch = await db.dataSource.getRepository(ImportBatchEntity).insert({ kind: 'ae', fileName: 'ae.csv', fileSha256: '0'.repeat(64), outcome: 'SUCCEEDED', actorUserId: null, actorUsername: 'test' });
    const importBatchId = String(batch.identifiers[0].id);
    for (const [index, startDate] of months.entries()) {
      const period = await db.dataSource.getRepository(PeriodEntity).save({ type: 'MONTH', startDate, endDate: startDate.replace(/-01$/, '-28'), label: `month ${index}` });
      for (const code of trusts) {
        await db.dataSource.getRepository(IndicatorValueEntity).insert({ indicatorCode: 'AE_4HR_ALL', organisationCode: code, periodId: period.id, numerator: String(90 + index), denominator: '100', value: String(90 + index), importBatchId });
      }
    }
    server = await startTestServer(db.dataSource);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  const page = async (variables: Record<string, unknown>) => {
    const response = await server.client().graphql<{ indicatorValuePage: Page }>(PAGE, variables);
    return response;
  };

  it('walks every value in order, page by page, with no value twice or left out', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 10; pageNumber++) {
      const { data, errors } = await page({ first: 5, after });
      expect(errors).toBeUndefined();
      const current = data?.indicatorValuePage as Page;
      seen.push(...current.edges.map((edge) => `${edge.node.organisation.code} ${edge.node.period.startDate}`));
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    expect(seen).toEqual(trusts.flatMap((code) => months.map((month) => `${code} ${month}`)));
  });

  it('keeps to the filters and defaults to 50 values', async () => {
    const { data } = await page({ organisations: ['RR8'] });
    expect(data?.indicatorValuePage.edges.map((edge) => edge.node.organisation.code)).toEqual(['RR8', 'RR8', 'RR8', 'RR8']);
    expect(data?.indicatorValuePage.pageInfo.hasNextPage).toBe(false);
  });

  it.each([0, 201, -1])('refuses first: %p as PAGE_SIZE_INVALID (1 to 200)', async (first) => {
    const { errors } = await page({ first });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_INVALID' });
  });

  it('refuses a cursor it did not give out as CURSOR_INVALID', async () => {
    const { errors } = await page({ after: Buffer.from('RR8|yesterday').toString('base64url') });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CURSOR_INVALID' });
  });

  it('keeps the deprecated whole-list indicatorValues answering as before', async () => {
    const { data, errors } = await server.client().graphql<{ indicatorValues: unknown[] }>(`{ indicatorValues(indicator: "AE_4HR_ALL", organisations: ["RAE"]) { period { startDate } } }`);
    expect(errors).toBeUndefined();
    expect(data?.indicatorValues).toHaveLength(4);
  });

  describe('SQL statements (issue 19 point 6)', () => {
    const VALUES = `query($indicator: String!, $organisations: [String!], $from: Date, $to: Date) {
      indicatorValues(indicator: $indicator, organisations: $organisations, from: $from, to: $to) {
        indicatorCode organisation { code name type } period { startDate endDate label } numerator denominator value } }`;

    async function statementsFor(query: string, variables: Record<string, unknown>) {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const response = await server.client().graphql<Record<string, unknown>>(query, variables);
        return { statements: spy.mock.calls.length, response };
      } finally {
        spy.mockRestore();
      }
    }

    it("answers one provider's values with their organisation in one statement", async () => {
      const { statements, response } = await statementsFor(VALUES, { indicator: 'AE_4HR_ALL', organisations: ['RR8'] });
      expect(response.errors).toBeUndefined();
      expect(response.data?.indicatorValues).toEqual(
        months.map((startDate, index) => ({
          indicatorCode: 'AE_4HR_ALL',
          organisation: { code: 'RR8', name: 'TRUST RR8', type: 'NHS_TRUST' },
          period: { startDate, endDate: startDate.replace(/-01$/, '-28'), label: `month ${index}` },
          numerator: 90 + index,
          denominator: 100,
          value: 90 + index,
        })),
      );
      expect(statements).toBe(1);
    });

    it('answers a page of values in one statement', async () => {
      const { statements, response } = await statementsFor(PAGE, { first: 5 });
      expect(response.errors).toBeUndefined();
      expect((response.data?.indicatorValuePage as Page).edges).toHaveLength(5);
      expect(statements).toBe(1);
    });

    it('still answers an unknown indicator with NOT_FOUND, and an indicator without such values with none, in one statement', async () => {
      const unknown = await statementsFor(VALUES, { indicator: 'NO_SUCH_INDICATOR', organisations: ['RR8'] });
      expect(unknown.response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'INDICATOR_NOT_FOUND' });
      expect(unknown.statements).toBe(1);
      const none = await statementsFor(VALUES, { indicator: 'AE_4HR_ALL', organisations: ['ZZZ'] });
      expect(none.response).toEqual({ data: { indicatorValues: [] } });
      expect(none.statements).toBe(1);
      const unknownPage = await statementsFor(`{ indicatorValuePage(indicator: "NO_SUCH_INDICATOR") { edges { cursor } } }`, {});
      expect(unknownPage.response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'INDICATOR_NOT_FOUND' });
    });

    it('rolls an indicator up with its definition in one statement, and answers an unknown one with NOT_FOUND', async () => {
      const AGGREGATE = `query($indicator: String!) { indicatorAggregate(indicator: $indicator, from: "2016-04-01", to: "2016-05-01", organisations: ["RR8", "RAE"]) {
        indicator { code name unit } numerator denominator value organisationCount periodCount } }`;
      // This suite's indicator has the unit PERCENT, not PERCENTAGE: its value is the plain ratio.
      const { statements, response } = await statementsFor(AGGREGATE, { indicator: 'AE_4HR_ALL' });
      expect(response).toEqual({
        data: {
          indicatorAggregate: { indicator: { code: 'AE_4HR_ALL', name: 'A&E four hours', unit: 'PERCENT' }, numerator: 362, denominator: 400, value: 0.905, organisationCount: 2, periodCount: 2 },
        },
      });
      expect(statements).toBe(1);
      const unknown = await statementsFor(AGGREGATE, { indicator: 'NO_SUCH_INDICATOR' });
      expect(unknown.response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'INDICATOR_NOT_FOUND' });
    });

    it('refuses a reversed date range of a known indicator as DATE_RANGE_INVALID, and of an unknown one as NOT_FOUND, as before', async () => {
      const reversed = { organisations: ['RR8'], from: '2016-06-01', to: '2016-04-01' };
      expect((await statementsFor(VALUES, { indicator: 'AE_4HR_ALL', ...reversed })).response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DATE_RANGE_INVALID' });
      expect((await statementsFor(VALUES, { indicator: 'NO_SUCH_INDICATOR', ...reversed })).response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'INDICATOR_NOT_FOUND' });
    });
  });
});
