import { addCalendarMonths } from '@ccg-assure/domain';
import { OrganisationType } from '../organisations/organisation-type';
import { createServices } from '../server/services';
import { insertOrganisation } from '../testing/fixtures';
import { LEEDS_NORTH, LEEDS_WEST, mutate, publishAssessment, ratings2015, refusal, setUpAssuranceWorld, succeed, type AssuranceWorld } from './assurance.fixtures';

const TRIGGERS = `query($ccg: String!, $year: String) { assuranceTriggers(ccg: $ccg, financialYear: $year) { ccg { code } scorecardAsOf providersConsidered providersBasis
  triggers { kind title detail evidenceKind evidenceReference source { kind providerCode indicatorCode period planId financialYear month assessmentId quarterLabel } } } }`;
type Trigger = {
  kind: string;
  title: string;
  detail: string;
  evidenceKind: string | null;
  evidenceReference: string | null;
  source: { kind: string; providerCode: string | null; indicatorCode: string | null; period: string | null; planId: string | null; financialYear: string | null; month: string | null; assessmentId: string | null; quarterLabel: string | null };
};
type Triggers = { ccg: { code: string }; scorecardAsOf: string | null; providersConsidered: string[]; providersBasis: string; triggers: Trigger[] };

const PLAN = `id version`;
const CREATE = `mutation($input: CreateFinancialPlanDraftInput!) { createFinancialPlanDraft(input: $input) { ${PLAN} } }`;
const SUBMIT = `mutation($input: SubmitFinancialPlanInput!) { submitFinancialPlan(input: $input) { ${PLAN} } }`;
const APPROVE = `mutation($input: ApproveFinancialPlanInput!) { approveFinancialPlan(input: $input) { ${PLAN} } }`;
const FORECAST = `mutation($input: RecordForecastOutturnInput!) { recordForecastOutturn(input: $input) { ${PLAN} } }`;
const lines = (entries: Record<string, string>) => Object.entries(entries).map(([category, amount]) => ({ category, amount }));

/** Month i after April 2014, first day. */
const month = (i: number) => addCalendarMonths('2014-04-01', i);

