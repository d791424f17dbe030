import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import type { ReportActionStatus } from '../gql/graphql';
import { formatDate, monthLabel } from '../ui/format';
import { Button, DateInput, dateInputExample, dateInputProblem, dateProblemFor, ErrorSummary, problemFor, TableContainer, TextInput, type FormProblem } from '../ui/nhs';
import { AddReportActionMutation, UpdateReportActionMutation } from './performance-reports.operations';
import { reportRefusal } from './report-refusals';
import type { Report, ReportActionRow } from './report-types';

/** The moves of an open action from a draft: each closes it in this report. */
const CLOSING: ReadonlyArray<{ status: ReportActionStatus; label: string; done: string }> = [
  { status: 'DONE', label: 'Mark done', done: 'marked done' },
  { status: 'DROPPED', label: 'Drop', done: 'dropped' },
];

/** The report's remedial actions (owner, provider, due date, status; carried-forward ones marked), added and closed in a draft. */
export function ReportActionsSection({ report, editable, onChanged }: { report: Report; editable: boolean; onChanged: () => Promise<unknown> }) {
  const [update, { loading }] = useMutation(UpdateReportActionMutation);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function mark(action: ReportActionRow, status: ReportActionStatus, words: string) {
    setFailure(null);
    setDone(null);
    try {
      await update({ variables: { input: { reportId: report.id, actionId: action.id, expectedVersion: action.version, status } } });
      setDone(`“${action.description}” is ${words}.`);
    } catch (error) {
      const refusal = reportRefusal(error);
      setFailure(refusal.message);
      if (refusal.reload) await onChanged();
    }
  }

  return (
    <>
      {done && (
        <p className="nhsuk-body" role="status">
          {done}
        </p>
      )}
      {failure && (
        <ErrorSummary title="The action was not changed" headingLevel="h3">
          <p>{failure}</p>
        </ErrorSummary>
      )}
      {report.actions.length === 0 ? (
        <p className="nhsuk-body">No remedial actions.</p>
      ) : (
        <TableContainer>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Remedial actions</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Provider</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                {editable && (
                  <th scope="col" className="ccg-no-print">
                    <span className="nhsuk-u-visually-hidden">Change</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {report.actions.map((action) => (
                <tr key={action.id}>
                  <td>
                    {action.description}
                    {action.carriedForward && (
                      <>
                        <br />
                        <strong className="nhsuk-tag nhsuk-tag--grey nhsuk-u-margin-top-1">Carried forward from {monthLabel(action.raisedInMonth)}</strong>
                      </>
                    )}
                  </td>
                  <td>{action.owner}</td>
                  <td>{action.providerName ? `${action.providerName} (${action.providerCode})` : 'The CCG’s own'}</td>
                  <td>
                    {action.dueOn ? formatDate(action.dueOn) : 'No due date'}
                    {action.overdue && <strong className="nhsuk-tag nhsuk-tag--red nhsuk-u-margin-left-1">Overdue</strong>}
                  </td>
                  <td>{action.statusLabel}</td>
                  {editable && (
                    <td className="ccg-no-print">
                      {action.status === 'OPEN' && (
                        <div className="ccg-button-row">
                          {CLOSING.map((move) => (
                            <Button key={move.status} type="button" small secondary disabled={loading} onClick={() => void mark(action, move.status, move.done)}>
                              {move.label}
                              <span className="nhsuk-u-visually-hidden">: {action.description}</span>
                            </Button>
                          ))}
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
      {editable && <AddActionForm report={report} onChanged={onChanged} />}
    </>
  );
}

interface Fields {
  description: string;
  owner: string;
  providerCode: string;
  dueOn: string;
}

const EMPTY: Fields = { description: '', owner: '', providerCode: '', dueOn: '' };

/** What a new action needs, checked before anything is sent. */
export function actionProblems(fields: Fields): FormProblem[] {
  const found: FormProblem[] = [];
  if (!fields.description.trim()) found.push({ field: 'action-description', message: 'Say what is to be done' });
  if (!fields.owner.trim()) found.push({ field: 'action-owner', message: 'Enter who owns the action' });
  const due = dateInputProblem('action-dueOn', fields.dueOn, { what: 'The due date' });
  if (due) found.push(due);
  return found;
}

function AddActionForm({ report, onChanged }: { report: Report; onChanged: () => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const [add, { loading }] = useMutation(AddReportActionMutation);
  const providers = report.sections
    .flatMap((section) => section.scorecardRows)
    .filter((row, index, all) => all.findIndex((other) => other.providerCode === row.providerCode) === index)
    .map((row) => ({ code: row.providerCode, name: row.providerName }));
  const set = (key: keyof Fields) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((f) => ({ ...f, [key]: value }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const found = actionProblems(fields);
    setProblems(found);
    if (found.length > 0) {
      setFocus((n) => n + 1);
      return;
    }
    try {
      await add({
        variables: {
          input: {
            reportId: report.id,
            expectedVersion: report.rowVersion,
            description: fields.description.trim(),
            owner: fields.owner.trim(),
            ...(fields.providerCode ? { providerCode: fields.providerCode } : {}),
            ...(fields.dueOn ? { dueOn: fields.dueOn } : {}),
          },
        },
      });
      setSaved(`“${fields.description.trim()}” is added.`);
      setFields(EMPTY);
      setOpen(false);
    } catch (error) {
      const refusal = reportRefusal(error, { TEXT_REQUIRED: 'action-description' });
      setProblems([refusal]);
      setFocus((n) => n + 1);
      if (refusal.reload) await onChanged();
    }
  }

  return (
    <div className="ccg-no-print nhsuk-u-margin-bottom-4">
      {saved && (
        <p className="nhsuk-body" role="status">
          {saved}
        </p>
      )}
      {!open ? (
        <Button type="button" secondary onClick={() => setOpen(true)}>
          Add a remedial action
        </Button>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate aria-label="Add a remedial action">
          <h3 className="nhsuk-heading-s">Add a remedial action</h3>
          <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
          <TextInput id="action-description" label="What is to be done" value={fields.description} error={problemFor(problems, 'action-description')} onChange={set('description')} />
          <TextInput id="action-owner" label="Owner" hint="A person or a team" width={30} value={fields.owner} error={problemFor(problems, 'action-owner')} onChange={set('owner')} />
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="action-providerCode">
              Provider (optional)
            </label>
            <select className="nhsuk-select" id="action-providerCode" value={fields.providerCode} onChange={set('providerCode')}>
              <option value="">None: the CCG’s own action</option>
              {providers.map((provider) => (
                <option key={provider.code} value={provider.code}>
                  {provider.name} ({provider.code})
                </option>
              ))}
            </select>
          </div>
          <DateInput id="action-dueOn" legend="Due (optional)" hint={dateInputExample(report.month)} value={fields.dueOn} error={dateProblemFor(problems, 'action-dueOn')} onChange={(dueOn) => setFields((f) => ({ ...f, dueOn }))} />
          <div className="ccg-button-row">
            <Button type="submit" disabled={loading}>
              {loading ? 'Adding…' : 'Add the action'}
            </Button>
            <Button type="button" secondary disabled={loading} onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
