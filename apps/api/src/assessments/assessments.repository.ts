import type { AssuranceCategory } from '@ccg-assure/domain';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AppError } from '../server/app-error';
import { AssessmentCommentEntity } from './assessment-comment.entity';
import { AssessmentEvidenceEntity } from './assessment-evidence.entity';
import { AssessmentRatingEntity } from './assessment-rating.entity';
import { AssessmentEntity } from './assessment.entity';
import { AssessmentStatus, type AssurancePartner, type EvidenceKind } from './assurance-enums';

// Loads and saves of assessments, their ratings, evidence and comments, through their entities (decision 0009).
// Who did something is joined from app_user with only the names a view shows.

/** An assessment with its ratings, evidence and comments (each with the people named on it). */
export interface AssessmentRecord {
  assessment: AssessmentEntity;
  ratings: AssessmentRatingEntity[];
  evidence: AssessmentEvidenceEntity[];
  comments: AssessmentCommentEntity[];
}

/** Joins the user a column names, selecting only what a view shows of them. */
function withUser<T extends object>(query: SelectQueryBuilder<T>, relation: string, alias: string): SelectQueryBuilder<T> {
  return query.leftJoin(relation, alias).addSelect([`${alias}.id`, `${alias}.username`, `${alias}.displayName`]);
}

/** NOT_FOUND ASSESSMENT_NOT_FOUND, naming the input field that held the id. */
const notFound = (id: string, field: string) => new AppError('NOT_FOUND', 'ASSESSMENT_NOT_FOUND', 'There is no assessment with that id.', { assessmentId: id, fields: [field] });

/** Ids are UUIDs: anything else names nothing (and must not reach PostgreSQL's uuid parser as an error). */
export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

// ---- reading -------------------------------------------------------------------------------------

/**
 * The assessment's own row, or NOT_FOUND (naming `options.field`, the input that held the id: assessmentId unless
 * told). With `forUpdate`, locks it until the transaction ends.
 */
export async function getAssessment(manager: EntityManager, id: string, options: { forUpdate?: boolean; field?: string } = {}): Promise<AssessmentEntity> {
  const field = options.field ?? 'assessmentId';
  if (!isUuid(id)) throw notFound(id, field);
  const query = manager.createQueryBuilder(AssessmentEntity, 'a').where('a.id = :id', { id });
  if (options.forUpdate) query.setLock('pessimistic_write');
  const assessment = await query.getOne();
  if (!assessment) throw notFound(id, field);
  return assessment;
}

/** Assessments with their ratings, evidence and comments, in the order of `ids`: four statements however many. */
export async function loadAssessmentRecords(manager: EntityManager, ids: readonly string[]): Promise<AssessmentRecord[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  let assessments = manager.createQueryBuilder(AssessmentEntity, 'a').where('a.id IN (:...ids)', { ids: list });
  assessments = withUser(withUser(assessments, 'a.decidedByUser', 'du'), 'a.publishedByUser', 'pu');
  const ratings = withUser(manager.createQueryBuilder(AssessmentRatingEntity, 'r').where('r.assessmentId IN (:...ids)', { ids: list }), 'r.ratedByUser', 'ru');
  const evidence = withUser(manager.createQueryBuilder(AssessmentEvidenceEntity, 'e').where('e.assessmentId IN (:...ids)', { ids: list }), 'e.addedByUser', 'eu')
    .orderBy('e.addedAt')
    .addOrderBy('e.id');
  const comments = withUser(manager.createQueryBuilder(AssessmentCommentEntity, 'c').where('c.assessmentId IN (:...ids)', { ids: list }), 'c.author', 'cu')
    .orderBy('c.createdAt')
    .addOrderBy('c.id');
  const [assessmentRows, ratingRows, evidenceRows, commentRows] = [await assessments.getMany(), await ratings.getMany(), await evidence.getMany(), await comments.getMany()];
  const byId = new Map(assessmentRows.map((row) => [row.id, row]));
  return list.flatMap((id) => {
    const assessment = byId.get(id);
    if (!assessment) return [];
    return [
      {
        assessment,
        ratings: ratingRows.filter((row) => row.assessmentId === id),
        evidence: evidenceRows.filter((row) => row.assessmentId === id),
        comments: commentRows.filter((row) => row.assessmentId === id),
      },
    ];
  });
}

/** Ids of assessments (of one CCG, of one year, only the published ones), newest quarter first. */
export async function listAssessmentIds(manager: EntityManager, filter: { ccgCode?: string; publishedOnly: boolean; financialYear?: string }): Promise<string[]> {
  const query = manager.createQueryBuilder(AssessmentEntity, 'a').select('a.id');
  if (filter.publishedOnly) query.andWhere('a.status = :published', { published: AssessmentStatus.PUBLISHED });
  if (filter.ccgCode) query.andWhere('a.ccgCode = :ccgCode', { ccgCode: filter.ccgCode });
  if (filter.financialYear) query.andWhere('a.financialYear = :financialYear', { financialYear: filter.financialYear });
  const rows = await query.orderBy('a.periodStart', 'DESC').addOrderBy('a.ccgCode').getMany();
  return rows.map((row) => row.id);
}

/** The latest published assessment of the CCG (by quarter), if any. */
export function latestPublished(manager: EntityManager, ccgCode: string): Promise<AssessmentEntity | null> {
  return manager.findOne(AssessmentEntity, { where: { ccgCode, status: AssessmentStatus.PUBLISHED }, order: { periodStart: 'DESC' } });
}

