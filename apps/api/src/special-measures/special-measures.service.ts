import {
  applySpecialMeasuresAction,
  assertImprovementPlanCanBeSignedOff,
  availableActions,
  proposeSpecialMeasures,
  type EscalationKind,
  type SpecialMeasuresAction,
  type SpecialMeasuresActionType,
  type SpecialMeasuresState,
  type SpecialMeasuresTriggerCode,
} from '@ccg-assure/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AssessmentsService } from '../assessments/assessments.service';
import { assertAssessor, isAssessor } from '../assessments/assurance-access';
import { assertNotInFuture, checkedUrl, checkingInput, fieldsOf, optionalText, requireCcg, requiredText } from '../assessments/assurance-checks';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import type { OrganisationsService } from '../organisations/organisations.service';
import { AppError } from '../server/app-error';
import { ImprovementActionStatus } from './special-measures-enums';
import { replayEpisode, toEpisode } from './special-measures.mapper';
import { lockSpecialMeasuresOfCcg } from './special-measures.queries';
import * as repository from './special-measures.repository';
import type { EpisodeRecord } from './special-measures.repository';
import type { SpecialMeasuresEpisodeView } from './special-measures-view';

export interface ProposeRequest {
  ccg: string;
  triggers: readonly SpecialMeasuresTriggerCode[];
  proposedOn: string;
}

export interface ApplyActionRequest {
  episodeId: string;
  expectedVersion: number;
  action: SpecialMeasuresActionType;
  on: string;
  note?: string | null;
  noticeUrl?: string | null;
  improvementDirector?: string | null;
  intensiveSupport?: string | null;
  summary?: string | null;
  escalationKind?: EscalationKind | null;
}

/**
 * Special measures (issue 7): one method per use case, one transaction each with its audit row. The episode is
 * the domain library's: its proposal and stored steps are replayed through applySpecialMeasuresAction, the new
 * step applied the same way (which refuses invalid transitions with the library's codes), and only then stored
 * with the derived state.
 */
