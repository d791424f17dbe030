import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, errorCodes } from '../app/graphql-errors';
import type { ImprovementActionStatus } from '../gql/graphql';
import { formatDate } from '../ui/format';
import { IMPROVEMENT_ACTION_STATUS_LABELS } from './assurance-labels';
import { AddImprovementActionMutation, UpdateImprovementActionMutation } from './special-measures.operations';
import { DateInput, dateInputProblem, dateProblemFor, ErrorSummary, FormGroup, problemFor, refusalProblem, type FormProblem } from '../ui/nhs';
import { ONLY_ASSESSORS } from './assurance-access';
import { RefusalAlert } from './confirmation-parts';
import type { StoredEpisode } from './special-measures-episode.fragment';


const STATUSES = Object.keys(IMPROVEMENT_ACTION_STATUS_LABELS) as ImprovementActionStatus[];
const STATUS_TAGS: Record<ImprovementActionStatus, string> = { NOT_STARTED: 'nhsuk-tag--grey', IN_PROGRESS: 'nhsuk-tag--blue', COMPLETED: 'nhsuk-tag--green' };

function describePlanError(error: unknown): string {
  const { code, reason } = errorCodes(error);
  if (code === 'CONFLICT' && reason === 'STALE_VERSION') return 'Someone else changed the plan in the meantime. The latest is shown now; try again.';
  if (reason === 'EPISODE_CLOSED') return 'These special measures have closed: the plan no longer changes.';
  if (reason === 'PLAN_NOT_STARTED') return 'The improvement plan is drawn up once the improvement director is appointed.';
  if (reason === 'TEXT_REQUIRED') return 'Say what is to be done and who owns it.';
  return describeError(error);
}

/**
 * The improvement plan: its actions (owner, due date, status, overdue) and progress in words and a bar.
 * Assessors change an action's status and add actions while the plan is open.
 */
