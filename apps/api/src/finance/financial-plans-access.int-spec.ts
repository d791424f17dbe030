import { Money, type PlanCategory } from '@ccg-assure/domain';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { OrganisationType } from '../organisations/organisation-type';
import { OrganisationsService } from '../organisations/organisations.service';
import { insertOrganisation } from '../testing/fixtures';
import type { TestClient } from '../testing/test-server';
import {
  APPROVE,
  CREATE,
  FLEX,
  FORECAST,
  GET_PLAN,
  LEEDS_NORTH,
  linesOf,
  mutatePlan,
  readPlan,
  refusal,
  RETURN,
  setUpFinanceWorld,
  SHEFFIELD,
  SUBMIT,
  THRESHOLD,
  UPDATE,
  type FinanceWorld,
  type Plan,
} from './financial-plans.fixtures';
import { FinancialPlansService } from './financial-plans.service';

const compliant2013 = {
  allocation: '100000000.00',
  lines: linesOf({ ACUTE: '96500000.00', CONTINGENCY: '500000.00', NON_RECURRENT_FUND: '2000000.00' }),
};

describe("financial plans: a finance officer reaches only their own CCG's plans, object by object", () => {
  let world: FinanceWorld;
  let leeds: Plan;
  let sheffield: Plan;

  beforeAll(async () => {
    world = await setUpFinanceWorld();
    leeds = await mutatePlan(world.leedsFinance, CREATE, { ccg: LEEDS_NORTH, financialYear: '2013/14', ...compliant2013 });
    sheffield = await mutatePlan(world.sheffieldFinance, CREATE, { ccg: SHEFFIELD, financialYear: '2013/14', ...compliant2013 });
  }, 60_000);
  afterAll(() => world.close());

  const leedsVersion = async () => (await readPlan(world.assessor, LEEDS_NORTH, '2013/14'))?.version;

  it("lets each CCG's finance officer read their own plan", async () => {
    expect((await readPlan(world.leedsFinance, LEEDS_NORTH, '2013/14'))?.id).toBe(leeds.id);
    expect((await readPlan(world.sheffieldFinance, SHEFFIELD, '2013/14'))?.id).toBe(sheffield.id);
  });

  it("refuses another CCG's plan to a finance officer (FORBIDDEN, NOT_YOUR_CCG), whether or not it exists", async () => {
    for (const year of ['2013/14', '2015/16']) {
      const response = await world.sheffieldFinance.graphql(GET_PLAN, { ccg: LEEDS_NORTH, year });
      expect(response.data?.financialPlan ?? null).toBeNull();
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' });
    }
  });

  it("refuses another CCG's finance officer each change: create, update, submit, forecast; the plan is unchanged", async () => {
    const version = await leedsVersion();
    expect(await refusal(world.sheffieldFinance, CREATE, { ccg: LEEDS_NORTH, financialYear: '2014/15', ...compliant2013 })).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' });
    expect(await refusal(world.sheffieldFinance, UPDATE, { planId: leeds.id, expectedVersion: version, ...compliant2013, allocation: '1.00' })).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' });
    expect(await refusal(world.sheffieldFinance, SUBMIT, { planId: leeds.id, expectedVersion: version })).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' });
    expect(await readPlan(world.assessor, LEEDS_NORTH, '2014/15')).toBeNull();
    expect(await readPlan(world.assessor, LEEDS_NORTH, '2013/14')).toMatchObject({ version, status: 'DRAFT', latestVersion: { allocation: '100000000.00' } });
  });

  it("refuses another CCG's finance officer a forecast on an approved plan, which the CCG's own officer may record", async () => {
    await mutatePlan(world.leedsFinance, SUBMIT, { planId: leeds.id, expectedVersion: await leedsVersion() });
    await mutatePlan(world.assessor, APPROVE, { planId: leeds.id, expectedVersion: await leedsVersion() });
    expect(await refusal(world.sheffieldFinance, FORECAST, { planId: leeds.id, month: '2013-06', amount: '1.00' })).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' });
    expect((await readPlan(world.assessor, LEEDS_NORTH, '2013/14'))?.forecasts).toEqual([]);
    expect((await mutatePlan(world.leedsFinance, FORECAST, { planId: leeds.id, month: '2013-06', amount: '97000000.00' })).forecasts).toHaveLength(1);
  });

  it('keeps the review to NHS England: a finance officer may not approve, return, flex or set the threshold (FORBIDDEN)', async () => {
    const submitted = await mutatePlan(world.sheffieldFinance, SUBMIT, { planId: sheffield.id, expectedVersion: 1 });
    for (const [operation, input] of [
      [APPROVE, { planId: sheffield.id, expectedVersion: submitted.version }],
      [RETURN, { planId: sheffield.id, expectedVersion: submitted.version, reason: 'mine' }],
      [FLEX, { planId: sheffield.id, rule: 'SURPLUS', percentage: '0', reason: 'mine' }],
      [THRESHOLD, { planId: sheffield.id, percentage: '5' }],
    ] as const) {
      expect(await refusal(world.sheffieldFinance, operation, input)).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await readPlan(world.assessor, SHEFFIELD, '2013/14')).toMatchObject({ status: 'SUBMITTED', flexes: [], forecastWarningThresholdPercent: '1' });
  });

  it('lets NHS England assessors and administrators read every CCG\'s plan', async () => {
    for (const client of [world.assessor, world.admin]) {
      expect((await readPlan(client, LEEDS_NORTH, '2013/14'))?.id).toBe(leeds.id);
      expect((await readPlan(client, SHEFFIELD, '2013/14'))?.id).toBe(sheffield.id);
    }
  });

  it("refuses assessors and administrators the CCG's own changes, and administrators the review (FORBIDDEN)", async () => {
    for (const client of [world.assessor, world.admin]) {
      expect(await refusal(client, CREATE, { ccg: SHEFFIELD, financialYear: '2014/15', ...compliant2013 })).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refusal(client, FORECAST, { planId: leeds.id, month: '2013-07', amount: '1.00' })).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await refusal(world.admin, APPROVE, { planId: sheffield.id, expectedVersion: 2 })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses other roles (FORBIDDEN) and anonymous callers (UNAUTHENTICATED), reading or changing', async () => {
    const cases: [TestClient, string][] = [
      [world.manager, 'FORBIDDEN'],
      [world.anonymous, 'UNAUTHENTICATED'],
    ];
    for (const [client, code] of cases) {
      const read = await client.graphql(GET_PLAN, { ccg: LEEDS_NORTH, year: '2013/14' });
      expect(read.errors?.[0].extensions?.code).toBe(code);
      const list = await client.graphql(`{ financialPlans { totalCount } }`);
      expect(list.errors?.[0].extensions?.code).toBe(code);
      expect(await refusal(client, CREATE, { ccg: LEEDS_NORTH, financialYear: '2015/16', ...compliant2013 })).toMatchObject({ code });
      expect(await refusal(client, APPROVE, { planId: sheffield.id, expectedVersion: 2 })).toMatchObject({ code });
    }
  });

  it('lists for a finance officer only their own CCG\'s plans, and every plan for NHS England', async () => {
    const codes = async (client: TestClient) => {
      const response = await client.graphql<{ financialPlans: { totalCount: number; edges: { node: { ccg: { code: string } } }[] } }>(`{ financialPlans { totalCount edges { node { ccg { code } } } } }`);
      expect(response.errors).toBeUndefined();
      return response.data?.financialPlans.edges.map((edge) => edge.node.ccg.code);
    };
    expect(await codes(world.sheffieldFinance)).toEqual([SHEFFIELD]);
    expect(await codes(world.leedsFinance)).toEqual([LEEDS_NORTH]);
    expect(await codes(world.assessor)).toEqual([LEEDS_NORTH, SHEFFIELD]);
    expect(await codes(world.admin)).toEqual([LEEDS_NORTH, SHEFFIELD]);
    expect(await codes(world.areaTeamFinance)).toEqual([]);
  });
});