export async function findAssessmentId(manager: EntityManager, ccgCode: string, financialYear: string, quarter: number): Promise<string | null> {
  const row = await manager.findOne(AssessmentEntity, { select: { id: true }, where: { ccgCode, financialYear, quarter } });
  return row?.id ?? null;
}

// ---- writing (inside the caller's transaction) -----------------------------------------------------

/** `at` is when it happened (illustrative data only); the database's now() otherwise. */
const timeOr = (at: Date | null | undefined) => at ?? (() => 'now()');

/** Inserts a draft; null when the CCG already has an assessment for the quarter. */
export async function insertAssessment(
  manager: EntityManager,
  row: { ccgCode: string; financialYear: string; quarter: number; periodStart: string; framework: string; assessedOn: string; actorId: string | null; illustrativeNote?: string | null; at?: Date | null },
): Promise<string | null> {
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(AssessmentEntity)
    .values({
      ccgCode: row.ccgCode,
      financialYear: row.financialYear,
      quarter: row.quarter,
      periodStart: row.periodStart,
      framework: row.framework,
      assessedOn: row.assessedOn,
      createdBy: row.actorId,
      illustrative: Boolean(row.illustrativeNote),
      illustrativeNote: row.illustrativeNote ?? null,
      createdAt: timeOr(row.at),
      updatedAt: timeOr(row.at),
    })
    // The quarter key (ccg_code, financial_year, quarter) is the only constraint an insert can meet.
    .orIgnore()
    .returning('id')
    .execute();
  const [inserted] = result.raw as { id: string }[];
  return inserted?.id ?? null;
}

/** Moves the edit version on by one from `expectedVersion` (checked again in the WHERE); false when stale. */
export async function advanceVersion(manager: EntityManager, id: string, expectedVersion: number): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(AssessmentEntity)
    .set({ lockVersion: () => 'lock_version + 1', updatedAt: () => 'now()' })
    .where('id = :id AND lock_version = :expectedVersion', { id, expectedVersion })
    .execute();
  return result.affected === 1;
}

/** Sets a domain's rating, or replaces it. */
export async function upsertRating(
  manager: EntityManager,
  rating: { assessmentId: string; domain: string; rating: AssuranceCategory; narrative: string | null; actorId: string | null; at?: Date | null },
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(AssessmentRatingEntity)
    .values({ assessmentId: rating.assessmentId, domain: rating.domain, rating: rating.rating, narrative: rating.narrative, ratedBy: rating.actorId, ratedAt: timeOr(rating.at) })
    .orUpdate(['rating', 'narrative', 'rated_by', 'rated_at'], ['assessment_id', 'domain'])
    .execute();
}

/** The derived proposal. */
export async function setProposal(manager: EntityManager, id: string, proposedCategory: AssuranceCategory | null): Promise<void> {
  await manager.update(AssessmentEntity, { id }, { proposedCategory });
}

/** The decision, or (with null) no decision. */
export async function setDecision(
  manager: EntityManager,
  id: string,
  decision: { decidedCategory: AssuranceCategory; proposedCategory: AssuranceCategory; rationale: string | null; nextAssessmentDue: string; actorId: string | null; at?: Date | null } | null,
): Promise<void> {
  await manager.update(
    AssessmentEntity,
    { id },
    {
      decidedCategory: decision?.decidedCategory ?? null,
      decisionProposedCategory: decision?.proposedCategory ?? null,
      rationale: decision?.rationale ?? null,
      nextAssessmentDue: decision?.nextAssessmentDue ?? null,
      decidedBy: decision?.actorId ?? null,
      decidedAt: decision ? timeOr(decision.at) : null,
    },
  );
}

export async function publish(manager: EntityManager, id: string, actorId: string | null, at?: Date | null): Promise<void> {
  await manager.update(AssessmentEntity, { id }, { status: AssessmentStatus.PUBLISHED, publishedBy: actorId, publishedAt: timeOr(at), updatedAt: timeOr(at) });
}

export async function insertEvidence(
  manager: EntityManager,
  evidence: { assessmentId: string; kind: EvidenceKind; partner: AssurancePartner | null; domain: string | null; reference: string | null; url: string | null; note: string | null; actorId: string | null; at?: Date | null },
): Promise<string> {
  const { actorId, at, ...fields } = evidence;
  const result = await manager.createQueryBuilder().insert().into(AssessmentEvidenceEntity).values({ ...fields, addedBy: actorId, addedAt: timeOr(at) }).returning('id').execute();
  return (result.raw as { id: string }[])[0].id;
}

/** Deletes one piece of evidence of the assessment; returns it as it was, or null when there is none. */
export async function deleteEvidence(manager: EntityManager, assessmentId: string, evidenceId: string): Promise<AssessmentEvidenceEntity | null> {
  if (!isUuid(evidenceId)) return null;
  const evidence = await manager.findOneBy(AssessmentEvidenceEntity, { id: evidenceId, assessmentId });
  if (!evidence) return null;
  await manager.delete(AssessmentEvidenceEntity, { id: evidenceId });
  return evidence;
}

export async function insertComment(manager: EntityManager, comment: { assessmentId: string; authorId: string; text: string }): Promise<string> {
  const result = await manager.createQueryBuilder().insert().into(AssessmentCommentEntity).values(comment).returning('id').execute();
  return (result.raw as { id: string }[])[0].id;
}