export function ImprovementPlan({ episode, editable, onChanged }: { episode: StoredEpisode; editable: boolean; onChanged: () => Promise<unknown> }) {
  const plan = episode.improvementPlan;
  const [failure, setFailure] = useState<string | null>(null);
  const [update, updating] = useMutation(UpdateImprovementActionMutation);
  const planOpen = editable && episode.improvementDirector !== null && episode.closedOn === null;

  async function changeStatus(actionId: string, status: ImprovementActionStatus) {
    setFailure(null);
    try {
      await update({ variables: { input: { actionId, expectedVersion: episode.version, status } } });
    } catch (error) {
      setFailure(describePlanError(error));
      await onChanged();
    }
  }

  const percent = plan.totalActions > 0 ? Math.round((plan.completedActions / plan.totalActions) * 100) : 0;
  return (
    <section aria-labelledby={`plan-${episode.id}`} className="ccg-improvement-plan">
      <h3 id={`plan-${episode.id}`} className="nhsuk-heading-s">
        Improvement plan
      </h3>
      <p className="nhsuk-body">
        {plan.signedOffOn ? `Signed off by NHS England on ${formatDate(plan.signedOffOn)}.` : 'Not yet signed off by NHS England.'}{' '}
        {plan.totalActions === 0
          ? 'No actions yet.'
          : `${plan.completedActions} of ${plan.totalActions} actions completed, ${plan.inProgressActions} in progress, ${plan.notStartedActions} not started${plan.overdueActions > 0 ? `; ${plan.overdueActions} overdue` : ''}.`}
      </p>
      {plan.totalActions > 0 && (
        <div className="ccg-progress" aria-hidden="true">
          <div className="ccg-progress__fill" style={{ width: `${percent}%` }} />
        </div>
      )}
      {failure && <RefusalAlert text={failure} />}
      {plan.actions.length > 0 && (
        <table className="nhsuk-table-responsive ccg-plan-actions">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Improvement plan actions, by due date</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Action
              </th>
              <th scope="col" className="nhsuk-table__header">
                Owner
              </th>
              <th scope="col" className="nhsuk-table__header">
                Due
              </th>
              <th scope="col" className="nhsuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {plan.actions.map((action) => (
              <tr key={action.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Action{' '}
                  </span>
                  {action.description}
                </td>
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Owner{' '}
                  </span>
                  {action.owner}
                </td>
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Due{' '}
                  </span>
                  <span>
                    <span className="ccg-nowrap">{formatDate(action.dueOn)}</span>
                    {action.overdue && (
                      <>
                        {' '}
                        <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
                      </>
                    )}
                  </span>
                </td>
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Status{' '}
                  </span>
                  {planOpen ? (
                    <span>
                      <label className="nhsuk-u-visually-hidden" htmlFor={`action-status-${action.id}`}>
                        Status of: {action.description}
                      </label>
                      <select
                        className="nhsuk-select ccg-select--compact"
                        id={`action-status-${action.id}`}
                        value={action.status}
                        disabled={updating.loading}
                        onChange={(event) => void changeStatus(action.id, event.currentTarget.value as ImprovementActionStatus)}
                      >
                        {STATUSES.map((status) => (
                          <option key={status} value={status}>
                            {IMPROVEMENT_ACTION_STATUS_LABELS[status]}
                          </option>
                        ))}
                      </select>
                    </span>
                  ) : (
                    <strong className={`nhsuk-tag ${STATUS_TAGS[action.status]}`}>{IMPROVEMENT_ACTION_STATUS_LABELS[action.status]}</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {planOpen && <AddImprovementAction episode={episode} onFailed={onChanged} />}
      {editable && episode.improvementDirector === null && episode.closedOn === null && (
        <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">Actions are added once the improvement director is appointed.</p>
      )}
    </section>
  );
}

type NewActionField = 'description' | 'owner' | 'dueOn' | 'status';
const fieldId = (key: NewActionField) => `new-action-${key}`;

/** The API's refusals of a new action, by `extensions.reason`, pointing at the field concerned. */
const ADD_REFUSALS: Readonly<Record<string, FormProblem>> = {
  TEXT_REQUIRED: { field: fieldId('description'), message: 'Say what is to be done and who owns it' },
  PLAN_NOT_STARTED: { field: null, message: 'The improvement plan is drawn up once the improvement director is appointed. Nothing was added.' },
  EPISODE_CLOSED: { field: null, message: 'These special measures have closed: the plan no longer changes. Nothing was added.' },
  STALE_VERSION: { field: null, message: 'Someone else changed the plan in the meantime. The latest is shown now; your action was not added, and what you entered is kept: add it again.' },
};

/**
 * Adds an action to the plan: what is to be done, its owner, due date and status. The API adds an action
 * as not started; any other status is set straight after, on the version the addition answered with.
 */
function AddImprovementAction({ episode, onFailed }: { episode: StoredEpisode; onFailed: () => Promise<unknown> }) {
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [status, setStatus] = useState<ImprovementActionStatus>('NOT_STARTED');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);
  const [added, setAdded] = useState<string | null>(null);
  const [add, { loading }] = useMutation(AddImprovementActionMutation);

  const fail = (next: FormProblem[]) => {
    setProblems(next);
    setFocusRequest((n) => n + 1);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const found: FormProblem[] = [];
    if (!description.trim()) found.push({ field: fieldId('description'), message: 'Say what is to be done' });
    if (!owner.trim()) found.push({ field: fieldId('owner'), message: 'Say who owns it' });
    const dueProblem = dateInputProblem(fieldId('dueOn'), dueOn, { what: 'The date it is due', missing: 'Enter when it is due' });
    if (dueProblem) found.push(dueProblem);
    if (found.length > 0) {
      fail(found);
      return;
    }
    try {
      await add({ variables: { input: { episodeId: episode.id, expectedVersion: episode.version, description: description.trim(), owner: owner.trim(), dueOn, status } } });
    } catch (error) {
      fail([refusalProblem(error, ADD_REFUSALS, ONLY_ASSESSORS)]);
      await onFailed();
      return;
    }
    setAdded(`Added: ${description.trim()}.`);
    setProblems([]);
    setDescription('');
    setOwner('');
    setDueOn('');
    setStatus('NOT_STARTED');
  }

  const error = (key: NewActionField) => problemFor(problems, fieldId(key));
  return (
    <details className="nhsuk-details" open={problems.length > 0 || added !== null || undefined}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Add an action to the plan</span>
      </summary>
      <div className="nhsuk-details__text">
        {added && (
          <p className="nhsuk-body ccg-notice--success" role="status">
            {added}
          </p>
        )}
        <ErrorSummary id="new-action-errors" problems={problems} focusRequest={focusRequest} headingLevel="h4" />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <FormGroup id={fieldId('description')} label="What is to be done" error={error('description')}>
            {({ describedBy, invalid }) => (
              <textarea
                className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`}
                id={fieldId('description')}
                rows={2}
                value={description}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                onChange={(e) => setDescription(e.currentTarget.value)}
              />
            )}
          </FormGroup>
          <FormGroup id={fieldId('owner')} label="Owner" hint="A role rather than a person, for example Chief finance officer" error={error('owner')}>
            {({ describedBy, invalid }) => (
              <input
                className={`nhsuk-input nhsuk-input--width-20${invalid ? ' nhsuk-input--error' : ''}`}
                id={fieldId('owner')}
                value={owner}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                onChange={(e) => setOwner(e.currentTarget.value)}
              />
            )}
          </FormGroup>
          <DateInput id={fieldId('dueOn')} legend="Due" value={dueOn} error={dateProblemFor(problems, fieldId('dueOn'))} onChange={setDueOn} />
          <FormGroup id={fieldId('status')} label="Status" error={error('status')}>
            {({ describedBy }) => (
              <select className="nhsuk-select" id={fieldId('status')} value={status} aria-describedby={describedBy} onChange={(e) => setStatus(e.currentTarget.value as ImprovementActionStatus)}>
                {STATUSES.map((option) => (
                  <option key={option} value={option}>
                    {IMPROVEMENT_ACTION_STATUS_LABELS[option]}
                  </option>
                ))}
              </select>
            )}
          </FormGroup>
          <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={loading}>
            {loading ? 'Adding…' : 'Add the action'}
          </button>
        </form>
      </div>
    </details>
  );
}
