import { addCalendarMonths, compareIsoDates, yearMonthOf } from '@ccg-assure/domain';
import { useMutation } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { errorCodes } from '../app/graphql-errors';
import { ConfirmButtons } from '../assurance/confirmation-parts';
import type { ContractNoticeFieldsFragment, RemedialActionStatus } from '../gql/graphql';
import { monthLabel } from '../ui/format';
import { Button, DateInput, dateInputExample, dateInputProblem, dateProblemFor, ErrorSummary, FormGroup, MonthSelect, problemFor, refusalProblem, TextInput, type FormProblem } from '../ui/nhs';
import { REMEDIAL_ACTION_STATUS_LABELS } from './contract-labels';
import { AgreeRemedialActionPlanMutation } from './contracts.operations';
import { monthStart } from './sanctions-ledger';

/** The months a trajectory runs for: six, as the plan commits month by month (issue 15 item 4). */
export const TRAJECTORY_MONTHS = 6;

interface ActionRow {
  description: string;
  owner: string;
  dueOn: string;
  status: RemedialActionStatus;
}

const EMPTY_ACTION: ActionRow = { description: '', owner: '', dueOn: '', status: 'NOT_STARTED' };

/** The first days of the trajectory's months, from its first month ("2018-10" → 2018-10-01 … 2019-03-01). */
export function trajectoryMonths(firstMonth: string): string[] | null {
  const start = monthStart(firstMonth);
  if (!start) return null;
  return Array.from({ length: TRAJECTORY_MONTHS }, (_, index) => addCalendarMonths(start, index));
}

const cellId = (code: string, index: number) => `plan-trajectory-${code}-${index}`;

const PLAN_REFUSALS: Readonly<Record<string, FormProblem>> = {
  ACTIONS_REQUIRED: { field: 'plan-action-0-description', message: 'Add at least one action' },
  TRAJECTORY_REQUIRED: { field: 'plan-firstMonth', message: 'Give the recovery trajectory' },
  INVALID_TRAJECTORY: { field: 'plan-firstMonth', message: 'Each month of the trajectory needs a value, given once' },
  RAP_ALREADY_AGREED: { field: null, message: 'A remedial action plan has already been agreed for this notice. The latest is shown.' },
  STALE_VERSION: { field: null, message: 'Someone else changed this notice in the meantime. The latest is shown; check it and try again.' },
  INVALID_TRANSITION: { field: null, message: 'A plan cannot be agreed from where the notice stands now. The latest is shown.' },
  DATE_IN_FUTURE: { field: 'plan-agreedOn', message: 'The day the plan was agreed cannot be in the future' },
};

