import {
  SPECIAL_MEASURES_MAXIMUM_MONTHS,
  daysBetween,
  type EscalationKind,
  type SpecialMeasuresActionType,
  type SpecialMeasuresClock,
  type SpecialMeasuresState,
} from '@ccg-assure/domain';
import { formatDate } from '../ui/format';
import { ESCALATION_KIND_LABELS, SPECIAL_MEASURES_STATE_LABELS, days, months } from './assurance-labels';
import { safeHref } from './evidence-links';

/** The clock as the page has it: the API's, or the domain library's specialMeasuresClock for today. */
export type ClockView = Pick<SpecialMeasuresClock, 'entryDate' | 'dueBy' | 'open' | 'monthsRemaining' | 'daysRemaining' | 'overdue' | 'daysOverdue'> & {
  /** The day the episode closed, when it has. */
  closedOn?: string | null;
};

/**
 * The 12-month special measures clock: months remaining (and the day it runs out), or overdue and by
 * how long, in words first; a bar with a mark for each month shows the same thing to sighted users.
 */
export function SpecialMeasuresClockPanel({ clock }: { clock: ClockView }) {
  const total = daysBetween(clock.entryDate, clock.dueBy);
  const elapsedDays = clock.open ? total - clock.daysRemaining : clock.closedOn ? daysBetween(clock.entryDate, clock.closedOn) : total;
  const fraction = clock.overdue ? 1 : Math.max(0, Math.min(1, total > 0 ? elapsedDays / total : 1));
  const state = !clock.open ? 'closed' : clock.overdue ? 'overdue' : 'running';
  return (
    <div className={`ccg-sm-clock ccg-sm-clock--${state}`} data-testid="special-measures-clock">
      <h3 className="nhsuk-heading-s">The 12-month clock</h3>
      {state === 'running' && (
        <p className="nhsuk-body ccg-sm-clock__headline">
          <strong>{clock.monthsRemaining === 0 ? 'Less than a month remaining' : `${months(clock.monthsRemaining)} remaining`}</strong>{' '}
          <span className="ccg-nowrap">({days(clock.daysRemaining)})</span>
        </p>
      )}
      {state === 'overdue' && (
        <p className="nhsuk-body ccg-sm-clock__headline">
          <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>{' '}
          <strong>{clock.daysOverdue === 0 ? 'The 12 months end today' : `${days(clock.daysOverdue)} past the 12 months`}</strong>
        </p>
      )}
      {state === 'closed' && (
        <p className="nhsuk-body ccg-sm-clock__headline">
          <strong>Clock stopped</strong>
          {clock.closedOn ? ` on ${formatDate(clock.closedOn)}` : ''}.
        </p>
      )}
      <p className="nhsuk-body-s">
        Entered on {formatDate(clock.entryDate)}. Special measures apply for at most {SPECIAL_MEASURES_MAXIMUM_MONTHS} months: {state === 'overdue' ? 'they were due to end' : 'they end'} by{' '}
        {formatDate(clock.dueBy)}.
      </p>
      <div className="ccg-sm-clock__bar" aria-hidden="true">
        <div className="ccg-sm-clock__fill" style={{ width: `${fraction * 100}%` }} />
        {Array.from({ length: SPECIAL_MEASURES_MAXIMUM_MONTHS - 1 }, (_, index) => (
          <span key={index} className="ccg-sm-clock__tick" style={{ left: `${((index + 1) / SPECIAL_MEASURES_MAXIMUM_MONTHS) * 100}%` }} />
        ))}
      </div>
      <div className="ccg-sm-clock__scale nhsuk-body-s" aria-hidden="true">
        <span>{formatDate(clock.entryDate)}</span>
        <span>{formatDate(clock.dueBy)}</span>
      </div>
    </div>
  );
}

/** One step of the episode's history as the page has it (the API's events). */
export interface EpisodeEvent {
  action: SpecialMeasuresActionType;
  on: string;
  note?: string | null;
  summary?: string | null;
  improvementDirector?: string | null;
  escalationKind?: EscalationKind | null;
  noticeUrl?: string | null;
  intensiveSupport?: string | null;
}

export interface EpisodeView {
  state: SpecialMeasuresState;
  proposedOn: string;
  events: readonly EpisodeEvent[];
}

interface Step {
  key: string;
  title: string;
  actions: readonly SpecialMeasuresActionType[];
}

/** The steps of special measures in order (seed 003, "Special measures process"). */
const STEPS: readonly Step[] = [
  { key: 'ENTRY', title: 'Entry agreed with the CCG, or determined by NHS England', actions: ['AGREE_WITH_CCG', 'DETERMINE_BY_NHS_ENGLAND'] },
  { key: 'NOTICE', title: 'Public notice on the CCG’s website: the fact, reasons, plans and timescales', actions: ['PUBLISH_NOTICE'] },
  { key: 'REVIEW', title: 'External review of capacity, capability and governance', actions: ['COMMISSION_EXTERNAL_REVIEW'] },
  { key: 'DIRECTOR', title: 'Improvement director appointed, with programme office support', actions: ['APPOINT_IMPROVEMENT_DIRECTOR'] },
  { key: 'PLAN', title: 'Improvement plan signed off by NHS England', actions: ['SIGN_OFF_IMPROVEMENT_PLAN'] },
  { key: 'DELIVERY', title: 'Intensive support and regular progress reports', actions: ['START_DELIVERY', 'REPORT_PROGRESS'] },
  { key: 'CLOSE', title: 'Exit on significant progress, or escalation', actions: ['EXIT', 'ESCALATE'] },
];

