import { Money, PLAN_CATEGORIES, type PlanCategory, type PlanFlex } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import { useViewer, type Viewer } from '../auth/viewer';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/page-title';
import { CompliancePanel, complianceSentence } from './compliance-panel';
import {
  ApproveFinancialPlanMutation,
  CreateFinancialPlanDraftMutation,
  FinancialPlanQuery,
  ReturnFinancialPlanMutation,
  SubmitFinancialPlanMutation,
  UpdateFinancialPlanDraftMutation,
} from './financial-plans.operations';
import { FlexForm } from './flex-form';
import { ForecastChart } from './forecast-chart';
import { ForecastForm } from './forecast-form';
import { PlanDecisions } from './plan-decisions';
import {
  BETTER_CARE_FUND_MINIMUM_LABEL,
  emptyDraft,
  PRIOR_YEAR_RUNNING_COSTS_LABEL,
  readAmount,
  readPlan,
  type FieldId,
  type FieldProblem,
  type PlanDraft,
  type PlanReading,
} from './plan-draft';
import { PlanFiguresGrid } from './plan-figures-grid';
import { PlanHistory } from './plan-history';
import { PlanImportExport } from './plan-import-export';
import { CATEGORY_LABELS, RULE_LABELS } from './plan-labels';
import type { PlanSheetContent } from './plan-sheet';
import { compareWithServer } from './server-comparison';
import { StatusTag } from './status-tag';
import { WarningThresholdForm } from './warning-threshold-form';
import { draftFromVersion, figuresForServer, flexesInForce, formatDate, formatDateTime, sameFigures, yearFromPath, type StoredPlan } from './stored-plan';
import { organisationName } from '../ui/organisation-name';

/** The roles the viewer holds over one CCG's plan: its finance officers edit and submit; NHS England assessors decide. */
export function planPermissions(viewer: Viewer | null, ccg: string): { canEdit: boolean; canDecide: boolean } {
  const roles = viewer?.roles ?? [];
  return {
    canEdit: roles.some((assignment) => assignment.role === 'FINANCE_OFFICER' && assignment.organisation.code.toUpperCase() === ccg),
    canDecide: roles.some((assignment) => assignment.role === 'ASSESSOR'),
  };
}

/** `/finance/plans/:ccg/:financialYear`: one CCG's plan for one year. */
export function PlanEditorPage() {
  const params = useParams();
  const ccg = (params.ccg ?? '').toUpperCase();
  const financialYear = yearFromPath(params.financialYear);
  usePageTitle(financialYear ? `${financialYear} financial plan for ${ccg}` : 'Financial plan not found');
  if (!financialYear) {
    return (
      <>
        <h1 className="nhsuk-heading-l">Financial plan not found</h1>
        <p className="nhsuk-body">
          There are no financial planning rules for “{params.financialYear}”. <Link to="/finance">Go to Finance</Link> to choose a plan.
        </p>
      </>
    );
  }
  return <LoadedPlan key={`${ccg}/${financialYear}`} ccg={ccg} financialYear={financialYear} />;
}

function LoadedPlan({ ccg, financialYear }: { ccg: string; financialYear: string }) {
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(FinancialPlanQuery, { variables: { ccg, financialYear } });
  if (loading && !data) return <Loading label="Loading the plan" />;
  if (error && !data) {
    const { code, reason } = errorCodes(error);
    const message =
      code === 'FORBIDDEN' && reason === 'NOT_YOUR_CCG'
        ? `You can only see your own CCG's financial plans, not ${ccg}'s.`
        : code === 'FORBIDDEN'
          ? "Financial plans are for the CCG's finance officers and NHS England assessors."
          : describeError(error);
    return (
      <>
        <h1 className="nhsuk-heading-l">
          {financialYear} financial plan for {ccg}
        </h1>
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="plan-error-title" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="plan-error-title">
            The plan could not be shown
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{message}</p>
          </div>
        </div>
        <p className="nhsuk-body">
          <Link to="/finance">Go back to Finance</Link>
        </p>
      </>
    );
  }
  const plan = data?.financialPlan ?? null;
  const reload = async () => (await refetch()).data?.financialPlan ?? null;
  const knownName = plan?.ccg.name ?? viewer?.roles.find((assignment) => assignment.organisation.code.toUpperCase() === ccg)?.organisation.name;
  return <PlanEditor plan={plan} ccg={ccg} ccgName={knownName ? organisationName(knownName) : ccg} financialYear={financialYear} {...planPermissions(viewer, ccg)} reload={reload} />;
}

