import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { AppError } from '../server/app-error';
import { FinancialPlanFlexEntity } from './financial-plan-flex.entity';
import { FinancialPlanForecastEntity } from './financial-plan-forecast.entity';
import { FinancialPlanLineEntity } from './financial-plan-line.entity';
import { FinancialPlanStatus } from './finance-enums';
import { FinancialPlanVersionEntity } from './financial-plan-version.entity';
import { FinancialPlanEntity } from './financial-plan.entity';
import { advancePlanLockVersion, supersedePlanFlex } from './financial-plans.queries';

// Loading and saving financial plans through their entities (decision 0009); the guarded writes are typed
// statements (financial-plans.queries.ts). Money and percentages stay the numeric's exact text (read with
// Money.parse / Percentage.parse, never parseFloat), dates ISO text, times Date.

/** A version with its lines, in the order entered. */
export type PlanVersionRecord = FinancialPlanVersionEntity & { lines: FinancialPlanLineEntity[] };

/** A plan with everything stored about it: versions newest first, flexes newest first, forecasts by month. */
export interface PlanRecord {
  plan: FinancialPlanEntity;
  versions: PlanVersionRecord[];
  flexes: FinancialPlanFlexEntity[];
  forecasts: FinancialPlanForecastEntity[];
}

/** The figures of a version, as written. */
export type VersionContent = Pick<FinancialPlanVersionEntity, 'allocation' | 'priorYearRunningCosts' | 'betterCareFundMinimum'> & {
  lines: Pick<FinancialPlanLineEntity, 'category' | 'amount'>[];
};

/** When a change happened: the database's now(), or a given instant (the illustrative plans' invented history). */
const timeOf = (at: Date | null | undefined) => at ?? (() => 'now()');

/** Joins who did something: their names only, never the rest of the user row. */
function withActor<T extends object>(query: SelectQueryBuilder<T>, relation: string, alias: string): SelectQueryBuilder<T> {
  return query.leftJoin(relation, alias).addSelect([`${alias}.id`, `${alias}.username`, `${alias}.displayName`]);
}

// ---- reading -------------------------------------------------------------------------------------

export async function findPlanId(manager: EntityManager, ccgCode: string, financialYear: string): Promise<string | null> {
  const plan = await manager.getRepository(FinancialPlanEntity).findOne({ select: { id: true }, where: { ccgCode, financialYear } });
  return plan?.id ?? null;
}

/** The ids of the CCG's plans, newest financial year first. */
export async function planIdsOfCcg(manager: EntityManager, ccgCode: string): Promise<string[]> {
  const plans = await manager.getRepository(FinancialPlanEntity).find({ select: { id: true }, where: { ccgCode }, order: { financialYear: 'DESC' } });
  return plans.map((plan) => plan.id);
}

/** The plan's own row, or NOT_FOUND. With `forUpdate` (inside a transaction), locks it until the transaction ends. */
export async function getPlan(manager: EntityManager, planId: string, options: { forUpdate?: boolean } = {}): Promise<FinancialPlanEntity> {
  const query = manager.getRepository(FinancialPlanEntity).createQueryBuilder('p').where('p.id = :planId', { planId });
  if (options.forUpdate) query.setLock('pessimistic_write');
  const plan = await query.getOne();
  if (!plan) throw new AppError('NOT_FOUND', 'FINANCIAL_PLAN_NOT_FOUND', 'There is no financial plan with that id.', { planId, fields: ['planId'] });
  return plan;
}

