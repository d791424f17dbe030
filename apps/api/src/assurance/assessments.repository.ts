import type { AssuranceCategory } from '@ccg-assure/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../server/app-error';
import type { AssessmentStatus, AssurancePartner, EvidenceKind } from './assurance-enums';

// Every SQL statement about assessments. Dates come back as ISO text, times as Date.

/** Who did something, as stored: null when the system did (illustrative data). */
export type ActorRow = { username: string; displayName: string } | null;

export interface AssessmentRow {
  id: string;
  ccgCode: string;
  financialYear: string;
  quarter: number;
  periodStart: string;
  framework: string;
  status: AssessmentStatus;
  assessedOn: string;
  proposedCategory: AssuranceCategory | null;
  decidedCategory: AssuranceCategory | null;
  decisionProposedCategory: AssuranceCategory | null;
  rationale: string | null;
  decidedBy: ActorRow;
  decidedAt: Date | null;
  nextAssessmentDue: string | null;
  publishedBy: ActorRow;
  publishedAt: Date | null;
  lockVersion: number;
  illustrative: boolean;
  illustrativeNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RatingRow {
  assessmentId: string;
  domain: string;
  rating: AssuranceCategory;
  narrative: string | null;
  ratedBy: ActorRow;
  ratedAt: Date;
}

export interface EvidenceRow {
  id: string;
  assessmentId: string;
  kind: EvidenceKind;
  partner: AssurancePartner | null;
  domain: string | null;
  reference: string | null;
  url: string | null;
  note: string | null;
  addedBy: ActorRow;
  addedAt: Date;
}

export interface CommentRow {
  id: string;
  assessmentId: string;
  author: { username: string; displayName: string };
  text: string;
  createdAt: Date;
}

/** An assessment with its ratings, evidence and comments. */
export interface AssessmentRecord {
  assessment: AssessmentRow;
  ratings: RatingRow[];
  evidence: EvidenceRow[];
  comments: CommentRow[];
}

export const actor = (alias: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('username', ${alias}.username, 'displayName', ${alias}.display_name) END`;

const ASSESSMENT_COLUMNS = `a.id, a.ccg_code AS "ccgCode", a.financial_year AS "financialYear", a.quarter, a.period_start AS "periodStart", a.framework,
  a.status, a.assessed_on AS "assessedOn", a.proposed_category AS "proposedCategory", a.decided_category AS "decidedCategory",
  a.decision_proposed_category AS "decisionProposedCategory", a.rationale, ${actor('du')} AS "decidedBy", a.decided_at AS "decidedAt",
  a.next_assessment_due AS "nextAssessmentDue", ${actor('pu')} AS "publishedBy", a.published_at AS "publishedAt", a.lock_version AS "lockVersion",
  a.illustrative, a.illustrative_note AS "illustrativeNote", a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;
const ASSESSMENT_FROM = `assurance_assessment a LEFT JOIN app_user du ON du.id = a.decided_by LEFT JOIN app_user pu ON pu.id = a.published_by`;

/** Runs a statement and gives its rows and how many rows it changed (inside the caller's transaction). */
export async function execute<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<{ rows: T[]; affected: number }> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('assurance changes run inside a transaction');
  const result = await runner.query(sql, params, true);
  return { rows: (result.records ?? []) as T[], affected: result.affected ?? 0 };
}

// ---- reading -------------------------------------------------------------------------------------

/** Ids are UUIDs: anything else names nothing (and must not reach PostgreSQL's uuid parser as an error). */
export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** The assessment's own row, or NOT_FOUND. With `forUpdate`, locks it until the transaction ends. */
export async function getAssessmentRow(manager: EntityManager, id: string, options: { forUpdate?: boolean } = {}): Promise<AssessmentRow> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND', 'ASSESSMENT_NOT_FOUND', 'There is no assessment with that id.', { assessmentId: id });
  const rows: AssessmentRow[] = await manager.query(`SELECT ${ASSESSMENT_COLUMNS} FROM ${ASSESSMENT_FROM} WHERE a.id = $1${options.forUpdate ? ' FOR UPDATE OF a' : ''}`, [id]);
  if (!rows[0]) throw new AppError('NOT_FOUND', 'ASSESSMENT_NOT_FOUND', 'There is no assessment with that id.', { assessmentId: id });
  return rows[0];
}

