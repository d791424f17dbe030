// Test fixtures for suites that call the financial plans service directly (*.int-spec.ts): a real database
// with the CCGs and users of the GraphQL suites, the viewers as the server would make them, and the service
// built as server/services.ts builds it, with a clock the suite chooses. Not part of the running API.
import { Money, type PlanCategory } from '@ccg-assure/domain';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { OrganisationType } from '../organisations/organisation-type';
import { OrganisationsService } from '../organisations/organisations.service';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { LEEDS_NORTH, NHS_ENGLAND, SHEFFIELD } from './financial-plans.fixtures';
import { FinancialPlansService, type FinancialPlansOptions, type PlanFigures } from './financial-plans.service';

export interface PlanServiceWorld {
  db: TestDatabase;
  leedsOfficer: Viewer;
  sheffieldOfficer: Viewer;
  assessor: Viewer;
  admin: Viewer;
  /** The service on the world's database; `options.now` fixes its clock. */
  service(options?: FinancialPlansOptions): FinancialPlansService;
  close(): Promise<void>;
}

export async function setUpPlanServiceWorld(): Promise<PlanServiceWorld> {
  const db = await createTestDatabase();
  const sql = db.dataSource;
  await insertOrganisation(sql, LEEDS_NORTH, 'NHS LEEDS NORTH CCG');
  await insertOrganisation(sql, SHEFFIELD, 'NHS SHEFFIELD CCG');
  await insertOrganisation(sql, NHS_ENGLAND, 'NHS ENGLAND', OrganisationType.NHS_ENGLAND);
  const viewer = async (username: string, role: Role, organisationCode: string): Promise<Viewer> => ({
    userId: await insertUser(sql, username, [{ role, organisationCode }]),
    username,
    displayName: `Test ${username}`,
    roles: [{ role, organisationCode }],
  });
  const organisations = new OrganisationsService(sql);
  return {
    db,
    leedsOfficer: await viewer('leeds-finance', Role.FINANCE_OFFICER, LEEDS_NORTH),
    sheffieldOfficer: await viewer('sheffield-finance', Role.FINANCE_OFFICER, SHEFFIELD),
    assessor: await viewer('assessor', Role.ASSESSOR, NHS_ENGLAND),
    admin: await viewer('admin', Role.ADMIN, NHS_ENGLAND),
    service: (options = {}) => new FinancialPlansService(sql, organisations, options),
    close: () => db.drop(),
  };
}

/**
 * A 2013/14 or 2014/15 plan of £100m (2015/16 needs running costs and the Better Care Fund as well): the
 * contingency and fund held, so compliance turns on the surplus that `acute` leaves.
 */
export function figures100m(acute = '96000000.00'): PlanFigures {
  const lines: { category: PlanCategory; amount: Money }[] = [
    { category: 'ACUTE', amount: Money.parse(acute) },
    { category: 'CONTINGENCY', amount: Money.parse('500000.00') },
    { category: 'NON_RECURRENT_FUND', amount: Money.parse('2500000.00') },
  ];
  return { allocation: Money.parse('100000000.00'), lines };
}