/** Plans with all their versions, lines, flexes and forecasts, in the order of `planIds`: five statements, however many plans. */
export async function loadPlanRecords(manager: EntityManager, planIds: readonly string[]): Promise<PlanRecord[]> {
  if (planIds.length === 0) return [];
  const ids = [...planIds];
  const plans = await manager.getRepository(FinancialPlanEntity).findBy({ id: In(ids) });
  let versions = manager.getRepository(FinancialPlanVersionEntity).createQueryBuilder('v');
  versions = withActor(versions, 'v.createdByUser', 'cu');
  versions = withActor(versions, 'v.updatedByUser', 'uu');
  versions = withActor(versions, 'v.submittedByUser', 'su');
  versions = withActor(versions, 'v.decidedByUser', 'du');
  const versionRows = await versions.where('v.planId IN (:...ids)', { ids }).orderBy('v.planId').addOrderBy('v.number', 'DESC').getMany();
  const lines = await manager
    .getRepository(FinancialPlanLineEntity)
    .find({ where: { planId: In(ids) }, order: { planId: 'ASC', versionNumber: 'ASC', lineNumber: 'ASC' } });
  const flexes = await withActor(manager.getRepository(FinancialPlanFlexEntity).createQueryBuilder('f'), 'f.approvedByUser', 'au')
    .where('f.planId IN (:...ids)', { ids })
    .orderBy('f.planId')
    .addOrderBy('f.recordedAt', 'DESC')
    .addOrderBy('f.id')
    .getMany();
  const forecasts = await withActor(manager.getRepository(FinancialPlanForecastEntity).createQueryBuilder('m'), 'm.recordedByUser', 'ru')
    .where('m.planId IN (:...ids)', { ids })
    .orderBy('m.planId')
    .addOrderBy('m.month')
    .getMany();
  const byId = new Map(plans.map((plan) => [plan.id, plan]));
  return ids.flatMap((id) => {
    const plan = byId.get(id);
    if (!plan) return [];
    return [
      {
        plan,
        versions: versionRows
          .filter((version) => version.planId === id)
          .map((version) => Object.assign(version, { lines: lines.filter((line) => line.planId === id && line.versionNumber === version.number) })),
        flexes: flexes.filter((flex) => flex.planId === id),
        forecasts: forecasts.filter((forecast) => forecast.planId === id),
      },
    ];
  });
}

export interface PlanListFilter {
  /** Restricts to these CCGs (a finance officer's own); null for every CCG. */
  ccgCodes: string[] | null;
  region?: string | null;
  status?: FinancialPlanStatus | null;
  compliant?: boolean | null;
  financialWarning?: boolean | null;
  /** As stored: '2015/16'. */
  financialYear?: string | null;
  search?: string | null;
}

