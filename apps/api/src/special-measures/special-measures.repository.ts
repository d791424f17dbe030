import { SPECIAL_MEASURES_STATES, TERMINAL_SPECIAL_MEASURES_STATES, type SpecialMeasuresState } from '@ccg-assure/domain';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../assessments/assessments.repository';
import { AppError } from '../server/app-error';
import { ImprovementActionEntity } from './improvement-action.entity';
import { SpecialMeasuresEpisodeEntity } from './special-measures-episode.entity';
import { SpecialMeasuresEventEntity } from './special-measures-event.entity';
import type { ImprovementActionStatus } from './special-measures-enums';

// Loads and saves of special measures episodes, their steps and improvement actions, through their entities
// (decision 0009). Who recorded a step is joined from app_user with only the names a view shows.

/** An episode with its steps (oldest first, each with who recorded it) and improvement actions (by due date). */
export interface EpisodeRecord {
  episode: SpecialMeasuresEpisodeEntity;
  events: SpecialMeasuresEventEntity[];
  actions: ImprovementActionEntity[];
}

const OPEN_STATES = SPECIAL_MEASURES_STATES.filter((state) => !TERMINAL_SPECIAL_MEASURES_STATES.includes(state));

const episodeNotFound = (id: string) => new AppError('NOT_FOUND', 'SPECIAL_MEASURES_NOT_FOUND', 'There is no special measures episode with that id.', { episodeId: id, fields: ['episodeId'] });

// ---- reading -------------------------------------------------------------------------------------

export async function getEpisode(manager: EntityManager, id: string): Promise<SpecialMeasuresEpisodeEntity> {
  const episode = isUuid(id) ? await manager.findOneBy(SpecialMeasuresEpisodeEntity, { id }) : null;
  if (!episode) throw episodeNotFound(id);
  return episode;
}

/** Episodes with their steps and actions, in the order of `ids`: three statements however many. */
export async function loadEpisodeRecords(manager: EntityManager, ids: readonly string[]): Promise<EpisodeRecord[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const episodes = await manager.createQueryBuilder(SpecialMeasuresEpisodeEntity, 'e').where('e.id IN (:...ids)', { ids: list }).getMany();
  const events = await manager
    .createQueryBuilder(SpecialMeasuresEventEntity, 'v')
    .leftJoin('v.recordedByUser', 'vu')
    .addSelect(['vu.id', 'vu.username', 'vu.displayName'])
    .where('v.episodeId IN (:...ids)', { ids: list })
    .orderBy('v.episodeId')
    .addOrderBy('v.seq')
    .getMany();
  const actions = await manager
    .createQueryBuilder(ImprovementActionEntity, 'a')
    .where('a.episodeId IN (:...ids)', { ids: list })
    .orderBy('a.dueOn')
    .addOrderBy('a.createdAt')
    .addOrderBy('a.id')
    .getMany();
  const byId = new Map(episodes.map((row) => [row.id, row]));
  return list.flatMap((id) => {
    const episode = byId.get(id);
    return episode ? [{ episode, events: events.filter((row) => row.episodeId === id), actions: actions.filter((row) => row.episodeId === id) }] : [];
  });
}

/** Ids of the episodes of the given CCGs (all CCGs when null), newest first. */
export async function listEpisodeIds(manager: EntityManager, ccgCodes: readonly string[] | null): Promise<string[]> {
  const query = manager.createQueryBuilder(SpecialMeasuresEpisodeEntity, 'e').select('e.id');
  if (ccgCodes !== null) {
    if (ccgCodes.length === 0) return [];
    query.where('e.ccgCode IN (:...ccgCodes)', { ccgCodes: [...ccgCodes] });
  }
  const rows = await query.orderBy('e.proposedOn', 'DESC').addOrderBy('e.createdAt', 'DESC').getMany();
  return rows.map((row) => row.id);
}

