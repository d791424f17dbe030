import { Percentage } from '@ccg-assure/domain';
import { LEEDS_NORTH } from './financial-plans.fixtures';
import { figures100m, setUpPlanServiceWorld, type PlanServiceWorld } from './financial-plans-service.fixtures';

// A flex is approved on a day in England (Europe/London), not in UTC: between 00:00 and 01:00 BST the UTC date
// is still yesterday, and the service used to refuse a flex approved "today" then as approved in the future.
// The service reads its clock once (the `now` option), so the instant is set here, not by faking timers.

describe("a flex's approval day is today in England, by the service's clock", () => {
  let world: PlanServiceWorld;
  let planId: string;

  /** The service as it runs at `instant`. */
  const serviceAt = (instant: string) => world.service({ now: () => new Date(instant) });
  const flex = (approvedOn: string | null) => ({ planId, rule: 'SURPLUS' as const, percentage: Percentage.parse('0.5'), reason: 'Agreed with the area team.', approvedOn });
  const approvedOnInForce = async () => (await world.service().getPlanById(world.assessor, planId)).flexes.find((f) => f.supersededAt === null)?.approvedOn;

  beforeAll(async () => {
    world = await setUpPlanServiceWorld();
    planId = await world.service().createDraft(world.leedsOfficer, 'test', { ccg: LEEDS_NORTH, financialYear: '2014/15', ...figures100m() });
  }, 60_000);
  afterAll(() => world.close());

  // 00:30 BST on Thursday 11 June 2015 is 23:30 UTC on Wednesday 10 June.
  const HALF_PAST_MIDNIGHT_BST = '2015-06-10T23:30:00Z';

  it('accepts a flex approved "today" at 00:30 BST, when the date in UTC is still yesterday', async () => {
    await serviceAt(HALF_PAST_MIDNIGHT_BST).recordFlex(world.assessor, 'test', flex('2015-06-11'));
    expect(await approvedOnInForce()).toBe('2015-06-11');
  });

  it('dates a flex given no approval day with today in England, not in UTC', async () => {
    await serviceAt(HALF_PAST_MIDNIGHT_BST).recordFlex(world.assessor, 'test', flex(null));
    expect(await approvedOnInForce()).toBe('2015-06-11');
  });

  it('refuses the day after today in England (BAD_USER_INPUT, APPROVAL_DATE_IN_FUTURE, naming approvedOn)', async () => {
    await expect(serviceAt(HALF_PAST_MIDNIGHT_BST).recordFlex(world.assessor, 'test', flex('2015-06-12'))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'APPROVAL_DATE_IN_FUTURE',
      details: { approvedOn: '2015-06-12', today: '2015-06-11', fields: ['approvedOn'] },
    });
  });

  it('in winter (GMT) takes the UTC date: at 23:30 on 30 November, 1 December is still to come', async () => {
    const winter = serviceAt('2015-11-30T23:30:00Z');
    await expect(winter.recordFlex(world.assessor, 'test', flex('2015-12-01'))).rejects.toMatchObject({ reason: 'APPROVAL_DATE_IN_FUTURE' });
    await winter.recordFlex(world.assessor, 'test', flex(null));
    expect(await approvedOnInForce()).toBe('2015-11-30');
  });
});