/** A page of plan ids ordered by CCG code then year, after the cursor (exclusive), and how many match in all (null unless `withTotalCount`). */
export async function listPlanIds(
  manager: EntityManager,
  filter: PlanListFilter,
  size: number,
  after: { ccgCode: string; financialYear: string } | null,
  withTotalCount = true,
): Promise<{ ids: string[]; hasNextPage: boolean; totalCount: number | null }> {
  const query = manager
    .getRepository(FinancialPlanEntity)
    .createQueryBuilder('p')
    .select('p.id')
    .innerJoin(FinancialPlanVersionEntity, 'v', 'v.planId = p.id AND v.number = p.currentVersion');
  if (filter.ccgCodes) query.andWhere('p.ccg_code = ANY(:ccgCodes)', { ccgCodes: filter.ccgCodes });
  if (filter.status) query.andWhere('v.status = :status', { status: filter.status });
  if (filter.compliant != null) query.andWhere('v.compliant = :compliant', { compliant: filter.compliant });
  if (filter.financialWarning != null) query.andWhere('p.financialWarning = :financialWarning', { financialWarning: filter.financialWarning });
  if (filter.financialYear) query.andWhere('p.financialYear = :financialYear', { financialYear: filter.financialYear });
  if (filter.search?.trim()) {
    const pattern = `%${filter.search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query.innerJoin(OrganisationEntity, 'o', 'o.code = p.ccgCode').andWhere('(lower(o.name) LIKE :pattern OR lower(o.code) LIKE :pattern)', { pattern });
  }
  if (filter.region) {
    // As organisations are filtered: directly in the region, or in one of its area teams (any year).
    query.andWhere(
      `EXISTS (SELECT 1 FROM organisation_relationship r WHERE r.organisation_code = p.ccg_code AND (
        (r.kind = 'IN_REGION' AND r.related_code = :region) OR
        (r.kind = 'IN_AREA_TEAM' AND EXISTS (SELECT 1 FROM organisation_relationship a WHERE a.organisation_code = r.related_code AND a.kind = 'IN_REGION' AND a.related_code = :region))))`,
      { region: filter.region },
    );
  }
  // Counted only when the client selects totalCount (issue 19 point 6).
  const totalCount = withTotalCount ? await query.getCount() : null;
  if (after) query.andWhere('(p.ccg_code, p.financial_year) > (:afterCcg, :afterYear)', { afterCcg: after.ccgCode, afterYear: after.financialYear });
  const rows = await query.orderBy('p.ccgCode').addOrderBy('p.financialYear').limit(size + 1).getMany();
  return { ids: rows.slice(0, size).map((row) => row.id), hasNextPage: rows.length > size, totalCount };
}

/** Whether any illustrative (demo) plan exists. */
export async function hasIllustrativePlans(manager: EntityManager): Promise<boolean> {
  return manager.getRepository(FinancialPlanEntity).exists({ where: { illustrative: true } });
}

// ---- writing (inside the caller's transaction) -----------------------------------------------------

/** Inserts a plan pointing at its version 1 (inserted next, in the same transaction); null when the CCG already has a plan for the year. */
export async function insertPlan(
  manager: EntityManager,
  plan: { ccgCode: string; financialYear: string; illustrativeNote?: string | null; at?: Date | null },
): Promise<string | null> {
  const at = plan.at ?? undefined;
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(FinancialPlanEntity)
    .values({ ccgCode: plan.ccgCode, financialYear: plan.financialYear, currentVersion: 1, illustrative: Boolean(plan.illustrativeNote), illustrativeNote: plan.illustrativeNote ?? null, createdAt: at, updatedAt: at })
    .orIgnore()
    .returning(['id'])
    .updateEntity(false)
    .execute();
  const [row] = result.raw as { id: string }[];
  return row?.id ?? null;
}

/**
 * Moves the plan's edit version on by one, but only from `expectedVersion` (the typed statement's WHERE): of
 * two changes made from the same reading exactly one succeeds. False when the plan has moved on (a stale reading).
 */
export async function advanceLockVersion(manager: EntityManager, planId: string, expectedVersion: number, changes: { currentVersion?: number } = {}): Promise<boolean> {
  return (await advancePlanLockVersion.run(manager, [planId, expectedVersion, changes.currentVersion ?? null])) === 1;
}

export async function touchPlan(manager: EntityManager, planId: string, changes: { financialWarning?: boolean; thresholdPercent?: string; at?: Date | null } = {}): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(FinancialPlanEntity)
    .set({
      ...(changes.financialWarning === undefined ? {} : { financialWarning: changes.financialWarning }),
      ...(changes.thresholdPercent === undefined ? {} : { forecastWarningThresholdPercent: changes.thresholdPercent }),
      updatedAt: timeOf(changes.at),
    })
    .where({ id: planId })
    .execute();
}

export async function insertVersion(
  manager: EntityManager,
  version: { planId: string; number: number; content: VersionContent; compliant: boolean; actorId: string | null; at?: Date | null },
): Promise<void> {
  const { lines, ...figures } = version.content;
  const at = version.at ?? undefined;
  await manager.getRepository(FinancialPlanVersionEntity).insert({
    planId: version.planId,
    number: version.number,
    status: FinancialPlanStatus.DRAFT,
    ...figures,
    compliant: version.compliant,
    createdBy: version.actorId,
    createdAt: at,
    updatedBy: version.actorId,
    updatedAt: at,
  });
  await insertLines(manager, version.planId, version.number, lines);
}

/** Replaces a draft version's figures and lines; false when the version is not (or no longer) a draft. */
export async function replaceDraftContent(
  manager: EntityManager,
  change: { planId: string; number: number; content: VersionContent; compliant: boolean; actorId: string | null },
): Promise<boolean> {
  const { lines, ...figures } = change.content;
  const result = await manager
    .createQueryBuilder()
    .update(FinancialPlanVersionEntity)
    .set({ ...figures, compliant: change.compliant, updatedBy: change.actorId, updatedAt: timeOf(null) })
    .where({ planId: change.planId, number: change.number, status: FinancialPlanStatus.DRAFT })
    .execute();
  if (result.affected !== 1) return false;
  await manager.getRepository(FinancialPlanLineEntity).delete({ planId: change.planId, versionNumber: change.number });
  await insertLines(manager, change.planId, change.number, lines);
  return true;
}

async function insertLines(manager: EntityManager, planId: string, versionNumber: number, lines: VersionContent['lines']): Promise<void> {
  if (lines.length === 0) return;
  await manager
    .getRepository(FinancialPlanLineEntity)
    .insert(lines.map((line, index) => ({ planId, versionNumber, lineNumber: index + 1, category: line.category, amount: line.amount })));
}

/** Who moved a version and when: a submission records the submitter, a decision (approval, return) the assessor. */
export interface VersionMove {
  planId: string;
  number: number;
  from: FinancialPlanStatus;
  to: FinancialPlanStatus;
  actorId: string | null;
  returnReason?: string | null;
  at?: Date | null;
}

/**
 * Moves a version from one status to the next, recording who and when; false when the version is not in the
 * `from` status (another change got there first). The move itself is the lifecycle's, decided by the caller.
 */
export async function moveVersion(manager: EntityManager, move: VersionMove): Promise<boolean> {
  const at = timeOf(move.at);
  const recorded = move.to === FinancialPlanStatus.SUBMITTED ? { submittedBy: move.actorId, submittedAt: at } : { decidedBy: move.actorId, decidedAt: at };
  const result = await manager
    .createQueryBuilder()
    .update(FinancialPlanVersionEntity)
    .set({ status: move.to, ...recorded, returnReason: move.returnReason ?? null })
    .where({ planId: move.planId, number: move.number, status: move.from })
    .execute();
  return result.affected === 1;
}

export async function setVersionCompliance(manager: EntityManager, planId: string, number: number, compliant: boolean): Promise<void> {
  await manager.createQueryBuilder().update(FinancialPlanVersionEntity).set({ compliant }).where({ planId, number, compliant: !compliant }).execute();
}

/** Marks the flex of the rule in force (if any) superseded; returns it as it was. */
export async function supersedeFlex(manager: EntityManager, planId: string, rule: string) {
  return supersedePlanFlex.first(manager, [planId, rule]);
}

export async function insertFlex(
  manager: EntityManager,
  flex: { planId: string; rule: string; percentage: string; reason: string; approvedBy: string | null; approvedOn: string; at?: Date | null },
): Promise<string> {
  const { at, ...values } = flex;
  const result = await manager.getRepository(FinancialPlanFlexEntity).insert({ ...values, recordedAt: at ?? undefined });
  return (result.identifiers[0] as { id: string }).id;
}

/** Records a month's forecast, replacing one already recorded; returns the amount it replaced, if any. */
export async function upsertForecast(
  manager: EntityManager,
  forecast: { planId: string; month: string; amount: string; actorId: string | null; at?: Date | null },
): Promise<string | null> {
  const forecasts = manager.getRepository(FinancialPlanForecastEntity);
  const previous = await forecasts.findOne({ select: { forecastOutturn: true }, where: { planId: forecast.planId, month: forecast.month } });
  await forecasts
    .createQueryBuilder()
    .insert()
    .values({ planId: forecast.planId, month: forecast.month, forecastOutturn: forecast.amount, recordedBy: forecast.actorId, recordedAt: forecast.at ?? undefined })
    .orUpdate(['forecast_outturn', 'recorded_by', 'recorded_at'], ['plan_id', 'month'])
    .updateEntity(false)
    .execute();
  return previous?.forecastOutturn ?? null;
}
