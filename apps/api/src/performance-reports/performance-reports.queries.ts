import { sqlStatement } from '../database/typed-sql';

// The performance report area's set-based reads: the exact stored values (numeric text, as imported) of the series a
// report shows, so the report freezes them as they were and later counts how many the data has since changed.

/**
 * Every value of the indicators $2 for the organisations $1 in a period starting on or before $3, with its exact
 * numeric text. By indicator, organisation and period.
 */
export const exactSeriesValues = sqlStatement({
  name: 'performance-report-exact-series-values',
  params: ['varchar[]', 'varchar[]', 'date'],
  columns: {
    indicatorCode: 'varchar',
    organisationCode: 'varchar',
    periodType: 'varchar',
    period: 'date',
    value: 'numeric',
    numerator: 'numeric',
    denominator: 'numeric',
  },
  text: `SELECT v.indicator_code AS "indicatorCode", v.organisation_code AS "organisationCode", p.type AS "periodType", p.start_date AS period,
                v.value, v.numerator, v.denominator
         FROM indicator_value v JOIN period p ON p.id = v.period_id
         WHERE v.organisation_code = ANY($1) AND v.indicator_code = ANY($2) AND p.start_date <= $3
         ORDER BY v.indicator_code, v.organisation_code, p.start_date`,
});
