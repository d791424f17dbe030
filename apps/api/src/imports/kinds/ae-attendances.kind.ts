import { PROVIDER_STANDARDS, type ProviderStandard } from '@ccg-assure/domain';
import type { EntityManager } from 'typeorm';
import { ODS_CODE, ok, parseCount, parseIsoDate, refuse, type ApplyContext, type ImportCounts, type ImportKind } from '../import-kind';
import { auditValueChanges, ensureMonthPeriods, ensureOrganisations } from './shared-sql';

interface AeRow {
  period: string;
  orgCode: string;
  type: string;
  attendances: number;
  breaches: number;
  admissions: number;
}

/**
 * The indicators the monthly A&E return yields, and which department types each counts. Their names,
 * units, polarity and numerator and denominator definitions are the domain library's standards catalogue.
 */
export const AE_INDICATORS = [
  { code: 'AE_4HR_ALL', departmentTypes: ['1', '2', 'other'] },
  { code: 'AE_4HR_TYPE1', departmentTypes: ['1'] },
] as const;

const SOURCE = 'NHS England, A&E Attendances and Emergency Admissions (monthly return)';

/**
 * The monthly A&E attendances return (`period, org_code, type, attendances, breaches, admissions`).
 * Keeps the raw rows and derives AE_4HR_ALL and AE_4HR_TYPE1 per organisation and month, with
 * numerator = attendances within 4 hours and denominator = attendances. A file replaces the
 * months it contains.
 */
