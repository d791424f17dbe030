import { compareIsoDates, monthEnd } from '@ccg-assure/domain';
import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmButtons } from '../assurance/confirmation-parts';
import type { PerformanceReportAction } from '../gql/graphql';
import type { Report } from './report-types';
import { Button, DateInput, dateInputExample, dateInputProblem, dateProblemFor, ErrorSummary, FormGroup, problemFor, TextInput, type FormProblem } from '../ui/nhs';
import { formatDate, formatInstant } from '../ui/format';
import { organisationName } from '../ui/organisation-name';
import { ApplyPerformanceReportActionMutation, CorrectPerformanceReportMutation } from './performance-reports.operations';
import { reportRefusal } from './report-refusals';

/** The sign-off's moves, in the order the panel offers them (EDIT is the page's forms; PREPARE and SUPERSEDE are not the page's). */
const PANEL_ACTIONS: readonly PerformanceReportAction[] = ['SUBMIT_TO_CCG', 'SIGN_FOR_CCG', 'RETURN_TO_ANALYST', 'SIGN_FOR_HIGHER_BOARD', 'RETURN_BY_HIGHER_BOARD', 'CORRECT'];

const BUTTON_LABELS: Readonly<Record<string, string>> = {
  SUBMIT_TO_CCG: 'Send to the CCG for sign-off',
  SIGN_FOR_CCG: 'Sign off for the CCG',
  RETURN_TO_ANALYST: 'Return to the analyst',
  SIGN_FOR_HIGHER_BOARD: 'Sign off for the higher board',
  RETURN_BY_HIGHER_BOARD: 'Return to the CCG',
  CORRECT: 'Correct the report',
};

const DONE_WORDS: Readonly<Record<string, string>> = {
  SUBMIT_TO_CCG: 'The report is sent to the CCG for sign-off.',
  SIGN_FOR_CCG: 'The report is signed off for the CCG. It is frozen: its numbers, charts and comments stay as they are now.',
  RETURN_TO_ANALYST: 'The report is returned to the analyst.',
  SIGN_FOR_HIGHER_BOARD: 'The report is signed off for the higher board and published.',
  RETURN_BY_HIGHER_BOARD: 'The report is returned to the CCG.',
};

const isSignature = (action: string) => action === 'SIGN_FOR_CCG' || action === 'SIGN_FOR_HIGHER_BOARD';
const needsReason = (action: string) => action === 'RETURN_TO_ANALYST' || action === 'RETURN_BY_HIGHER_BOARD' || action === 'CORRECT';

interface Fields {
  reason: string;
  meeting: string;
  signedOn: string;
}

/** What a move needs, checked before anything is sent (the API checks again). */
export function signOffProblems(action: string, fields: Fields, month: string, today: string): FormProblem[] {
  const found: FormProblem[] = [];
  if (needsReason(action) && !fields.reason.trim()) found.push({ field: 'signoff-reason', message: action === 'CORRECT' ? 'Say why the report is corrected' : 'Say why it is returned' });
  if (isSignature(action)) {
    if (!fields.meeting.trim()) found.push({ field: 'signoff-meeting', message: 'Enter the meeting at which the report was signed off' });
    const dateProblem = dateInputProblem('signoff-signedOn', fields.signedOn, { what: 'The date it was signed off', missing: 'Enter the date it was signed off' });
    if (dateProblem) found.push(dateProblem);
    else if (compareIsoDates(fields.signedOn, today) > 0) found.push({ field: 'signoff-signedOn', message: 'The date it was signed off cannot be in the future' });
    else if (compareIsoDates(fields.signedOn, monthEnd(month)) <= 0) found.push({ field: 'signoff-signedOn', message: 'The date it was signed off must be after the month the report is for has ended' });
  }
  return found;
}

