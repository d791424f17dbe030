import { applySpecialMeasuresAction, assertBuddyingApplies, assertImprovementPlanCanBeSignedOff, proposeSpecialMeasures, type EscalationKind, type SpecialMeasuresAction, type SpecialMeasuresActionType, type SpecialMeasuresTriggerCode } from '@ccg-assure/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { AppError } from '../server/app-error';
import * as assessments from './assessments.repository';
import { AssessmentsService } from './assessments.service';
import { assertAssessor } from './assurance-access';
import { ImprovementActionStatus } from './assurance-enums';
import type { CcgAssurance } from './ccg-assurance.type';
import { assertNotInFuture, checkedUrl, optionalText, requireCcg, requiredText } from './quarters';
import * as repository from './special-measures.repository';
import type { EpisodeRecord } from './special-measures.repository';
import { replayEpisode, toEpisode } from './special-measures.mapper';
import type { SpecialMeasuresEpisode } from './special-measures.type';

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
  constructor(private readonly dataSource: DataSource) {}

  async getEpisode(id: string, asOf: string): Promise<SpecialMeasuresEpisode> {
    const manager = this.dataSource.manager;
    await repository.getEpisodeRow(manager, id);
    const [record] = await repository.loadEpisodeRecords(manager, [id]);
    return toEpisode(record, asOf, { internal: true });
  }

  /** Proposes special measures from the CCG's latest published category (Not assured or Limited assurance). */
  async propose(viewer: Viewer, requestId: string, input: ProposeRequest, today: string): Promise<string> {
    assertAssessor(viewer);
    const ccg = await requireCcg(this.dataSource.manager, input.ccg);
    return this.change(viewer, requestId, async (manager, actor) => {
      // One proposal at a time per CCG: the advisory lock makes the open-episode check and the insert one step.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`special-measures:${ccg.code}`]);
      const open = await repository.openEpisodeId(manager, ccg.code);
      if (open) throw new AppError('CONFLICT', 'SPECIAL_MEASURES_ALREADY_OPEN', `${ccg.code} already has an open special measures episode.`, { episodeId: open });
      const latest = await assessments.latestPublished(manager, ccg.code);
      if (!latest?.decidedCategory) {
        throw new AppError('BAD_USER_INPUT', 'NO_PUBLISHED_ASSESSMENT', `${ccg.code} has no published assessment: special measures follow from a published category.`, { ccg: ccg.code });
      }
      const episode = proposeSpecialMeasures({ proposedOn: input.proposedOn, assuranceCategory: latest.decidedCategory, triggers: input.triggers });
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
    await repository.getEpisodeRow(this.dataSource.manager, input.episodeId);
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
      const after = applySpecialMeasuresAction(before, action);
      // The library has judged the step; what follows are the product's own checks on its details.
      assertNotInFuture(input.on, today, 'on');
      const noticeUrl = input.action === 'PUBLISH_NOTICE' ? checkedUrl(input.noticeUrl, 'noticeUrl') : null;
      if (input.action === 'SIGN_OFF_IMPROVEMENT_PLAN') assertImprovementPlanCanBeSignedOff(record.actions.length);
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
    const description = requiredText(input.description, 'TEXT_REQUIRED', 'An action needs a description.');
    const owner = requiredText(input.owner, 'TEXT_REQUIRED', 'An action needs an owner.');
    await repository.getEpisodeRow(this.dataSource.manager, input.episodeId);
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
    const current = await repository.getActionRow(this.dataSource.manager, input.actionId);
    return this.episodeChange(viewer, requestId, { episodeId: current.episodeId, expectedVersion: input.expectedVersion }, async (manager, actor, record) => {
      assertPlanOpen(record);
      const action = await repository.getActionRow(manager, input.actionId);
      const next = {
        description: input.description != null ? requiredText(input.description, 'TEXT_REQUIRED', 'An action needs a description.') : action.description,
        owner: input.owner != null ? requiredText(input.owner, 'TEXT_REQUIRED', 'An action needs an owner.') : action.owner,
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

  /** Pairs a CCG whose latest published category is Limited assurance with a buddy CCG, or ends the pairing. */
  async assignBuddy(viewer: Viewer, requestId: string, input: { ccg: string; buddyCcg?: string | null }, today: string): Promise<CcgAssurance> {
    assertAssessor(viewer);
    const manager = this.dataSource.manager;
    const ccg = await requireCcg(manager, input.ccg);
    const buddyCode = input.buddyCcg ? (await requireCcg(manager, input.buddyCcg)).code : null;
    if (buddyCode !== null) {
      const latest = await assessments.latestPublished(manager, ccg.code);
      assertBuddyingApplies({ ccg: ccg.code, buddyCcg: buddyCode, latestCategory: latest?.decidedCategory ?? null });
    }
    await this.change(viewer, requestId, async (tx, actor) => {
      const before = await repository.setBuddy(tx, ccg.code, buddyCode === null ? null : { buddyCode, assignedOn: today, actorId: actor.userId });
      await recordAudit(tx, actor, {
        action: buddyCode === null ? 'END_BUDDY_CCG' : 'ASSIGN_BUDDY_CCG',
        entityType: 'assurance_buddy',
        entityId: ccg.code,
        before: before ? { buddyCcg: before.buddyCode, assignedOn: before.assignedOn } : null,
        after: buddyCode === null ? null : { buddyCcg: buddyCode, assignedOn: today },
      });
    });
    return new AssessmentsService(this.dataSource).assuranceOf(ccg.code, today, { publishedOnly: false });
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
        const current = await repository.getEpisodeRow(manager, input.episodeId);
        throw new AppError('CONFLICT', 'STALE_VERSION', 'The special measures episode has changed since you read it: read it again, then make your change.', {
          episodeId: input.episodeId,
          expectedVersion: input.expectedVersion,
          currentVersion: current.lockVersion,
        });
      }
      const [record] = await repository.loadEpisodeRecords(manager, [input.episodeId]);
      await work(manager, actor, record);
      return input.episodeId;
    });
  }
}

/** The plan is drawn up once the improvement director is appointed (seed 003) and changes until the episode closes. */
function assertPlanOpen(record: EpisodeRecord): void {
  const episode = replayEpisode(record);
  if (episode.closedOn !== null) throw new AppError('CONFLICT', 'EPISODE_CLOSED', 'The special measures episode is closed: its plan no longer changes.', { episodeId: record.episode.id, state: episode.state });
  if (episode.improvementDirector === null) {
    throw new AppError('CONFLICT', 'PLAN_NOT_STARTED', 'The improvement plan is drawn up once the improvement director is appointed.', { episodeId: record.episode.id, state: episode.state });
  }
}
