import { compareIsoDates, ESCALATION_ITEM_ACTION_LABELS, escalationItemActionsFrom, type EscalationItemAction } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ConfirmButtons } from '../assurance/confirmation-parts';
import { errorCodes } from '../app/graphql-errors';
import type { EscalationActionStatus, EscalationItemFieldsFragment } from '../gql/graphql';
import { formatDate } from '../ui/format';
import { Button, DateInput, dateInputExample, dateInputProblem, dateProblemFor, ErrorSummary, FormGroup, problemFor, Radios, refusalProblem, TableContainer, TextInput, type FormProblem } from '../ui/nhs';
import { refusedFields } from './escalation-labels';
import {
  AddEscalationActionMutation,
  CcgBoardsQuery,
  CloseEscalationItemMutation,
  MoveEscalationItemMutation,
  RecordEscalationNoteMutation,
  ReopenEscalationItemMutation,
  UpdateEscalationActionMutation,
} from './escalation.operations';

type Item = EscalationItemFieldsFragment;

/** The steps taken on the item's page, in the order offered (decisions are recorded at a meeting; actions are updated in their list). */
const PAGE_ACTIONS: readonly EscalationItemAction[] = ['ESCALATE', 'DE_ESCALATE', 'MOVE_OFF_ROUTE', 'RECORD_NOTE', 'ADD_ACTION', 'CLOSE', 'REOPEN'];

/** The steps offered now: those the API lists for the viewer that the domain's table allows from the status, and that have somewhere to go. */
export function offeredItemActions(item: Pick<Item, 'status' | 'availableActions' | 'nextBoards' | 'previousBoards'>): EscalationItemAction[] {
  const allowed = escalationItemActionsFrom(item.status);
  return PAGE_ACTIONS.filter((action) => item.availableActions.includes(action) && allowed.includes(action)).filter(
    (action) => (action !== 'ESCALATE' || item.nextBoards.length > 0) && (action !== 'DE_ESCALATE' || item.previousBoards.length > 0),
  );
}

const BUTTON_LABELS: Partial<Record<EscalationItemAction, string>> = {
  CLOSE: 'Close the item',
  REOPEN: 'Reopen the item',
};
const buttonLabel = (action: EscalationItemAction) => BUTTON_LABELS[action] ?? ESCALATION_ITEM_ACTION_LABELS[action];

interface Fields {
  toBoardId: string;
  reason: string;
  description: string;
  ownerUserId: string;
  dueOn: string;
}

/** Refusals by reason, against the fields of the forms (STYLE.md "Errors"); `reload` where the item moved on meanwhile. */
const ITEM_REFUSALS: Readonly<Record<string, FormProblem & { reload?: boolean }>> = {
  STALE_VERSION: { field: null, message: 'Someone else changed this item in the meantime. The latest is shown; check it and try again.', reload: true },
  INVALID_TRANSITION: { field: null, message: 'That step is not allowed from where the item stands now. The latest is shown.', reload: true },
  REASON_REQUIRED: { field: 'item-reason', message: 'Say why' },
  SAME_BOARD: { field: 'item-toBoardId', message: 'Choose a board other than the one it is at' },
  BOARD_NOT_FOUND: { field: 'item-toBoardId', message: 'That board is not one of the CCG’s' },
  USER_NOT_AT_CCG: { field: 'item-ownerUserId', message: 'The owner must hold a role at the CCG' },
  DATE_IN_PAST: { field: 'item-dueOn', message: 'The due date cannot be in the past' },
};

function itemRefusal(error: unknown): FormProblem & { reload?: boolean } {
  const { reason, details } = errorCodes(error);
  if (reason === 'TEXT_REQUIRED') return { field: 'item-description', message: 'Say what the action is' };
  if (reason && ITEM_REFUSALS[reason]) return ITEM_REFUSALS[reason];
  const problem = refusalProblem(error, {}, 'Your part at this item’s board does not allow that step.');
  if (refusedFields(details).includes('reason')) return { field: 'item-reason', message: 'Say why' };
  return { ...problem, reload: errorCodes(error).code === 'CONFLICT' };
}

