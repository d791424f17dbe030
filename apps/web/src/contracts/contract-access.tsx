import type { ReactNode } from 'react';
import { useViewer, type Viewer } from '../auth/viewer';
import { usePageTitle } from '../ui/page-title';

/** The roles that may read contracts (the API checks each contract); kept here, not with the labels, so the app's shell does not carry those. */
const CONTRACT_ROLES = ['COMMISSIONING_MANAGER', 'FINANCE_OFFICER', 'ANALYST', 'ASSESSOR'] as const;

/** Contracts are for commissioning managers, finance officers, analysts and assessors (issue 15 item 6); the API checks each contract. */
export const mayReadContracts = (viewer: Viewer | null) => Boolean(viewer?.roles.some((assignment) => (CONTRACT_ROLES as readonly string[]).includes(assignment.role)));

/** The CCGs whose contracts the viewer reads by holding a role there (commissioning manager or finance officer). */
export function viewerCcgs(viewer: Viewer | null): { code: string; name: string }[] {
  const ccgs = (viewer?.roles ?? []).filter((assignment) => assignment.role === 'COMMISSIONING_MANAGER' || assignment.role === 'FINANCE_OFFICER').map((assignment) => assignment.organisation);
  return [...new Map(ccgs.map((ccg) => [ccg.code, ccg])).values()];
}

/** The CCGs the viewer is a commissioning manager of: the leads they may record contracts for (the API decides). */
export function viewerLeadCcgs(viewer: Viewer | null): { code: string; name: string }[] {
  const ccgs = (viewer?.roles ?? []).filter((assignment) => assignment.role === 'COMMISSIONING_MANAGER').map((assignment) => assignment.organisation);
  return [...new Map(ccgs.map((ccg) => [ccg.code, ccg])).values()];
}

/** Analysts and assessors read any CCG's contracts. */
export const readsAnyCcg = (viewer: Viewer | null) => Boolean(viewer?.roles.some((assignment) => assignment.role === 'ANALYST' || assignment.role === 'ASSESSOR'));

/** The contract pages for those who may see contracts; anyone else signed in is told they have no access. */
export function RequireContractRole({ children }: { children: ReactNode }) {
  const { viewer } = useViewer();
  if (!mayReadContracts(viewer)) return <NoContractAccess />;
  return children;
}

function NoContractAccess() {
  usePageTitle('You do not have access to contracts');
  return (
    <>
      <h1 className="nhsuk-heading-l">You do not have access to contracts</h1>
      <p className="nhsuk-body">Provider contracts are for CCG commissioning managers and finance officers, analysts and NHS England assessors.</p>
    </>
  );
}
