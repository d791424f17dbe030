import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { Role } from '../auth/role';
import { RoleAssignmentEntity } from '../auth/role-assignment.entity';
import { UserEntity } from '../auth/user.entity';
import { OrganisationType } from '../organisations/organisation-type';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { Logger } from '../server/logger';

export const DEMO_PASSWORD = 'demo-password';
/** NHS Leeds North CCG, the CCG the CCG-scoped demo accounts belong to (issue 2). */
export const DEMO_CCG_CODE = '02V';
/** NHS England's ODS code. */
export const NHS_ENGLAND_CODE = 'X24';
/** NHS Sheffield CCG, whose illustrative boards follow seed 002 (issue 16). */
export const SHEFFIELD_CCG_CODE = '03N';
/**
 * NHS England's Yorkshire and the Humber office (area team), the higher board of NHS Leeds North CCG's reports (issue 17): the
 * last area team the CCG hierarchy file records for 02V (its one row, 2016/17), so higherBoardFor names it for March 2018.
 */
export const LEEDS_NORTH_HIGHER_BOARD_CODE = 'Q72';

export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; organisationCode: string }[] = [
  { username: 'demo-finance-officer', displayName: 'Demo Finance Officer', role: Role.FINANCE_OFFICER, organisationCode: DEMO_CCG_CODE },
  { username: 'demo-commissioning-manager', displayName: 'Demo Commissioning Manager', role: Role.COMMISSIONING_MANAGER, organisationCode: DEMO_CCG_CODE },
  { username: 'demo-analyst', displayName: 'Demo Analyst', role: Role.ANALYST, organisationCode: DEMO_CCG_CODE },
  { username: 'demo-assessor', displayName: 'Demo Assessor', role: Role.ASSESSOR, organisationCode: NHS_ENGLAND_CODE },
  { username: 'demo-board-member', displayName: 'Demo Board Member', role: Role.BOARD_MEMBER, organisationCode: DEMO_CCG_CODE },
  { username: 'demo-admin', displayName: 'Demo Admin', role: Role.ADMIN, organisationCode: NHS_ENGLAND_CODE },
  // Boards and escalation (issue 16): chairs the Leeds North Commissioning Executive Team.
  { username: 'demo-director', displayName: 'Demo Director', role: Role.BOARD_MEMBER, organisationCode: DEMO_CCG_CODE },
  // Chairs Sheffield's illustrative Integrated Performance and Delivery Board and Commissioning Executive Team.
  { username: 'demo-sheffield-director', displayName: 'Demo Sheffield Director', role: Role.BOARD_MEMBER, organisationCode: SHEFFIELD_CCG_CODE },
  // The monthly performance report (issue 17): signs Leeds North's reports for the higher board, after the CCG.
  { username: 'demo-higher-board-member', displayName: 'Demo Higher Board Member', role: Role.BOARD_MEMBER, organisationCode: LEEDS_NORTH_HIGHER_BOARD_CODE },
];

/**
 * Creates the demo accounts that are missing (by username), so an embedded database made before an account was added
 * gets it too. Called only for the embedded database: a database named by DATABASE_URL never gets accounts with a
 * published password. Returns how many it created.
 */
export async function seedDemoAccounts(dataSource: DataSource, sharedDataDir: string, logger: Logger): Promise<number> {
  const existing = new Set((await dataSource.getRepository(UserEntity).find({ select: { username: true } })).map((user) => user.username));
  const missing = DEMO_ACCOUNTS.filter((account) => !existing.has(account.username));
  if (missing.length === 0) return 0;
  const leedsNorth = await readCcgName(sharedDataDir, DEMO_CCG_CODE);
  const sheffield = await readCcgName(sharedDataDir, SHEFFIELD_CCG_CODE);
  const areaTeam = await readAreaTeamName(sharedDataDir, LEEDS_NORTH_HIGHER_BOARD_CODE);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const actor = { userId: null, username: 'system', requestId: 'seed' };
  await dataSource.transaction(async (manager) => {
    await manager.createQueryBuilder().insert().into(OrganisationEntity).orIgnore().values([
      { code: NHS_ENGLAND_CODE, name: 'NHS ENGLAND', type: OrganisationType.NHS_ENGLAND, openDate: '2012-10-01', closeDate: null },
      { code: DEMO_CCG_CODE, name: leedsNorth?.name ?? DEMO_CCG_CODE, type: OrganisationType.CCG, openDate: leedsNorth?.openDate ?? null, closeDate: leedsNorth?.closeDate ?? null },
      { code: SHEFFIELD_CCG_CODE, name: sheffield?.name ?? SHEFFIELD_CCG_CODE, type: OrganisationType.CCG, openDate: sheffield?.openDate ?? null, closeDate: sheffield?.closeDate ?? null },
      { code: LEEDS_NORTH_HIGHER_BOARD_CODE, name: areaTeam ?? LEEDS_NORTH_HIGHER_BOARD_CODE, type: OrganisationType.AREA_TEAM, openDate: null, closeDate: null },
    ]).execute();
    for (const account of missing) {
      const user = await manager.save(UserEntity, manager.create(UserEntity, { username: account.username, displayName: account.displayName, passwordHash, homeOrganisationCode: account.organisationCode }));
      await manager.insert(RoleAssignmentEntity, { userId: user.id, role: account.role, organisationCode: account.organisationCode });
      await recordAudit(manager, actor, {
        action: 'CREATE_DEMO_ACCOUNT',
        entityType: 'user',
        entityId: user.id,
        after: { username: account.username, role: account.role, organisationCode: account.organisationCode, homeOrganisationCode: account.organisationCode },
      });
    }
  });
  logger.info('created the demo accounts', { count: missing.length });
  return missing.length;
}

/** The CCG's row in the ODS commissioner list (`ods_ccgs_eccg_2025.csv`), if the file is there. */
async function readCcgName(sharedDataDir: string, code: string): Promise<{ name: string; openDate: string | null; closeDate: string | null } | null> {
  let text: string;
  try {
    text = await readFile(path.join(sharedDataDir, 'ods_ccgs_eccg_2025.csv'), 'utf8');
  } catch {
    return null;
  }
  const line = text.split('\n').find((row) => row.startsWith(`${code},`));
  if (!line) return null;
  // Columns: org_code,name,...,open_date (11th),close_date (12th); this row has no quoted commas.
  const cells = line.split(',');
  return { name: cells[1], openDate: cells[10] || null, closeDate: cells[11] || null };
}

/** An area team's name as the CCG hierarchy file (`ccg_hierarchy_qof_2016_2019.csv`, sub-region columns) gives it, if the file is there. */
async function readAreaTeamName(sharedDataDir: string, code: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(path.join(sharedDataDir, 'ccg_hierarchy_qof_2016_2019.csv'), 'utf8');
  } catch {
    return null;
  }
  // Columns: year,ccg_code,ccg_ons,ccg_name,stp_ons,stp_name,subregion_code (7th),subregion_ons,subregion_name (9th),...; names may be quoted.
  for (const line of text.split('\n')) {
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)?.map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [];
    if (cells[6] === code && cells[8]) return cells[8];
  }
  return null;
}
