import { availableActions, compareIsoDates, ESCALATION_KINDS, type EscalationKind, type SpecialMeasuresActionType } from '@ccg-assure/domain';
import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeError, errorCodes } from '../app/graphql-errors';
import { DateInput, dateFieldToFix, dateInputProblem, FormGroup } from '../ui/nhs';
import { formatDate } from '../ui/format';
import { ESCALATION_KIND_LABELS, SPECIAL_MEASURES_ACTION_CONSEQUENCES, SPECIAL_MEASURES_ACTION_LABELS } from './assurance-labels';
import { ApplySpecialMeasuresActionMutation } from './special-measures.operations';
import { ConfirmButtons, RefusalAlert } from './confirmation-parts';
import { safeHref } from './evidence-links';
import type { StoredEpisode } from './special-measures-episode.fragment';

/**
 * The steps an assessor may take now: those the API offers for the episode (its availableActions),
 * and only those the domain library's state machine allows from the episode's state, so a stale
 * or unexpected list never offers a move the rules forbid.
 */
export function offeredActions(episode: Pick<StoredEpisode, 'state' | 'availableActions'>): SpecialMeasuresActionType[] {
  const allowed = availableActions(episode.state);
  return episode.availableActions.filter((action) => allowed.includes(action));
}

interface StepFields {
  on: string;
  note: string;
  noticeUrl: string;
  improvementDirector: string;
  intensiveSupport: string;
  summary: string;
  escalationKind: EscalationKind | '';
}

const EMPTY: Omit<StepFields, 'on'> = { note: '', noticeUrl: '', improvementDirector: '', intensiveSupport: '', summary: '', escalationKind: '' };

/** What is missing or wrong for the step, by field, before anything is sent. */
export function stepErrors(action: SpecialMeasuresActionType, fields: StepFields, earliest: string, today: string): Partial<Record<keyof StepFields, string>> {
  const errors: Partial<Record<keyof StepFields, string>> = {};
  const dateProblem = dateInputProblem('step-on', fields.on, { what: 'The day it was taken', missing: 'Enter the day it was taken' });
  if (dateProblem) errors.on = dateProblem.message;
  else if (compareIsoDates(fields.on, today) > 0) errors.on = 'The day cannot be in the future';
  else if (compareIsoDates(fields.on, earliest) < 0) errors.on = `The day cannot be before the previous step (${formatDate(earliest)})`;
  if (action === 'APPOINT_IMPROVEMENT_DIRECTOR' && !fields.improvementDirector.trim()) errors.improvementDirector = 'Name the improvement director';
  if (action === 'REPORT_PROGRESS' && !fields.summary.trim()) errors.summary = 'Summarise the progress reported';
  if (action === 'ESCALATE' && !fields.escalationKind) errors.escalationKind = 'Select what the escalation changes';
  if (action === 'PUBLISH_NOTICE' && fields.noticeUrl.trim() && !safeHref(fields.noticeUrl.trim())) errors.noticeUrl = 'Enter a link starting https:// or http://';
  return errors;
}

interface StepRefusal {
  message: string;
  /** The field it concerns, shown against it; none for the step as a whole. */
  field?: keyof StepFields;
  /** The episode moved on: the latest is loaded and the confirmation closes. */
  reload?: boolean;
}

/** The API's refusals of a step, by `extensions.reason` (STYLE.md "Errors": codes, never message text). */
const STEP_REFUSALS: Readonly<Record<string, StepRefusal>> = {
  STALE_VERSION: { message: 'Someone else changed these special measures in the meantime. The latest is shown now; check it and try again.', reload: true },
  INVALID_TRANSITION: { message: 'That step is not allowed from where the special measures stand now. The latest is shown.', reload: true },
  DATE_BEFORE_PREVIOUS_STEP: { message: 'The day cannot be before the previous step', field: 'on' },
  DATE_IN_FUTURE: { message: 'The day cannot be in the future', field: 'on' },
  IMPROVEMENT_PLAN_EMPTY: { message: 'Add at least one action to the improvement plan before signing it off.' },
};