type StepStatus = 'done' | 'current' | 'todo';

const STATUS_WORDS: Record<StepStatus, string> = { done: 'Done', current: 'Current step', todo: 'Not started' };

function eventDetail(event: EpisodeEvent): string | null {
  switch (event.action) {
    case 'AGREE_WITH_CCG':
      return 'Agreed with the CCG';
    case 'DETERMINE_BY_NHS_ENGLAND':
      return 'Determined by NHS England (no joint agreement)';
    case 'APPOINT_IMPROVEMENT_DIRECTOR':
      return event.improvementDirector ? `Improvement director: ${event.improvementDirector}` : null;
    case 'START_DELIVERY':
      return event.intensiveSupport ? `Intensive support: ${event.intensiveSupport}` : 'Delivery started';
    case 'REPORT_PROGRESS':
      return event.summary ? `Progress report: ${event.summary}` : 'Progress report';
    case 'EXIT':
      return 'Exited special measures';
    case 'ESCALATE':
      return event.escalationKind ? `Escalated: ${ESCALATION_KIND_LABELS[event.escalationKind]}` : 'Escalated';
    default:
      return null;
  }
}

/**
 * The episode's progress through the steps of special measures: each step done (with its date and
 * details), the current one, or not started; said in words beside each marker.
 */
export function SpecialMeasuresTimeline({ episode }: { episode: EpisodeView }) {
  const closed = episode.state === 'EXITED' || episode.state === 'ESCALATED';
  const doneKeys = new Set(STEPS.filter((step) => episode.events.some((e) => step.actions.includes(e.action))).map((s) => s.key));
  // Delivery stays current while it runs: progress reports keep coming until exit or escalation.
  const deliveryRunning = episode.state === 'IN_PROGRESS';
  const firstOpen = STEPS.findIndex((step) => !doneKeys.has(step.key) || (step.key === 'DELIVERY' && deliveryRunning));
  const statusOf = (index: number): StepStatus => {
    const step = STEPS[index];
    if (step.key === 'DELIVERY' && deliveryRunning) return 'current';
    if (doneKeys.has(step.key)) return 'done';
    return !closed && index === firstOpen ? 'current' : 'todo';
  };
  return (
    <ol className="ccg-sm-steps">
      <li className="ccg-sm-steps__step ccg-sm-steps__step--done">
        <span className="ccg-sm-steps__marker" aria-hidden="true" />
        <div>
          <p className="nhsuk-body nhsuk-u-margin-bottom-1">
            <strong>Special measures proposed</strong> <span className="nhsuk-u-visually-hidden">(Done)</span>
          </p>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">{formatDate(episode.proposedOn)}</p>
        </div>
      </li>
      {STEPS.map((step, index) => {
        const status = statusOf(index);
        const events = episode.events.filter((e) => step.actions.includes(e.action));
        if (closed && status === 'todo') return null;
        return (
          <li key={step.key} className={`ccg-sm-steps__step ccg-sm-steps__step--${status}`} aria-current={status === 'current' ? 'step' : undefined}>
            <span className="ccg-sm-steps__marker" aria-hidden="true" />
            <div>
              <p className="nhsuk-body nhsuk-u-margin-bottom-1">
                <strong>{step.title}</strong> <span className={status === 'done' ? 'nhsuk-u-visually-hidden' : 'ccg-sm-steps__status'}>({STATUS_WORDS[status]})</span>
              </p>
              {events.length > 0 && (
                <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-bottom-0">
                  {events.map((event, eventIndex) => {
                    const detail = eventDetail(event);
                    return (
                      <li key={eventIndex} className="nhsuk-u-margin-bottom-1">
                        <span className="ccg-nowrap">{formatDate(event.on)}</span>
                        {detail ? `: ${detail}` : ''}
                        {safeHref(event.noticeUrl) && (
                          <>
                            {' '}
                            (
                            <a className="nhsuk-link" href={safeHref(event.noticeUrl) ?? undefined} rel="noopener noreferrer">
                              the notice<span className="nhsuk-u-visually-hidden"> on the CCG’s website</span>
                            </a>
                            )
                          </>
                        )}
                        {event.note ? `. ${event.note}` : ''}
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** "Improvement under way" as a tag, with the words. */
export function SpecialMeasuresStateTag({ state }: { state: SpecialMeasuresState }) {
  const colour = state === 'EXITED' ? 'nhsuk-tag--green' : state === 'ESCALATED' ? 'nhsuk-tag--red' : state === 'PROPOSED' ? 'nhsuk-tag--grey' : 'nhsuk-tag--orange';
  return <strong className={`nhsuk-tag ${colour}`}>{SPECIAL_MEASURES_STATE_LABELS[state]}</strong>;
}
