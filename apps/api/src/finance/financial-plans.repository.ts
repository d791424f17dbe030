import type { EntityManager } from 'typeorm';
import { AppError } from '../server/app-error';
import type { FinancialPlanStatus } from './financial-plan-status';

// Every SQL statement about financial plans. Rows come back as PostgreSQL gives them: money as the
// numeric's text (read with Money.parse, never parseFloat), dates as ISO text, times as Date.

/** Who did something, as stored: null when the system did (the illustrative demo plans). */
export type ActorRow = { username: string; displayName: string } | null;

export interface PlanRow {
  id: string;
  ccgCode: string;
  financialYear: string;
  currentVersion: number;
  lockVersion: number;
  forecastWarningThresholdPercent: string;
  financialWarning: boolean;
  illustrative: boolean;
  illustrativeNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionRow {
  planId: string;
  number: number;
  status: FinancialPlanStatus;
  allocation: string;
  priorYearRunningCosts: string | null;
  betterCareFundMinimum: string | null;
  compliant: boolean;
  createdBy: ActorRow;
  createdAt: Date;
  updatedBy: ActorRow;
  updatedAt: Date;
  submittedBy: ActorRow;
  submittedAt: Date | null;
  decidedBy: ActorRow;
  decidedAt: Date | null;
  returnReason: string | null;
  lines: LineRow[];
}

export interface LineRow {
  category: string;
  amount: string;
}

export interface FlexRow {
  id: string;
  planId: string;
  rule: string;
  percentage: string;
  reason: string;
  approvedBy: ActorRow;
  approvedOn: string;
  recordedAt: Date;
  supersededAt: Date | null;
}

export interface ForecastRow {
  planId: string;
  /** The first day of the month, ISO: "2015-06-01". */
  month: string;
  forecastOutturn: string;
  recordedBy: ActorRow;
  recordedAt: Date;
}

/** A plan with everything stored about it: versions newest first (each with its lines), flexes newest first, forecasts by month. */
export interface PlanRecord {
  plan: PlanRow;
  versions: VersionRow[];
  flexes: FlexRow[];
  forecasts: ForecastRow[];
}

/** The figures of a version, as written. */
export interface VersionContent {
  allocation: string;
  priorYearRunningCosts: string | null;
  betterCareFundMinimum: string | null;
  lines: LineRow[];
}

const actor = (alias: string) => `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('username', ${alias}.username, 'displayName', ${alias}.display_name) END`;

const PLAN_COLUMNS = `p.id, p.ccg_code AS "ccgCode", p.financial_year AS "financialYear", p.current_version AS "currentVersion",
  p.lock_version AS "lockVersion", p.forecast_warning_threshold_percent::text AS "forecastWarningThresholdPercent",
  p.financial_warning AS "financialWarning", p.illustrative, p.illustrative_note AS "illustrativeNote",
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

/** Runs a statement and gives its rows and how many rows it changed. */
async function execute<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<{ rows: T[]; affected: number }> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('financial plan changes run inside a transaction');
  const result = await runner.query(sql, params, true);
  return { rows: (result.records ?? []) as T[], affected: result.affected ?? 0 };
}

// ---- reading -------------------------------------------------------------------------------------

export async function findPlanId(manager: EntityManager, ccgCode: string, financialYear: string): Promise<string | null> {
  const [row] = await manager.query(`SELECT id FROM financial_plan WHERE ccg_code = $1 AND financial_year = $2`, [ccgCode, financialYear]);
  return row?.id ?? null;
}

/** The ids of the CCG's plans, newest financial year first. */
export async function planIdsOfCcg(manager: EntityManager, ccgCode: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(`SELECT id FROM financial_plan WHERE ccg_code = $1 ORDER BY financial_year DESC`, [ccgCode]);
  return rows.map((row) => row.id);
}

/** The plan's own row, or NOT_FOUND. With `forUpdate`, locks it until the transaction ends. */
export async function getPlanRow(manager: EntityManager, planId: string, options: { forUpdate?: boolean } = {}): Promise<PlanRow> {
  const [row] = await manager.query(`SELECT ${PLAN_COLUMNS} FROM financial_plan p WHERE p.id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [planId]);
  if (!row) throw new AppError('NOT_FOUND', 'FINANCIAL_PLAN_NOT_FOUND', 'There is no financial plan with that id.', { planId });
  return row;
}