/** Assessments with their ratings, evidence and comments, in the order of `ids`: four statements however many. */
export async function loadAssessmentRecords(manager: EntityManager, ids: readonly string[]): Promise<AssessmentRecord[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const assessments: AssessmentRow[] = await manager.query(`SELECT ${ASSESSMENT_COLUMNS} FROM ${ASSESSMENT_FROM} WHERE a.id = ANY($1::uuid[])`, [list]);
  const ratings: RatingRow[] = await manager.query(
    `SELECT r.assessment_id AS "assessmentId", r.domain, r.rating, r.narrative, ${actor('ru')} AS "ratedBy", r.rated_at AS "ratedAt"
       FROM assurance_rating r LEFT JOIN app_user ru ON ru.id = r.rated_by WHERE r.assessment_id = ANY($1::uuid[])`,
    [list],
  );
  const evidence: EvidenceRow[] = await manager.query(
    `SELECT e.id, e.assessment_id AS "assessmentId", e.kind, e.partner, e.domain, e.reference, e.url, e.note, ${actor('eu')} AS "addedBy", e.added_at AS "addedAt"
       FROM assurance_evidence e LEFT JOIN app_user eu ON eu.id = e.added_by WHERE e.assessment_id = ANY($1::uuid[]) ORDER BY e.added_at, e.id`,
    [list],
  );
  const comments: CommentRow[] = await manager.query(
    `SELECT c.id, c.assessment_id AS "assessmentId", json_build_object('username', cu.username, 'displayName', cu.display_name) AS author, c.text, c.created_at AS "createdAt"
       FROM assurance_comment c JOIN app_user cu ON cu.id = c.author_id WHERE c.assessment_id = ANY($1::uuid[]) ORDER BY c.created_at, c.id`,
    [list],
  );
  const byId = new Map(assessments.map((row) => [row.id, row]));
  return list.flatMap((id) => {
    const assessment = byId.get(id);
    if (!assessment) return [];
    return [
      {
        assessment,
        ratings: ratings.filter((row) => row.assessmentId === id),
        evidence: evidence.filter((row) => row.assessmentId === id),
        comments: comments.filter((row) => row.assessmentId === id),
      },
    ];
  });
}

/** Ids of a CCG's assessments (or only the published ones), newest quarter first. */
export async function listAssessmentIds(manager: EntityManager, filter: { ccgCode?: string; publishedOnly: boolean; financialYear?: string }): Promise<string[]> {
  const where = [filter.publishedOnly ? `status = 'PUBLISHED'` : 'true'];
  const params: unknown[] = [];
  if (filter.ccgCode) {
    params.push(filter.ccgCode);
    where.push(`ccg_code = $${params.length}`);
  }
  if (filter.financialYear) {
    params.push(filter.financialYear);
    where.push(`financial_year = $${params.length}`);
  }
  const rows: { id: string }[] = await manager.query(`SELECT id FROM assurance_assessment WHERE ${where.join(' AND ')} ORDER BY period_start DESC, ccg_code`, params);
  return rows.map((row) => row.id);
}

/** The latest published assessment of the CCG (by quarter), if any. */
export async function latestPublished(manager: EntityManager, ccgCode: string): Promise<AssessmentRow | null> {
  const rows: AssessmentRow[] = await manager.query(
    `SELECT ${ASSESSMENT_COLUMNS} FROM ${ASSESSMENT_FROM} WHERE a.ccg_code = $1 AND a.status = 'PUBLISHED' ORDER BY a.period_start DESC LIMIT 1`,
    [ccgCode],
  );
  return rows[0] ?? null;
}