export const aeAttendancesKind: ImportKind<AeRow> = {
  name: 'ae',
  description: 'monthly A&E attendances return',
  requiredColumns: ['period', 'org_code', 'type', 'attendances', 'breaches', 'admissions'],
  stagingColumns: [
    { name: 'period_start', type: 'date' },
    { name: 'org_code', type: 'varchar(12)' },
    { name: 'department_type', type: 'varchar(10)' },
    { name: 'attendances', type: 'integer' },
    { name: 'breaches', type: 'integer' },
    { name: 'admissions', type: 'integer' },
  ],
  uniqueKey: ['period_start', 'org_code', 'department_type'],
  parseRow(row) {
    const period = parseIsoDate(row.period);
    if (!period) return refuse(`period "${row.period}" is not a date (YYYY-MM-DD)`);
    if (!period.endsWith('-01')) return refuse(`period "${row.period}" is not the first day of a month`);
    if (!ODS_CODE.test(row.org_code)) return refuse(`org_code "${row.org_code}" is not an ODS code (3 to 6 capital letters or digits)`);
    if (!['1', '2', 'other'].includes(row.type)) return refuse(`type "${row.type}" is not 1, 2 or other`);
    const attendances = parseCount(row.attendances);
    if (attendances === null) return refuse(`attendances "${row.attendances}" is not a whole number`);
    const breaches = parseCount(row.breaches);
    if (breaches === null) return refuse(`breaches "${row.breaches}" is not a whole number`);
    if (breaches > attendances) return refuse(`breaches (${breaches}) exceed attendances (${attendances})`);
    // Admissions may exceed attendances: one published row does (../shared/data/README.md).
    const admissions = parseCount(row.admissions);
    if (admissions === null) return refuse(`admissions "${row.admissions}" is not a whole number`);
    return ok({ period, orgCode: row.org_code, type: row.type, attendances, breaches, admissions });
  },
  stage: (row) => [row.period, row.orgCode, row.type, row.attendances, row.breaches, row.admissions],
  async apply(manager: EntityManager, context: ApplyContext): Promise<ImportCounts> {
    const { staging, batchId } = context;
    await ensureIndicators(manager);
    await ensureOrganisations(manager, `SELECT DISTINCT org_code AS code FROM ${staging}`, context);
    await ensureMonthPeriods(manager, `SELECT DISTINCT period_start AS start_date FROM ${staging}`);

    // Raw rows: the file replaces the months it contains.
    const [rawDeleted] = await manager.query(
      `WITH gone AS (
         DELETE FROM ae_attendance a WHERE a.period_start IN (SELECT DISTINCT period_start FROM ${staging})
           AND NOT EXISTS (SELECT 1 FROM ${staging} s WHERE s.period_start = a.period_start AND s.org_code = a.organisation_code AND s.department_type = a.department_type)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
    );
    await manager.query(
      `INSERT INTO ae_attendance (period_start, organisation_code, department_type, attendances, breaches, admissions, import_batch_id)
       SELECT period_start, org_code, department_type, attendances, breaches, admissions, $1 FROM ${staging}
       ON CONFLICT (period_start, organisation_code, department_type) DO UPDATE
         SET attendances = EXCLUDED.attendances, breaches = EXCLUDED.breaches, admissions = EXCLUDED.admissions, import_batch_id = EXCLUDED.import_batch_id
         WHERE (ae_attendance.attendances, ae_attendance.breaches, ae_attendance.admissions) IS DISTINCT FROM (EXCLUDED.attendances, EXCLUDED.breaches, EXCLUDED.admissions)`,
      [batchId],
    );
    void rawDeleted;

    // Indicator values for the file's months, recomputed from the raw rows.
    await manager.query(`CREATE TEMP TABLE ae_computed ON COMMIT DROP AS
      ${AE_INDICATORS.map(
        (indicator) => `
        SELECT '${indicator.code}'::varchar AS indicator_code, a.organisation_code, p.id AS period_id,
               sum(a.attendances - a.breaches)::numeric AS numerator, sum(a.attendances)::numeric AS denominator
        FROM ae_attendance a JOIN period p ON p.type = 'MONTH' AND p.start_date = a.period_start
        WHERE a.period_start IN (SELECT DISTINCT period_start FROM ${staging})
          AND a.department_type IN (${indicator.departmentTypes.map((t) => `'${t}'`).join(', ')})
        GROUP BY a.organisation_code, p.id
        HAVING sum(a.attendances) > 0`,
      ).join(' UNION ALL ')}`);
    return replaceIndicatorValues(manager, context, `SELECT id FROM period WHERE type = 'MONTH' AND start_date IN (SELECT DISTINCT period_start FROM ${staging})`);
  },
};

async function ensureIndicators(manager: EntityManager): Promise<void> {
  for (const indicator of AE_INDICATORS) {
    const standard = latestStandard(indicator.code);
    await manager.query(
      `INSERT INTO indicator (code, name, description, unit, polarity, period_type, numerator_definition, denominator_definition, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, unit = EXCLUDED.unit, polarity = EXCLUDED.polarity,
         period_type = EXCLUDED.period_type, numerator_definition = EXCLUDED.numerator_definition,
         denominator_definition = EXCLUDED.denominator_definition, source = EXCLUDED.source`,
      [standard.code, standard.name, standard.description, standard.unit, standard.polarity, standard.periodType, standard.numerator, standard.denominator, SOURCE],
    );
  }
}

/** The catalogue's newest version of a standard (a changed threshold is a new version, same definition). */
function latestStandard(code: string): ProviderStandard {
  const versions = PROVIDER_STANDARDS.filter((standard) => standard.code === code);
  const latest = versions[versions.length - 1];
  if (!latest) throw new Error(`${code} is not in the domain library's standards catalogue`);
  return latest;
}

/**
 * Makes the stored values of the A&E indicators for the given periods equal `ae_computed`:
 * inserts new ones, updates changed ones and deletes ones no longer there, auditing each
 * update and deletion with its before and after.
 */
async function replaceIndicatorValues(manager: EntityManager, context: ApplyContext, periodIds: string): Promise<ImportCounts> {
  const codes = AE_INDICATORS.map((indicator) => `'${indicator.code}'`).join(', ');
  // value is the percentage, exact to 10 decimal places (numeric division, rounded half away from zero).
  const value = `round(c.numerator * 100 / c.denominator, 10)`;
  const changes: { kind: string; n: number }[] = await manager.query(
    `WITH existing AS (
       SELECT * FROM indicator_value WHERE indicator_code IN (${codes}) AND period_id IN (${periodIds})
     ),
     deleted AS (
       DELETE FROM indicator_value v USING existing e
       WHERE v.indicator_code = e.indicator_code AND v.organisation_code = e.organisation_code AND v.period_id = e.period_id
         AND NOT EXISTS (SELECT 1 FROM ae_computed c WHERE c.indicator_code = e.indicator_code AND c.organisation_code = e.organisation_code AND c.period_id = e.period_id)
       RETURNING v.*
     ),
     updated AS (
       UPDATE indicator_value v SET numerator = c.numerator, denominator = c.denominator, value = ${value}, import_batch_id = $1
       FROM ae_computed c
       WHERE v.indicator_code = c.indicator_code AND v.organisation_code = c.organisation_code AND v.period_id = c.period_id
         AND (v.numerator, v.denominator) IS DISTINCT FROM (c.numerator, c.denominator)
       RETURNING v.indicator_code, v.organisation_code, v.period_id, c.numerator, c.denominator
     ),
     before_update AS (
       SELECT e.* FROM existing e JOIN updated u USING (indicator_code, organisation_code, period_id)
     ),
     inserted AS (
       INSERT INTO indicator_value (indicator_code, organisation_code, period_id, numerator, denominator, value, import_batch_id)
       SELECT c.indicator_code, c.organisation_code, c.period_id, c.numerator, c.denominator, ${value}, $1 FROM ae_computed c
       WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.indicator_code = c.indicator_code AND e.organisation_code = c.organisation_code AND e.period_id = c.period_id)
       RETURNING 1
     ),
     audited AS (
       ${auditValueChanges('deleted', 'before_update', 'updated')}
     )
     SELECT 'inserted' AS kind, count(*)::int AS n FROM inserted
     UNION ALL SELECT 'updated', count(*)::int FROM updated
     UNION ALL SELECT 'deleted', count(*)::int FROM deleted
     UNION ALL SELECT 'audited', count(*)::int FROM audited`,
    [context.batchId, context.actor.userId, context.actor.username, context.actor.requestId],
  );
  const count = (kind: string) => changes.find((change) => change.kind === kind)?.n ?? 0;
  return { inserted: count('inserted'), updated: count('updated'), deleted: count('deleted') };
}
