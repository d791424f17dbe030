import type { EntityManager } from 'typeorm';
import { AppError } from '../server/app-error';
import { actor, execute, type ActorRow } from './assessments.repository';
import type { ImprovementActionStatus } from './assurance-enums';

// Every SQL statement about special measures episodes, their steps, improvement actions and buddies.

export interface EpisodeRow {
  id: string;
  ccgCode: string;
  state: string;
  proposedOn: string;
  assuranceCategory: string;
  triggers: string[];
  lockVersion: number;
  illustrative: boolean;
  illustrativeNote: string | null;
}

export interface EventRow {
  episodeId: string;
  seq: number;
  action: string;
  fromState: string;
  toState: string;
  on: string;
  note: string | null;
  noticeUrl: string | null;
  improvementDirector: string | null;
  intensiveSupport: string | null;
  summary: string | null;
  escalationKind: string | null;
  recordedBy: ActorRow;
  recordedAt: Date;
}

export interface ActionRow {
  id: string;
  episodeId: string;
  description: string;
  owner: string;
  dueOn: string;
  status: ImprovementActionStatus;
  updatedAt: Date;
}

/** An episode with its steps (oldest first) and improvement actions (by due date). */
export interface EpisodeRecord {
  episode: EpisodeRow;
  events: EventRow[];
  actions: ActionRow[];
}

const EPISODE_COLUMNS = `e.id, e.ccg_code AS "ccgCode", e.state, e.proposed_on AS "proposedOn", e.assurance_category AS "assuranceCategory", e.triggers,
  e.lock_version AS "lockVersion", e.illustrative, e.illustrative_note AS "illustrativeNote"`;

// ---- reading -------------------------------------------------------------------------------------

export async function getEpisodeRow(manager: EntityManager, id: string): Promise<EpisodeRow> {
  const [row] = await manager.query(`SELECT ${EPISODE_COLUMNS} FROM special_measures_episode e WHERE e.id = $1`, [id]);
  if (!row) throw new AppError('NOT_FOUND', 'SPECIAL_MEASURES_NOT_FOUND', 'There is no special measures episode with that id.', { episodeId: id });
  return row;
}

/** Episodes with their steps and actions, in the order of `ids`: three statements however many. */
export async function loadEpisodeRecords(manager: EntityManager, ids: readonly string[]): Promise<EpisodeRecord[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const episodes: EpisodeRow[] = await manager.query(`SELECT ${EPISODE_COLUMNS} FROM special_measures_episode e WHERE e.id = ANY($1::uuid[])`, [list]);
  const events: EventRow[] = await manager.query(
    `SELECT v.episode_id AS "episodeId", v.seq, v.action, v.from_state AS "fromState", v.to_state AS "toState", v.on_date AS "on", v.note,
            v.notice_url AS "noticeUrl", v.improvement_director AS "improvementDirector", v.intensive_support AS "intensiveSupport", v.summary,
            v.escalation_kind AS "escalationKind", ${actor('vu')} AS "recordedBy", v.recorded_at AS "recordedAt"
       FROM special_measures_event v LEFT JOIN app_user vu ON vu.id = v.recorded_by
      WHERE v.episode_id = ANY($1::uuid[]) ORDER BY v.episode_id, v.seq`,
    [list],
  );
  const actions: ActionRow[] = await manager.query(
    `SELECT id, episode_id AS "episodeId", description, owner, due_on AS "dueOn", status, updated_at AS "updatedAt"
       FROM improvement_action WHERE episode_id = ANY($1::uuid[]) ORDER BY due_on, created_at, id`,
    [list],
  );
  const byId = new Map(episodes.map((row) => [row.id, row]));
  return list.flatMap((id) => {
    const episode = byId.get(id);
    return episode ? [{ episode, events: events.filter((row) => row.episodeId === id), actions: actions.filter((row) => row.episodeId === id) }] : [];
  });
}

