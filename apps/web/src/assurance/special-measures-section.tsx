import { compareIsoDates, SPECIAL_MEASURES_TRIGGERS, type SpecialMeasuresTriggerCode } from '@ccg-assure/domain';
import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeError, errorCodes } from '../app/graphql-errors';
import type { AssuranceCategory } from '../gql/graphql';
import { formatDate } from '../ui/format';
import { DateInput, dateFieldToFix, dateInputProblem } from '../ui/nhs';
import { CATEGORY_NAMES } from './assurance-labels';
import { ProposeSpecialMeasuresMutation } from './special-measures.operations';
import { ConfirmButtons } from './confirmation-parts';
import { ImprovementPlan } from './improvement-plan';
import { SpecialMeasuresActions } from './special-measures-actions';
import type { StoredEpisode } from './special-measures-episode.fragment';
import { SpecialMeasuresClockPanel, SpecialMeasuresStateTag, SpecialMeasuresTimeline } from './special-measures-progress';

/** What the page lets the viewer change in special measures; absent on a read-only page (the public one). */
export interface SpecialMeasuresChanges {
  /** The day in England the page read at its edge: the latest day a step or a proposal may be dated. */
  today: string;
  /** Whether the viewer may propose special measures (there is no episode yet whose availableActions could say). */
  mayPropose: boolean;
  onChanged: () => Promise<unknown>;
}

/**
 * A CCG's special measures: the open episode (its state, triggers, the 12-month clock, the steps taken,
 * the improvement plan and the next steps the viewer may take: its availableActions), earlier episodes,
 * and a way to propose special measures when the CCG is Not assured or Limited assurance. Without
 * `changes` nothing is offered, whoever reads it.
 */