export class SpecialMeasuresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly assessments: AssessmentsService,
  ) {}

  // ---- reads ---------------------------------------------------------------------------------------

  /** One episode in full, with the clock read at `asOf` (what the mutations answer with, for assessors). */
  async getEpisode(id: string, asOf: string): Promise<SpecialMeasuresEpisodeView> {
    const manager = this.dataSource.manager;
    await repository.getEpisode(manager, id);
    const [record] = await repository.loadEpisodeRecords(manager, [id]);
    return toEpisode(record, asOf, { internal: true });
  }

  /**
   * The CCGs' episodes (every CCG's when null), newest first, with the clock read at `asOf` and the steps taken up
   * to `upTo` (all when omitted): four statements however many. The public view (not `internal`) gives only the
   * episodes publicly notified (by `upTo`) and leaves out who recorded each step.
   */
  async episodesOf(ccgCodes: readonly string[] | null, asOf: string, options: { internal: boolean; upTo?: string | null }): Promise<SpecialMeasuresEpisodeView[]> {
    const manager = this.dataSource.manager;
    const ids = await repository.listEpisodeIds(manager, ccgCodes);
    const episodes = (await repository.loadEpisodeRecords(manager, ids)).map((record) => toEpisode(record, asOf, options));
    return options.internal ? episodes : episodes.filter((episode) => episode.publiclyNotified);
  }

  /** The steps the viewer may take now on an episode in `state`: the domain's availableActions for an assessor, none for anyone else. */
  availableActions(viewer: Viewer | null, state: SpecialMeasuresState): SpecialMeasuresActionType[] {
    return isAssessor(viewer) ? [...availableActions(state)] : [];
  }

  // ---- changes -------------------------------------------------------------------------------------

  /** Proposes special measures from the CCG's latest published category (Not assured or Limited assurance). */
  async propose(viewer: Viewer, requestId: string, input: ProposeRequest, today: string): Promise<string> {
    assertAssessor(viewer);
    const ccg = await requireCcg(this.organisations, input.ccg);
    return this.change(viewer, requestId, async (manager, actor) => {
      // One proposal at a time per CCG: the advisory lock makes the open-episode check and the insert one step.
      await lockSpecialMeasuresOfCcg.run(manager, [ccg.code]);
      const open = await repository.openEpisodeId(manager, ccg.code);
      if (open) throw new AppError('CONFLICT', 'SPECIAL_MEASURES_ALREADY_OPEN', `${ccg.code} already has an open special measures episode.`, { episodeId: open, ...fieldsOf('ccg') });
      const latest = await this.assessments.latestPublished(ccg.code);
      if (!latest?.decidedCategory) {
        throw new AppError('BAD_USER_INPUT', 'NO_PUBLISHED_ASSESSMENT', `${ccg.code} has no published assessment: special measures follow from a published category.`, { ccg: ccg.code, ...fieldsOf('ccg') });
      }
      const decided = latest.decidedCategory;
      const episode = checkingInput({ TRIGGER_REQUIRED: ['triggers'], UNKNOWN_TRIGGER: ['triggers'], INVALID_DATE: ['proposedOn'] }, ['ccg'], () =>
        proposeSpecialMeasures({ proposedOn: input.proposedOn, assuranceCategory: decided, triggers: input.triggers }),
      );
      assertNotInFuture(episode.proposedOn, today, 'proposedOn');
      const id = await repository.insertEpisode(manager, {
        ccgCode: ccg.code,
        proposedOn: episode.proposedOn,
        assuranceCategory: episode.assuranceCategory,
        triggers: episode.triggers,
        actorId: actor.userId,
      });
      await recordAudit(manager, actor, {
        action: 'PROPOSE_SPECIAL_MEASURES',
        entityType: 'special_measures',
        entityId: id,
        after: { ccg: ccg.code, state: episode.state, proposedOn: episode.proposedOn, assuranceCategory: episode.assuranceCategory, assessmentId: latest.id, triggers: episode.triggers },
      });
      return id;
    });
  }

  /** Takes one step through the domain library's state machine. */
  async apply(viewer: Viewer, requestId: string, input: ApplyActionRequest, today: string): Promise<string> {
    assertAssessor(viewer);
    await repository.getEpisode(this.dataSource.manager, input.episodeId);
    return this.episodeChange(viewer, requestId, input, async (manager, actor, record) => {
      const before = replayEpisode(record);
      const action = {
        type: input.action,
        on: input.on,
        ...(optionalText(input.note) !== null ? { note: optionalText(input.note) } : {}),
        ...(input.noticeUrl != null ? { noticeUrl: input.noticeUrl } : {}),
        ...(input.improvementDirector != null ? { improvementDirector: input.improvementDirector } : {}),
        ...(input.intensiveSupport != null ? { intensiveSupport: input.intensiveSupport } : {}),
        ...(input.summary != null ? { summary: input.summary } : {}),
        ...(input.escalationKind != null ? { kind: input.escalationKind } : {}),
      } as SpecialMeasuresAction;
      const after = checkingInput(ACTION_FIELDS, ['action'], () => applySpecialMeasuresAction(before, action));
      // The library has judged the step; what follows are the product's own checks on its details.
      assertNotInFuture(input.on, today, 'on');
      const noticeUrl = input.action === 'PUBLISH_NOTICE' ? checkedUrl(input.noticeUrl, 'noticeUrl') : null;
      if (input.action === 'SIGN_OFF_IMPROVEMENT_PLAN') checkingInput({}, ['action'], () => assertImprovementPlanCanBeSignedOff(record.actions.length));
      const event = after.events[after.events.length - 1];
      const recorded = event.action as SpecialMeasuresAction & Record<string, unknown>;
      const text = (key: string) => (typeof recorded[key] === 'string' ? optionalText(recorded[key] as string) : null);
      await repository.insertEvent(manager, {
        episodeId: record.episode.id,
        seq: record.events.length + 1,
        action: input.action,
        fromState: event.from,
        toState: event.to,
        on: recorded.on,
        note: text('note'),
        noticeUrl,
        improvementDirector: text('improvementDirector'),
        intensiveSupport: text('intensiveSupport'),
        summary: text('summary'),
        escalationKind: text('kind'),
        actorId: actor.userId,
      });
      await repository.setEpisodeState(manager, record.episode.id, after);
      await recordAudit(manager, actor, {
        action: `SPECIAL_MEASURES_${input.action}`,
        entityType: 'special_measures',
        entityId: record.episode.id,
        before: { state: before.state, enteredOn: before.enteredOn, closedOn: before.closedOn },
        after: {
          state: after.state,
          on: recorded.on,
          enteredOn: after.enteredOn,
          closedOn: after.closedOn,
          ...(text('improvementDirector') ? { improvementDirector: text('improvementDirector') } : {}),
          ...(text('summary') ? { summary: text('summary') } : {}),
          ...(text('kind') ? { escalationKind: text('kind') } : {}),
          ...(noticeUrl ? { noticeUrl } : {}),
        },
      });
    });
  }

  /** Adds an action to the improvement plan: from the improvement director's appointment until the episode closes. */
  async addAction(
    viewer: Viewer,
    requestId: string,
    input: { episodeId: string; expectedVersion: number; description: string; owner: string; dueOn: string; status?: ImprovementActionStatus | null },
  ): Promise<string> {
    const status = input.status ?? ImprovementActionStatus.NOT_STARTED;
    assertAssessor(viewer);
    const description = requiredText(input.description, 'TEXT_REQUIRED', 'An action needs a description.', 'description');
    const owner = requiredText(input.owner, 'TEXT_REQUIRED', 'An action needs an owner.', 'owner');
    await repository.getEpisode(this.dataSource.manager, input.episodeId);
    return this.episodeChange(viewer, requestId, input, async (manager, actor, record) => {
      assertPlanOpen(record);
      const id = await repository.insertAction(manager, { episodeId: record.episode.id, description, owner, dueOn: input.dueOn, status, actorId: actor.userId });
      await recordAudit(manager, actor, {
        action: 'ADD_IMPROVEMENT_ACTION',
        entityType: 'special_measures',
        entityId: record.episode.id,
        after: { actionId: id, description, owner, dueOn: input.dueOn, status },
      });
    });
  }

  async updateAction(
    viewer: Viewer,
    requestId: string,
    input: { actionId: string; expectedVersion: number; status?: ImprovementActionStatus | null; owner?: string | null; dueOn?: string | null; description?: string | null },
  ): Promise<string> {
    assertAssessor(viewer);
    const current = await repository.getAction(this.dataSource.manager, input.actionId);
    return this.episodeChange(viewer, requestId, { episodeId: current.episodeId, expectedVersion: input.expectedVersion }, async (manager, actor, record) => {
      assertPlanOpen(record);
      const action = await repository.getAction(manager, input.actionId);
      const next = {
        description: input.description != null ? requiredText(input.description, 'TEXT_REQUIRED', 'An action needs a description.', 'description') : action.description,
        owner: input.owner != null ? requiredText(input.owner, 'TEXT_REQUIRED', 'An action needs an owner.', 'owner') : action.owner,
        dueOn: input.dueOn ?? action.dueOn,
        status: input.status ?? action.status,
      };
      await repository.updateAction(manager, action.id, next);
      await recordAudit(manager, actor, {
        action: 'UPDATE_IMPROVEMENT_ACTION',
        entityType: 'special_measures',
        entityId: record.episode.id,
        before: { actionId: action.id, description: action.description, owner: action.owner, dueOn: action.dueOn, status: action.status },
        after: { actionId: action.id, ...next },
      });
    });
  }

  // ---- helpers -------------------------------------------------------------------------------------

  private change<T>(viewer: Viewer, requestId: string, work: (manager: EntityManager, actor: AuditActor) => Promise<T>): Promise<T> {
    const actor: AuditActor = { userId: viewer.userId, username: viewer.username, requestId };
    return this.dataSource.transaction((manager) => work(manager, actor));
  }

  /** A change from the edit version the caller read (CONFLICT, STALE_VERSION otherwise), with the episode as stored. */
  private episodeChange(
    viewer: Viewer,
    requestId: string,
    input: { episodeId: string; expectedVersion: number },
    work: (manager: EntityManager, actor: AuditActor, record: EpisodeRecord) => Promise<void>,
  ): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      if (!(await repository.advanceEpisode(manager, input.episodeId, input.expectedVersion))) {
        const current = await repository.getEpisode(manager, input.episodeId);
        throw new AppError('CONFLICT', 'STALE_VERSION', 'The special measures episode has changed since you read it: read it again, then make your change.', {
          episodeId: input.episodeId,
          expectedVersion: input.expectedVersion,
          currentVersion: current.lockVersion,
          ...fieldsOf('expectedVersion'),
        });
      }
      const [record] = await repository.loadEpisodeRecords(manager, [input.episodeId]);
      await work(manager, actor, record);
      return input.episodeId;
    });
  }
}

