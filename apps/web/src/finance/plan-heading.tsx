import { WarningCallout } from '../ui/nhs';
import type { EditorMode } from './plan-offers';
import { StatusTag } from './status-tag';
import type { StoredPlan } from './financial-plan.fragment';
import { formatInstant } from '../ui/format';

interface PlanHeadingProps {
  plan: StoredPlan | null;
  ccg: string;
  ccgName: string;
  financialYear: string;
  mode: EditorMode;
}

/** Why a version's figures are fixed, by its status (for display): none for a status whose figures change or restart. */
const FROZEN_WORDS: Partial<Record<StoredPlan['status'], string>> = {
  SUBMITTED: 'with NHS England for a decision',
  APPROVED: 'approved',
};

/**
 * The plan's heading: whose plan and which year, whether it is illustrative, where it stands (its status
 * and latest version), why NHS England returned it, and why its figures cannot be changed now.
 */
export function PlanHeading({ plan, ccg, ccgName, financialYear, mode }: PlanHeadingProps) {
  const latest = plan?.latestVersion ?? null;
  const frozen = plan && mode === 'read' ? FROZEN_WORDS[plan.status] : undefined;
  return (
    <>
      <span className="nhsuk-caption-l">
        {ccgName} ({ccg})
      </span>
      <h1 className="nhsuk-heading-l ccg-plan-title">
        {financialYear} financial plan{' '}
        {plan?.illustrative && <strong className="nhsuk-tag nhsuk-tag--yellow ccg-heading-tag">Illustrative</strong>}
      </h1>
      {plan?.illustrative && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">Illustrative data</h2>
          <p>{plan.illustrativeNote ?? 'An illustrative demonstration plan, not a real CCG plan.'}</p>
        </div>
      )}
      {plan && latest ? (
        <p className="nhsuk-body">
          <StatusTag status={plan.status} /> Version {latest.number}, last changed {formatInstant(latest.updatedAt)}
          {latest.updatedBy ? ` by ${latest.updatedBy.displayName}` : ''}.
        </p>
      ) : (
        <p className="nhsuk-body">
          {ccgName} has no {financialYear} plan yet.{mode === 'create' ? ' Enter the figures and save a draft to start one.' : ''}
        </p>
      )}
      {latest?.returnReason && (
        <WarningCallout heading="Returned by NHS England" headingLevel="h2">
          <p>“{latest.returnReason}”</p>
          {mode === 'new-version' && <p>Change the figures and save to start version {latest.number + 1}.</p>}
        </WarningCallout>
      )}
      {frozen && <p className="nhsuk-body">This version is {frozen}, so its figures cannot be changed.</p>}
    </>
  );
}