type Mode = 'read' | 'create' | 'update' | 'new-version';

interface Conflict {
  reason: string | null;
  /** The figures the person had typed when the server refused them: kept on screen until they choose. */
  typed: PlanDraft;
  reloaded: boolean;
}

/** Why a plan cannot be saved yet, by field: what cannot be read, and what the year's rules need that is missing. */
function saveProblems(reading: PlanReading): FieldProblem[] {
  const problems = [...reading.problems];
  const pending = reading.pending;
  if (pending?.kind === 'NO_ALLOCATION') problems.unshift({ field: 'allocation', message: 'Enter the allocation' });
  if (pending?.kind === 'NEEDS_INPUT') {
    if (pending.labels.includes(PRIOR_YEAR_RUNNING_COSTS_LABEL.toLowerCase())) problems.push({ field: 'prior-year-running-costs', message: `Enter the ${PRIOR_YEAR_RUNNING_COSTS_LABEL.toLowerCase()}` });
    if (pending.labels.includes(BETTER_CARE_FUND_MINIMUM_LABEL)) problems.push({ field: 'better-care-fund-minimum', message: `Enter the ${BETTER_CARE_FUND_MINIMUM_LABEL}` });
  }
  if (pending?.kind === 'CANNOT_CHECK') problems.push({ field: 'allocation', message: pending.message });
  return problems;
}

function conflictWords(reason: string | null): string {
  switch (reason) {
    case 'NOT_A_DRAFT':
    case 'NOT_SUBMITTED':
      return 'Someone else moved this plan on (submitted, approved or returned it) since you opened it.';
    case 'PLAN_HAS_OPEN_VERSION':
      return 'Someone else started a draft of this plan since you opened it.';
    case 'PLAN_APPROVED':
      return 'This plan has been approved since you opened it.';
    default:
      return 'Someone else changed this plan since you opened it.';
  }
}

function exportContent(ccg: string, draft: PlanDraft, reading: PlanReading): { ok: true; content: PlanSheetContent } | { ok: false; reason: string } {
  if (reading.problems.length) return { ok: false, reason: 'Correct the figures marked above to export the plan.' };
  if (!reading.input) return { ok: false, reason: 'Enter the allocation to export the plan.' };
  const money = (text: string) => {
    const amount = readAmount(text, '');
    return amount.state === 'valid' ? amount.amount : null;
  };
  const lines: Partial<Record<PlanCategory, Money>> = {};
  for (const line of reading.input.lines) lines[line.category] = line.amount;
  return {
    ok: true,
    content: {
      ccg,
      financialYear: draft.financialYear,
      allocation: reading.input.allocation,
      priorYearRunningCosts: money(draft.priorYearRunningCosts),
      betterCareFundMinimum: money(draft.betterCareFundMinimum),
      lines,
      compliance: reading.compliance,
    },
  };
}

interface PlanEditorProps {
  plan: StoredPlan | null;
  ccg: string;
  ccgName: string;
  financialYear: string;
  canEdit: boolean;
  canDecide: boolean;
  reload: () => Promise<StoredPlan | null>;
}