/** The sign-off: the moves the API lists for the viewer now, each asking what it needs (a reason; a meeting and date). */
export function SignOffPanel({ report, today, onChanged }: { report: Report; today: string; onChanged: () => Promise<unknown> }) {
  const offered = PANEL_ACTIONS.filter((action) => report.availableActions.includes(action));
  const navigate = useNavigate();
  const [action, setAction] = useState<PerformanceReportAction | null>(null);
  const [fields, setFields] = useState<Fields>({ reason: '', meeting: '', signedOn: '' });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [apply, applying] = useMutation(ApplyPerformanceReportActionMutation);
  const [correct, correcting] = useMutation(CorrectPerformanceReportMutation);
  useEffect(() => {
    if (action) headingRef.current?.focus();
  }, [action]);
  if (offered.length === 0 && !done && !failure) return null;

  const open = (next: PerformanceReportAction) => {
    setAction(next);
    setFields({ reason: '', meeting: '', signedOn: '' });
    setProblems([]);
    setDone(null);
    setFailure(null);
  };

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!action) return;
    const found = signOffProblems(action, fields, report.month, today);
    setProblems(found);
    if (found.length > 0) {
      setFocus((n) => n + 1);
      return;
    }
    try {
      if (action === 'CORRECT') {
        const result = await correct({ variables: { input: { reportId: report.id, expectedVersion: report.rowVersion, reason: fields.reason.trim() } } });
        const id = result.data?.correctPerformanceReport.id;
        setAction(null);
        if (id) navigate(`/performance-reports/${id}`);
        return;
      }
      await apply({
        variables: {
          input: {
            reportId: report.id,
            expectedVersion: report.rowVersion,
            action,
            ...(needsReason(action) ? { reason: fields.reason.trim() } : {}),
            ...(isSignature(action) ? { meeting: fields.meeting.trim(), signedOn: fields.signedOn } : {}),
          },
        },
      });
      setDone(DONE_WORDS[action] ?? 'Done.');
      setAction(null);
    } catch (error) {
      const refusal = reportRefusal(error, { REASON_REQUIRED: 'signoff-reason', MEETING_REQUIRED: 'signoff-meeting', SIGNED_ON: 'signoff-signedOn' });
      if (refusal.field) {
        setProblems([refusal]);
        setFocus((n) => n + 1);
        return;
      }
      setFailure(refusal.message);
      setAction(null);
      if (refusal.reload) await onChanged();
    }
  }

  return (
    <section aria-labelledby="signoff-heading" className="ccg-no-print nhsuk-u-margin-bottom-6">
      <h2 id="signoff-heading" className="nhsuk-heading-m">
        Sign-off: what you can do
      </h2>
      {done && (
        <p className="nhsuk-body" role="status">
          {done}
        </p>
      )}
      {failure && (
        <ErrorSummary title="The step was not recorded" headingLevel="h3">
          <p>{failure}</p>
        </ErrorSummary>
      )}
      {action === null ? (
        <div className="ccg-button-row">
          {offered.map((next) => (
            <Button key={next} type="button" secondary={next.startsWith('RETURN') || next === 'CORRECT'} onClick={() => open(next)}>
              {BUTTON_LABELS[next]}
            </Button>
          ))}
        </div>
      ) : (
        <div className="nhsuk-card ccg-confirm">
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
              {BUTTON_LABELS[action]}
            </h3>
            <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
            <form onSubmit={(event) => void confirm(event)} noValidate>
              {action === 'SUBMIT_TO_CCG' && <p className="nhsuk-body">The CCG’s board members can then sign it off at a meeting, or return it to you with a reason. You cannot edit it while it is with them.</p>}
              {action === 'SIGN_FOR_CCG' && <p className="nhsuk-body">Signing freezes the report: every number, chart and comment is kept as it is now. The higher board then receives it.</p>}
              {action === 'SIGN_FOR_HIGHER_BOARD' && <p className="nhsuk-body">Signing publishes the report: anyone can then read it and download its PDF.</p>}
              {action === 'CORRECT' && <p className="nhsuk-body">A correction is a new version of the report, a draft with your reason, that goes through sign-off again. This version stays readable.</p>}
              {needsReason(action) && (
                <FormGroup id="signoff-reason" label="Reason" hint="The history keeps it: say why." error={problemFor(problems, 'signoff-reason')}>
                  {({ describedBy, invalid }) => (
                    <textarea
                      className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`}
                      id="signoff-reason"
                      rows={3}
                      value={fields.reason}
                      aria-describedby={describedBy}
                      onChange={(event) => {
                        const reason = event.currentTarget.value;
                        setFields((f) => ({ ...f, reason }));
                      }}
                    />
                  )}
                </FormGroup>
              )}
              {isSignature(action) && (
                <>
                  <TextInput
                    id="signoff-meeting"
                    label="Meeting"
                    hint="The board meeting at which the report was signed off, for example Governing Body, 12 April 2018"
                    value={fields.meeting}
                    error={problemFor(problems, 'signoff-meeting')}
                    onChange={(event) => {
                      const meeting = event.currentTarget.value;
                      setFields((f) => ({ ...f, meeting }));
                    }}
                  />
                  <DateInput
                    id="signoff-signedOn"
                    legend="Date signed off"
                    hint={`After ${formatDate(monthEnd(report.month))}, not in the future. ${dateInputExample(today)}`}
                    value={fields.signedOn}
                    error={dateProblemFor(problems, 'signoff-signedOn')}
                    onChange={(signedOn) => setFields((f) => ({ ...f, signedOn }))}
                  />
                </>
              )}
              <ConfirmButtons label={BUTTON_LABELS[action]} busyLabel="Recording…" busy={applying.loading || correcting.loading} onCancel={() => setAction(null)} />
            </form>
          </div>
        </div>
      )}
    </section>
  );
}

/** The signatures recorded: who signed for whom, at which meeting and on which date. */
export function SignOffRecord({ report }: { report: Report }) {
  const rows = [
    { label: 'Signed for the CCG', signOff: report.ccgSignOff, fallback: 'Not yet signed by the CCG' },
    { label: 'Signed for the higher board', signOff: report.higherBoardSignOff, fallback: 'Not yet signed by the higher board' },
  ];
  return (
    <section aria-labelledby="signatures-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="signatures-heading" className="nhsuk-heading-m">
        Sign-off record
      </h2>
      <dl className="nhsuk-summary-list">
        {rows.map(({ label, signOff, fallback }) => (
          <div className="nhsuk-summary-list__row" key={label}>
            <dt className="nhsuk-summary-list__key">{label}</dt>
            <dd className="nhsuk-summary-list__value">
              {signOff ? (
                <>
                  {signOff.by}
                  {signOff.organisation ? ` for ${organisationName(signOff.organisation.name)}` : ''}, at {signOff.meeting} on {signOff.signedOnLabel}
                  <span className="nhsuk-body-s nhsuk-u-secondary-text-colour"> (recorded {formatInstant(signOff.at)})</span>
                </>
              ) : (
                fallback
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
