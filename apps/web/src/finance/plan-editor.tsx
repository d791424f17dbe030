import type { FinancialPlanActionType, PlanFlex } from '@ccg-assure/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../ui/nhs';
import { complianceSentence } from './compliance-panel';
import { PlanComplianceColumn } from './plan-compliance-column';
import { PlanConflictSummary } from './plan-conflict';
import { PlanDecisions } from './plan-decisions';
import { readPlan } from './plan-draft';
import { PlanFiguresGrid } from './plan-figures-grid';
import { exportablePlan } from './plan-files';
import { PlanForecasts } from './plan-forecasts';
import { PlanHeading } from './plan-heading';
import { PlanHistory } from './plan-history';
import { PlanImportExport } from './plan-import-export';
import { deriveOffers } from './plan-offers';
import type { StoredPlan } from './financial-plan.fragment';
import { usePlanActions } from './use-plan-actions';
import { usePlanDraft } from './use-plan-draft';

export interface PlanEditorProps {
  plan: StoredPlan | null;
  ccg: string;
  ccgName: string;
  financialYear: string;
  /** What the viewer may do to the plan now, as its lifecycle allows (FinancialPlan.availableActions). */
  actions: readonly FinancialPlanActionType[];
  /** Today in England, read once by the page. */
  today: string;
  reload: () => Promise<StoredPlan | null>;
}

/**
 * One CCG's plan for one year: its figures as a grid (editable while the viewer may change them) beside
 * their compliance, then what the viewer may do next (submit, approve, return), import and export, the
 * in-year forecasts and the version history. Every offer comes from the plan's available actions.
 */
export function PlanEditor({ plan, ccg, ccgName, financialYear, actions, today, reload }: PlanEditorProps) {
  const offers = deriveOffers(actions, plan !== null);
  const editable = offers.mode !== 'read';
  const figures = usePlanDraft(plan, financialYear, editable);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const act = usePlanActions({ plan, ccg, financialYear, mode: offers.mode, figures, reload, showProblems: () => setSummaryFocus((n) => n + 1) });
  const { reading, dirty, shown, flexes } = figures;
  const latest = plan?.latestVersion ?? null;

  const what = `version ${latest?.number ?? 1} of the ${financialYear} plan for ${ccgName}`;
  const submitBlockedBy = dirty ? 'Save your changes before submitting.' : reading.problems.length || !reading.compliance ? 'Complete the figures before submitting.' : null;
  /** The plan's compliance with one more flex, in place of any other of its rule: the flex form's preview. */
  const withFlex = (flex: PlanFlex) => readPlan(shown, [...flexes.filter((other) => other.rule !== flex.rule), flex]).compliance;

  return (
    <>
      <div className="nhsuk-back-link">
        <Link className="nhsuk-back-link__link" to="/finance">
          Finance
        </Link>
      </div>
      <ErrorSummary id="plan-problems" headingLevel="h2" problems={figures.problems} focusRequest={summaryFocus} />
      {act.conflict && (
        <PlanConflictSummary
          conflict={act.conflict}
          latest={figures.typed}
          canReuse={editable}
          busy={act.busy}
          onReload={() => void act.reloadAfterConflict()}
          onReuse={act.reuseTyped}
          onDismiss={act.dismissConflict}
        />
      )}

      <PlanHeading plan={plan} ccg={ccg} ccgName={ccgName} financialYear={financialYear} mode={offers.mode} />
      <div role="status" aria-live="polite" className="ccg-plan-notice">
        {act.notice && <p className="nhsuk-body nhsuk-u-font-weight-bold">{act.notice}</p>}
      </div>
      {act.actionError && (
        <p className="nhsuk-error-message" role="alert">
          {act.actionError}
        </p>
      )}

      <div className="nhsuk-grid-row ccg-plan-editor">
        <div className="nhsuk-grid-column-one-half">
          <form onSubmit={(event) => void act.save(event)} noValidate aria-label="Plan figures">
            <PlanFiguresGrid draft={shown} reading={reading} errorFor={figures.errorFor} onChange={editable ? figures.edit : null} />
            {editable && (
              <>
                {dirty && <p className="nhsuk-body-s nhsuk-u-font-weight-bold">You have changes that are not saved.</p>}
                <button type="submit" className="nhsuk-button" disabled={act.busy}>
                  {act.busy ? 'Saving…' : offers.mode === 'new-version' ? `Save as version ${(latest?.number ?? 0) + 1} (draft)` : 'Save draft'}
                </button>
              </>
            )}
          </form>
        </div>
        <div className="nhsuk-grid-column-one-half">
          <PlanComplianceColumn plan={plan} financialYear={financialYear} reading={reading} dirty={dirty} recordFlex={offers.recordFlex} preview={withFlex} today={today} />
        </div>
      </div>

      {plan && (
        <PlanDecisions
          what={what}
          submit={offers.submit ? { blockedBy: submitBlockedBy } : null}
          approve={offers.approve}
          returnToCcg={offers.returnToCcg}
          complianceSentence={reading.compliance ? complianceSentence(reading.compliance) : null}
          compliant={reading.compliance?.compliant ?? null}
          busy={act.busy}
          onSubmit={act.submit}
          onApprove={act.approve}
          onReturn={act.returnToCcg}
        />
      )}

      <PlanImportExport ccg={ccg} financialYear={financialYear} exportable={exportablePlan(ccg, shown, reading)} onImported={editable ? act.imported : null} />

      {plan && <PlanForecasts plan={plan} ccgName={ccgName} recordForecast={offers.recordForecast} setWarningThreshold={offers.setWarningThreshold} />}

      {plan && <PlanHistory versions={plan.versions} />}
    </>
  );
}
