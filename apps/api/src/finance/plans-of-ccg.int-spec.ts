import { Money } from '@ccg-assure/domain';
import { LEEDS_NORTH, SHEFFIELD } from './financial-plans.fixtures';
import { figures100m, setUpPlanServiceWorld, type PlanServiceWorld } from './financial-plans-service.fixtures';
import type { FinancialPlansService } from './financial-plans.service';

// plansOfCcg: the use case the assurance triggers read a CCG's plans through (issue 12), one call instead of
// one getPlan per rule-set year.

describe('plansOfCcg: every plan of a CCG, newest financial year first', () => {
  let world: PlanServiceWorld;
  let service: FinancialPlansService;

  beforeAll(async () => {
    world = await setUpPlanServiceWorld();
    service = world.service();
    // Made out of order, so that the order of the answer is the use case's.
    for (const financialYear of ['2014/15', '2013/14', '2015/16']) {
      const extra = financialYear === '2015/16' ? { priorYearRunningCosts: Money.parse('5000000.00'), betterCareFundMinimum: Money.parse('0.00') } : {};
      await service.createDraft(world.leedsOfficer, 'test', { ccg: LEEDS_NORTH, financialYear, ...figures100m(), ...extra });
    }
  }, 60_000);
  afterAll(() => world.close());

  it('gives the plans newest year first, each the view getPlan gives', async () => {
    const plans = await service.plansOfCcg(world.assessor, LEEDS_NORTH);
    expect(plans.map((plan) => plan.financialYear)).toEqual(['2015/16', '2014/15', '2013/14']);
    for (const plan of plans) expect(plan).toEqual(await service.getPlan(world.assessor, LEEDS_NORTH, plan.financialYear));
  });

  it('gives an empty list for a CCG without plans, and reads the code as getPlan does', async () => {
    expect(await service.plansOfCcg(world.assessor, SHEFFIELD)).toEqual([]);
    expect((await service.plansOfCcg(world.leedsOfficer, ' 02v ')).map((plan) => plan.financialYear)).toEqual(['2015/16', '2014/15', '2013/14']);
  });

  it("refuses another CCG's finance officer (FORBIDDEN, NOT_YOUR_CCG)", async () => {
    await expect(service.plansOfCcg(world.sheffieldOfficer, LEEDS_NORTH)).rejects.toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' });
  });
});
