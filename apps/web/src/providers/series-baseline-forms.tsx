import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { monthLabel } from '../ui/format';
import { Button, ErrorSummary, MonthSelect, refusalProblem, TextInput, type FormProblem } from '../ui/nhs';
import { RecordRebaseMutation, RemoveRebaseMutation, SetSeriesBaselineMutation } from './series-baseline.operations';
import { useFieldProblems } from './field-problems';

const REFUSALS: Readonly<Record<string, FormProblem>> = {
  SPC_INVALID_FIX_AFTER_N_POINTS: { field: 'points', message: 'Enter a whole number of values, 12 or more' },
  REASON_REQUIRED: { field: 'reason', message: 'Enter the reason' },
  REBASE_NOT_A_PERIOD: { field: 'month', message: 'Choose one of the months of the series' },
  REBASE_EXISTS: { field: 'month', message: 'The limits are already recalculated from that month' },
  REBASE_NOT_FOUND: { field: null, message: 'That rebase is no longer recorded. The latest is shown.' },
};

const REFETCH = ['ProviderScorecard', 'SeriesBaseline'];

/**
 * For analysts and administrators, under a series' chart (series-baseline-section.tsx), a script of its own: the forms
 * to fix its limits on the first n values and to record or remove a rebase (never automatic).
 */
export function SeriesBaselineForms({ series, current, periods, recorded }: { series: SeriesKey; current: number | null; periods: readonly string[]; recorded: readonly string[] }) {
  return (
    <>
      <BaselineForm series={series} current={current} />
      <RebaseForm series={series} periods={periods} recorded={recorded} />
    </>
  );
}

type SeriesKey = { organisationCode: string; indicatorCode: string };

function BaselineForm({ series, current }: { series: SeriesKey; current: number | null }) {
  const prefix = `baseline-${series.indicatorCode}`;
  const [points, setPoints] = useState(current === null ? '' : String(current));
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { problems, focus, error, report, clear } = useFieldProblems(prefix);
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
        error={error('points')}
        onChange={(event) => setPoints(event.currentTarget.value)}
      />
      <TextInput id={`${prefix}-reason`} label="Reason" hint="For example, the year before the new pathway" value={reason} error={error('reason')} onChange={(event) => setReason(event.currentTarget.value)} />
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
  const { problems, focus, error, report, clear } = useFieldProblems(prefix);
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

  const monthError = error('month');
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className="nhsuk-heading-xs">
        Rebase
      </h3>
      <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
      <MonthSelect id={`${prefix}-month`} label="Recalculate the limits from" months={months} value={month} error={monthError} onChange={setMonth} firstDay />
      <TextInput id={`${prefix}-reason`} label="Reason" hint="For example, a new pathway or a change of definition" value={reason} error={error('reason')} onChange={(event) => setReason(event.currentTarget.value)} />
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
