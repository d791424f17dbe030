import { compareIsoDates, MEETING_DECISION_LABELS, MEETING_DECISIONS, type MeetingDecision } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorCodes } from '../app/graphql-errors';
import { ConfirmButtons } from '../assurance/confirmation-parts';
import type { BoardMeetingFieldsFragment, PackItemFieldsFragment } from '../gql/graphql';
import { Button, DateInput, dateInputExample, dateInputProblem, dateProblemFor, ErrorSummary, FormGroup, problemFor, Radios, refusalProblem, TextInput, type FormProblem } from '../ui/nhs';
import { refusedFields } from './escalation-labels';
import { CancelBoardMeetingMutation, HoldBoardMeetingMutation, PackItemBoardsQuery, RecordMeetingDecisionMutation } from './escalation.operations';

type Meeting = BoardMeetingFieldsFragment;

interface DecisionFields {
  decision: MeetingDecision | '';
  note: string;
  toBoardId: string;
  description: string;
  ownerUserId: string;
  dueOn: string;
}

const DECISION_REFUSALS: Readonly<Record<string, FormProblem>> = {
  REASON_REQUIRED: { field: 'note', message: 'Say what was decided and why' },
  MOVE_TARGET_REQUIRED: { field: 'toBoardId', message: 'Choose the board' },
  NO_NEXT_BOARD: { field: 'toBoardId', message: 'The route names no board to move it to' },
  DECISION_AGAINST_MOVE: { field: 'toBoardId', message: 'That board is not the way the decision moves the item' },
  ACTION_REQUIRED: { field: 'description', message: 'Say what the action is' },
  ITEM_NOT_AT_BOARD: { field: null, message: 'The item is no longer at this board. The latest pack is shown.' },
  INVALID_TRANSITION: { field: null, message: 'That decision is not allowed now. The latest pack is shown.' },
  USER_NOT_AT_CCG: { field: 'ownerUserId', message: 'The owner must hold a role at the CCG' },
  DATE_IN_PAST: { field: 'dueOn', message: 'The due date cannot be in the past' },
};

/** What a decision needs before it is sent. Ids are the form's own suffixes (the form prefixes them with the item). */
export function decisionProblems(fields: DecisionFields, today: string, id: (field: string) => string): FormProblem[] {
  const found: FormProblem[] = [];
  if (!fields.decision) found.push({ field: id('decision-1'), message: 'Choose the decision' });
  if (!fields.note.trim()) found.push({ field: id('note'), message: 'Say what was decided and why' });
  if ((fields.decision === 'ESCALATE' || fields.decision === 'DE_ESCALATE') && !fields.toBoardId) found.push({ field: id('toBoardId'), message: 'Choose the board' });
  if (fields.decision === 'ACTION') {
    if (!fields.description.trim()) found.push({ field: id('description'), message: 'Say what the action is' });
    if (!fields.ownerUserId) found.push({ field: id('ownerUserId'), message: 'Choose who owns the action' });
    const dueProblem = dateInputProblem(id('dueOn'), fields.dueOn, { what: 'The due date', missing: 'Enter the date the action is due' });
    if (dueProblem) found.push(dueProblem);
    else if (compareIsoDates(fields.dueOn, today) < 0) found.push({ field: id('dueOn'), message: 'The due date cannot be in the past' });
  }
  return found;
}