/** The remedial action plan the parties agree (GC9.11): a summary, actions with owner, due date and status, and a six-month recovery trajectory per indicator. */
export function RemedialPlanForm({ notice, today, onCancel, onAgreed }: { notice: ContractNoticeFieldsFragment; today: string; onCancel: () => void; onAgreed: () => Promise<unknown> }) {
  const latestEvidence = notice.evidence.indicators.map((entry) => entry.period).sort().pop();
  const [agreedOn, setAgreedOn] = useState(today);
  const [summary, setSummary] = useState('');
  const [actions, setActions] = useState<ActionRow[]>([{ ...EMPTY_ACTION }]);
  const [firstMonth, setFirstMonth] = useState(latestEvidence ? yearMonthOf(addCalendarMonths(latestEvidence, 1)) : yearMonthOf(today));
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [agree, { loading }] = useMutation(AgreeRemedialActionPlanMutation);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const months = trajectoryMonths(firstMonth);
  // The months a trajectory may start in: from the latest month of evidence (or this month) to a year after it.
  const firstMonthChoices = useMemo(() => {
    const base = latestEvidence ?? `${yearMonthOf(today)}-01`;
    return Array.from({ length: 13 }, (_, index) => addCalendarMonths(base, index));
  }, [latestEvidence, today]);
  const indicators = notice.indicators;

  const setAction = (index: number, key: keyof ActionRow, value: string) => setActions((rows) => rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FormProblem[] = [];
    const agreedOnProblem = dateInputProblem('plan-agreedOn', agreedOn, { what: 'The day the plan was agreed', missing: 'Enter the day the plan was agreed' });
    if (agreedOnProblem) found.push(agreedOnProblem);
    else if (compareIsoDates(agreedOn, today) > 0) found.push({ field: 'plan-agreedOn', message: 'The day the plan was agreed cannot be in the future' });
    if (!summary.trim()) found.push({ field: 'plan-summary', message: 'Summarise the plan' });
    actions.forEach((row, index) => {
      const n = index + 1;
      if (!row.description.trim()) found.push({ field: `plan-action-${index}-description`, message: `Describe action ${n}` });
      if (!row.owner.trim()) found.push({ field: `plan-action-${index}-owner`, message: `Name who owns action ${n}` });
      const dueProblem = dateInputProblem(`plan-action-${index}-dueOn`, row.dueOn, { what: `The date action ${n} is due`, missing: `Enter the date action ${n} is due` });
      if (dueProblem) found.push(dueProblem);
    });
    if (!months) found.push({ field: 'plan-firstMonth', message: 'Choose the first month of the trajectory' });
    const trajectory: { indicatorCode: string; month: string; value: number }[] = [];
    const cells: string[] = [];
    if (months) {
      for (const indicator of indicators) {
        months.forEach((month, index) => {
          const text = (values[cellId(indicator.code, index)] ?? '').trim();
          const value = Number(text);
          if (!text || !Number.isFinite(value)) found.push({ field: cellId(indicator.code, index), message: `Enter the value committed for ${indicator.name} in ${monthLabel(month)}` });
          else {
            trajectory.push({ indicatorCode: indicator.code, month, value });
            cells.push(cellId(indicator.code, index));
          }
        });
      }
    }
    setProblems(found);
    if (found.length > 0) {
      setFocus((n) => n + 1);
      return;
    }
    try {
      await agree({
        variables: {
          input: {
            noticeId: notice.id,
            expectedVersion: notice.version,
            agreedOn,
            summary: summary.trim(),
            actions: actions.map((row) => ({ description: row.description.trim(), owner: row.owner.trim(), dueOn: row.dueOn, status: row.status })),
            trajectory,
          },
        },
      });
      await onAgreed();
    } catch (error) {
      const { reason, details } = errorCodes(error);
      const fields = Array.isArray(details?.fields) ? (details.fields as string[]) : [];
      const first = fields[0] ?? '';
      const trajectoryCell = /^trajectory\.(\d+)\./.exec(first);
      const actionField = /^actions\.(\d+)\.(description|owner|dueOn)$/.exec(first);
      let problem = refusalProblem(error, PLAN_REFUSALS, 'Only a commissioning manager of the lead commissioner agrees a plan.');
      if (reason === 'INVALID_TRAJECTORY' && trajectoryCell && cells[Number(trajectoryCell[1])]) problem = { field: cells[Number(trajectoryCell[1])], message: 'This month’s value was refused: give each month once, with a number' };
      if (reason === 'TEXT_REQUIRED' && actionField) problem = { field: `plan-action-${actionField[1]}-${actionField[2]}`, message: 'This cannot be blank' };
      if (reason === 'TEXT_REQUIRED' && first === 'summary') problem = { field: 'plan-summary', message: 'Summarise the plan' };
      setProblems([problem]);
      setFocus((n) => n + 1);
    }
  }

  return (
    <div className="nhsuk-card ccg-confirm">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
          Agree a remedial action plan
        </h3>
        <p className="nhsuk-body">The plan the parties agreed (GC9.11): its actions, who owns each and when it is due, and the values the provider commits to reach month by month.</p>
        <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DateInput id="plan-agreedOn" legend="Day the plan was agreed" hint={dateInputExample(today)} value={agreedOn} error={dateProblemFor(problems, 'plan-agreedOn')} onChange={setAgreedOn} />
          <FormGroup id="plan-summary" label="Summary of the plan" error={problemFor(problems, 'plan-summary')}>
            {({ describedBy, invalid }) => (
              <textarea className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`} id="plan-summary" rows={3} value={summary} aria-describedby={describedBy} onChange={(e) => setSummary(e.currentTarget.value)} />
            )}
          </FormGroup>
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Actions</legend>
            {actions.map((row, index) => (
              <fieldset key={index} className="nhsuk-fieldset ccg-plan-action">
                <legend className="nhsuk-fieldset__legend">Action {index + 1}</legend>
                <TextInput id={`plan-action-${index}-description`} label={`Action ${index + 1}: what will be done`} value={row.description} error={problemFor(problems, `plan-action-${index}-description`)} onChange={(e) => setAction(index, 'description', e.currentTarget.value)} />
                <TextInput id={`plan-action-${index}-owner`} label={`Action ${index + 1}: owner`} width={20} value={row.owner} error={problemFor(problems, `plan-action-${index}-owner`)} onChange={(e) => setAction(index, 'owner', e.currentTarget.value)} />
                <DateInput id={`plan-action-${index}-dueOn`} legend={`Action ${index + 1}: due`} value={row.dueOn} error={dateProblemFor(problems, `plan-action-${index}-dueOn`)} onChange={(value) => setAction(index, 'dueOn', value)} />
                <FormGroup id={`plan-action-${index}-status`} label={`Action ${index + 1}: status`}>
                  {() => (
                    <select className="nhsuk-select" id={`plan-action-${index}-status`} value={row.status} onChange={(e) => setAction(index, 'status', e.currentTarget.value)}>
                      {(Object.keys(REMEDIAL_ACTION_STATUS_LABELS) as RemedialActionStatus[]).map((status) => (
                        <option key={status} value={status}>
                          {REMEDIAL_ACTION_STATUS_LABELS[status]}
                        </option>
                      ))}
                    </select>
                  )}
                </FormGroup>
                {actions.length > 1 && (
                  <Button type="button" secondary small onClick={() => setActions((rows) => rows.filter((_, i) => i !== index))}>
                    Remove action {index + 1}
                  </Button>
                )}
              </fieldset>
            ))}
            <Button type="button" secondary onClick={() => setActions((rows) => [...rows, { ...EMPTY_ACTION }])}>
              Add another action
            </Button>
          </fieldset>
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Recovery trajectory</legend>
            <MonthSelect
              id="plan-firstMonth"
              label="First month of the trajectory"
              hint="The trajectory runs for six months from it."
              months={firstMonthChoices}
              value={firstMonth}
              error={problemFor(problems, 'plan-firstMonth')}
              onChange={setFirstMonth}
            />
            {months && (
              <table className="nhsuk-table nhsuk-table--compact">
                <caption className="nhsuk-table__caption nhsuk-table__caption--s">Values the provider commits to reach</caption>
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    <th scope="col" className="nhsuk-table__header">
                      Month
                    </th>
                    {indicators.map((indicator) => (
                      <th key={indicator.code} scope="col" className="nhsuk-table__header">
                        {indicator.name}
                        {indicator.unit === 'PERCENTAGE' ? ' (%)' : ''}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {months.map((month, index) => (
                    <tr key={month} className="nhsuk-table__row">
                      <th scope="row" className="nhsuk-table__header">
                        {monthLabel(month)}
                      </th>
                      {indicators.map((indicator) => {
                        const id = cellId(indicator.code, index);
                        const error = problemFor(problems, id);
                        return (
                          <td key={indicator.code} className="nhsuk-table__cell">
                            <label className="nhsuk-u-visually-hidden" htmlFor={id}>
                              {indicator.name}, {monthLabel(month)}
                            </label>
                            {error && (
                              <span className="nhsuk-error-message" id={`${id}-error`}>
                                <span className="nhsuk-u-visually-hidden">Error: </span>
                                {error}
                              </span>
                            )}
                            <input
                              className={`nhsuk-input nhsuk-input--width-5${error ? ' nhsuk-input--error' : ''}`}
                              id={id}
                              inputMode="decimal"
                              value={values[id] ?? ''}
                              aria-describedby={error ? `${id}-error` : undefined}
                              onChange={(e) => {
                                const value = e.currentTarget.value;
                                setValues((v) => ({ ...v, [id]: value }));
                              }}
                            />
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </fieldset>
          <ConfirmButtons label="Agree the plan" busyLabel="Recording…" busy={loading} onCancel={onCancel} />
        </form>
      </div>
    </div>
  );
}