describe('financialPlans: the England and region view', () => {
  let world: FinanceWorld;
  // Twelve CCGs, three years each: the North (Y54) and the South (Y57) through area teams, as the hierarchy file has them.
  const north = ['02V', '03C', '03G', '03N'];
  const south = ['09C', '09E', '09J', '09W', '10A', '10D', '10E', '99J'];

  type Page = { financialPlans: { totalCount: number; edges: { cursor: string; node: { ccg: { code: string }; financialYear: string; status: string; compliant: boolean } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  const LIST = `query($filter: FinancialPlanFilter, $first: Int, $after: String) {
    financialPlans(filter: $filter, first: $first, after: $after) {
      totalCount edges { cursor node { ccg { code name } financialYear status compliant } } pageInfo { hasNextPage endCursor } } }`;
  const list = async (filter: Record<string, unknown> = {}, first = 200, after: string | null = null) => {
    const response = await world.assessor.graphql<Page>(LIST, { filter, first, after });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data?.financialPlans as Page['financialPlans'];
  };

  beforeAll(async () => {
    world = await setUpFinanceWorld();
    const sql = world.db.dataSource;
    for (const [code, name] of [
      ['Y54', 'NORTH OF ENGLAND'],
      ['Y57', 'SOUTH OF ENGLAND'],
      ['Q81', 'NHS ENGLAND SOUTH EAST'],
    ]) {
      await insertOrganisation(sql, code, name, code.startsWith('Y') ? OrganisationType.REGION : OrganisationType.AREA_TEAM);
    }
    for (const code of [...north, ...south]) await insertOrganisation(sql, code, code === '09W' ? 'NHS MEDWAY CCG' : `NHS CCG ${code}`);
    await sql.query(`INSERT INTO organisation_relationship (organisation_code, kind, related_code, valid_from, source) VALUES ('Q72', 'IN_REGION', 'Y54', '2016-04-01', 'test'), ('Q81', 'IN_REGION', 'Y57', '2016-04-01', 'test')`);
    for (const code of north) await sql.query(`INSERT INTO organisation_relationship (organisation_code, kind, related_code, valid_from, source) VALUES ($1, 'IN_AREA_TEAM', 'Q72', '2016-04-01', 'test')`, [code]);
    for (const code of south) await sql.query(`INSERT INTO organisation_relationship (organisation_code, kind, related_code, valid_from, source) VALUES ($1, 'IN_AREA_TEAM', 'Q81', '2016-04-01', 'test')`, [code]);

    // Plans made through the service by a finance officer of all twelve (an object-level viewer, not a user that signs in).
    const [{ id: userId }] = await sql.query(`SELECT id FROM app_user WHERE username = 'leeds-finance'`);
    const officer: Viewer = { userId, username: 'leeds-finance', displayName: 'Test', roles: [...north, ...south].map((organisationCode) => ({ role: Role.FINANCE_OFFICER, organisationCode })) };
    const assessorId = (await sql.query(`SELECT id FROM app_user WHERE username = 'assessor'`))[0].id;
    const assessor: Viewer = { userId: assessorId, username: 'assessor', displayName: 'Test', roles: [{ role: Role.ASSESSOR, organisationCode: 'X24' }] };
    const service = new FinancialPlansService(sql, new OrganisationsService(sql));
    const amount = (pounds: string) => Money.parse(pounds);
    for (const [index, code] of [...north, ...south].entries()) {
      for (const financialYear of ['2013/14', '2014/15']) {
        // Every third plan holds no contingency, so it does not comply; every other plan is submitted.
        const lines: { category: PlanCategory; amount: Money }[] = [
          { category: 'ACUTE', amount: amount(financialYear === '2013/14' ? '96500000.00' : '96000000.00') },
          { category: 'NON_RECURRENT_FUND', amount: amount(financialYear === '2013/14' ? '2000000.00' : '2500000.00') },
          { category: 'CONTINGENCY', amount: amount(index % 3 === 0 ? '0.00' : '500000.00') },
        ];
        const planId = await service.createDraft(officer, 'test', { ccg: code, financialYear, allocation: amount('100000000.00'), lines });
        if (index % 2 === 0) await service.submit(officer, 'test', { planId, expectedVersion: 1 });
        if (index % 4 === 0) await service.approve(assessor, 'test', { planId, expectedVersion: 2 });
      }
    }
  }, 60_000);
  afterAll(() => world.close());

  it('orders plans by CCG code then year, with the total', async () => {
    const page = await list();
    expect(page.totalCount).toBe(24);
    expect(page.edges.slice(0, 3).map((edge) => [edge.node.ccg.code, edge.node.financialYear])).toEqual([
      ['02V', '2013/14'],
      ['02V', '2014/15'],
      ['03C', '2013/14'],
    ]);
  });

  it('pages with cursors, each plan exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: Page['financialPlans'] = await list({}, 5, after);
      seen.push(...result.edges.map((edge) => `${edge.node.ccg.code} ${edge.node.financialYear}`));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(24);
    expect(new Set(seen).size).toBe(24);
  });

  it('filters by region through area teams', async () => {
    const page = await list({ region: 'Y54' });
    expect(new Set(page.edges.map((edge) => edge.node.ccg.code))).toEqual(new Set(north));
    expect(page.totalCount).toBe(8);
  });

  it('filters by status, compliance, year and search, all together', async () => {
    expect((await list({ status: 'APPROVED' })).edges.every((edge) => edge.node.status === 'APPROVED')).toBe(true);
    expect((await list({ status: 'APPROVED' })).totalCount).toBe(6); // CCGs 0, 4, 8: two years each
    expect((await list({ compliant: false })).totalCount).toBe(8); // CCGs 0, 3, 6, 9
    expect((await list({ compliant: true, financialYear: '2014-15' })).totalCount).toBe(8);
    expect((await list({ search: 'medway' })).edges.map((edge) => edge.node.ccg.code)).toEqual(['09W', '09W']);
    expect((await list({ region: 'Y57', status: 'SUBMITTED', compliant: true, financialYear: '2013/14' })).edges.map((edge) => edge.node.ccg.code)).toEqual(['10E']);
  });

  it('refuses a cursor it did not give out (CURSOR_INVALID) and a page over 200 (PAGE_SIZE_INVALID)', async () => {
    const bad = await world.assessor.graphql(LIST, { after: 'bm9wZQ' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CURSOR_INVALID' });
    const big = await world.assessor.graphql(LIST, { first: 201 });
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_INVALID' });
  });

  it('costs the same number of SQL statements for 2 plans as for 24, with versions, flexes, forecasts and CCGs', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const statementsFor = async (first: number) => {
      spy.mockClear();
      const response = await world.assessor.graphql(
        `query($first: Int) { financialPlans(first: $first) { edges { node { ccg { name } latestVersion { compliance { compliant } createdBy { username } }
           versions { number lines { amount } } flexes { rule } forecasts { month } financialWarning { month } } } } }`,
        { first },
      );
      expect(response.errors).toBeUndefined();
      return spy.mock.calls.length;
    };
    const small = await statementsFor(2);
    const large = await statementsFor(24);
    spy.mockRestore();
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(11); // session and roles (3), count, page, five loads, organisations
  });
});