/** Plans with all their versions, lines, flexes and forecasts, in the order of `planIds`: five statements, however many plans. */
export async function loadPlanRecords(manager: EntityManager, planIds: readonly string[]): Promise<PlanRecord[]> {
  if (planIds.length === 0) return [];
  const ids = [...planIds];
  const plans: PlanRow[] = await manager.query(`SELECT ${PLAN_COLUMNS} FROM financial_plan p WHERE p.id = ANY($1::uuid[])`, [ids]);
  const versions: Omit<VersionRow, 'lines'>[] = await manager.query(
    `SELECT v.plan_id AS "planId", v.number, v.status, v.allocation::text AS allocation,
            v.prior_year_running_costs::text AS "priorYearRunningCosts", v.better_care_fund_minimum::text AS "betterCareFundMinimum",
            v.compliant, ${actor('cu')} AS "createdBy", v.created_at AS "createdAt", ${actor('uu')} AS "updatedBy", v.updated_at AS "updatedAt",
            ${actor('su')} AS "submittedBy", v.submitted_at AS "submittedAt", ${actor('du')} AS "decidedBy", v.decided_at AS "decidedAt",
            v.return_reason AS "returnReason"
       FROM financial_plan_version v
       LEFT JOIN app_user cu ON cu.id = v.created_by
       LEFT JOIN app_user uu ON uu.id = v.updated_by
       LEFT JOIN app_user su ON su.id = v.submitted_by
       LEFT JOIN app_user du ON du.id = v.decided_by
      WHERE v.plan_id = ANY($1::uuid[])
      ORDER BY v.plan_id, v.number DESC`,
    [ids],
  );
  const lines: (LineRow & { planId: string; versionNumber: number })[] = await manager.query(
    `SELECT plan_id AS "planId", version_number AS "versionNumber", category, amount::text AS amount
       FROM financial_plan_line WHERE plan_id = ANY($1::uuid[]) ORDER BY plan_id, version_number, line_number`,
    [ids],
  );
  const flexes: FlexRow[] = await manager.query(
    `SELECT f.id, f.plan_id AS "planId", f.rule, f.percentage::text AS percentage, f.reason, ${actor('au')} AS "approvedBy",
            f.approved_on AS "approvedOn", f.recorded_at AS "recordedAt", f.superseded_at AS "supersededAt"
       FROM financial_plan_flex f LEFT JOIN app_user au ON au.id = f.approved_by
      WHERE f.plan_id = ANY($1::uuid[]) ORDER BY f.plan_id, f.recorded_at DESC, f.id`,
    [ids],
  );
  const forecasts: ForecastRow[] = await manager.query(
    `SELECT f.plan_id AS "planId", f.month, f.forecast_outturn::text AS "forecastOutturn", ${actor('ru')} AS "recordedBy", f.recorded_at AS "recordedAt"
       FROM financial_plan_forecast f LEFT JOIN app_user ru ON ru.id = f.recorded_by
      WHERE f.plan_id = ANY($1::uuid[]) ORDER BY f.plan_id, f.month`,
    [ids],
  );
  const byId = new Map(plans.map((plan) => [plan.id, plan]));
  return ids.flatMap((id) => {
    const plan = byId.get(id);
    if (!plan) return [];
    return [
      {
        plan,
        versions: versions
          .filter((version) => version.planId === id)
          .map((version) => ({
            ...version,
            lines: lines.filter((line) => line.planId === id && line.versionNumber === version.number).map(({ category, amount }) => ({ category, amount })),
          })),
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
  financialYear?: string | null;
  search?: string | null;
}

/** A page of plan ids ordered by CCG code then year, after the cursor (exclusive), and how many match in all. */
export async function listPlanIds(
  manager: EntityManager,
  filter: PlanListFilter,
  size: number,
  after: { ccgCode: string; financialYear: string } | null,
): Promise<{ ids: string[]; hasNextPage: boolean; totalCount: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.ccgCodes) where.push(`p.ccg_code = ANY(${param(filter.ccgCodes)}::varchar[])`);
  if (filter.status) where.push(`v.status = ${param(filter.status)}`);
  if (filter.compliant != null) where.push(`v.compliant = ${param(filter.compliant)}`);
  if (filter.financialWarning != null) where.push(`p.financial_warning = ${param(filter.financialWarning)}`);
  if (filter.financialYear) where.push(`p.financial_year = ${param(filter.financialYear)}`);
  if (filter.search?.trim()) {
    const pattern = param(`%${filter.search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(lower(o.name) LIKE ${pattern} OR lower(o.code) LIKE ${pattern})`);
  }
  if (filter.region) {
    // As organisations are filtered: directly in the region, or in one of its area teams (any year).
    const region = param(filter.region);
    where.push(`EXISTS (SELECT 1 FROM organisation_relationship r WHERE r.organisation_code = p.ccg_code AND (
      (r.kind = 'IN_REGION' AND r.related_code = ${region}) OR
      (r.kind = 'IN_AREA_TEAM' AND EXISTS (SELECT 1 FROM organisation_relationship a WHERE a.organisation_code = r.related_code AND a.kind = 'IN_REGION' AND a.related_code = ${region}))))`);
  }
  const from = `FROM financial_plan p
    JOIN financial_plan_version v ON v.plan_id = p.id AND v.number = p.current_version
    JOIN organisation o ON o.code = p.ccg_code`;
  const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ n }] = await manager.query(`SELECT count(*)::int AS n ${from} ${filtered}`, params);
  if (after) where.push(`(p.ccg_code, p.financial_year) > (${param(after.ccgCode)}, ${param(after.financialYear)})`);
  const limit = param(size + 1);
  const rows: { id: string }[] = await manager.query(
    `SELECT p.id ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.ccg_code, p.financial_year LIMIT ${limit}`,
    params,
  );
  return { ids: rows.slice(0, size).map((row) => row.id), hasNextPage: rows.length > size, totalCount: n };
}

export async function organisationTypeOf(manager: EntityManager, code: string): Promise<string | null> {
  const [row] = await manager.query(`SELECT type FROM organisation WHERE code = $1`, [code]);
  return row?.type ?? null;
}

// ---- writing (inside the caller's transaction) -----------------------------------------------------

/** Inserts a plan pointing at its version 1 (inserted next, in the same transaction); null when the CCG already has a plan for the year. */
export async function insertPlan(
  manager: EntityManager,
  plan: { ccgCode: string; financialYear: string; illustrativeNote?: string | null; at?: Date | null },
): Promise<string | null> {
  const { rows } = await execute<{ id: string }>(
    manager,
    `INSERT INTO financial_plan (ccg_code, financial_year, current_version, illustrative, illustrative_note, created_at, updated_at)
     VALUES ($1, $2, 1, $3, $4, COALESCE($5::timestamptz, now()), COALESCE($5::timestamptz, now()))
     ON CONFLICT (ccg_code, financial_year) DO NOTHING RETURNING id`,
    [plan.ccgCode, plan.financialYear, Boolean(plan.illustrativeNote), plan.illustrativeNote ?? null, plan.at ?? null],
  );
  return rows[0]?.id ?? null;
}

/**
 * Moves the plan's edit version on by one, but only from `expectedVersion`: the version is checked in
 * the UPDATE's WHERE, so of two edits made from the same reading exactly one changes a row. False when
 * the plan has moved on (a stale reading).
 */
export async function advanceLockVersion(manager: EntityManager, planId: string, expectedVersion: number, changes: { currentVersion?: number } = {}): Promise<boolean> {
  const { affected } = await execute(
    manager,
    `UPDATE financial_plan SET lock_version = lock_version + 1, current_version = COALESCE($3, current_version), updated_at = now()
      WHERE id = $1 AND lock_version = $2`,
    [planId, expectedVersion, changes.currentVersion ?? null],
  );
  return affected === 1;
}

export async function touchPlan(manager: EntityManager, planId: string, changes: { financialWarning?: boolean; thresholdPercent?: string; at?: Date | null } = {}): Promise<void> {
  await manager.query(
    `UPDATE financial_plan SET financial_warning = COALESCE($2, financial_warning),
            forecast_warning_threshold_percent = COALESCE($3::numeric, forecast_warning_threshold_percent), updated_at = COALESCE($4::timestamptz, now())
      WHERE id = $1`,
    [planId, changes.financialWarning ?? null, changes.thresholdPercent ?? null, changes.at ?? null],
  );
}

export async function insertVersion(
  manager: EntityManager,
  version: { planId: string; number: number; content: VersionContent; compliant: boolean; actorId: string | null; at?: Date | null },
): Promise<void> {
  await manager.query(
    `INSERT INTO financial_plan_version (plan_id, number, status, allocation, prior_year_running_costs, better_care_fund_minimum, compliant,
                                         created_by, created_at, updated_by, updated_at)
     VALUES ($1, $2, 'DRAFT', $3, $4, $5, $6, $7, COALESCE($8::timestamptz, now()), $7, COALESCE($8::timestamptz, now()))`,
    [version.planId, version.number, version.content.allocation, version.content.priorYearRunningCosts, version.content.betterCareFundMinimum, version.compliant, version.actorId, version.at ?? null],
  );
  await insertLines(manager, version.planId, version.number, version.content.lines);
}

/** Replaces a draft version's figures and lines; false when the version is not (or no longer) a draft. */
export async function replaceDraftContent(
  manager: EntityManager,
  change: { planId: string; number: number; content: VersionContent; compliant: boolean; actorId: string | null },
): Promise<boolean> {
  const { affected } = await execute(
    manager,
    `UPDATE financial_plan_version SET allocation = $3, prior_year_running_costs = $4, better_care_fund_minimum = $5, compliant = $6,
            updated_by = $7, updated_at = now()
      WHERE plan_id = $1 AND number = $2 AND status = 'DRAFT'`,
    [change.planId, change.number, change.content.allocation, change.content.priorYearRunningCosts, change.content.betterCareFundMinimum, change.compliant, change.actorId],
  );
  if (affected !== 1) return false;
  await manager.query(`DELETE FROM financial_plan_line WHERE plan_id = $1 AND version_number = $2`, [change.planId, change.number]);
  await insertLines(manager, change.planId, change.number, change.content.lines);
  return true;
}

async function insertLines(manager: EntityManager, planId: string, versionNumber: number, lines: readonly LineRow[]): Promise<void> {
  if (lines.length === 0) return;
  await manager.query(
    `INSERT INTO financial_plan_line (plan_id, version_number, line_number, category, amount)
     SELECT $1, $2, ordinality, category, amount::numeric FROM unnest($3::varchar[], $4::text[]) WITH ORDINALITY AS l(category, amount)`,
    [planId, versionNumber, lines.map((line) => line.category), lines.map((line) => line.amount)],
  );
}

/**
 * Moves a version from one status to the next, recording who and when; false when the version is not
 * in the `from` status (an invalid transition, or another change got there first).
 */
export async function changeVersionStatus(
  manager: EntityManager,
  change: { planId: string; number: number; from: FinancialPlanStatus; to: FinancialPlanStatus; actorId: string | null; returnReason?: string | null; at?: Date | null },
): Promise<boolean> {
  const submitting = change.to === 'SUBMITTED';
  const { affected } = await execute(
    manager,
    `UPDATE financial_plan_version SET status = $4,
            submitted_by = CASE WHEN $5 THEN $6::uuid ELSE submitted_by END,
            submitted_at = CASE WHEN $5 THEN COALESCE($8::timestamptz, now()) ELSE submitted_at END,
            decided_by = CASE WHEN $5 THEN decided_by ELSE $6::uuid END,
            decided_at = CASE WHEN $5 THEN decided_at ELSE COALESCE($8::timestamptz, now()) END,
            return_reason = $7
      WHERE plan_id = $1 AND number = $2 AND status = $3`,
    [change.planId, change.number, change.from, change.to, submitting, change.actorId, change.returnReason ?? null, change.at ?? null],
  );
  return affected === 1;
}

export async function setVersionCompliance(manager: EntityManager, planId: string, number: number, compliant: boolean): Promise<void> {
  await manager.query(`UPDATE financial_plan_version SET compliant = $3 WHERE plan_id = $1 AND number = $2 AND compliant <> $3`, [planId, number, compliant]);
}

/** Marks the flex of the rule in force (if any) superseded; returns it as it was. */
export async function supersedeFlex(manager: EntityManager, planId: string, rule: string): Promise<{ id: string; percentage: string; reason: string; approvedOn: string } | null> {
  const { rows } = await execute<{ id: string; percentage: string; reason: string; approvedOn: string }>(
    manager,
    `UPDATE financial_plan_flex SET superseded_at = greatest(now(), recorded_at) WHERE plan_id = $1 AND rule = $2 AND superseded_at IS NULL
     RETURNING id, percentage::text AS percentage, reason, approved_on AS "approvedOn"`,
    [planId, rule],
  );
  return rows[0] ?? null;
}

export async function insertFlex(
  manager: EntityManager,
  flex: { planId: string; rule: string; percentage: string; reason: string; approvedBy: string | null; approvedOn: string | null; at?: Date | null },
): Promise<string> {
  const [row] = await manager.query(
    `INSERT INTO financial_plan_flex (plan_id, rule, percentage, reason, approved_by, approved_on, recorded_at)
     VALUES ($1, $2, $3::numeric, $4, $5, COALESCE($6::date, current_date), COALESCE($7::timestamptz, now())) RETURNING id`,
    [flex.planId, flex.rule, flex.percentage, flex.reason, flex.approvedBy, flex.approvedOn, flex.at ?? null],
  );
  return row.id;
}

/** Records a month's forecast, replacing one already recorded; returns the amount it replaced, if any. */
export async function upsertForecast(
  manager: EntityManager,
  forecast: { planId: string; month: string; amount: string; actorId: string | null; at?: Date | null },
): Promise<string | null> {
  const [previous] = await manager.query(`SELECT forecast_outturn::text AS amount FROM financial_plan_forecast WHERE plan_id = $1 AND month = $2`, [forecast.planId, forecast.month]);
  await manager.query(
    `INSERT INTO financial_plan_forecast (plan_id, month, forecast_outturn, recorded_by, recorded_at)
     VALUES ($1, $2, $3::numeric, $4, COALESCE($5::timestamptz, now()))
     ON CONFLICT (plan_id, month) DO UPDATE SET forecast_outturn = EXCLUDED.forecast_outturn, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
    [forecast.planId, forecast.month, forecast.amount, forecast.actorId, forecast.at ?? null],
  );
  return previous?.amount ?? null;
}
