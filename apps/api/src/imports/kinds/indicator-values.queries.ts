import { sqlStatement } from '../../database/typed-sql';
import { MAX_REPORTED_ERRORS, stagingTable } from '../staging.queries';
import { auditValueChanges } from './shared.queries';

/**
 * One value per line: the indicator, the organisation, the period's first day and the counts. The period's last day
 * and label for each period type are computed by the domain's calendar when the row is read; the indicator's
 * period type picks one when the periods are written.
 */
export const indicatorValuesStaging = stagingTable({
  table: 'staging_indicator_values',
  columns: [
    { name: 'indicator_code', sqlType: 'varchar(40)' },
    { name: 'org_code', sqlType: 'varchar(12)' },
    { name: 'period_start', sqlType: 'date' },
    { name: 'month_end', sqlType: 'date' },
    { name: 'quarter_end', sqlType: 'date' },
    { name: 'year_end', sqlType: 'date' },
    { name: 'quarter_label', sqlType: 'text' },
    { name: 'year_label', sqlType: 'text' },
    { name: 'numerator', sqlType: 'numeric' },
    { name: 'denominator', sqlType: 'numeric' },
  ],
  uniqueKey: ['indicator_code', 'org_code', 'period_start'],
});

const setup = [indicatorValuesStaging.ddl];

/**
 * Lines the database refuses, each with every reason: an indicator no administrator has defined, an organisation
 * not known, a period that does not start one of the indicator's periods (a quarter starts in April, July, October
 * or January; a year on 1 April), a numerator above the denominator of a percentage. In line order, the first
 * MAX_REPORTED_ERRORS.
 */
export const checkIndicatorValues = sqlStatement({
  name: 'import-indicator-values-check',
  params: [],
  columns: { line: 'int4', reason: 'text' },
  setup,
  text: `SELECT line, reason FROM (
           SELECT s.line, concat_ws('; ',
             CASE WHEN i.code IS NULL THEN format('indicator_code "%s" is not a defined indicator (an administrator defines it first)', s.indicator_code) END,
             CASE WHEN o.code IS NULL THEN format('org_code "%s" is not a known organisation', s.org_code) END,
             CASE WHEN i.period_type = 'QUARTER' AND extract(month FROM s.period_start) NOT IN (1, 4, 7, 10)
                  THEN format('period "%s" is not the first day of a quarter (April, July, October or January): %s is quarterly', s.period_start, i.code) END,
             CASE WHEN i.period_type = 'YEAR' AND extract(month FROM s.period_start) <> 4
                  THEN format('period "%s" is not 1 April: %s is yearly (April to March)', s.period_start, i.code) END,
             CASE WHEN i.unit = 'PERCENTAGE' AND s.numerator > s.denominator
                  THEN format('numerator (%s) exceeds denominator (%s): %s is a percentage', s.numerator, s.denominator, i.code) END
           ) AS reason
           FROM staging_indicator_values s
           LEFT JOIN indicator i ON i.code = s.indicator_code
           LEFT JOIN organisation o ON o.code = s.org_code
         ) checked
         WHERE reason <> '' ORDER BY line LIMIT ${MAX_REPORTED_ERRORS}`,
});

/** The file's periods, of each indicator's period type, labelled as people write them ('April 2016', 'Q1 2016/17', '2016/17'). */
export const ensureIndicatorValuePeriods = sqlStatement({
  name: 'import-indicator-values-ensure-periods',
  params: [],
  columns: {},
  setup,
  text: `INSERT INTO period (type, start_date, end_date, label)
         SELECT DISTINCT i.period_type, s.period_start,
                CASE i.period_type WHEN 'MONTH' THEN s.month_end WHEN 'QUARTER' THEN s.quarter_end ELSE s.year_end END,
                CASE i.period_type WHEN 'MONTH' THEN trim(to_char(s.period_start, 'Month')) || ' ' || to_char(s.period_start, 'YYYY')
                                   WHEN 'QUARTER' THEN s.quarter_label ELSE s.year_label END
         FROM staging_indicator_values s JOIN indicator i ON i.code = s.indicator_code
         ON CONFLICT (type, start_date) DO NOTHING`,
});

/** The indicators the file has values of. */
export const indicatorsOfFile = sqlStatement({
  name: 'import-indicator-values-indicators',
  params: [],
  columns: { code: 'varchar' },
  setup,
  text: `SELECT DISTINCT indicator_code AS code FROM staging_indicator_values ORDER BY 1`,
});

// value is in the indicator's unit, exact to 10 decimal places (numeric division, rounded half away from zero):
// 100 × numerator ÷ denominator for a percentage, numerator ÷ denominator otherwise (as indicatorAggregate rolls up).
const value = `round(CASE WHEN i.unit = 'PERCENTAGE' THEN s.numerator * 100 / s.denominator ELSE s.numerator / s.denominator END, 10)`;

/**
 * Merges the file's values: new ones inserted, changed ones updated (audited with before and after); values the
 * file does not name are left alone (an analyst may load one provider's months). $1 is the import batch; $2-$4
 * the actor's user id, username and request id.
 */
export const mergeIndicatorValues = sqlStatement({
  name: 'import-indicator-values-merge',
  params: ['int8', 'uuid?', 'text?', 'text?'],
  columns: { inserted: 'int4', updated: 'int4', audited: 'int4' },
  setup,
  text: `WITH incoming AS (
       SELECT s.indicator_code, s.org_code AS organisation_code, p.id AS period_id, s.numerator, s.denominator, ${value} AS value
       FROM staging_indicator_values s
       JOIN indicator i ON i.code = s.indicator_code
       JOIN period p ON p.type = i.period_type AND p.start_date = s.period_start
     ),
     existing AS (
       SELECT v.* FROM indicator_value v JOIN incoming c USING (indicator_code, organisation_code, period_id)
     ),
     deleted AS (
       SELECT * FROM existing WHERE false
     ),
     updated AS (
       UPDATE indicator_value v SET numerator = c.numerator, denominator = c.denominator, value = c.value, import_batch_id = $1
       FROM incoming c
       WHERE v.indicator_code = c.indicator_code AND v.organisation_code = c.organisation_code AND v.period_id = c.period_id
         AND (v.numerator, v.denominator) IS DISTINCT FROM (c.numerator, c.denominator)
       RETURNING v.indicator_code, v.organisation_code, v.period_id, c.numerator, c.denominator
     ),
     before_update AS (
       SELECT e.* FROM existing e JOIN updated u USING (indicator_code, organisation_code, period_id)
     ),
     inserted AS (
       INSERT INTO indicator_value (indicator_code, organisation_code, period_id, numerator, denominator, value, import_batch_id)
       SELECT c.indicator_code, c.organisation_code, c.period_id, c.numerator, c.denominator, c.value, $1 FROM incoming c
       WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.indicator_code = c.indicator_code AND e.organisation_code = c.organisation_code AND e.period_id = c.period_id)
       RETURNING 1
     ),
     audited AS (
       ${auditValueChanges('deleted', 'before_update', 'updated')}
     )
     SELECT (SELECT count(*)::int4 FROM inserted) AS inserted, (SELECT count(*)::int4 FROM updated) AS updated, (SELECT count(*)::int4 FROM audited) AS audited`,
});
