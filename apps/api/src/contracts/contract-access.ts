import type { ContractNoticeActorKind } from '@ccg-assure/domain';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { AppError, forbidden } from '../server/app-error';

// Who may see and act on a contract (issue 15 point 6, the design's "Access"): a commissioning manager of the lead
// CCG acts; commissioning managers and finance officers of the lead and associate CCGs read; analysts and NHS
// England assessors read every contract; anyone else (the public included) sees nothing.

/** The roles that may read contracts at all (the root fields' access rule; object checks below). */
export const CONTRACT_READER_ROLES = [Role.COMMISSIONING_MANAGER, Role.FINANCE_OFFICER, Role.ANALYST, Role.ASSESSOR];

/** The parties of a contract, as the checks need them. */
export interface ContractParties {
  leadCommissionerCode: string;
  associateCodes: readonly string[];
}

const holds = (viewer: Viewer | null, roles: readonly Role[], organisationCode: string) =>
  viewer?.roles.some((assignment) => roles.includes(assignment.role) && assignment.organisationCode === organisationCode) ?? false;
const holdsAnywhere = (viewer: Viewer | null, roles: readonly Role[]) => viewer?.roles.some((assignment) => roles.includes(assignment.role)) ?? false;

/** Analysts and assessors read every contract. */
export const readsEveryContract = (viewer: Viewer | null) => holdsAnywhere(viewer, [Role.ANALYST, Role.ASSESSOR]);

/** The lifecycle's actor kinds the viewer holds for a contract: LEAD_COMMISSIONER, ASSOCIATE, or none. */
export function contractActorKinds(viewer: Viewer | null, contract: ContractParties): ContractNoticeActorKind[] {
  const kinds: ContractNoticeActorKind[] = [];
  if (holds(viewer, [Role.COMMISSIONING_MANAGER], contract.leadCommissionerCode)) kinds.push('LEAD_COMMISSIONER');
  if (contract.associateCodes.some((code) => holds(viewer, [Role.COMMISSIONING_MANAGER], code))) kinds.push('ASSOCIATE');
  return kinds;
}

/** Whether the viewer may read the contract. */
export function mayReadContract(viewer: Viewer | null, contract: ContractParties): boolean {
  if (readsEveryContract(viewer)) return true;
  const parties = [contract.leadCommissionerCode, ...contract.associateCodes];
  return parties.some((code) => holds(viewer, [Role.COMMISSIONING_MANAGER, Role.FINANCE_OFFICER], code));
}

/** FORBIDDEN unless the viewer may read the contract. */
export function assertMayReadContract(viewer: Viewer | null, contract: ContractParties): void {
  if (!mayReadContract(viewer, contract)) throw forbidden('Only the contract’s commissioners, analysts and NHS England assessors may see it.');
}

/** FORBIDDEN (ACTION_NOT_PERMITTED) unless the viewer is a commissioning manager of the lead commissioner. */
export function assertLeadCommissioner(viewer: Viewer | null, contract: ContractParties): void {
  assertMayReadContract(viewer, contract);
  if (!contractActorKinds(viewer, contract).includes('LEAD_COMMISSIONER')) {
    throw new AppError('FORBIDDEN', 'ACTION_NOT_PERMITTED', 'Only a commissioning manager of the lead commissioner may change the contract and its notices; associates read.', {
      leadCommissioner: contract.leadCommissionerCode,
    });
  }
}

/** FORBIDDEN unless the viewer may list the contracts of the CCG: its commissioning managers and finance officers, analysts, assessors. */
export function assertMayListContractsOf(viewer: Viewer | null, ccgCode: string): void {
  if (readsEveryContract(viewer) || holds(viewer, [Role.COMMISSIONING_MANAGER, Role.FINANCE_OFFICER], ccgCode)) return;
  throw forbidden('Only the CCG’s commissioning managers and finance officers, analysts and NHS England assessors may see its contracts.');
}