/** Every CCG with its latest published assessment, newest draft and open special measures episode: one statement. */
export interface WorkspaceRow {
  ccgCode: string;
  ccgName: string;
  latestAssessmentId: string | null;
  decidedCategory: AssuranceCategory | null;
  assessedOn: string | null;
  financialYear: string | null;
  quarter: number | null;
  nextAssessmentDue: string | null;
  assessmentIllustrative: boolean | null;
  draftAssessmentId: string | null;
  episodeState: string | null;
  episodeEnteredOn: string | null;
  episodeClosedOn: string | null;
  episodeIllustrative: boolean | null;
}

export function workspaceRows(manager: EntityManager): Promise<WorkspaceRow[]> {
  return manager.query(
    `SELECT o.code AS "ccgCode", o.name AS "ccgName", lp.id AS "latestAssessmentId", lp.decided_category AS "decidedCategory", lp.assessed_on AS "assessedOn",
            lp.financial_year AS "financialYear", lp.quarter, lp.next_assessment_due AS "nextAssessmentDue", lp.illustrative AS "assessmentIllustrative",
            d.id AS "draftAssessmentId", e.state AS "episodeState", e.entered_on AS "episodeEnteredOn", e.closed_on AS "episodeClosedOn", e.illustrative AS "episodeIllustrative"
       FROM organisation o
       LEFT JOIN LATERAL (SELECT a.* FROM assurance_assessment a WHERE a.ccg_code = o.code AND a.status = 'PUBLISHED' ORDER BY a.period_start DESC LIMIT 1) lp ON true
       LEFT JOIN LATERAL (SELECT a.id FROM assurance_assessment a WHERE a.ccg_code = o.code AND a.status = 'DRAFT' ORDER BY a.period_start DESC LIMIT 1) d ON true
       LEFT JOIN special_measures_episode e ON e.ccg_code = o.code AND e.state NOT IN ('EXITED', 'ESCALATED')
      WHERE o.type = 'CCG'`,
  );
}

// ---- writing (inside the caller's transaction) -----------------------------------------------------

/** Inserts a draft; null when the CCG already has an assessment for the quarter. */
export async function insertAssessment(
  manager: EntityManager,
  row: { ccgCode: string; financialYear: string; quarter: number; periodStart: string; framework: string; assessedOn: string; actorId: string | null; illustrativeNote?: string | null; at?: Date | null },
): Promise<string | null> {
  const { rows } = await execute<{ id: string }>(
    manager,
    `INSERT INTO assurance_assessment (ccg_code, financial_year, quarter, period_start, framework, assessed_on, created_by, illustrative, illustrative_note, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10::timestamptz, now()), COALESCE($10::timestamptz, now()))
     ON CONFLICT ON CONSTRAINT assurance_assessment_quarter_key DO NOTHING RETURNING id`,
    [row.ccgCode, row.financialYear, row.quarter, row.periodStart, row.framework, row.assessedOn, row.actorId, Boolean(row.illustrativeNote), row.illustrativeNote ?? null, row.at ?? null],
  );
  return rows[0]?.id ?? null;
}

export async function findAssessmentId(manager: EntityManager, ccgCode: string, financialYear: string, quarter: number): Promise<string | null> {
  const [row] = await manager.query(`SELECT id FROM assurance_assessment WHERE ccg_code = $1 AND financial_year = $2 AND quarter = $3`, [ccgCode, financialYear, quarter]);
  return row?.id ?? null;
}

/**
 * Moves the draft's edit version on by one, but only from `expectedVersion` and only while a draft: checked
 * in the UPDATE's WHERE, so of two changes made from the same reading exactly one changes a row.
 */
export async function advanceDraft(manager: EntityManager, id: string, expectedVersion: number): Promise<boolean> {
  const { affected } = await execute(
    manager,
    `UPDATE assurance_assessment SET lock_version = lock_version + 1, updated_at = now() WHERE id = $1 AND lock_version = $2 AND status = 'DRAFT'`,
    [id, expectedVersion],
  );
  return affected === 1;
}