describe('assurance triggers for a CCG: where each came from', () => {
  let world: AssuranceWorld;
  let compliantPlanId: string;
  let draftPlanId: string;
  let assessmentId: string;

  beforeAll(async () => {
    world = await setUpAssuranceWorld();
    const sql = world.db.dataSource;
    // Leeds North and three trusts: two in its region (Y63), one elsewhere (Y56).
    await insertOrganisation(sql, 'Y63', 'NORTH OF ENGLAND', OrganisationType.REGION);
    await insertOrganisation(sql, 'Y56', 'LONDON', OrganisationType.REGION);
    for (const [code, name] of [
      ['RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST'],
      ['RHQ', 'SHEFFIELD TEACHING HOSPITALS NHS FOUNDATION TRUST'],
      ['RRV', 'UNIVERSITY COLLEGE LONDON HOSPITALS NHS FOUNDATION TRUST'],
    ]) {
      await insertOrganisation(sql, code, name, OrganisationType.NHS_TRUST);
    }
    for (const [code, region] of [
      [LEEDS_NORTH, 'Y63'],
      ['RR8', 'Y63'],
      ['RHQ', 'Y63'],
      ['RRV', 'Y56'],
    ]) {
      await sql.query(`INSERT INTO organisation_relationship (organisation_code, kind, related_code, source) VALUES ($1, 'IN_REGION', $2, 'test')`, [code, region]);
    }
    await sql.query(`INSERT INTO indicator (code, name, description, unit, polarity, period_type, source) VALUES ('AE_4HR_ALL', 'A&E within 4 hours', 'test', 'PERCENTAGE', 'HIGHER_IS_BETTER', 'MONTH', 'test')`);
    const [{ id: batch }] = await sql.query(`INSERT INTO import_batch (kind, file_name, file_sha256, outcome) VALUES ('ae', 'test', repeat('0', 64), 'SUCCEEDED') RETURNING id`);
    // RR8: consistently about 80% against 95% (consistent fail). RHQ: steady about 97%, then 85% (special-cause concern). RRV: failing, elsewhere.
    const series: Record<string, number[]> = {
      RR8: Array.from({ length: 24 }, (_, i) => 80 + (i % 3)),
      RHQ: [...Array.from({ length: 23 }, (_, i) => 97 + (i % 2) * 0.5), 85],
      RRV: Array.from({ length: 24 }, () => 70),
    };
    for (const [code, values] of Object.entries(series)) {
      for (const [i, value] of values.entries()) {
        const [{ id: period }] = await sql.query(
          `INSERT INTO period (type, start_date, end_date, label) VALUES ('MONTH', $1::date, ($1::date + interval '1 month' - interval '1 day')::date, $1)
           ON CONFLICT (type, start_date) DO UPDATE SET label = EXCLUDED.label RETURNING id`,
          [month(i)],
        );
        await sql.query(`INSERT INTO indicator_value (indicator_code, organisation_code, period_id, numerator, denominator, value, import_batch_id) VALUES ('AE_4HR_ALL', $1, $2, $3, 1000, $4, $5)`, [
          code,
          period,
          value * 10,
          value,
          batch,
        ]);
      }
    }
    // Written behind an import's back: scored as start-up scores values out of step with their stored scores (decision 0021).
    await createServices(sql).scores.refreshOutOfStep();

    // 2013/14: approved, forecasting an overspend above 1% of allocation. 2014/15: a draft short of its surplus.
    let plan = await mutate<{ id: string; version: number }>(world.leedsFinance, CREATE, {
      ccg: LEEDS_NORTH,
      financialYear: '2013/14',
      allocation: '100000000.00',
      lines: lines({ ACUTE: '96500000.00', CONTINGENCY: '500000.00', NON_RECURRENT_FUND: '2000000.00' }),
    });
    compliantPlanId = plan.id;
    plan = await mutate(world.leedsFinance, SUBMIT, { planId: plan.id, expectedVersion: plan.version });
    plan = await mutate(world.assessor, APPROVE, { planId: plan.id, expectedVersion: plan.version });
    await mutate(world.leedsFinance, FORECAST, { planId: plan.id, month: '2013-09', amount: '100500000.00' });
    draftPlanId = (
      await mutate<{ id: string }>(world.leedsFinance, CREATE, {
        ccg: LEEDS_NORTH,
        financialYear: '2014/15',
        allocation: '100000000.00',
        lines: lines({ ACUTE: '97000000.00', CONTINGENCY: '500000.00', NON_RECURRENT_FUND: '2500000.00' }),
      })
    ).id;
    assessmentId = (await publishAssessment(world.assessor, { ccg: LEEDS_NORTH, financialYear: '2015/16', quarter: 1, assessedOn: '2015-06-30', ratings: ratings2015('NOT_ASSURED', 'GOOD', 'GOOD', 'GOOD', 'GOOD') })).id;
  }, 60_000);
  afterAll(() => world.close());

  it('relates providers to the CCG as the scorecard grid does (its NHS England region), and flags consistent fail and special-cause concern', async () => {
    const result = await succeed<Triggers>(world.assessor, TRIGGERS, { ccg: LEEDS_NORTH });
    expect(result.scorecardAsOf).toBe(month(23));
    expect(result.providersConsidered.sort()).toEqual(['RHQ', 'RR8']);
    expect(result.providersBasis).toBe('REGION');
    const indicators = result.triggers.filter((trigger) => trigger.source.kind === 'SCORECARD');
    expect(indicators.map((trigger) => [trigger.kind, trigger.source.providerCode])).toEqual(
      expect.arrayContaining([
        ['INDICATOR_CONSISTENTLY_FAILING', 'RR8'],
        ['INDICATOR_SPECIAL_CAUSE_CONCERN', 'RHQ'],
      ]),
    );
    expect(indicators.every((trigger) => trigger.source.providerCode !== 'RRV')).toBe(true);
    expect(indicators.find((trigger) => trigger.source.providerCode === 'RR8')).toMatchObject({
      evidenceKind: 'SCORECARD_INDICATOR',
      evidenceReference: 'RR8/AE_4HR_ALL',
      source: { indicatorCode: 'AE_4HR_ALL', period: month(23) },
      title: expect.stringMatching(/^\S.* \(RR8\): A&E: four-hour wait, all department types, consistently failing$/),
      detail: expect.stringMatching(/was 82\.0% against the standard of 95\.0%\.$/),
    });
    // words on screen, never enum codes (issue 20)
    for (const trigger of result.triggers) expect(`${trigger.title} ${trigger.detail}`).not.toMatch(/\b[A-Z0-9]+_[A-Z0-9_]+\b/);
  });

  it('flags the latest plan version not compliant and the adverse forecast variance, each pointing at its plan', async () => {
    const result = await succeed<Triggers>(world.assessor, TRIGGERS, { ccg: LEEDS_NORTH });
    const plans = result.triggers.filter((trigger) => trigger.source.kind === 'FINANCIAL_PLAN');
    expect(plans).toEqual([
      expect.objectContaining({
        kind: 'PLAN_NOT_COMPLIANT',
        evidenceKind: 'PLAN_COMPLIANCE',
        evidenceReference: `${LEEDS_NORTH}/2014/15`,
        detail: expect.stringMatching(/^Version \d+ \(draft\) falls short on Surplus by £1,000,000\.00/),
        source: expect.objectContaining({ planId: draftPlanId, financialYear: '2014/15', month: null }),
      }),
      expect.objectContaining({
        kind: 'ADVERSE_FORECAST_VARIANCE',
        evidenceKind: 'FORECAST_VARIANCE',
        detail: expect.stringContaining('£1,500,000.00 over planned spend, above the £1,000,000.00 threshold'),
        source: expect.objectContaining({ planId: compliantPlanId, financialYear: '2013/14', month: '2013-09' }),
      }),
    ]);
    const forYear = await succeed<Triggers>(world.assessor, TRIGGERS, { ccg: LEEDS_NORTH, year: '2013/14' });
    expect(forYear.triggers.filter((trigger) => trigger.source.kind === 'FINANCIAL_PLAN').map((trigger) => trigger.kind)).toEqual(['ADVERSE_FORECAST_VARIANCE']);
  });

  it('flags Not assured in the latest published assessment: the category and each Not assured domain', async () => {
    const result = await succeed<Triggers>(world.assessor, TRIGGERS, { ccg: LEEDS_NORTH });
    expect(result.triggers.filter((trigger) => trigger.source.kind === 'ASSESSMENT')).toEqual([
      expect.objectContaining({ kind: 'NOT_ASSURED_CATEGORY', source: expect.objectContaining({ assessmentId, quarterLabel: '2015/16 Q1' }), evidenceKind: null }),
      expect.objectContaining({ kind: 'NOT_ASSURED_DOMAIN_RATING', title: 'Well led: Not assured in 2015/16 Q1', source: expect.objectContaining({ assessmentId }) }),
    ]);
  });

  it('considers the CCG’s contracted providers once it holds contracts for the year (issue 15), the region only where it has none', async () => {
    const [{ id }] = await world.db.dataSource.query(
      `INSERT INTO contract (provider_code, financial_year, lead_commissioner_code, contract_value, title) VALUES ('RHQ', '2015/16', $1, 1000000, 'test') RETURNING id`,
      [LEEDS_NORTH],
    );
    try {
      const result = await succeed<Triggers>(world.assessor, TRIGGERS, { ccg: LEEDS_NORTH });
      expect(result).toMatchObject({ providersConsidered: ['RHQ'], providersBasis: 'CONTRACTS' });
      expect(result.triggers.filter((trigger) => trigger.source.kind === 'SCORECARD').map((trigger) => trigger.source.providerCode)).toEqual(['RHQ']);
    } finally {
      await world.db.dataSource.query(`DELETE FROM contract WHERE id = $1`, [id]);
    }
    expect(await succeed<Triggers>(world.assessor, TRIGGERS, { ccg: LEEDS_NORTH })).toMatchObject({ providersBasis: 'REGION' });
  });

  it('has no triggers for a CCG with nothing wrong and no region; refuses anyone but an assessor', async () => {
    expect(await succeed<Triggers>(world.assessor, TRIGGERS, { ccg: LEEDS_WEST })).toMatchObject({ providersConsidered: [], triggers: [] });
    expect(await refusal(world.leedsFinance, TRIGGERS, { ccg: LEEDS_NORTH })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(world.anonymous, TRIGGERS, { ccg: LEEDS_NORTH })).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