/** The chair records the board's decision on one item of the pack: it updates the item and its history. */
export function DecisionForm({ meeting, item, today }: { meeting: Meeting; item: PackItemFieldsFragment; today: string }) {
  const prefix = `decision-${item.id}`;
  const id = (field: string) => `${prefix}-${field}`;
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState<DecisionFields>({ decision: '', note: '', toBoardId: '', description: '', ownerUserId: item.owner.id, dueOn: '' });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLParagraphElement>(null);
  const moving = fields.decision === 'ESCALATE' || fields.decision === 'DE_ESCALATE';
  const boards = useQuery(PackItemBoardsQuery, { variables: { id: item.id }, skip: !open || !moving });
  const [record, { loading }] = useMutation(RecordMeetingDecisionMutation);
  useEffect(() => {
    if (open) headingRef.current?.focus();
  }, [open]);
  const choices = fields.decision === 'ESCALATE' ? (boards.data?.escalationItem?.nextBoards ?? []) : fields.decision === 'DE_ESCALATE' ? (boards.data?.escalationItem?.previousBoards ?? []) : [];
  useEffect(() => {
    // The usual next board first: chosen for the chair, who may change it.
    if (moving && !fields.toBoardId && choices.length > 0) setFields((f) => ({ ...f, toBoardId: choices[0].id }));
  }, [moving, choices, fields.toBoardId]);

  if (!open) {
    return (
      <Button type="button" small secondary className="ccg-no-print nhsuk-u-margin-bottom-0" onClick={() => setOpen(true)}>
        Record a decision<span className="nhsuk-u-visually-hidden"> on {item.title}</span>
      </Button>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = decisionProblems(fields, today, id);
    setProblems(found);
    if (found.length > 0 || !fields.decision) {
      setFocus((n) => n + 1);
      return;
    }
    try {
      await record({
        variables: {
          input: {
            meetingId: meeting.id,
            itemId: item.id,
            decision: fields.decision,
            note: fields.note.trim(),
            toBoardId: moving ? fields.toBoardId : null,
            action: fields.decision === 'ACTION' ? { description: fields.description.trim(), ownerUserId: fields.ownerUserId, dueOn: fields.dueOn } : null,
          },
        },
      });
      setOpen(false);
    } catch (error) {
      const { reason, details } = errorCodes(error);
      const known = reason ? DECISION_REFUSALS[reason] : undefined;
      const fromFields = refusedFields(details).map((field) => field.replace(/^action\./, '')).find((field) => ['note', 'toBoardId', 'description', 'ownerUserId', 'dueOn'].includes(field));
      const problem = known ?? refusalProblem(error, {}, 'Only the board’s chair records decisions.');
      const field = known?.field ?? (fromFields || null);
      if (field) {
        setProblems([{ field: id(field), message: problem.message }]);
        setFocus((n) => n + 1);
      } else {
        setFailure(problem.message);
      }
    }
  }

  const setText = (key: keyof DecisionFields) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((f) => ({ ...f, [key]: value }));
  };
  const owners = [item.owner, ...meeting.board.members.map((member) => member.user)].filter((user, index, all) => all.findIndex((other) => other.id === user.id) === index);
  return (
    <div className="ccg-confirm ccg-no-print">
      <p className="nhsuk-heading-xs" tabIndex={-1} ref={headingRef}>
        Decision on {item.title}
      </p>
      {failure && (
        <ErrorSummary title="The decision was not recorded" headingLevel="h4">
          <p>{failure}</p>
        </ErrorSummary>
      )}
      <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Radios
          name={id('decision')}
          legend="Decision"
          legendSize="s"
          items={MEETING_DECISIONS.map((decision) => ({ value: decision, label: MEETING_DECISION_LABELS[decision] }))}
          value={fields.decision}
          onChange={(decision) => setFields((f) => ({ ...f, decision: decision as MeetingDecision, toBoardId: '' }))}
        />
        {moving && (
          <FormGroup id={id('toBoardId')} label={fields.decision === 'ESCALATE' ? 'Escalate to' : 'De-escalate to'} error={problemFor(problems, id('toBoardId'))}>
            {({ describedBy, invalid }) => (
              <select className={`nhsuk-select${invalid ? ' nhsuk-select--error' : ''}`} id={id('toBoardId')} value={fields.toBoardId} aria-describedby={describedBy} onChange={setText('toBoardId')}>
                <option value="">{boards.loading ? 'Loading the boards…' : choices.length === 0 ? 'The route names no board' : 'Choose a board'}</option>
                {choices.map((board) => (
                  <option key={board.id} value={board.id}>
                    {board.name}
                  </option>
                ))}
              </select>
            )}
          </FormGroup>
        )}
        {fields.decision === 'ACTION' && (
          <>
            <TextInput id={id('description')} label="The action" value={fields.description} error={problemFor(problems, id('description'))} onChange={setText('description')} />
            <FormGroup id={id('ownerUserId')} label="Owner of the action" error={problemFor(problems, id('ownerUserId'))}>
              {({ describedBy, invalid }) => (
                <select className={`nhsuk-select${invalid ? ' nhsuk-select--error' : ''}`} id={id('ownerUserId')} value={fields.ownerUserId} aria-describedby={describedBy} onChange={setText('ownerUserId')}>
                  <option value="">Choose the owner</option>
                  {owners.map((user) => (
                    <option key={user.id} value={user.id}>
                      {user.displayName}
                    </option>
                  ))}
                </select>
              )}
            </FormGroup>
            <DateInput id={id('dueOn')} legend="Action due" hint={dateInputExample(today)} value={fields.dueOn} error={dateProblemFor(problems, id('dueOn'))} onChange={(dueOn) => setFields((f) => ({ ...f, dueOn }))} />
          </>
        )}
        <FormGroup id={id('note')} label="What was decided, and why" error={problemFor(problems, id('note'))}>
          {({ describedBy, invalid }) => <textarea className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`} id={id('note')} rows={3} value={fields.note} aria-describedby={describedBy} onChange={setText('note')} />}
        </FormGroup>
        <ConfirmButtons label="Record the decision" busyLabel="Recording…" busy={loading} warning={fields.decision === 'CLOSE'} onCancel={() => setOpen(false)} />
      </form>
    </div>
  );
}

const MEETING_REFUSALS: Readonly<Record<string, FormProblem & { reload?: boolean }>> = {
  MINUTES_REQUIRED: { field: 'meeting-minutes', message: 'Write the minutes' },
  REASON_REQUIRED: { field: 'meeting-reason', message: 'Say why the meeting is cancelled' },
  STALE_VERSION: { field: null, message: 'Someone else changed the meeting in the meantime. The latest is shown; check it and try again.', reload: true },
  INVALID_TRANSITION: { field: null, message: 'That step is not allowed now. The latest is shown.', reload: true },
};

/** The chair holds the meeting with its minutes (freezing the pack), or cancels it with the reason. */
export function MeetingSteps({ meeting, onChanged }: { meeting: Meeting; onChanged: () => Promise<unknown> }) {
  const mayHold = meeting.availableActions.includes('HOLD') && meeting.status === 'SCHEDULED';
  const mayCancel = meeting.availableActions.includes('CANCEL') && meeting.status === 'SCHEDULED';
  const [step, setStep] = useState<'HOLD' | 'CANCEL' | null>(null);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [hold, holding] = useMutation(HoldBoardMeetingMutation);
  const [cancel, cancelling] = useMutation(CancelBoardMeetingMutation);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (step) headingRef.current?.focus();
  }, [step]);
  if (!mayHold && !mayCancel && !done && !failure) return null;
  const field = step === 'HOLD' ? 'meeting-minutes' : 'meeting-reason';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!step) return;
    setFailure(null);
    if (!text.trim()) {
      setProblems([{ field, message: step === 'HOLD' ? 'Write the minutes' : 'Say why the meeting is cancelled' }]);
      setFocus((n) => n + 1);
      return;
    }
    try {
      const input = { meetingId: meeting.id, expectedVersion: meeting.version };
      if (step === 'HOLD') await hold({ variables: { input: { ...input, minutes: text.trim() } } });
      else await cancel({ variables: { input: { ...input, reason: text.trim() } } });
      setDone(step === 'HOLD' ? 'The meeting is recorded as held: its pack, decisions and minutes are frozen.' : 'The meeting is cancelled.');
      setStep(null);
    } catch (error) {
      const { reason } = errorCodes(error);
      const refusal = (reason && MEETING_REFUSALS[reason]) || { ...refusalProblem(error, {}, 'Only the board’s chair holds or cancels its meetings.'), reload: errorCodes(error).code === 'CONFLICT' };
      if (refusal.field) {
        setProblems([{ field, message: refusal.message }]);
        setFocus((n) => n + 1);
        return;
      }
      setFailure(refusal.message);
      setStep(null);
      if (refusal.reload) await onChanged();
    }
  }

  return (
    <section aria-labelledby="meeting-steps-heading" className="ccg-no-print nhsuk-u-margin-bottom-6">
      <h2 id="meeting-steps-heading" className="nhsuk-heading-m">
        The meeting
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
      {step === null ? (
        <div className="ccg-button-row">
          {mayHold && (
            <Button type="button" onClick={() => (setStep('HOLD'), setText(''), setProblems([]))}>
              Record the meeting as held
            </Button>
          )}
          {mayCancel && (
            <Button type="button" secondary onClick={() => (setStep('CANCEL'), setText(''), setProblems([]))}>
              Cancel the meeting
            </Button>
          )}
        </div>
      ) : (
        <div className="nhsuk-card ccg-confirm">
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
              {step === 'HOLD' ? 'Record the meeting as held?' : 'Cancel the meeting?'}
            </h3>
            <p className="nhsuk-body">
              {step === 'HOLD'
                ? 'The pack, the decisions and the minutes are frozen as they stand, and the pack and minutes can be downloaded as a PDF. Nothing can be changed afterwards.'
                : 'The meeting is cancelled; its items carry over to the next meeting.'}
            </p>
            <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
            <form onSubmit={(event) => void submit(event)} noValidate>
              <FormGroup id={field} label={step === 'HOLD' ? 'Minutes' : 'Reason'} error={problemFor(problems, field)}>
                {({ describedBy, invalid }) => (
                  <textarea className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`} id={field} rows={step === 'HOLD' ? 8 : 3} value={text} aria-describedby={describedBy} onChange={(event) => setText(event.currentTarget.value)} />
                )}
              </FormGroup>
              <ConfirmButtons
                label={step === 'HOLD' ? 'Yes, record the meeting as held' : 'Yes, cancel the meeting'}
                busyLabel="Recording…"
                busy={holding.loading || cancelling.loading}
                warning={step === 'CANCEL'}
                cancelLabel="Go back"
                onCancel={() => setStep(null)}
              />
            </form>
          </div>
        </div>
      )}
    </section>
  );
}