export async function upsertRating(
  manager: EntityManager,
  rating: { assessmentId: string; domain: string; rating: AssuranceCategory; narrative: string | null; actorId: string | null; at?: Date | null },
): Promise<void> {
  await manager.query(
    `INSERT INTO assurance_rating (assessment_id, domain, rating, narrative, rated_by, rated_at) VALUES ($1, $2, $3, $4, $5, COALESCE($6::timestamptz, now()))
     ON CONFLICT (assessment_id, domain) DO UPDATE SET rating = EXCLUDED.rating, narrative = EXCLUDED.narrative, rated_by = EXCLUDED.rated_by, rated_at = EXCLUDED.rated_at`,
    [rating.assessmentId, rating.domain, rating.rating, rating.narrative, rating.actorId, rating.at ?? null],
  );
}

/** The derived proposal, and the decision (all null to clear it). */
export async function setProposal(manager: EntityManager, id: string, proposedCategory: AssuranceCategory | null): Promise<void> {
  await manager.query(`UPDATE assurance_assessment SET proposed_category = $2 WHERE id = $1`, [id, proposedCategory]);
}

export async function setDecision(
  manager: EntityManager,
  id: string,
  decision: { decidedCategory: AssuranceCategory; proposedCategory: AssuranceCategory; rationale: string | null; nextAssessmentDue: string; actorId: string | null; at?: Date | null } | null,
): Promise<void> {
  await manager.query(
    `UPDATE assurance_assessment SET decided_category = $2, decision_proposed_category = $3, rationale = $4, next_assessment_due = $5, decided_by = $6,
            decided_at = CASE WHEN $2::varchar IS NULL THEN NULL ELSE COALESCE($7::timestamptz, now()) END
      WHERE id = $1`,
    [id, decision?.decidedCategory ?? null, decision?.proposedCategory ?? null, decision?.rationale ?? null, decision?.nextAssessmentDue ?? null, decision?.actorId ?? null, decision?.at ?? null],
  );
}

export async function publish(manager: EntityManager, id: string, actorId: string | null, at?: Date | null): Promise<void> {
  await manager.query(`UPDATE assurance_assessment SET status = 'PUBLISHED', published_by = $2, published_at = COALESCE($3::timestamptz, now()), updated_at = COALESCE($3::timestamptz, now()) WHERE id = $1`, [
    id,
    actorId,
    at ?? null,
  ]);
}

export async function insertEvidence(
  manager: EntityManager,
  evidence: { assessmentId: string; kind: EvidenceKind; partner: AssurancePartner | null; domain: string | null; reference: string | null; url: string | null; note: string | null; actorId: string | null; at?: Date | null },
): Promise<string> {
  const [row] = await manager.query(
    `INSERT INTO assurance_evidence (assessment_id, kind, partner, domain, reference, url, note, added_by, added_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9::timestamptz, now())) RETURNING id`,
    [evidence.assessmentId, evidence.kind, evidence.partner, evidence.domain, evidence.reference, evidence.url, evidence.note, evidence.actorId, evidence.at ?? null],
  );
  return row.id;
}

/** Deletes one piece of evidence of the assessment; returns it as it was, or null when there is none. */
export async function deleteEvidence(manager: EntityManager, assessmentId: string, evidenceId: string): Promise<Record<string, unknown> | null> {
  const { rows } = await execute<Record<string, unknown>>(
    manager,
    `DELETE FROM assurance_evidence WHERE id = $1 AND assessment_id = $2 RETURNING kind, partner, domain, reference, url, note`,
    [evidenceId, assessmentId],
  );
  return rows[0] ?? null;
}

export async function insertComment(manager: EntityManager, comment: { assessmentId: string; authorId: string; text: string }): Promise<string> {
  const [row] = await manager.query(`INSERT INTO assurance_comment (assessment_id, author_id, text) VALUES ($1, $2, $3) RETURNING id`, [comment.assessmentId, comment.authorId, comment.text]);
  return row.id;
}
