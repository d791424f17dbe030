import { Money, type PlanCategory } from '@ccg-assure/domain';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { OrganisationType } from '../organisations/organisation-type';
import { OrganisationsService } from '../organisations/organisations.service';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { FinancialPlansService } from './financial-plans.service';

// plansOfCcg: the use case the assurance triggers read a CCG's plans through (issue 12), one call instead of
// one getPlan per rule-set year.

const LEEDS_NORTH = '02V';
const SHEFFIELD = '03N';
const NHS_ENGLAND = 'X24';

describe('plansOfCcg: every plan of a CCG, newest financial year first', () => {
  let db: TestDatabase;
  let service: FinancialPlansService;
  let leedsOfficer: Viewer;
  let sheffieldOfficer: Viewer;
  let assessor: Viewer;

  const viewer = (userId: string, username: string, role: Role, organisationCode: string): Viewer => ({ userId, username, displayName: username, roles: [{ role, organisationCode }] });
  const lines = (acute: string): { category: PlanCategory; amount: Money }[] => [
    { category: 'ACUTE', amount: Money.parse(acute) },
    { category: 'CONTINGENCY', amount: Money.parse('500000.00') },
    { category: 'NON_RECURRENT_FUND', amount: Money.parse('2500000.00') },
  ];

  beforeAll(async () => {
    db = await createTestDatabase();
    await insertOrganisation(db.dataSource, LEEDS_NORTH, 'NHS LEEDS NORTH CCG');
    await insertOrganisation(db.dataSource, SHEFFIELD, 'NHS SHEFFIELD CCG');
    await insertOrganisation(db.dataSource, NHS_ENGLAND, 'NHS ENGLAND', OrganisationType.NHS_ENGLAND);
    leedsOfficer = viewer(await insertUser(db.dataSource, 'leeds-finance', [{ role: Role.FINANCE_OFFICER, organisationCode: LEEDS_NORTH }]), 'leeds-finance', Role.FINANCE_OFFICER, LEEDS_NORTH);
    sheffieldOfficer = viewer(await insertUser(db.dataSource, 'sheffield-finance', [{ role: Role.FINANCE_OFFICER, organisationCode: SHEFFIELD }]), 'sheffield-finance', Role.FINANCE_OFFICER, SHEFFIELD);
    assessor = viewer(await insertUser(db.dataSource, 'assessor', [{ role: Role.ASSESSOR, organisationCode: NHS_ENGLAND }]), 'assessor', Role.ASSESSOR, NHS_ENGLAND);
    service = new FinancialPlansService(db.dataSource, new OrganisationsService(db.dataSource));
    // Made out of order, so that the order of the answer is the use case's.
    for (const financialYear of ['2014/15', '2013/14', '2015/16']) {
      const extra = financialYear === '2015/16' ? { priorYearRunningCosts: Money.parse('5000000.00'), betterCareFundMinimum: Money.parse('0.00') } : {};
      await service.createDraft(leedsOfficer, 'test', { ccg: LEEDS_NORTH, financialYear, allocation: Money.parse('100000000.00'), lines: lines('96000000.00'), ...extra });
    }
  }, 60_000);
  afterAll(() => db.drop());

  it('gives the plans newest year first, each the view getPlan gives', async () => {
    const plans = await service.plansOfCcg(assessor, LEEDS_NORTH);
    expect(plans.map((plan) => plan.financialYear)).toEqual(['2015/16', '2014/15', '2013/14']);
    for (const plan of plans) expect(plan).toEqual(await service.getPlan(assessor, LEEDS_NORTH, plan.financialYear));
  });

  it('gives an empty list for a CCG without plans, and reads the code as getPlan does', async () => {
    expect(await service.plansOfCcg(assessor, SHEFFIELD)).toEqual([]);
    expect((await service.plansOfCcg(leedsOfficer, ' 02v ')).map((plan) => plan.financialYear)).toEqual(['2015/16', '2014/15', '2013/14']);
  });

  it("refuses another CCG's finance officer (FORBIDDEN, NOT_YOUR_CCG)", async () => {
    await expect(service.plansOfCcg(sheffieldOfficer, LEEDS_NORTH)).rejects.toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' });
  });
});
