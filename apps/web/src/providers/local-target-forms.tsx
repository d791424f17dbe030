import { addCalendarMonths, yearMonthStart } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { formatValue, monthLabel, type ValueUnit } from '../ui/format';
import { Button, ErrorSummary, MonthSelect, refusalProblem, TextInput, type FormProblem } from '../ui/nhs';
import { LocalTargetsQuery, RemoveLocalTargetMutation, SeriesTrajectoryQuery, SetLocalTargetMutation, SetTrajectoryMutation } from './series-baseline.operations';
import { useFieldProblems } from './field-problems';

const REFUSALS: Readonly<Record<string, FormProblem>> = {
  TARGET_OUT_OF_RANGE: { field: 'target', message: 'Enter a target from 0 to 100, with at most four decimal places' },
  REASON_REQUIRED: { field: 'reason', message: 'Enter what was agreed, and by whom' },
  NOT_A_MONTH_START: { field: 'month', message: 'Choose the month it starts' },
  LOCAL_TARGET_NOT_FOUND: { field: null, message: 'That local target is no longer recorded. The latest is shown.' },
  DUPLICATE_MONTH: { field: 'months', message: 'Give each month once' },
  AGREED_BY_ANOTHER_CCG: { field: null, message: 'Another CCG agreed this: only its commissioning managers may change it' },
};

const REFETCH = ['ProviderScorecard', 'LocalTargets', 'SeriesTrajectory'];
const DECIMAL = /^\d+(\.\d{1,4})?$/;

/**
 * Inside the open "Agree a local target or trajectory" section (local-target-section.tsx), a script of its own: the
 * local targets agreed for the indicator, a form to agree one from a month, and the trajectory (a value a month).
 * Each change is audited and the scores follow.
 */
export function LocalTargetForms({
  series,
  ccgs,
  unit,
  periods,
}: {
  series: SeriesKey;
  /** The CCGs on whose behalf the viewer agrees targets. */
  ccgs: readonly string[];
  unit: ValueUnit;
  /** The series' months, oldest first (at least one). */
  periods: readonly string[];
}) {
  const { data } = useQuery(LocalTargetsQuery, { variables: { series } });
  const targets = data?.localTargets ?? [];
  // From the series' first month to a year after its latest: a target may be agreed ahead.
  const months = Array.from({ length: periods.length + 12 }, (_, i) => addCalendarMonths(periods[0] as string, i));
  return (
    <>
      {targets.length > 0 && (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {targets.map((target) => (
            <li key={target.effectiveFrom}>
              {formatValue(target.target, unit)} from {monthLabel(target.effectiveFrom)}, agreed by {target.agreedBy}: {target.reason}
            </li>
          ))}
        </ul>
      )}
      <LocalTargetForm series={series} ccgs={ccgs} months={months} unit={unit} existing={targets.map((target) => ({ effectiveFrom: target.effectiveFrom, agreedBy: target.agreedBy }))} />
      <TrajectoryForm series={series} ccgs={ccgs} />
    </>
  );
}

type SeriesKey = { organisationCode: string; indicatorCode: string };

function CcgSelect({ id, ccgs, value, onChange }: { id: string; ccgs: readonly string[]; value: string; onChange: (value: string) => void }) {
  if (ccgs.length === 1) return <p className="nhsuk-body">Agreed on behalf of {ccgs[0]}.</p>;
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        On behalf of
      </label>
      <select className="nhsuk-select" id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {ccgs.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
    </div>
  );
}

