import { addCalendarDays, compareIsoDates, contractNoticeActionsFrom, type ContractNoticeAction } from '@ccg-assure/domain';
import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorCodes } from '../app/graphql-errors';
import { ConfirmButtons } from '../assurance/confirmation-parts';
import type { ContractNoticeFieldsFragment } from '../gql/graphql';
import { formatDate } from '../ui/format';
import { Button, DateInput, dateInputExample, dateInputProblem, dateProblemFor, ErrorSummary, FormGroup, problemFor, refusalProblem, type FormProblem } from '../ui/nhs';
import { NOTICE_ACTION_CONSEQUENCES, noticeActionLabel, noticeMoveNeeds } from './contract-labels';
import { ApplyContractNoticeActionMutation } from './contracts.operations';

/** Moves made through their own form, never through applyContractNoticeAction. */
const OWN_FORMS: readonly ContractNoticeAction[] = ['PROPOSE', 'AGREE_RAP'];

/**
 * The moves offered now: those the API lists for the viewer (availableActions), and only those the domain's
 * transition table allows from the notice's status, so a stale list never offers a move the rules forbid.
 */
export function offeredNoticeActions(notice: Pick<ContractNoticeFieldsFragment, 'status' | 'availableActions'>): ContractNoticeAction[] {
  const allowed = contractNoticeActionsFrom(notice.status);
  return notice.availableActions.filter((action) => allowed.includes(action));
}

interface MoveFields {
  note: string;
  meetingOn: string;
  responseMeetingBy: string;
}

/** What is missing or wrong for a move, by field id, before anything is sent. */
export function moveProblems(notice: Pick<ContractNoticeFieldsFragment, 'status' | 'issuedOn'>, action: ContractNoticeAction, fields: MoveFields, today: string): FormProblem[] {
  const needs = noticeMoveNeeds(notice.status, action);
  const found: FormProblem[] = [];
  if (needs.meetingDateRequired) {
    const meetingProblem = dateInputProblem('notice-meetingOn', fields.meetingOn, { what: 'The day the meeting was held', missing: 'Enter the day the meeting was held' });
    if (meetingProblem) found.push(meetingProblem);
    else if (compareIsoDates(fields.meetingOn, today) > 0) found.push({ field: 'notice-meetingOn', message: 'The meeting day cannot be in the future' });
    else if (notice.issuedOn && compareIsoDates(fields.meetingOn, notice.issuedOn) < 0) found.push({ field: 'notice-meetingOn', message: `The meeting cannot be before the notice was issued (${formatDate(notice.issuedOn)})` });
  }
  if (action === 'ISSUE' && fields.responseMeetingBy) {
    const byProblem = dateInputProblem('notice-responseMeetingBy', fields.responseMeetingBy, { what: 'The date the meeting is to be held by' });
    if (byProblem) found.push(byProblem);
    else if (compareIsoDates(fields.responseMeetingBy, today) < 0) found.push({ field: 'notice-responseMeetingBy', message: 'The meeting cannot be due before the notice is issued' });
  }
  if (needs.reasonRequired && !fields.note.trim()) found.push({ field: 'notice-note', message: 'Give the reason' });
  return found;
}

/** The API's refusals of a move, by reason (STYLE.md "Errors"); `reload` where the notice moved on meanwhile. */
const MOVE_REFUSALS: Readonly<Record<string, FormProblem & { reload?: boolean }>> = {
  STALE_VERSION: { field: null, message: 'Someone else changed this notice in the meantime. The latest is shown; check it and try again.', reload: true },
  INVALID_TRANSITION: { field: null, message: 'That step is not allowed from where the notice stands now. The latest is shown.', reload: true },
  REASON_REQUIRED: { field: 'notice-note', message: 'Give the reason' },
  MEETING_DATE_REQUIRED: { field: 'notice-meetingOn', message: 'Enter the day the meeting was held' },
  RESPONSE_MEETING_DATE_REQUIRED: { field: 'notice-responseMeetingBy', message: 'No contract management terms are recorded for the contract year: give the date the meeting must be held by' },
  DATE_IN_FUTURE: { field: 'notice-meetingOn', message: 'The meeting day cannot be in the future' },
  RAP_REQUIRED: { field: null, message: 'Monitoring resumes only under an agreed remedial action plan.' },
  ACTION_NOT_PERMITTED: { field: null, message: 'Only a commissioning manager of the lead commissioner acts on this notice.' },
};

function moveRefusal(error: unknown): FormProblem & { reload?: boolean } {
  const { reason, details } = errorCodes(error);
  if (reason === 'DATE_BEFORE_ISSUE') {
    const fields = Array.isArray(details?.fields) ? (details.fields as string[]) : [];
    return fields.includes('responseMeetingBy')
      ? { field: 'notice-responseMeetingBy', message: 'The meeting cannot be due before the notice is issued' }
      : { field: 'notice-meetingOn', message: 'The meeting cannot be before the notice was issued' };
  }
  if (reason && MOVE_REFUSALS[reason]) return MOVE_REFUSALS[reason];
  const problem = refusalProblem(error, {}, 'Only a commissioning manager of the lead commissioner acts on this notice.');
  return { ...problem, reload: errorCodes(error).code === 'CONFLICT' };
}

