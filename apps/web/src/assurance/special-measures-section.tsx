import { SPECIAL_MEASURES_TRIGGERS, type SpecialMeasuresTriggerCode } from '@ccg-assure/domain';
import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeError, errorCodes } from '../app/graphql-errors';
import type { AssuranceCategory } from '../gql/graphql';
import { CATEGORY_NAMES, formatDate, todayIso } from './assurance-labels';
import { ProposeSpecialMeasuresMutation } from './special-measures.operations';
import { ImprovementPlan } from './improvement-plan';
import { SpecialMeasuresActions } from './special-measures-actions';
import type { StoredEpisode } from './special-measures-episode.fragment';
import { SpecialMeasuresClockPanel, SpecialMeasuresStateTag, SpecialMeasuresTimeline } from './special-measures-progress';

/**
 * A CCG's special measures: the open episode (its state, triggers, the 12-month clock, the steps taken,
 * the improvement plan and, for assessors, the next steps allowed), earlier episodes, and for an
 * assessor a way to propose special measures when the CCG is Not assured or Limited assurance.
 */
export function SpecialMeasuresSection({
  ccg,
  open,
  episodes,
  currentCategory,
  assessor,
  onChanged,
  headingLevel = 2,
}: {
  ccg: string;
  open: StoredEpisode | null;
  episodes: readonly StoredEpisode[];
  currentCategory: AssuranceCategory | null;
  assessor: boolean;
  onChanged: () => Promise<unknown>;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const earlier = episodes.filter((episode) => episode.id !== open?.id);
  const canPropose = assessor && !open && (currentCategory === 'NOT_ASSURED' || currentCategory === 'LIMITED_ASSURANCE');
  return (
    <section aria-labelledby="special-measures-heading" className="ccg-section">
      <H id="special-measures-heading" className={headingLevel === 2 ? 'nhsuk-heading-m' : 'nhsuk-heading-s'}>
        Special measures
      </H>
      {open ? (
        <EpisodePanel episode={open} assessor={assessor} onChanged={onChanged} />
      ) : (
        <p className="nhsuk-body">{episodes.length === 0 ? 'The CCG has never been in special measures.' : 'The CCG is not in special measures now.'}</p>
      )}
      {canPropose && currentCategory && <ProposeSpecialMeasures ccg={ccg} category={currentCategory} onChanged={onChanged} />}
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

function EpisodePanel({ episode, assessor, onChanged }: { episode: StoredEpisode; assessor: boolean; onChanged: () => Promise<unknown> }) {
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
      <ImprovementPlan episode={episode} editable={assessor} onChanged={onChanged} />
      {assessor && <SpecialMeasuresActions episode={episode} onChanged={onChanged} />}
    </div>
  );
}

function ProposeSpecialMeasures({ ccg, category, onChanged }: { ccg: string; category: AssuranceCategory; onChanged: () => Promise<unknown> }) {
  const today = todayIso();
  const [opened, setOpened] = useState(false);
  const [triggers, setTriggers] = useState<SpecialMeasuresTriggerCode[]>([]);
  const [proposedOn, setProposedOn] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [propose, { loading }] = useMutation(ProposeSpecialMeasuresMutation);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (opened) headingRef.current?.focus();
  }, [opened]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (triggers.length === 0) {
      setError('Select at least one trigger');
      document.getElementById(`trigger-${SPECIAL_MEASURES_TRIGGERS[0].code}`)?.focus();
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
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="proposed-on">
              Day of the proposal
            </label>
            <input className="nhsuk-input nhsuk-input--width-10" id="proposed-on" type="date" max={today} value={proposedOn} onChange={(event) => setProposedOn(event.currentTarget.value)} />
          </div>
          <div className="ccg-button-row">
            <button type="submit" className="nhsuk-button nhsuk-button--warning" disabled={loading}>
              {loading ? 'Proposing…' : 'Yes, propose special measures'}
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={loading} onClick={() => setOpened(false)}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
