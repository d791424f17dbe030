import {
  SPECIAL_MEASURES_TRIGGERS,
  applySpecialMeasuresAction,
  isImprovementActionOverdue,
  progressReports,
  proposeSpecialMeasures,
  specialMeasuresEpisodeClock,
  type AssuranceCategory,
  type EscalationKind,
  type SpecialMeasuresAction,
  type SpecialMeasuresActionType,
  type SpecialMeasuresEpisode as DomainEpisode,
  type SpecialMeasuresTriggerCode,
} from '@ccg-assure/domain';
import { actorOf } from '../assessments/assessment.mapper';
import type { SpecialMeasuresEventEntity } from './special-measures-event.entity';
import { ImprovementActionStatus, SpecialMeasuresTriggerKind } from './special-measures-enums';
import type { EpisodeRecord } from './special-measures.repository';
import type { ImprovementPlanView, SpecialMeasuresEpisodeView } from './special-measures-view';

/** A stored step as the domain's action. */
function actionOf(event: Pick<SpecialMeasuresEventEntity, 'action' | 'on' | 'note' | 'noticeUrl' | 'improvementDirector' | 'intensiveSupport' | 'summary' | 'escalationKind'>): SpecialMeasuresAction {
  return {
    type: event.action as SpecialMeasuresActionType,
    on: event.on,
    ...(event.note !== null ? { note: event.note } : {}),
    ...(event.noticeUrl !== null ? { noticeUrl: event.noticeUrl } : {}),
    ...(event.improvementDirector !== null ? { improvementDirector: event.improvementDirector } : {}),
    ...(event.intensiveSupport !== null ? { intensiveSupport: event.intensiveSupport } : {}),
    ...(event.summary !== null ? { summary: event.summary } : {}),
    ...(event.escalationKind !== null ? { kind: event.escalationKind as EscalationKind } : {}),
  } as SpecialMeasuresAction;
}

/**
 * The episode as the domain library sees it: its proposal, then every stored step replayed through
 * applySpecialMeasuresAction (only those taken on or before `upTo`, when given). The stored state is a
 * derived copy of this; the rules are the library's alone.
 */
export function replayEpisode(record: EpisodeRecord, upTo: string | null = null): DomainEpisode {
  let episode = proposeSpecialMeasures({
    proposedOn: record.episode.proposedOn,
    assuranceCategory: record.episode.assuranceCategory as AssuranceCategory,
    triggers: record.episode.triggers as SpecialMeasuresTriggerCode[],
  });
  for (const event of record.events) {
    if (upTo !== null && event.on > upTo) break;
    episode = applySpecialMeasuresAction(episode, actionOf(event));
  }
  return episode;
}

/** True once the episode's notice is published: from then on it is public (seed 003: "communicate to local stakeholders via its website"). */
const isPubliclyNotified = (episode: DomainEpisode): boolean => episode.events.some((event) => event.action.type === 'PUBLISH_NOTICE');

function improvementPlanOf(record: EpisodeRecord, episode: DomainEpisode, asOf: string): ImprovementPlanView {
  const actions = record.actions.map((action) => ({
    id: action.id,
    description: action.description,
    owner: action.owner,
    dueOn: action.dueOn,
    status: action.status,
    overdue: isImprovementActionOverdue(action, asOf),
    updatedAt: action.updatedAt,
  }));
  const count = (status: ImprovementActionStatus) => actions.filter((action) => action.status === status).length;
  const signOff = episode.events.find((event) => event.action.type === 'SIGN_OFF_IMPROVEMENT_PLAN');
  return {
    signedOffOn: signOff?.action.on ?? null,
    actions,
    totalActions: actions.length,
    completedActions: count(ImprovementActionStatus.COMPLETED),
    inProgressActions: count(ImprovementActionStatus.IN_PROGRESS),
    notStartedActions: count(ImprovementActionStatus.NOT_STARTED),
    overdueActions: actions.filter((action) => action.overdue).length,
  };
}

/**
 * What a client sees of an episode, with the clock read at `asOf` (the domain's specialMeasuresEpisodeClock;
 * null while only proposed, or when `asOf` is before entry) and the steps as at `upTo` (every step when null).
 * The public view (not `internal`) leaves out who recorded each step.
 */
export function toEpisode(record: EpisodeRecord, asOf: string, options: { internal: boolean; upTo?: string | null }): SpecialMeasuresEpisodeView {
  const episode = replayEpisode(record, options.upTo ?? null);
  const clock = episode.enteredOn !== null && episode.enteredOn <= asOf ? specialMeasuresEpisodeClock(episode, asOf) : null;
  const stored = record.events;
  return {
    id: record.episode.id,
    ccgCode: record.episode.ccgCode,
    state: episode.state,
    version: record.episode.lockVersion,
    proposedOn: episode.proposedOn,
    assuranceCategory: episode.assuranceCategory,
    triggers: episode.triggers.map((code) => {
      const trigger = SPECIAL_MEASURES_TRIGGERS.find((candidate) => candidate.code === code);
      return { code, kind: trigger?.kind === 'FINANCIAL' ? SpecialMeasuresTriggerKind.FINANCIAL : SpecialMeasuresTriggerKind.OPERATIONAL, description: trigger?.description ?? code };
    }),
    enteredOn: episode.enteredOn,
    improvementDirector: episode.improvementDirector,
    escalationKind: episode.escalationKind,
    closedOn: episode.closedOn,
    publiclyNotified: isPubliclyNotified(episode),
    events: episode.events.map((event, index) => {
      const action = event.action as SpecialMeasuresAction & Record<string, unknown>;
      const text = (key: string) => (typeof action[key] === 'string' ? (action[key] as string) : null);
      return {
        action: action.type,
        from: event.from,
        to: event.to,
        on: action.on,
        note: text('note'),
        noticeUrl: text('noticeUrl'),
        improvementDirector: text('improvementDirector'),
        intensiveSupport: text('intensiveSupport'),
        summary: text('summary'),
        escalationKind: (text('kind') as EscalationKind | null) ?? null,
        recordedBy: options.internal ? actorOf(stored[index]?.recordedByUser) : null,
        recordedAt: stored[index]?.recordedAt,
      };
    }),
    progressReports: progressReports(episode).map((report) => ({ on: report.on, summary: report.summary })),
    clock: clock ? { asOf, ...clock } : null,
    improvementPlan: improvementPlanOf(record, episode, asOf),
    illustrative: record.episode.illustrative,
    illustrativeNote: record.episode.illustrativeNote,
  };
}
