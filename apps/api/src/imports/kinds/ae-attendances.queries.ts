import { sqlStatement } from '../../database/typed-sql';
import { stagingTable, temporaryTable } from '../staging.queries';
import { auditValueChanges, ensureMonthPeriodsStatement, ensureOrganisationsStatement } from './shared.queries';

/**
 * The indicators the monthly A&E return yields, and which department types each counts. Their names,
 * units, polarity and numerator and denominator definitions are the domain library's standards catalogue.
 */
export const AE_INDICATORS = [
  { code: 'AE_4HR_ALL', departmentTypes: ['1', '2', 'other'] },
  { code: 'AE_4HR_TYPE1', departmentTypes: ['1'] },
] as const;

export const aeStaging = stagingTable({
  table: 'staging_ae',
  columns: [
    { name: 'period_start', sqlType: 'date' },
    { name: 'period_end', sqlType: 'date' },
    { name: 'org_code', sqlType: 'varchar(12)' },
    { name: 'department_type', sqlType: 'varchar(10)' },
    { name: 'attendances', sqlType: 'integer' },
    { name: 'breaches', sqlType: 'integer' },
    { name: 'admissions', sqlType: 'integer' },
  ],
  uniqueKey: ['period_start', 'org_code', 'department_type'],
});

/** The A&E indicators' values for the file's months, recomputed from the raw rows before they replace the stored ones. */
export const aeComputed = temporaryTable('ae_computed', 'indicator_code varchar(40) NOT NULL, organisation_code varchar(12) NOT NULL, period_id integer NOT NULL, numerator numeric NOT NULL, denominator numeric NOT NULL');

const setup = [aeStaging.ddl];

export const ensureAeOrganisations = ensureOrganisationsStatement('import-ae-ensure-organisations', `SELECT DISTINCT org_code AS code FROM staging_ae`, setup);

export const ensureAeMonths = ensureMonthPeriodsStatement('import-ae-ensure-months', `SELECT DISTINCT period_start AS start_date, period_end AS end_date FROM staging_ae`, setup);

/** Raw rows of the file's months that the file no longer has: the file replaces the months it contains. */
export const deleteAeRowsNotInFile = sqlStatement({
  name: 'import-ae-delete-rows-not-in-file',
  params: [],
  columns: {},
  setup,
  text: `DELETE FROM ae_attendance a WHERE a.period_start IN (SELECT DISTINCT period_start FROM staging_ae)
           AND NOT EXISTS (SELECT 1 FROM staging_ae s WHERE s.period_start = a.period_start AND s.org_code = a.organisation_code AND s.department_type = a.department_type)`,
});

/**
 * The file's raw rows that changed, from import batch $1: set-based (a join), so rows that are the same are not touched
 * at all (an upsert would lock each of them). Imports of a kind run one at a time (lockImportKind).
 */
export const updateAeRows = sqlStatement({
  name: 'import-ae-update-rows',
  params: ['int8'],
  columns: {},
  setup,
  text: `UPDATE ae_attendance a SET attendances = s.attendances, breaches = s.breaches, admissions = s.admissions, import_batch_id = $1
         FROM staging_ae s
         WHERE a.period_start = s.period_start AND a.organisation_code = s.org_code AND a.department_type = s.department_type
           AND (a.attendances, a.breaches, a.admissions) IS DISTINCT FROM (s.attendances, s.breaches, s.admissions)`,
});

/** The file's raw rows that are new, from import batch $1. */
export const insertAeRows = sqlStatement({
  name: 'import-ae-insert-rows',
  params: ['int8'],
  columns: {},
  setup,
  text: `INSERT INTO ae_attendance (period_start, organisation_code, department_type, attendances, breaches, admissions, import_batch_id)
         SELECT s.period_start, s.org_code, s.department_type, s.attendances, s.breaches, s.admissions, $1 FROM staging_ae s
         WHERE NOT EXISTS (SELECT 1 FROM ae_attendance a WHERE a.period_start = s.period_start AND a.organisation_code = s.org_code AND a.department_type = s.department_type)`,
});

const codes = AE_INDICATORS.map((indicator) => `'${indicator.code}'`).join(', ');
const fileMonths = `SELECT id FROM period WHERE type = 'MONTH' AND start_date IN (SELECT DISTINCT period_start FROM staging_ae)`;
/**
 * Each indicator's value per organisation and month of the file, recomputed from the raw rows: within 4 hours over
 * attendances. Read from the staging table: once merged, the raw rows of the file's months are exactly the file's rows
 * (the file replaces the months it contains), and the staging table is smaller and needs no index.
 */
export const computeAeValues = sqlStatement({
  name: 'import-ae-compute-values',
  params: [],
  columns: {},
  setup: [aeStaging.ddl, aeComputed.ddl],
  text: `INSERT INTO ae_computed (indicator_code, organisation_code, period_id, numerator, denominator) ${AE_INDICATORS.map(
  (indicator) => `
    SELECT '${indicator.code}'::varchar AS indicator_code, a.org_code AS organisation_code, p.id AS period_id,
           sum(a.attendances - a.breaches)::numeric AS numerator, sum(a.attendances)::numeric AS denominator
    FROM staging_ae a JOIN period p ON p.type = 'MONTH' AND p.start_date = a.period_start
    WHERE a.department_type IN (${indicator.departmentTypes.map((type) => `'${type}'`).join(', ')})
    GROUP BY a.org_code, p.id
    HAVING sum(a.attendances) > 0`,
  ).join(' UNION ALL ')}`,
});
// value is the percentage, exact to 10 decimal places (numeric division, rounded half away from zero).
const value = `round(c.numerator * 100 / c.denominator, 10)`;

/**
 * Makes the stored values of the A&E indicators for the file's months equal `ae_computed`:
 * inserts new ones, updates changed ones and deletes ones no longer there, auditing each update and deletion
 * with its before and after. $1 is the import batch; $2-$4 the actor's user id, username and request id.
 */
export const replaceAeValues = sqlStatement({
  name: 'import-ae-replace-values',
  params: ['int8', 'uuid?', 'text?', 'text?'],
  columns: { inserted: 'int4', updated: 'int4', deleted: 'int4', audited: 'int4' },
  setup: [aeStaging.ddl, aeComputed.ddl],
  text: `WITH existing AS (
       SELECT * FROM indicator_value WHERE indicator_code IN (${codes}) AND period_id IN (${fileMonths})
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
     SELECT (SELECT count(*)::int4 FROM inserted) AS inserted, (SELECT count(*)::int4 FROM updated) AS updated,
            (SELECT count(*)::int4 FROM deleted) AS deleted, (SELECT count(*)::int4 FROM audited) AS audited`,
});