/** What the step needs, checked before anything is sent. */
export function itemStepProblems(action: EscalationItemAction, fields: Fields, today: string): FormProblem[] {
  const found: FormProblem[] = [];
  if ((action === 'ESCALATE' || action === 'DE_ESCALATE' || action === 'MOVE_OFF_ROUTE') && !fields.toBoardId) found.push({ field: 'item-toBoardId', message: 'Choose the board' });
  if (action === 'ADD_ACTION') {
    if (!fields.description.trim()) found.push({ field: 'item-description', message: 'Say what the action is' });
    if (!fields.ownerUserId) found.push({ field: 'item-ownerUserId', message: 'Choose who owns the action' });
    const dueProblem = dateInputProblem('item-dueOn', fields.dueOn, { what: 'The due date', missing: 'Enter the date the action is due' });
    if (dueProblem) found.push(dueProblem);
    else if (compareIsoDates(fields.dueOn, today) < 0) found.push({ field: 'item-dueOn', message: 'The due date cannot be in the past' });
  } else if (!fields.reason.trim()) {
    found.push({ field: 'item-reason', message: action === 'RECORD_NOTE' ? 'Write the note' : 'Say why' });
  }
  return found;
}

/** A button for each step the viewer may take now, each opening a form that asks what the step needs, a reason always. */
export function ItemMoves({ item, today, onChanged }: { item: Item; today: string; onChanged: () => Promise<unknown> }) {
  const offered = offeredItemActions(item);
  const [action, setAction] = useState<EscalationItemAction | null>(null);
  const [fields, setFields] = useState<Fields>({ toBoardId: '', reason: '', description: '', ownerUserId: '', dueOn: '' });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [move, moving] = useMutation(MoveEscalationItemMutation);
  const [note, noting] = useMutation(RecordEscalationNoteMutation);
  const [close, closing] = useMutation(CloseEscalationItemMutation);
  const [reopen, reopening] = useMutation(ReopenEscalationItemMutation);
  const [addAction, adding] = useMutation(AddEscalationActionMutation);
  const busy = moving.loading || noting.loading || closing.loading || reopening.loading || adding.loading;
  const boards = useQuery(CcgBoardsQuery, { variables: { ccg: item.ccg.code }, skip: action !== 'MOVE_OFF_ROUTE' });
  useEffect(() => {
    if (action) headingRef.current?.focus();
  }, [action]);
  if (offered.length === 0 && !done && !failure) return null;

  const open = (next: EscalationItemAction) => {
    setAction(next);
    const toBoardId = next === 'ESCALATE' ? (item.nextBoards[0]?.id ?? '') : next === 'DE_ESCALATE' && item.previousBoards.length === 1 ? item.previousBoards[0].id : '';
    setFields({ toBoardId, reason: '', description: '', ownerUserId: item.owner.id, dueOn: '' });
    setProblems([]);
    setDone(null);
    setFailure(null);
  };

  async function send(current: EscalationItemAction) {
    const base = { itemId: item.id, expectedVersion: item.version };
    const reason = fields.reason.trim();
    switch (current) {
      case 'ESCALATE':
      case 'DE_ESCALATE':
      case 'MOVE_OFF_ROUTE': {
        await move({ variables: { input: { ...base, toBoardId: fields.toBoardId, reason } } });
        const board = [...item.nextBoards, ...item.previousBoards, ...(boards.data?.boards ?? [])].find((candidate) => candidate.id === fields.toBoardId);
        return `Moved to ${board?.name ?? 'the board'}.`;
      }
      case 'RECORD_NOTE':
        await note({ variables: { input: { ...base, note: reason } } });
        return 'The note is recorded.';
      case 'CLOSE':
        await close({ variables: { input: { ...base, reason } } });
        return 'The item is closed.';
      case 'REOPEN':
        await reopen({ variables: { input: { ...base, reason } } });
        return 'The item is reopened.';
      case 'ADD_ACTION':
        await addAction({ variables: { input: { ...base, description: fields.description.trim(), ownerUserId: fields.ownerUserId, dueOn: fields.dueOn } } });
        return 'The action is added.';
      default:
        return '';
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!action) return;
    const found = itemStepProblems(action, fields, today);
    setProblems(found);
    if (found.length > 0) {
      setFocus((n) => n + 1);
      return;
    }
    try {
      const said = await send(action);
      setDone(said);
      setAction(null);
    } catch (error) {
      const refusal = itemRefusal(error);
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

  const setText = (key: keyof Fields) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((f) => ({ ...f, [key]: value }));
  };
  // Who may own an action: the item's owner and the board's members.
  const owners = [item.owner, ...item.board.members.map((member) => member.user)].filter((user, index, all) => all.findIndex((other) => other.id === user.id) === index);
  const offRouteBoards = (boards.data?.boards ?? []).filter((board) => board.id !== item.board.id);

  return (
    <section aria-labelledby="item-steps-heading" className="ccg-no-print nhsuk-u-margin-bottom-6">
      <h2 id="item-steps-heading" className="nhsuk-heading-m">
        What you can do
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
            <Button key={next} type="button" secondary={next !== 'ESCALATE'} onClick={() => open(next)}>
              {buttonLabel(next)}
            </Button>
          ))}
        </div>
      ) : (
        <div className="nhsuk-card ccg-confirm">
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
              {buttonLabel(action)}
            </h3>
            <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
            <form onSubmit={(event) => void confirm(event)} noValidate>
              {(action === 'ESCALATE' || action === 'DE_ESCALATE') && (
                <BoardChoice
                  legend={action === 'ESCALATE' ? 'Escalate to' : 'De-escalate to'}
                  hint={action === 'ESCALATE' ? 'The boards the escalation route names next, the usual next first.' : 'The boards the route escalates from to this one.'}
                  boards={action === 'ESCALATE' ? item.nextBoards : item.previousBoards}
                  value={fields.toBoardId}
                  error={problemFor(problems, 'item-toBoardId')}
                  onChange={(toBoardId) => setFields((f) => ({ ...f, toBoardId }))}
                />
              )}
              {action === 'MOVE_OFF_ROUTE' && (
                <FormGroup id="item-toBoardId" label="Move to" hint="Any other board of the CCG. A move off the route is the chair’s to make, with the reason." error={problemFor(problems, 'item-toBoardId')}>
                  {({ describedBy, invalid }) => (
                    <select className={`nhsuk-select${invalid ? ' nhsuk-select--error' : ''}`} id="item-toBoardId" value={fields.toBoardId} aria-describedby={describedBy} onChange={setText('toBoardId')}>
                      <option value="">{boards.loading ? 'Loading the boards…' : 'Choose a board'}</option>
                      {offRouteBoards.map((board) => (
                        <option key={board.id} value={board.id}>
                          {board.name}
                        </option>
                      ))}
                    </select>
                  )}
                </FormGroup>
              )}
              {action === 'ADD_ACTION' ? (
                <>
                  <TextInput id="item-description" label="What will be done" value={fields.description} error={problemFor(problems, 'item-description')} onChange={setText('description')} />
                  <FormGroup id="item-ownerUserId" label="Owner" error={problemFor(problems, 'item-ownerUserId')}>
                    {({ describedBy, invalid }) => (
                      <select className={`nhsuk-select${invalid ? ' nhsuk-select--error' : ''}`} id="item-ownerUserId" value={fields.ownerUserId} aria-describedby={describedBy} onChange={setText('ownerUserId')}>
                        <option value="">Choose the owner</option>
                        {owners.map((user) => (
                          <option key={user.id} value={user.id}>
                            {user.displayName}
                          </option>
                        ))}
                      </select>
                    )}
                  </FormGroup>
                  <DateInput id="item-dueOn" legend="Due" hint={dateInputExample(today)} value={fields.dueOn} error={dateProblemFor(problems, 'item-dueOn')} onChange={(dueOn) => setFields((f) => ({ ...f, dueOn }))} />
                </>
              ) : (
                <FormGroup id="item-reason" label={action === 'RECORD_NOTE' ? 'Note' : 'Reason'} hint={action === 'RECORD_NOTE' ? 'What should be on the record, and why.' : 'The timeline keeps it: say why.'} error={problemFor(problems, 'item-reason')}>
                  {({ describedBy, invalid }) => (
                    <textarea className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`} id="item-reason" rows={3} value={fields.reason} aria-describedby={describedBy} onChange={setText('reason')} />
                  )}
                </FormGroup>
              )}
              <ConfirmButtons label={buttonLabel(action)} busyLabel="Recording…" busy={busy} warning={action === 'CLOSE'} onCancel={() => setAction(null)} />
            </form>
          </div>
        </div>
      )}
    </section>
  );
}

function BoardChoice({ legend, hint, boards, value, error, onChange }: { legend: string; hint: string; boards: Item['nextBoards']; value: string; error?: string; onChange: (id: string) => void }) {
  return (
    <div id="item-toBoardId" tabIndex={-1} className={error ? 'nhsuk-form-group--error' : undefined}>
      {error && (
        <span className="nhsuk-error-message">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </span>
      )}
      <Radios name="item-toBoardId" idPrefix="item-toBoardId" legend={legend} legendSize="s" hint={hint} items={boards.map((board) => ({ value: board.id, label: board.name, hint: board.kindLabel }))} value={value} onChange={onChange} />
    </div>
  );
}

const ACTION_STATUS_WORDS: Readonly<Record<EscalationActionStatus, string>> = { OPEN: 'Open', DONE: 'Done', DROPPED: 'Dropped' };

/** The actions agreed on the item: owner, due date and status; the owner and the board's members mark them done or dropped. */
export function ItemActionsList({ item }: { item: Item }) {
  const mayUpdate = item.availableActions.includes('UPDATE_ACTION') && escalationItemActionsFrom(item.status).includes('UPDATE_ACTION');
  const [update, { loading }] = useMutation(UpdateEscalationActionMutation);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function mark(action: Item['actions'][number], status: EscalationActionStatus) {
    setFailure(null);
    setDone(null);
    try {
      await update({ variables: { input: { actionId: action.id, expectedVersion: action.version, status } } });
      setDone(`“${action.description}” is marked ${ACTION_STATUS_WORDS[status].toLowerCase()}.`);
    } catch (error) {
      setFailure(itemRefusal(error).message);
    }
  }
  return (
    <section aria-labelledby="item-actions-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="item-actions-heading" className="nhsuk-heading-m">
        Actions
      </h2>
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
      {item.actions.length === 0 ? (
        <p className="nhsuk-body">No actions have been agreed.</p>
      ) : (
        <TableContainer>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Actions agreed on the item</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                {mayUpdate && (
                  <th scope="col" className="ccg-no-print">
                    <span className="nhsuk-u-visually-hidden">Change</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {item.actions.map((action) => (
                <tr key={action.id}>
                  <td>{action.description}</td>
                  <td>{action.owner.displayName}</td>
                  <td>
                    {formatDate(action.dueOn)}
                    {action.overdue && action.status === 'OPEN' && <strong className="nhsuk-tag nhsuk-tag--red nhsuk-u-margin-left-1">Overdue</strong>}
                  </td>
                  <td>{ACTION_STATUS_WORDS[action.status]}</td>
                  {mayUpdate && (
                    <td className="ccg-no-print">
                      {action.status === 'OPEN' && (
                        <div className="ccg-button-row">
                          <Button type="button" small secondary disabled={loading} onClick={() => void mark(action, 'DONE')}>
                            Mark done<span className="nhsuk-u-visually-hidden">: {action.description}</span>
                          </Button>
                          <Button type="button" small secondary disabled={loading} onClick={() => void mark(action, 'DROPPED')}>
                            Drop<span className="nhsuk-u-visually-hidden">: {action.description}</span>
                          </Button>
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
    </section>
  );
}