function PlanEditor({ plan, ccg, ccgName, financialYear, canEdit, canDecide, reload }: PlanEditorProps) {
  const latest = plan?.latestVersion ?? null;
  const [base, setBase] = useState<{ draft: PlanDraft; version: number | null }>(() => {
    const draft = latest ? draftFromVersion(latest, financialYear) : emptyDraft(financialYear);
    return { draft, version: plan?.version ?? null };
  });
  const [draft, setDraft] = useState<PlanDraft>(base.draft);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [saveAttempted, setSaveAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  const [createDraft] = useMutation(CreateFinancialPlanDraftMutation);
  const [updateDraft] = useMutation(UpdateFinancialPlanDraftMutation);
  const [submitPlan] = useMutation(SubmitFinancialPlanMutation);
  const [approvePlan] = useMutation(ApproveFinancialPlanMutation);
  const [returnPlan] = useMutation(ReturnFinancialPlanMutation);

  const mode: Mode = !canEdit ? 'read' : plan === null ? 'create' : plan.status === 'DRAFT' ? 'update' : plan.status === 'RETURNED' ? 'new-version' : 'read';
  const editable = mode !== 'read';
  const shown = editable ? draft : latest ? draftFromVersion(latest, financialYear) : emptyDraft(financialYear);
  const flexes = useMemo(() => flexesInForce(plan), [plan]);
  const reading = useMemo(() => readPlan(shown, flexes), [shown, flexes]);
  const dirty = editable && !sameFigures(draft, base.draft);
  const problems = editable ? (saveAttempted ? saveProblems(reading) : reading.problems) : [];
  const errorFor = (field: FieldId) => problems.find((problem) => problem.field === field)?.message;

  // When the stored plan moves on (another query, or this page's own action) and nothing is typed, follow it.
  const seenVersion = useRef(plan?.version ?? null);
  useEffect(() => {
    const version = plan?.version ?? null;
    if (version === seenVersion.current) return;
    seenVersion.current = version;
    if (!dirty) {
      const next = plan?.latestVersion ? draftFromVersion(plan.latestVersion, financialYear) : emptyDraft(financialYear);
      setBase({ draft: next, version });
      setDraft(next);
    }
  }, [plan, dirty, financialYear]);

  useEffect(() => {
    if (summaryFocus) summaryRef.current?.focus();
  }, [summaryFocus]);
  // Closing or reloading the tab with unsaved figures asks first (the browser words the question).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  useEffect(() => {
    if (conflict && !conflict.reloaded) conflictRef.current?.focus();
  }, [conflict]);

  /** Takes the plan the server answered with as the new starting point. */
  function adopt(result: StoredPlan) {
    const next = draftFromVersion(result.latestVersion, financialYear);
    seenVersion.current = result.version;
    setBase({ draft: next, version: result.version });
    setDraft(next);
    setConflict(null);
    setSaveAttempted(false);
  }

  function refused(error: unknown) {
    const { code, reason } = errorCodes(error);
    if (code === 'CONFLICT') {
      setConflict({ reason, typed: draft, reloaded: false });
      return;
    }
    setActionError(code === 'BAD_USER_INPUT' ? `The server refused the figures (${reason ?? 'invalid input'}). Nothing was saved.` : describeError(error));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    setActionError(null);
    setSaveAttempted(true);
    const blocking = saveProblems(reading);
    if (blocking.length || !reading.input) {
      setSummaryFocus((n) => n + 1);
      return;
    }
    const figures = figuresForServer(reading.input);
    setBusy(true);
    try {
      const result =
        mode === 'update' && plan
          ? (await updateDraft({ variables: { input: { planId: plan.id, expectedVersion: base.version ?? plan.version, ...figures } } })).data?.updateFinancialPlanDraft
          : (await createDraft({ variables: { input: { ccg, financialYear, ...figures } } })).data?.createFinancialPlanDraft;
      if (!result) throw new Error('no answer');
      adopt(result);
      setNotice(`Draft saved: version ${result.latestVersion.number}, ${formatDateTime(result.latestVersion.updatedAt)}.`);
    } catch (error) {
      refused(error);
    } finally {
      setBusy(false);
    }
  }

  async function reloadAfterConflict() {
    if (!conflict) return;
    setBusy(true);
    try {
      const fresh = await reload();
      const next = fresh?.latestVersion ? draftFromVersion(fresh.latestVersion, financialYear) : emptyDraft(financialYear);
      seenVersion.current = fresh?.version ?? null;
      setBase({ draft: next, version: fresh?.version ?? null });
      setDraft(next);
      setConflict({ ...conflict, reloaded: true });
      setNotice(fresh ? `Reloaded: version ${fresh.latestVersion.number} as last saved, ${formatDateTime(fresh.latestVersion.updatedAt)}.` : 'Reloaded: the plan has no saved version.');
    } catch (error) {
      setActionError(describeError(error));
    } finally {
      setBusy(false);
    }
  }

  async function decide(run: () => Promise<StoredPlan | undefined>, done: (plan: StoredPlan) => string): Promise<boolean> {
    setNotice(null);
    setActionError(null);
    setBusy(true);
    try {
      const result = await run();
      if (!result) throw new Error('no answer');
      adopt(result);
      setNotice(done(result));
      return true;
    } catch (error) {
      refused(error);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const what = `version ${latest?.number ?? 1} of the ${financialYear} plan for ${ccgName}`;
  const submitBlockedBy = dirty ? 'Save your changes before submitting.' : reading.problems.length || !reading.compliance ? 'Complete the figures before submitting.' : null;
  const serverDifferences = plan && latest && !dirty && reading.compliance ? compareWithServer(reading.compliance, latest.compliance) : null;
  const inForce = plan?.flexes.filter((flex) => flex.supersededAt === null) ?? [];
  /** The plan's compliance with one more flex, in place of any other of its rule: the flex form's preview. */
  const withFlex = (flex: PlanFlex) => readPlan(shown, [...flexes.filter((other) => other.rule !== flex.rule), flex]).compliance;
  const forecastsOpen = plan?.status === 'APPROVED' || (plan?.forecasts.length ?? 0) > 0;

  return (
    <>
      <div className="nhsuk-back-link">
        <Link className="nhsuk-back-link__link" to="/finance">
          Finance
        </Link>
      </div>
      {problems.length > 0 && (
        <div className="nhsuk-error-summary" aria-labelledby="plan-problems-title" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2 className="nhsuk-error-summary__title" id="plan-problems-title">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {problems.map((problem) => (
                <li key={`${problem.field}${problem.message}`}>
                  <a href={`#${problem.field}`}>{problem.message}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {conflict && (
        <div className="nhsuk-error-summary" aria-labelledby="conflict-title" role="alert" tabIndex={-1} ref={conflictRef}>
          <h2 className="nhsuk-error-summary__title" id="conflict-title">
            {conflict.reloaded ? 'You are now seeing the latest version' : 'Your changes have not been saved'}
          </h2>
          <div className="nhsuk-error-summary__body">
            {!conflict.reloaded ? (
              <>
                <p>{conflictWords(conflict.reason)} Your figures are still on this page, but they are not saved.</p>
                <p>Reload the plan to see the latest version. Your figures will stay listed here so you can use them again.</p>
                <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" disabled={busy} onClick={() => void reloadAfterConflict()}>
                  Reload the plan
                </button>
              </>
            ) : (
              <ConflictFigures typed={conflict.typed} latest={draft} canReuse={editable} onReuse={() => {
                  setDraft(conflict.typed);
                  setConflict(null);
                  setNotice('Your figures are back on the page. They are not saved yet.');
                }} onDismiss={() => setConflict(null)} />
            )}
          </div>
        </div>
      )}

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
          <StatusTag status={plan.status} /> Version {latest.number}, last changed {formatDateTime(latest.updatedAt)}
          {latest.updatedBy ? ` by ${latest.updatedBy.displayName}` : ''}.
        </p>
      ) : (
        <p className="nhsuk-body">{ccgName} has no {financialYear} plan yet.{mode === 'create' ? ' Enter the figures and save a draft to start one.' : ''}</p>
      )}
      {plan?.status === 'RETURNED' && latest?.returnReason && (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Returned by NHS England
            </span>
          </h2>
          <p>“{latest.returnReason}”</p>
          {mode === 'new-version' && <p>Change the figures and save to start version {latest.number + 1}.</p>}
        </div>
      )}
      {mode === 'read' && canEdit && plan && (plan.status === 'SUBMITTED' || plan.status === 'APPROVED') && (
        <p className="nhsuk-body">This version is {plan.status === 'SUBMITTED' ? 'with NHS England for a decision' : 'approved'}, so its figures cannot be changed.</p>
      )}
      <div role="status" aria-live="polite" className="ccg-plan-notice">
        {notice && <p className="nhsuk-body nhsuk-u-font-weight-bold">{notice}</p>}
      </div>
      {actionError && (
        <p className="nhsuk-error-message" role="alert">
          {actionError}
        </p>
      )}

      <div className="nhsuk-grid-row ccg-plan-editor">
        <div className="nhsuk-grid-column-one-half">
          <form onSubmit={(event) => void save(event)} noValidate aria-label="Plan figures">
            <PlanFiguresGrid
              draft={shown}
              reading={reading}
              errorFor={errorFor}
              onChange={
                editable
                  ? (change) =>
                      setDraft((current) => ({
                        ...current,
                        ...change,
                        lines: { ...current.lines, ...(change.lines ?? {}) },
                      }))
                  : null
              }
            />
            {editable && (
              <>
                {dirty && <p className="nhsuk-body-s nhsuk-u-font-weight-bold">You have changes that are not saved.</p>}
                <button type="submit" className="nhsuk-button" disabled={busy}>
                  {busy ? 'Saving…' : mode === 'new-version' ? `Save as version ${(latest?.number ?? 0) + 1} (draft)` : 'Save draft'}
                </button>
              </>
            )}
          </form>
        </div>
        <div className="nhsuk-grid-column-one-half">
          <CompliancePanel reading={reading} financialYear={financialYear} showLines={false} compact />
          {(inForce.length > 0 || (plan && canDecide)) && (
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
          {plan && canDecide && <FlexForm plan={plan} preview={withFlex} today={new Date().toISOString().slice(0, 10)} />}
          {serverDifferences && (
            <div className="nhsuk-body-s">
              {serverDifferences.length === 0 ? (
                <p className="nhsuk-body-s">
                  <strong className="nhsuk-tag nhsuk-tag--green">Agrees</strong> The server's check of the saved version agrees with this one, to the penny.
                </p>
              ) : (
                <>
                  <p className="nhsuk-body-s">
                    <strong className="nhsuk-tag nhsuk-tag--red">Differs</strong> The server's check of the saved version differs from this one:
                  </p>
                  <ul className="nhsuk-list nhsuk-body-s">
                    {serverDifferences.map((difference) => (
                      <li key={difference.what}>
                        {difference.what}: this page {difference.browser}, server {difference.server}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          {dirty && <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">The server checks the figures again when you save them.</p>}
        </div>
      </div>

      {plan && (
        <PlanDecisions
          what={what}
          submit={canEdit && plan.status === 'DRAFT' ? { blockedBy: submitBlockedBy } : null}
          decide={canDecide && plan.status === 'SUBMITTED'}
          complianceSentence={reading.compliance ? complianceSentence(reading.compliance) : null}
          compliant={reading.compliance?.compliant ?? null}
          busy={busy}
          onSubmit={() =>
            decide(
              async () => (await submitPlan({ variables: { input: { planId: plan.id, expectedVersion: plan.version } } })).data?.submitFinancialPlan,
              (result) => `Submitted to NHS England: version ${result.latestVersion.number}.`,
            )
          }
          onApprove={() =>
            decide(
              async () => (await approvePlan({ variables: { input: { planId: plan.id, expectedVersion: plan.version } } })).data?.approveFinancialPlan,
              (result) => `Approved: version ${result.latestVersion.number}.`,
            )
          }
          onReturn={(reason) =>
            decide(
              async () => (await returnPlan({ variables: { input: { planId: plan.id, expectedVersion: plan.version, reason } } })).data?.returnFinancialPlan,
              (result) => `Returned to the CCG: version ${result.latestVersion.number}.`,
            )
          }
        />
      )}

      <PlanImportExport
        ccg={ccg}
        financialYear={financialYear}
        exportable={exportContent(ccg, shown, reading)}
        onImported={
          editable
            ? (imported, summary) => {
                setDraft(imported);
                setSaveAttempted(false);
                setActionError(null);
                setNotice(`${summary} Check the figures and save the draft: nothing has been saved yet.`);
              }
            : null
        }
      />

      {plan && (forecastsOpen || canDecide) && (
        <section aria-labelledby="forecast-heading" className="nhsuk-u-margin-bottom-6">
          <h2 id="forecast-heading" className="nhsuk-heading-m">
            Forecast outturn against plan
          </h2>
          {forecastsOpen ? (
            <ForecastChart title={`${ccgName} ${financialYear}`} financialYear={financialYear} forecasts={plan.forecasts} warning={plan.financialWarning} />
          ) : (
            <p className="nhsuk-body">The CCG records forecasts once the plan is approved.</p>
          )}
          <div className="nhsuk-grid-row">
            {canEdit && plan.status === 'APPROVED' && (
              <div className="nhsuk-grid-column-one-half">
                <ForecastForm plan={plan} />
              </div>
            )}
            {canDecide && (
              <div className="nhsuk-grid-column-one-half">
                <WarningThresholdForm plan={plan} />
              </div>
            )}
          </div>
        </section>
      )}

      {plan && <PlanHistory versions={plan.versions} />}
    </>
  );
}

/** After a reload: the figures the person had typed beside the latest saved ones, where they differ. */
function ConflictFigures({ typed, latest, canReuse, onReuse, onDismiss }: { typed: PlanDraft; latest: PlanDraft; canReuse: boolean; onReuse: () => void; onDismiss: () => void }) {
  const fields: [string, string, string][] = [
    ['Allocation', typed.allocation, latest.allocation],
    [PRIOR_YEAR_RUNNING_COSTS_LABEL, typed.priorYearRunningCosts, latest.priorYearRunningCosts],
    [BETTER_CARE_FUND_MINIMUM_LABEL, typed.betterCareFundMinimum, latest.betterCareFundMinimum],
    ...PLAN_CATEGORIES.map((category): [string, string, string] => [CATEGORY_LABELS[category], typed.lines[category], latest.lines[category]]),
  ];
  const shown = (text: string) => {
    const amount = readAmount(text, '');
    return amount.state === 'valid' ? amount.amount.toDisplayString() : text.trim() || 'None';
  };
  const differing = fields.filter(([, mine, theirs]) => shown(mine) !== shown(theirs));
  return (
    <>
      <p>The figures below the table are the latest saved version. Your unsaved figures were:</p>
      {differing.length === 0 ? (
        <p>the same as the latest version.</p>
      ) : (
        <div className="nhsuk-table-container">
          <table className="nhsuk-table nhsuk-table--compact">
            <caption className="nhsuk-u-visually-hidden">Your unsaved figures and the latest saved ones</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Figure</th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Your figure</th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Latest saved</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {differing.map(([what, mine, theirs]) => (
                <tr key={what} className="nhsuk-table__row">
                  <th scope="row" className="nhsuk-table__header">{what}</th>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{shown(mine)}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{shown(theirs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="ccg-button-row">
        {canReuse && differing.length > 0 && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={onReuse}>
            Use my figures again
          </button>
        )}
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={onDismiss}>
          Keep the latest version
        </button>
      </div>
    </>
  );
}