/** Ids of the episodes of the given CCGs (all CCGs when null), newest first. */
export async function listEpisodeIds(manager: EntityManager, ccgCodes: readonly string[] | null): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM special_measures_episode WHERE ($1::varchar[] IS NULL OR ccg_code = ANY($1::varchar[])) ORDER BY proposed_on DESC, created_at DESC`,
    [ccgCodes ? [...ccgCodes] : null],
  );
  return rows.map((row) => row.id);
}

export async function openEpisodeId(manager: EntityManager, ccgCode: string): Promise<string | null> {
  const [row] = await manager.query(`SELECT id FROM special_measures_episode WHERE ccg_code = $1 AND state NOT IN ('EXITED', 'ESCALATED')`, [ccgCode]);
  return row?.id ?? null;
}

export async function getActionRow(manager: EntityManager, id: string): Promise<ActionRow> {
  const [row] = await manager.query(`SELECT id, episode_id AS "episodeId", description, owner, due_on AS "dueOn", status, updated_at AS "updatedAt" FROM improvement_action WHERE id = $1`, [id]);
  if (!row) throw new AppError('NOT_FOUND', 'IMPROVEMENT_ACTION_NOT_FOUND', 'There is no improvement action with that id.', { actionId: id });
  return row;
}

export interface BuddyRow {
  ccgCode: string;
  buddyCode: string;
  assignedOn: string;
}

export async function buddyOf(manager: EntityManager, ccgCode: string): Promise<BuddyRow | null> {
  const [row] = await manager.query(`SELECT ccg_code AS "ccgCode", buddy_ccg_code AS "buddyCode", assigned_on AS "assignedOn" FROM assurance_buddy WHERE ccg_code = $1`, [ccgCode]);
  return row ?? null;
}

// ---- writing (inside the caller's transaction) -----------------------------------------------------

export async function insertEpisode(
  manager: EntityManager,
  row: { ccgCode: string; proposedOn: string; assuranceCategory: string; triggers: readonly string[]; actorId: string | null; illustrativeNote?: string | null },
): Promise<string> {
  const [inserted] = await manager.query(
    `INSERT INTO special_measures_episode (ccg_code, state, proposed_on, assurance_category, triggers, created_by, illustrative, illustrative_note)
     VALUES ($1, 'PROPOSED', $2, $3, $4::varchar[], $5, $6, $7) RETURNING id`,
    [row.ccgCode, row.proposedOn, row.assuranceCategory, [...row.triggers], row.actorId, Boolean(row.illustrativeNote), row.illustrativeNote ?? null],
  );
  return inserted.id;
}

/** Moves the episode's edit version on from `expectedVersion` (checked in the WHERE); false when stale. */
export async function advanceEpisode(manager: EntityManager, id: string, expectedVersion: number): Promise<boolean> {
  const { affected } = await execute(manager, `UPDATE special_measures_episode SET lock_version = lock_version + 1, updated_at = now() WHERE id = $1 AND lock_version = $2`, [
    id,
    expectedVersion,
  ]);
  return affected === 1;
}

/** The derived columns, from the domain's episode after a step. */
export async function setEpisodeState(
  manager: EntityManager,
  id: string,
  state: { state: string; enteredOn: string | null; improvementDirector: string | null; escalationKind: string | null; closedOn: string | null },
): Promise<void> {
  await manager.query(
    `UPDATE special_measures_episode SET state = $2, entered_on = $3, improvement_director = $4, escalation_kind = $5, closed_on = $6 WHERE id = $1`,
    [id, state.state, state.enteredOn, state.improvementDirector, state.escalationKind, state.closedOn],
  );
}

export async function insertEvent(manager: EntityManager, event: Omit<EventRow, 'recordedBy' | 'recordedAt'> & { actorId: string | null; at?: Date | null }): Promise<void> {
  await manager.query(
    `INSERT INTO special_measures_event (episode_id, seq, action, from_state, to_state, on_date, note, notice_url, improvement_director, intensive_support, summary,
                                         escalation_kind, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, COALESCE($14::timestamptz, now()))`,
    [
      event.episodeId,
      event.seq,
      event.action,
      event.fromState,
      event.toState,
      event.on,
      event.note,
      event.noticeUrl,
      event.improvementDirector,
      event.intensiveSupport,
      event.summary,
      event.escalationKind,
      event.actorId,
      event.at ?? null,
    ],
  );
}

export async function insertAction(manager: EntityManager, action: { episodeId: string; description: string; owner: string; dueOn: string; status?: ImprovementActionStatus; actorId: string | null }): Promise<string> {
  const [row] = await manager.query(
    `INSERT INTO improvement_action (episode_id, description, owner, due_on, status, created_by) VALUES ($1, $2, $3, $4, COALESCE($5, 'NOT_STARTED'), $6) RETURNING id`,
    [action.episodeId, action.description, action.owner, action.dueOn, action.status ?? null, action.actorId],
  );
  return row.id;
}

export async function updateAction(manager: EntityManager, id: string, change: { description: string; owner: string; dueOn: string; status: ImprovementActionStatus }): Promise<void> {
  await manager.query(`UPDATE improvement_action SET description = $2, owner = $3, due_on = $4, status = $5, updated_at = now() WHERE id = $1`, [
    id,
    change.description,
    change.owner,
    change.dueOn,
    change.status,
  ]);
}

/** Sets or (with null) ends the CCG's buddy; returns the pairing it replaced. */
export async function setBuddy(manager: EntityManager, ccgCode: string, buddy: { buddyCode: string; assignedOn: string; actorId: string | null } | null): Promise<BuddyRow | null> {
  const before = await buddyOf(manager, ccgCode);
  if (buddy === null) {
    await manager.query(`DELETE FROM assurance_buddy WHERE ccg_code = $1`, [ccgCode]);
  } else {
    await manager.query(
      `INSERT INTO assurance_buddy (ccg_code, buddy_ccg_code, assigned_on, assigned_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (ccg_code) DO UPDATE SET buddy_ccg_code = EXCLUDED.buddy_ccg_code, assigned_on = EXCLUDED.assigned_on, assigned_by = EXCLUDED.assigned_by`,
      [ccgCode, buddy.buddyCode, buddy.assignedOn, buddy.actorId],
    );
  }
  return before;
}
