import type { PlanCompliance, PlanFlex } from '@ccg-assure/domain';
import { CompliancePanel } from './compliance-panel';
import { FlexForm } from './flex-form';
import type { PlanReading } from './plan-draft';
import { RULE_LABELS } from './plan-labels';
import { compareWithServer, type Difference } from './server-comparison';
import type { StoredPlan } from './financial-plan.fragment';
import { formatDate } from '../ui/format';

interface PlanComplianceColumnProps {
  plan: StoredPlan | null;
  financialYear: string;
  reading: PlanReading;
  dirty: boolean;
  /** The viewer may record a flex (RECORD_FLEX). */
  recordFlex: boolean;
  /** The plan's compliance with one more flex, in place of any other of its rule: the flex form's preview. */
  preview: (flex: PlanFlex) => PlanCompliance | null;
  /** Today in England, read by the page. */
  today: string;
}

/**
 * Beside the figures: the compliance worked out in the browser as the person types, the plan's approved
 * flexes (and the form to record one, for those who may), and whether the server's check of the saved
 * version agrees with the browser's to the penny.
 */
export function PlanComplianceColumn({ plan, financialYear, reading, dirty, recordFlex, preview, today }: PlanComplianceColumnProps) {
  const inForce = plan?.flexes.filter((flex) => flex.supersededAt === null) ?? [];
  const latest = plan?.latestVersion ?? null;
  const differences = latest && !dirty && reading.compliance ? compareWithServer(reading.compliance, latest.compliance) : null;
  return (
    <>
      <CompliancePanel reading={reading} financialYear={financialYear} showLines={false} compact />
      {(inForce.length > 0 || (plan && recordFlex)) && (
        <>
          <h3 className="nhsuk-heading-s">Approved flexes</h3>
          {inForce.length > 0 ? (
            <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s" aria-label="Approved flexes">
              {inForce.map((flex) => (
                <li key={flex.id}>
                  {RULE_LABELS[flex.rule]}: {flex.percentage}% for this plan, approved {flex.approvedBy ? `by ${flex.approvedBy.displayName} ` : ''}on {formatDate(flex.approvedOn)}. {flex.reason}
                </li>
              ))}
            </ul>
          ) : (
            <p className="nhsuk-body-s">None: every rule applies as the year sets it.</p>
          )}
        </>
      )}
      {plan && recordFlex && <FlexForm plan={plan} preview={preview} today={today} />}
      {differences && <ServerAgreement differences={differences} />}
      {dirty && <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">The server checks the figures again when you save them.</p>}
    </>
  );
}

/** The server's check of the saved version against the browser's: agrees to the penny, or each figure that differs. */
function ServerAgreement({ differences }: { differences: readonly Difference[] }) {
  return (
    <div className="nhsuk-body-s">
      {differences.length === 0 ? (
        <p className="nhsuk-body-s">
          <strong className="nhsuk-tag nhsuk-tag--green">Agrees</strong> The server's check of the saved version agrees with this one, to the penny.
        </p>
      ) : (
        <>
          <p className="nhsuk-body-s">
            <strong className="nhsuk-tag nhsuk-tag--red">Differs</strong> The server's check of the saved version differs from this one:
          </p>
          <ul className="nhsuk-list nhsuk-body-s">
            {differences.map((difference) => (
              <li key={difference.what}>
                {difference.what}: this page {difference.browser}, server {difference.server}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