/** The input fields each of the domain's refusals of a step concerns. */
const ACTION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  INVALID_TRANSITION: ['action'],
  UNKNOWN_SPECIAL_MEASURES_ACTION: ['action'],
  INVALID_DATE: ['on'],
  DATE_BEFORE_PREVIOUS_STEP: ['on'],
  IMPROVEMENT_DIRECTOR_REQUIRED: ['improvementDirector'],
  PROGRESS_SUMMARY_REQUIRED: ['summary'],
  ESCALATION_KIND_REQUIRED: ['escalationKind'],
  UNKNOWN_ESCALATION_KIND: ['escalationKind'],
};

/** The plan is drawn up once the improvement director is appointed (seed 003) and changes until the episode closes. */
function assertPlanOpen(record: EpisodeRecord): void {
  const episode = replayEpisode(record);
  if (episode.closedOn !== null) throw new AppError('CONFLICT', 'EPISODE_CLOSED', 'The special measures episode is closed: its plan no longer changes.', { episodeId: record.episode.id, state: episode.state });
  if (episode.improvementDirector === null) {
    throw new AppError('CONFLICT', 'PLAN_NOT_STARTED', 'The improvement plan is drawn up once the improvement director is appointed.', { episodeId: record.episode.id, state: episode.state });
  }
}
