import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import type { Viewer } from '../auth/viewer';
import { monthLabel } from '../ui/format';
import { Button, Details, ErrorSummary, MonthSelect, problemFor, refusalProblem, TextInput, type FormProblem } from '../ui/nhs';
import { RecordRebaseMutation, RemoveRebaseMutation, SeriesBaselineQuery, SetSeriesBaselineMutation } from './series-baseline.operations';

/** Analysts (of any CCG) and administrators record baselines and rebases; the API decides (docs/security.md). */
export function mayRecordBaselines(viewer: Pick<Viewer, 'roles'> | null): boolean {
  return Boolean(viewer?.roles.some((assignment) => assignment.role === 'ANALYST' || assignment.role === 'ADMIN'));
}

const REFUSALS: Readonly<Record<string, FormProblem>> = {
  SPC_INVALID_FIX_AFTER_N_POINTS: { field: 'points', message: 'Enter a whole number of values, 12 or more' },
  REASON_REQUIRED: { field: 'reason', message: 'Enter the reason' },
  REBASE_NOT_A_PERIOD: { field: 'month', message: 'Choose one of the months of the series' },
  REBASE_EXISTS: { field: 'month', message: 'The limits are already recalculated from that month' },
  REBASE_NOT_FOUND: { field: null, message: 'That rebase is no longer recorded. The latest is shown.' },
};

const REFETCH = ['ProviderScorecard', 'SeriesBaseline'];

/**
 * How a series' limits are set, said in words under its chart: the baseline (limits fixed after the first n values)
 * and each rebase with its reason. For analysts and administrators, forms to record them (never automatic).
 */