function LocalTargetForm({
  series,
  ccgs,
  months,
  unit,
  existing,
}: {
  series: SeriesKey;
  ccgs: readonly string[];
  months: readonly string[];
  unit: ValueUnit;
  existing: readonly { effectiveFrom: string; agreedBy: string }[];
}) {
  const prefix = `local-${series.indicatorCode}`;
  const [ccg, setCcg] = useState(ccgs[0] as string);
  const [month, setMonth] = useState('');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { problems, focus, error, report, clear } = useFieldProblems(prefix);
  const [save, { loading }] = useMutation(SetLocalTargetMutation, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const [remove, { loading: removing }] = useMutation(RemoveLocalTargetMutation, { refetchQueries: REFETCH, awaitRefetchQueries: true });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const found: FormProblem[] = [];
    if (!month) found.push(REFUSALS.NOT_A_MONTH_START as FormProblem);
    if (!DECIMAL.test(target.trim()) || (unit === 'PERCENTAGE' && Number(target) > 100)) found.push(REFUSALS.TARGET_OUT_OF_RANGE as FormProblem);
    if (!reason.trim()) found.push(REFUSALS.REASON_REQUIRED as FormProblem);
    if (found.length > 0) return report(found);
    clear();
    try {
      const result = await save({ variables: { input: { ...series, ccgCode: ccg, effectiveFrom: month, target: Number(target.trim()), reason: reason.trim() } } });
      const saved = result.data?.setLocalTarget;
      if (saved) setDone(`The local target is ${formatValue(saved.target, unit)} from ${monthLabel(saved.effectiveFrom)}.`);
      setTarget('');
      setReason('');
    } catch (caught) {
      report([refusalProblem(caught, REFUSALS, `Only a commissioning manager of ${ccg} may agree a local target on its behalf.`)]);
    }
  }

  async function removeTarget(effectiveFrom: string, agreedBy: string) {
    setDone(null);
    if (!reason.trim()) return report([{ field: 'reason', message: 'Enter why the local target goes' }]);
    clear();
    try {
      await remove({ variables: { input: { ...series, ccgCode: ccgs.includes(agreedBy) ? agreedBy : ccg, effectiveFrom, reason: reason.trim() } } });
      setDone(`The local target from ${monthLabel(effectiveFrom)} is removed.`);
      setReason('');
    } catch (caught) {
      report([refusalProblem(caught, REFUSALS, 'Only a commissioning manager of the CCG may remove its local target.')]);
    }
  }

  const monthError = error('month');
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className="nhsuk-heading-xs">
        Local target
      </h3>
      <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
      <CcgSelect id={`${prefix}-ccg`} ccgs={ccgs} value={ccg} onChange={setCcg} />
      <MonthSelect id={`${prefix}-month`} label="In force from" months={months} value={month} error={monthError} onChange={setMonth} firstDay />
      <TextInput
        id={`${prefix}-target`}
        label="Target"
        hint={unit === 'PERCENTAGE' ? 'A percentage from 0 to 100, for example 88.5' : 'A number, 0 or more'}
        width={5}
        inputMode="decimal"
        suffix={unit === 'PERCENTAGE' ? '%' : undefined}
        value={target}
        error={error('target')}
        onChange={(event) => setTarget(event.currentTarget.value)}
      />
      <TextInput id={`${prefix}-reason`} label="What was agreed, and by whom" value={reason} error={error('reason')} onChange={(event) => setReason(event.currentTarget.value)} />
      <Button type="submit" secondary disabled={loading}>
        Agree the local target
      </Button>
      {existing.length > 0 && (
        <ul className="nhsuk-list">
          {existing.map((row) => (
            <li key={row.effectiveFrom}>
              <Button type="button" secondary disabled={removing} onClick={() => void removeTarget(row.effectiveFrom, row.agreedBy)}>
                Remove the local target from {monthLabel(row.effectiveFrom)}
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

/** "2019-01 88.5" lines as months and values; the problem found first otherwise. */
export function parseTrajectory(text: string): { months: { period: string; value: number }[] } | { problem: string } {
  const months: { period: string; value: number }[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [month, value, ...rest] = line.split(/\s+/);
    let period: string;
    try {
      period = yearMonthStart(month);
    } catch {
      return { problem: `Line ${index + 1}: write the month as yyyy-mm, for example 2019-01` };
    }
    if (rest.length > 0 || value === undefined || !DECIMAL.test(value)) return { problem: `Line ${index + 1}: give one value after the month, for example 2019-01 88.5` };
    if (months.some((m) => m.period === period)) return { problem: `Line ${index + 1}: ${monthLabel(period)} is given twice` };
    months.push({ period, value: Number(value) });
  }
  return { months };
}

function TrajectoryForm({ series, ccgs }: { series: SeriesKey; ccgs: readonly string[] }) {
  const prefix = `trajectory-${series.indicatorCode}`;
  const { data } = useQuery(SeriesTrajectoryQuery, { variables: { series } });
  const current = (data?.trajectory.months ?? []).map((m) => `${m.period.slice(0, 7)} ${m.value}`).join('\n');
  const [ccg, setCcg] = useState(ccgs[0] as string);
  const [text, setText] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { problems, focus, error, report, clear } = useFieldProblems(prefix);
  const [save, { loading }] = useMutation(SetTrajectoryMutation, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const shown = text ?? current;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const parsed = parseTrajectory(shown);
    const found: FormProblem[] = [];
    if ('problem' in parsed) found.push({ field: 'months', message: parsed.problem });
    if (!reason.trim()) found.push({ field: 'reason', message: 'Enter what the trajectory is and who agreed it' });
    if (found.length > 0 || 'problem' in parsed) return report(found);
    clear();
    try {
      const result = await save({ variables: { input: { ...series, ccgCode: ccg, reason: reason.trim(), months: parsed.months } } });
      const count = result.data?.setTrajectory.months.length ?? 0;
      setDone(count === 0 ? 'There is no trajectory now.' : `The trajectory has ${count === 1 ? 'one month' : `${count} months`}.`);
      setText(null);
      setReason('');
    } catch (caught) {
      report([refusalProblem(caught, { ...REFUSALS, TARGET_OUT_OF_RANGE: { field: 'months', message: 'Each value must be from 0 to 100, with at most four decimal places' } }, `Only a commissioning manager of ${ccg} may set a trajectory on its behalf.`)]);
    }
  }

  const monthsError = error('months');
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className="nhsuk-heading-xs">
        Trajectory
      </h3>
      <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
      <CcgSelect id={`${prefix}-ccg`} ccgs={ccgs} value={ccg} onChange={setCcg} />
      <div className={`nhsuk-form-group${monthsError ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={`${prefix}-months`}>
          Months and values
        </label>
        <div className="nhsuk-hint" id={`${prefix}-months-hint`}>
          One month a line: the month as yyyy-mm, then the value, for example 2019-01 88.5. These replace the whole trajectory; leave it empty to remove it.
        </div>
        {monthsError && (
          <span className="nhsuk-error-message" id={`${prefix}-months-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {monthsError}
          </span>
        )}
        <textarea
          className={`nhsuk-textarea${monthsError ? ' nhsuk-textarea--error' : ''}`}
          id={`${prefix}-months`}
          rows={6}
          value={shown}
          aria-describedby={`${prefix}-months-hint${monthsError ? ` ${prefix}-months-error` : ''}`}
          onChange={(event) => setText(event.currentTarget.value)}
        />
      </div>
      <TextInput id={`${prefix}-reason`} label="What the trajectory is, and who agreed it" value={reason} error={error('reason')} onChange={(event) => setReason(event.currentTarget.value)} />
      <Button type="submit" secondary disabled={loading}>
        Save the trajectory
      </Button>
      <div role="status" aria-live="polite">
        {done && <p className="nhsuk-body">{done}</p>}
      </div>
    </form>
  );
}