export function SpecialMeasuresSection({
  ccg,
  open,
  episodes,
  currentCategory,
  changes,
  headingLevel = 2,
}: {
  ccg: string;
  open: StoredEpisode | null;
  episodes: readonly StoredEpisode[];
  currentCategory: AssuranceCategory | null;
  changes?: SpecialMeasuresChanges;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const earlier = episodes.filter((episode) => episode.id !== open?.id);
  const canPropose = changes?.mayPropose && !open && (currentCategory === 'NOT_ASSURED' || currentCategory === 'LIMITED_ASSURANCE');
  return (
    <section aria-labelledby="special-measures-heading" className="ccg-section">
      <H id="special-measures-heading" className={headingLevel === 2 ? 'nhsuk-heading-m' : 'nhsuk-heading-s'}>
        Special measures
      </H>
      {open ? (
        <EpisodePanel episode={open} changes={changes} />
      ) : (
        <p className="nhsuk-body">{episodes.length === 0 ? 'The CCG has never been in special measures.' : 'The CCG is not in special measures now.'}</p>
      )}
      {canPropose && changes && currentCategory && <ProposeSpecialMeasures ccg={ccg} category={currentCategory} today={changes.today} onChanged={changes.onChanged} />}
      {earlier.length > 0 && (
        <>
          <h3 className="nhsuk-heading-s">Earlier special measures</h3>
          {earlier.map((episode) => (
            <details key={episode.id} className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">
                  {formatDate(episode.enteredOn ?? episode.proposedOn)} to {episode.closedOn ? formatDate(episode.closedOn) : 'now'}: {episode.state === 'ESCALATED' ? 'escalated' : episode.state === 'EXITED' ? 'exited' : 'open'}
                </span>
              </summary>
              <div className="nhsuk-details__text">
                <SpecialMeasuresTimeline episode={episode} />
              </div>
            </details>
          ))}
        </>
      )}
    </section>
  );
}

/**
 * The open episode. Its steps are the viewer's availableActions (none for anyone but an assessor, none once
 * closed); whoever may move the episode on now also keeps its improvement plan.
 */
function EpisodePanel({ episode, changes }: { episode: StoredEpisode; changes?: SpecialMeasuresChanges }) {
  const managed = Boolean(changes) && episode.availableActions.length > 0;
  return (
    <div className="ccg-episode" data-testid="special-measures-episode">
      <p className="nhsuk-body">
        <SpecialMeasuresStateTag state={episode.state} />{' '}
        {episode.illustrative && <strong className="nhsuk-tag nhsuk-tag--yellow">Illustrative</strong>}
      </p>
      {episode.illustrative && episode.illustrativeNote && <p className="nhsuk-body-s">{episode.illustrativeNote}</p>}
      <p className="nhsuk-body">
        Proposed on {formatDate(episode.proposedOn)}, the CCG being {CATEGORY_NAMES[episode.assuranceCategory]}.
        {episode.improvementDirector ? ` Improvement director: ${episode.improvementDirector}.` : ''}
      </p>
      <h3 className="nhsuk-heading-s">Why: the triggers</h3>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {episode.triggers.map((trigger) => (
          <li key={trigger.code}>
            <strong>{trigger.kind === 'OPERATIONAL' ? 'Operational' : 'Financial'}:</strong> {trigger.description}
          </li>
        ))}
      </ul>
      {episode.clock ? (
        <SpecialMeasuresClockPanel clock={{ ...episode.clock, closedOn: episode.closedOn }} />
      ) : (
        <p className="nhsuk-body">The 12-month clock starts when entry is agreed with the CCG or determined by NHS England.</p>
      )}
      <h3 className="nhsuk-heading-s">Progress through the steps</h3>
      <SpecialMeasuresTimeline episode={episode} />
      <ImprovementPlan episode={episode} editable={managed} onChanged={changes?.onChanged ?? nothingChanged} />
      {changes && <SpecialMeasuresActions episode={episode} today={changes.today} onChanged={changes.onChanged} />}
    </div>
  );
}

/** A read-only plan changes nothing, so there is nothing to reload. */
const nothingChanged = async () => undefined;

function ProposeSpecialMeasures({ ccg, category, today, onChanged }: { ccg: string; category: AssuranceCategory; today: string; onChanged: () => Promise<unknown> }) {
  const [opened, setOpened] = useState(false);
  const [triggers, setTriggers] = useState<SpecialMeasuresTriggerCode[]>([]);
  const [proposedOn, setProposedOn] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [propose, { loading }] = useMutation(ProposeSpecialMeasuresMutation);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (opened) headingRef.current?.focus();
  }, [opened]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const dateProblem = dateInputProblem('proposed-on', proposedOn, { what: 'The day of the proposal', missing: 'Enter the day of the proposal' });
    const futureDate = !dateProblem && compareIsoDates(proposedOn, today) > 0 ? 'The day of the proposal cannot be in the future' : null;
    setError(triggers.length === 0 ? 'Select at least one trigger' : null);
    setDateError(dateProblem?.message ?? futureDate);
    if (triggers.length === 0) {
      document.getElementById(`trigger-${SPECIAL_MEASURES_TRIGGERS[0].code}`)?.focus();
      return;
    }
    if (dateProblem || futureDate) {
      document.getElementById(dateFieldToFix('proposed-on', proposedOn))?.focus();
      return;
    }
    try {
      await propose({ variables: { input: { ccg, triggers, proposedOn } } });
      setOpened(false);
      await onChanged();
    } catch (caught) {
      const { reason } = errorCodes(caught);
      setError(reason === 'SPECIAL_MEASURES_ALREADY_OPEN' ? 'The CCG is already in special measures.' : describeError(caught));
      if (reason === 'SPECIAL_MEASURES_ALREADY_OPEN') await onChanged();
    }
  }

  if (!opened) {
    return (
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setOpened(true)}>
        Propose special measures
      </button>
    );
  }
  const toggle = (code: SpecialMeasuresTriggerCode) => setTriggers((list) => (list.includes(code) ? list.filter((c) => c !== code) : [...list, code]));
  return (
    <div className="nhsuk-card ccg-confirm">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
          Propose special measures?
        </h3>
        <p className="nhsuk-body">
          The CCG is {CATEGORY_NAMES[category]}. Entry is then agreed with the CCG or, failing agreement, determined by NHS England; special measures apply for at most 12 months.
        </p>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
            <fieldset className="nhsuk-fieldset" aria-describedby={error ? 'triggers-error' : undefined}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What triggers them</legend>
              {error && (
                <span className="nhsuk-error-message" id="triggers-error">
                  <span className="nhsuk-u-visually-hidden">Error: </span>
                  {error}
                </span>
              )}
              <div className="nhsuk-checkboxes">
                {SPECIAL_MEASURES_TRIGGERS.map((trigger) => (
                  <div className="nhsuk-checkboxes__item" key={trigger.code}>
                    <input className="nhsuk-checkboxes__input" id={`trigger-${trigger.code}`} type="checkbox" checked={triggers.includes(trigger.code)} onChange={() => toggle(trigger.code)} />
                    <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`trigger-${trigger.code}`}>
                      {trigger.kind === 'OPERATIONAL' ? 'Operational' : 'Financial'}: {trigger.description}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <DateInput id="proposed-on" legend="Day of the proposal" value={proposedOn} error={dateError ?? undefined} onChange={setProposedOn} />
          <ConfirmButtons label="Yes, propose special measures" busyLabel="Proposing…" busy={loading} warning onCancel={() => setOpened(false)} />
        </form>
      </div>
    </div>
  );
}
