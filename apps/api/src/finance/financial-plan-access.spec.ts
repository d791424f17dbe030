import { FINANCIAL_PLAN_ACTION_TYPES, FINANCIAL_PLAN_ACTOR_KINDS } from '@ccg-assure/domain';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { actorKindsOf, authorisePlanAction } from './financial-plan-access';

const viewer = (role: Role, organisationCode: string): Viewer => ({ userId: 'u', username: 'u', displayName: 'U', roles: [{ role, organisationCode }] });
const leedsOfficer = viewer(Role.FINANCE_OFFICER, '02V');
const assessor = viewer(Role.ASSESSOR, 'X24');
const admin = viewer(Role.ADMIN, 'X24');

describe("a signed-in user as the financial plan lifecycle's kinds of actor", () => {
  it.each([
    ['a finance officer, for their own CCG', ['CCG_FINANCE'], leedsOfficer, '02V'],
    ['a finance officer, for another CCG', [], leedsOfficer, '03N'],
    ['an NHS England assessor, for any CCG', ['ASSESSOR'], assessor, '03N'],
    ['an administrator', [], admin, '02V'],
  ])('makes %s %j', (_who, kinds, who, ccgCode) => {
    expect(actorKindsOf(who, ccgCode)).toEqual(kinds);
  });

  it('makes every kind of actor the lifecycle names out of some role, so no action is out of everyone’s reach', () => {
    const held = new Set([...actorKindsOf(leedsOfficer, '02V'), ...actorKindsOf(assessor, '02V')]);
    expect([...held].sort()).toEqual([...FINANCIAL_PLAN_ACTOR_KINDS].sort());
    for (const action of FINANCIAL_PLAN_ACTION_TYPES) {
      const allowed = [leedsOfficer, assessor].filter((who) => {
        try {
          authorisePlanAction(who, action, '02V');
          return true;
        } catch {
          return false;
        }
      });
      expect({ action, allowed: allowed.length > 0 }).toEqual({ action, allowed: true });
    }
  });

  it("refuses the CCG's own actions to another CCG's officer (NOT_YOUR_CCG) and NHS England's to a finance officer (NOT_PERMITTED)", () => {
    expect(() => authorisePlanAction(leedsOfficer, 'SUBMIT', '03N')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' }));
    expect(() => authorisePlanAction(leedsOfficer, 'APPROVE', '02V')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_PERMITTED' }));
    expect(() => authorisePlanAction(admin, 'RECORD_FLEX', '02V')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_PERMITTED' }));
    expect(authorisePlanAction(assessor, 'RECORD_FLEX', '02V')).toEqual(['ASSESSOR']);
  });
});
