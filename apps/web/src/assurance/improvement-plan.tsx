import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, errorCodes } from '../app/graphql-errors';
import type { ImprovementActionStatus } from '../gql/graphql';
import { IMPROVEMENT_ACTION_STATUS_LABELS, formatDate } from './assurance-labels';
import { AddImprovementActionMutation, UpdateImprovementActionMutation } from './assurance.operations';
import type { StoredEpisode } from './special-measures-actions';

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
      {failure && (
        <div className="nhsuk-error-summary" role="alert">
          <div className="nhsuk-error-summary__body">
            <p>{failure}</p>
          </div>
        </div>
      )}
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

function AddImprovementAction({ episode, onFailed }: { episode: StoredEpisode; onFailed: () => Promise<unknown> }) {
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<{ description?: string; owner?: string; dueOn?: string; form?: string }>({});
  const [add, { loading }] = useMutation(AddImprovementActionMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!description.trim()) found.description = 'Say what is to be done';
    if (!owner.trim()) found.owner = 'Say who owns it';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) found.dueOn = 'Enter when it is due';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`new-action-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    try {
      await add({ variables: { input: { episodeId: episode.id, expectedVersion: episode.version, description: description.trim(), owner: owner.trim(), dueOn } } });
      setDescription('');
      setOwner('');
      setDueOn('');
    } catch (error) {
      setErrors({ form: describePlanError(error) });
      await onFailed();
    }
  }

  const field = (key: 'description' | 'owner' | 'dueOn', label: string, input: React.ReactNode) => (
    <div className={`nhsuk-form-group${errors[key] ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={`new-action-${key}`}>
        {label}
      </label>
      {errors[key] && (
        <span className="nhsuk-error-message" id={`new-action-${key}-error`}>
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {errors[key]}
        </span>
      )}
      {input}
    </div>
  );
  const describedBy = (key: 'description' | 'owner' | 'dueOn') => (errors[key] ? `new-action-${key}-error` : undefined);

  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Add an action to the plan</span>
      </summary>
      <div className="nhsuk-details__text">
        <form onSubmit={(event) => void submit(event)} noValidate>
          {errors.form && (
            <p className="nhsuk-error-message" role="alert">
              {errors.form}
            </p>
          )}
          {field(
            'description',
            'What is to be done',
            <textarea className="nhsuk-textarea" id="new-action-description" rows={2} value={description} aria-describedby={describedBy('description')} onChange={(e) => setDescription(e.currentTarget.value)} />,
          )}
          {field('owner', 'Owner', <input className="nhsuk-input nhsuk-input--width-20" id="new-action-owner" value={owner} aria-describedby={describedBy('owner')} onChange={(e) => setOwner(e.currentTarget.value)} />)}
          {field('dueOn', 'Due', <input className="nhsuk-input nhsuk-input--width-10" id="new-action-dueOn" type="date" value={dueOn} aria-describedby={describedBy('dueOn')} onChange={(e) => setDueOn(e.currentTarget.value)} />)}
          <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={loading}>
            {loading ? 'Adding…' : 'Add the action'}
          </button>
        </form>
      </div>
    </details>
  );
}