function stepRefusal(error: unknown): StepRefusal {
  const { code, reason } = errorCodes(error);
  if (reason && STEP_REFUSALS[reason]) return STEP_REFUSALS[reason];
  return { message: describeError(error), reload: code === 'CONFLICT' };
}

/**
 * The assessor's controls for a special measures episode: a button for each step allowed now, each
 * behind a confirmation that says what follows and asks for what the step needs. `today` is the day in England
 * the page read at its edge.
 */
export function SpecialMeasuresActions({ episode, today, onChanged }: { episode: StoredEpisode; today: string; onChanged: () => Promise<unknown> }) {
  const earliest = episode.events.length > 0 ? episode.events[episode.events.length - 1].on : episode.proposedOn;
  const [action, setAction] = useState<SpecialMeasuresActionType | null>(null);
  const [fields, setFields] = useState<StepFields>({ on: today, ...EMPTY });
  const [errors, setErrors] = useState<Partial<Record<keyof StepFields, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [apply, { loading }] = useMutation(ApplySpecialMeasuresActionMutation);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const offered = offeredActions(episode);

  useEffect(() => {
    if (action) headingRef.current?.focus();
  }, [action]);

  if (offered.length === 0 && !done) return null;

  const open = (next: SpecialMeasuresActionType) => {
    setAction(next);
    setFields({ on: today, ...EMPTY });
    setErrors({});
    setFailure(null);
    setDone(null);
  };

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!action) return;
    const found = stepErrors(action, fields, earliest, today);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      // A date's problem points at the field to fix: the month, say, when only the month is missing.
      const target = first === 'on' ? dateFieldToFix('step-on', fields.on) : `step-${first}`;
      document.getElementById(target)?.focus();
      return;
    }
    try {
      await apply({
        variables: {
          input: {
            episodeId: episode.id,
            expectedVersion: episode.version,
            action,
            on: fields.on,
            note: fields.note.trim() || null,
            noticeUrl: action === 'PUBLISH_NOTICE' ? fields.noticeUrl.trim() || null : null,
            improvementDirector: action === 'APPOINT_IMPROVEMENT_DIRECTOR' ? fields.improvementDirector.trim() : null,
            intensiveSupport: action === 'START_DELIVERY' ? fields.intensiveSupport.trim() || null : null,
            summary: action === 'REPORT_PROGRESS' ? fields.summary.trim() : null,
            escalationKind: action === 'ESCALATE' && fields.escalationKind ? fields.escalationKind : null,
          },
        },
      });
      setDone(`Recorded: ${SPECIAL_MEASURES_ACTION_LABELS[action].toLowerCase()}.`);
      setAction(null);
      await onChanged();
    } catch (error) {
      const refusal = stepRefusal(error);
      if (refusal.field) {
        setErrors({ [refusal.field]: refusal.message });
        document.getElementById(`step-${refusal.field}`)?.focus();
        return;
      }
      setFailure(refusal.message);
      if (refusal.reload) {
        setAction(null);
        await onChanged();
      }
    }
  }

  const set = (key: keyof StepFields) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((f) => ({ ...f, [key]: value }));
  };
  const fieldError = (key: keyof StepFields) =>
    errors[key] ? (
      <span className="nhsuk-error-message" id={`step-${key}-error`}>
        <span className="nhsuk-u-visually-hidden">Error: </span>
        {errors[key]}
      </span>
    ) : null;
  const group = (key: keyof StepFields) => `nhsuk-form-group${errors[key] ? ' nhsuk-form-group--error' : ''}`;
  const described = (key: keyof StepFields) => (errors[key] ? `step-${key}-error` : undefined);
  const textField = (key: keyof StepFields, label: string, multiline = false) => (
    <FormGroup id={`step-${key}`} label={label} error={errors[key]}>
      {({ describedBy, invalid }) =>
        multiline ? (
          <textarea className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`} id={`step-${key}`} rows={3} value={fields[key]} aria-describedby={describedBy} onChange={set(key)} />
        ) : (
          <input className={`nhsuk-input${invalid ? ' nhsuk-input--error' : ''}`} id={`step-${key}`} value={fields[key]} aria-describedby={describedBy} onChange={set(key)} />
        )
      }
    </FormGroup>
  );

  return (
    <section aria-labelledby="sm-actions-heading" className="ccg-sm-actions">
      <h3 id="sm-actions-heading" className="nhsuk-heading-s">
        Next steps
      </h3>
      {done && (
        <p className="nhsuk-body ccg-notice--success" role="status">
          {done}
        </p>
      )}
      {failure && <RefusalAlert text={failure} />}
      {action === null ? (
        offered.length > 0 && (
          <div className="ccg-button-row">
            {offered.map((next) => (
              <button key={next} type="button" className={`nhsuk-button ${next === 'ESCALATE' ? 'nhsuk-button--warning' : 'nhsuk-button--secondary'}`} onClick={() => open(next)}>
                {SPECIAL_MEASURES_ACTION_LABELS[next]}
              </button>
            ))}
          </div>
        )
      ) : (
        <div className="nhsuk-card ccg-confirm">
          <div className="nhsuk-card__content">
            <h4 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
              {SPECIAL_MEASURES_ACTION_LABELS[action]}?
            </h4>
            <p className="nhsuk-body">{SPECIAL_MEASURES_ACTION_CONSEQUENCES[action]}</p>
            <form onSubmit={(event) => void confirm(event)} noValidate>
              <DateInput
                id="step-on"
                legend="Day it was taken"
                hint={`From ${formatDate(earliest)} to today`}
                error={errors.on}
                value={fields.on}
                onChange={(on) => setFields((f) => ({ ...f, on }))}
              />
              {action === 'PUBLISH_NOTICE' && textField('noticeUrl', 'Link to the notice on the CCG’s website (optional)')}
              {action === 'APPOINT_IMPROVEMENT_DIRECTOR' && textField('improvementDirector', 'Improvement director')}
              {action === 'START_DELIVERY' && textField('intensiveSupport', 'Intensive support identified (optional)', true)}
              {action === 'REPORT_PROGRESS' && textField('summary', 'Summary of the progress reported', true)}
              {action === 'ESCALATE' && (
                <div className={group('escalationKind')}>
                  <fieldset className="nhsuk-fieldset" aria-describedby={described('escalationKind')}>
                    <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What the escalation changes</legend>
                    {fieldError('escalationKind')}
                    <div className="nhsuk-radios">
                      {ESCALATION_KINDS.map((kind, index) => (
                        <div className="nhsuk-radios__item" key={kind}>
                          <input
                            className="nhsuk-radios__input"
                            id={index === 0 ? 'step-escalationKind' : `step-escalationKind-${kind}`}
                            name="escalationKind"
                            type="radio"
                            checked={fields.escalationKind === kind}
                            onChange={() => setFields((f) => ({ ...f, escalationKind: kind }))}
                          />
                          <label className="nhsuk-label nhsuk-radios__label" htmlFor={index === 0 ? 'step-escalationKind' : `step-escalationKind-${kind}`}>
                            {ESCALATION_KIND_LABELS[kind]}
                          </label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                </div>
              )}
              {textField('note', 'Note (optional)', true)}
              <ConfirmButtons
                label={`Yes, ${SPECIAL_MEASURES_ACTION_LABELS[action].charAt(0).toLowerCase()}${SPECIAL_MEASURES_ACTION_LABELS[action].slice(1)}`}
                busyLabel="Recording…"
                busy={loading}
                warning={action === 'ESCALATE'}
                onCancel={() => setAction(null)}
              />
            </form>
          </div>
        </div>
      )}
    </section>
  );
}