export function SeriesBaselineSection({
  providerCode,
  indicatorCode,
  indicatorName,
  periods,
  hasBaselineOrRebase,
  viewer,
}: {
  providerCode: string;
  indicatorCode: string;
  indicatorName: string;
  /** The series' months, oldest first. */
  periods: readonly string[];
  /** Whether the stored scores used a baseline or rebase (only then is there anything to say to a reader). */
  hasBaselineOrRebase: boolean;
  viewer: Pick<Viewer, 'roles'> | null;
}) {
  const mayRecord = mayRecordBaselines(viewer);
  const series = { organisationCode: providerCode, indicatorCode };
  const { data } = useQuery(SeriesBaselineQuery, { variables: { series }, skip: !mayRecord && !hasBaselineOrRebase });
  const baseline = data?.seriesBaseline;
  const fixed = baseline?.fixAfterNPoints ?? null;
  const rebases = baseline?.rebases ?? [];
  if (!mayRecord && fixed === null && rebases.length === 0) return null;
  return (
    <div className="ccg-series-baseline">
      {(fixed !== null || rebases.length > 0) && (
        <>
          <h3 className="nhsuk-heading-s">How the limits are set</h3>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {fixed !== null && (
              <li>
                Fixed on the first {fixed} values of each period and extended forward: {baseline?.fixReason}
              </li>
            )}
            {rebases.map((rebase) => (
              <li key={rebase.rebaseDate}>
                Recalculated from {monthLabel(rebase.rebaseDate)}: {rebase.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {mayRecord && (
        <Details summary={<>Record a baseline or rebase<span className="nhsuk-u-visually-hidden"> for {indicatorName}</span></>}>
          <BaselineForm series={series} current={fixed} />
          <RebaseForm series={series} periods={periods} recorded={rebases.map((rebase) => rebase.rebaseDate)} />
        </Details>
      )}
    </div>
  );
}

type SeriesKey = { organisationCode: string; indicatorCode: string };

function useProblems(prefix: string) {
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const id = (field: string | null) => (field ? `${prefix}-${field}` : null);
  return {
    problems,
    focus,
    id,
    report: (found: FormProblem[]) => {
      setProblems(found.map((problem) => ({ ...problem, field: id(problem.field) })));
      setFocus((n) => n + 1);
    },
    clear: () => setProblems([]),
  };
}

function BaselineForm({ series, current }: { series: SeriesKey; current: number | null }) {
  const prefix = `baseline-${series.indicatorCode}`;
  const [points, setPoints] = useState(current === null ? '' : String(current));
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { problems, focus, id, report, clear } = useProblems(prefix);
  const [save, { loading }] = useMutation(SetSeriesBaselineMutation, { refetchQueries: REFETCH, awaitRefetchQueries: true });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const text = points.trim();
    const n = text === '' ? null : Number(text);
    const found: FormProblem[] = [];
    if (n !== null && (!/^\d+$/.test(text) || n < 12)) found.push(REFUSALS.SPC_INVALID_FIX_AFTER_N_POINTS as FormProblem);
    if (!reason.trim()) found.push(REFUSALS.REASON_REQUIRED as FormProblem);
    if (found.length > 0) return report(found);
    clear();
    try {
      const result = await save({ variables: { input: { ...series, fixAfterNPoints: n, reason: reason.trim() } } });
      const saved = result.data?.setSeriesBaseline.fixAfterNPoints ?? null;
      setDone(saved === null ? 'The limits now use every value.' : `The limits are now fixed on the first ${saved} values.`);
      setReason('');
    } catch (error) {
      report([refusalProblem(error, REFUSALS, 'Only analysts and administrators record baselines.')]);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className="nhsuk-heading-xs">
        Baseline
      </h3>
      <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
      <TextInput
        id={`${prefix}-points`}
        label="Fix the limits on the first how many values?"
        hint="12 or more, as the NHS-R Community’s SPC package requires. Leave empty to use every value."
        width={3}
        inputMode="numeric"
        value={points}
        error={problemFor(problems, id('points') ?? '')}
        onChange={(event) => setPoints(event.currentTarget.value)}
      />
      <TextInput id={`${prefix}-reason`} label="Reason" hint="For example, the year before the new pathway" value={reason} error={problemFor(problems, id('reason') ?? '')} onChange={(event) => setReason(event.currentTarget.value)} />
      <Button type="submit" secondary disabled={loading}>
        Save the baseline
      </Button>
      <div role="status" aria-live="polite">
        {done && <p className="nhsuk-body">{done}</p>}
      </div>
    </form>
  );
}

function RebaseForm({ series, periods, recorded }: { series: SeriesKey; periods: readonly string[]; recorded: readonly string[] }) {
  const prefix = `rebase-${series.indicatorCode}`;
  const months = periods.slice(1).filter((period) => !recorded.includes(period));
  const [month, setMonth] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { problems, focus, id, report, clear } = useProblems(prefix);
  const [record, { loading }] = useMutation(RecordRebaseMutation, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const [remove, { loading: removing }] = useMutation(RemoveRebaseMutation, { refetchQueries: REFETCH, awaitRefetchQueries: true });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const found: FormProblem[] = [];
    if (!month) found.push({ field: 'month', message: 'Choose the month the new limits start' });
    if (!reason.trim()) found.push(REFUSALS.REASON_REQUIRED as FormProblem);
    if (found.length > 0) return report(found);
    clear();
    try {
      await record({ variables: { input: { ...series, rebaseDate: month, reason: reason.trim() } } });
      setDone(`The limits are now recalculated from ${monthLabel(month)}.`);
      setMonth('');
      setReason('');
    } catch (error) {
      report([refusalProblem(error, REFUSALS, 'Only analysts and administrators record rebases.')]);
    }
  }

  async function removeRebase(rebaseDate: string) {
    setDone(null);
    if (!reason.trim()) return report([{ field: 'reason', message: 'Enter the reason for removing the rebase' }]);
    clear();
    try {
      await remove({ variables: { input: { ...series, rebaseDate, reason: reason.trim() } } });
      setDone(`The rebase from ${monthLabel(rebaseDate)} is removed.`);
      setReason('');
    } catch (error) {
      report([refusalProblem(error, REFUSALS, 'Only analysts and administrators remove rebases.')]);
    }
  }

  const monthError = problemFor(problems, id('month') ?? '');
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className="nhsuk-heading-xs">
        Rebase
      </h3>
      <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
      <MonthSelect id={`${prefix}-month`} label="Recalculate the limits from" months={months} value={month} error={monthError} onChange={setMonth} firstDay />
      <TextInput id={`${prefix}-reason`} label="Reason" hint="For example, a new pathway or a change of definition" value={reason} error={problemFor(problems, id('reason') ?? '')} onChange={(event) => setReason(event.currentTarget.value)} />
      <Button type="submit" secondary disabled={loading}>
        Record the rebase
      </Button>
      {recorded.length > 0 && (
        <ul className="nhsuk-list">
          {recorded.map((rebaseDate) => (
            <li key={rebaseDate}>
              <Button type="button" secondary disabled={removing} onClick={() => void removeRebase(rebaseDate)}>
                Remove the rebase from {monthLabel(rebaseDate)}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div role="status" aria-live="polite">
        {done && <p className="nhsuk-body">{done}</p>}
      </div>
    </form>
  );
}