/** A button for each move the viewer may make now, each behind a confirmation that says what follows and asks for what it needs. */
export function NoticeActions({ notice, today, onChanged }: { notice: ContractNoticeFieldsFragment; today: string; onChanged: () => Promise<unknown> }) {
  const [action, setAction] = useState<ContractNoticeAction | null>(null);
  const [fields, setFields] = useState<MoveFields>({ note: '', meetingOn: today, responseMeetingBy: '' });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [apply, { loading }] = useMutation(ApplyContractNoticeActionMutation);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const offered = offeredNoticeActions(notice).filter((next) => !OWN_FORMS.includes(next));
  useEffect(() => {
    if (action) headingRef.current?.focus();
  }, [action]);
  if (offered.length === 0 && !done && !failure) return null;

  const open = (next: ContractNoticeAction) => {
    setAction(next);
    setFields({ note: '', meetingOn: today, responseMeetingBy: '' });
    setProblems([]);
    setDone(null);
    setFailure(null);
  };

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!action) return;
    const found = moveProblems(notice, action, fields, today);
    setProblems(found);
    if (found.length > 0) {
      setFocus((n) => n + 1);
      return;
    }
    const needs = noticeMoveNeeds(notice.status, action);
    try {
      await apply({
        variables: {
          input: {
            noticeId: notice.id,
            expectedVersion: notice.version,
            action,
            note: fields.note.trim() || null,
            meetingOn: needs.meetingDateRequired ? fields.meetingOn : null,
            responseMeetingBy: action === 'ISSUE' && fields.responseMeetingBy ? fields.responseMeetingBy : null,
          },
        },
      });
      setDone(`Recorded: ${noticeActionLabel(action).toLowerCase()}.`);
      setAction(null);
      await onChanged();
    } catch (error) {
      const refusal = moveRefusal(error);
      if (refusal.field) {
        setProblems([refusal]);
        setFocus((n) => n + 1);
        return;
      }
      setFailure(refusal.message);
      if (refusal.reload) {
        setAction(null);
        await onChanged();
      }
    }
  }

  const set = (key: keyof MoveFields) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((f) => ({ ...f, [key]: value }));
  };
  const setDate = (key: 'meetingOn' | 'responseMeetingBy') => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const needs = action ? noticeMoveNeeds(notice.status, action) : null;
  const warning = action === 'ESCALATE' || action === 'WITHDRAW' || action === 'DISCARD' || action === 'REPORT_EXCEPTION' || action === 'APPLY_WITHHOLDING';

  return (
    <section aria-labelledby="notice-actions-heading" className="ccg-no-print nhsuk-u-margin-bottom-6">
      <h2 id="notice-actions-heading" className="nhsuk-heading-m">
        Next steps
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
      {action === null || needs === null ? (
        <div className="ccg-button-row">
          {offered.map((next) => (
            <Button key={next} type="button" secondary={next !== 'ISSUE'} warning={next === 'ESCALATE'} onClick={() => open(next)}>
              {noticeActionLabel(next)}
            </Button>
          ))}
        </div>
      ) : (
        <div className="nhsuk-card ccg-confirm">
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
              {noticeActionLabel(action)}?
            </h3>
            <p className="nhsuk-body">{NOTICE_ACTION_CONSEQUENCES[action]}</p>
            <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
            <form onSubmit={(event) => void confirm(event)} noValidate>
              {action === 'ISSUE' && (
                <DateInput
                  id="notice-responseMeetingBy"
                  legend="Contract management meeting to be held by (optional)"
                  hint={`Leave blank for the date the contract year’s terms give. ${dateInputExample(addCalendarDays(today, 30))}`}
                  value={fields.responseMeetingBy}
                  error={dateProblemFor(problems, 'notice-responseMeetingBy')}
                  onChange={setDate('responseMeetingBy')}
                />
              )}
              {needs.meetingDateRequired && (
                <DateInput
                  id="notice-meetingOn"
                  legend="Day the meeting was held"
                  hint={notice.issuedOn ? `From ${formatDate(notice.issuedOn)} to today` : undefined}
                  value={fields.meetingOn}
                  error={dateProblemFor(problems, 'notice-meetingOn')}
                  onChange={setDate('meetingOn')}
                />
              )}
              <FormGroup id="notice-note" label={needs.reasonRequired ? 'Reason' : 'Note (optional)'} error={problemFor(problems, 'notice-note')}>
                {({ describedBy, invalid }) => (
                  <textarea className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`} id="notice-note" rows={3} value={fields.note} aria-describedby={describedBy} onChange={set('note')} />
                )}
              </FormGroup>
              <ConfirmButtons
                label={`Yes, ${noticeActionLabel(action).charAt(0).toLowerCase()}${noticeActionLabel(action).slice(1)}`}
                busyLabel="Recording…"
                busy={loading}
                warning={warning}
                onCancel={() => setAction(null)}
              />
            </form>
          </div>
        </div>
      )}
    </section>
  );
}