export async function openEpisodeId(manager: EntityManager, ccgCode: string): Promise<string | null> {
  const row = await manager
    .createQueryBuilder(SpecialMeasuresEpisodeEntity, 'e')
    .select('e.id')
    .where('e.ccgCode = :ccgCode AND e.state IN (:...open)', { ccgCode, open: OPEN_STATES })
    .getOne();
  return row?.id ?? null;
}

export async function getAction(manager: EntityManager, id: string): Promise<ImprovementActionEntity> {
  const action = isUuid(id) ? await manager.findOneBy(ImprovementActionEntity, { id }) : null;
  if (!action) throw new AppError('NOT_FOUND', 'IMPROVEMENT_ACTION_NOT_FOUND', 'There is no improvement action with that id.', { actionId: id, fields: ['actionId'] });
  return action;
}

// ---- writing (inside the caller's transaction) -----------------------------------------------------

const returnedId = (raw: unknown): string => (raw as { id: string }[])[0].id;

export async function insertEpisode(
  manager: EntityManager,
  row: { ccgCode: string; proposedOn: string; assuranceCategory: string; triggers: readonly string[]; actorId: string | null; illustrativeNote?: string | null },
): Promise<string> {
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(SpecialMeasuresEpisodeEntity)
    .values({
      ccgCode: row.ccgCode,
      state: 'PROPOSED',
      proposedOn: row.proposedOn,
      assuranceCategory: row.assuranceCategory,
      triggers: [...row.triggers],
      createdBy: row.actorId,
      illustrative: Boolean(row.illustrativeNote),
      illustrativeNote: row.illustrativeNote ?? null,
    })
    .returning('id')
    .execute();
  return returnedId(result.raw);
}

/** Moves the episode's edit version on from `expectedVersion` (checked in the WHERE); false when stale. */
export async function advanceEpisode(manager: EntityManager, id: string, expectedVersion: number): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(SpecialMeasuresEpisodeEntity)
    .set({ lockVersion: () => 'lock_version + 1', updatedAt: () => 'now()' })
    .where('id = :id AND lock_version = :expectedVersion', { id, expectedVersion })
    .execute();
  return result.affected === 1;
}

/** The derived columns, from the domain's episode after a step. */
export async function setEpisodeState(
  manager: EntityManager,
  id: string,
  state: { state: SpecialMeasuresState; enteredOn: string | null; improvementDirector: string | null; escalationKind: SpecialMeasuresEpisodeEntity['escalationKind']; closedOn: string | null },
): Promise<void> {
  await manager.update(
    SpecialMeasuresEpisodeEntity,
    { id },
    { state: state.state, enteredOn: state.enteredOn, improvementDirector: state.improvementDirector, escalationKind: state.escalationKind, closedOn: state.closedOn },
  );
}

/** Appends a step (the table is append-only). */
export async function insertEvent(
  manager: EntityManager,
  event: Omit<SpecialMeasuresEventEntity, 'recordedBy' | 'recordedByUser' | 'recordedAt'> & { actorId: string | null; at?: Date | null },
): Promise<void> {
  const { actorId, at, ...fields } = event;
  await manager
    .createQueryBuilder()
    .insert()
    .into(SpecialMeasuresEventEntity)
    .values({ ...fields, recordedBy: actorId, recordedAt: at ?? (() => 'now()') })
    .execute();
}

export async function insertAction(
  manager: EntityManager,
  action: { episodeId: string; description: string; owner: string; dueOn: string; status?: ImprovementActionStatus; actorId: string | null },
): Promise<string> {
  const { actorId, ...fields } = action;
  const result = await manager.createQueryBuilder().insert().into(ImprovementActionEntity).values({ ...fields, createdBy: actorId }).returning('id').execute();
  return returnedId(result.raw);
}

export async function updateAction(manager: EntityManager, id: string, change: { description: string; owner: string; dueOn: string; status: ImprovementActionStatus }): Promise<void> {
  await manager.update(ImprovementActionEntity, { id }, { ...change, updatedAt: () => 'now()' });
}
