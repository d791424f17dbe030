import { sqlStatement } from '../database/typed-sql';

// The scorecard and grid reads (decision 0009): set-based, a fixed number per request however many providers.
// Scores themselves are read from `series_score` (apps/api/src/scores/series-score.queries.ts, decision 0021).

/** The first day of the latest period with any value (null when there is none). */
export const latestPeriodWithData = sqlStatement({
  name: 'scorecard-latest-period-with-data',
  params: [],
  columns: { start: 'date?' },
  text: `SELECT max(p.start_date) AS "start" FROM period p WHERE EXISTS (SELECT 1 FROM indicator_value v WHERE v.period_id = p.id)`,
});

/**
 * The NHS England region of the organisation $1 as at $2: the relationship in force then; else its latest
 * before then; else its first.
 */
export const regionAsAt = sqlStatement({
  name: 'scorecard-region-as-at',
  params: ['varchar', 'date'],
  columns: { region: 'varchar' },
  text: `SELECT related_code AS "region" FROM organisation_relationship
         WHERE organisation_code = $1 AND kind = 'IN_REGION'
         ORDER BY (coalesce(valid_from, '-infinity') <= $2::date AND coalesce(valid_to, 'infinity') >= $2::date) DESC,
                  (coalesce(valid_from, '-infinity') <= $2::date) DESC, valid_from DESC NULLS LAST
         LIMIT 1`,
});

/** Every value of the indicator $1 for the period of type $2 starting on $3, of organisations of type $4, by organisation. */
export const valuesInPeriod = sqlStatement({
  name: 'scorecard-values-in-period',
  params: ['varchar', 'varchar', 'date', 'varchar'],
  columns: {
    organisationCode: 'varchar',
    periodType: 'varchar',
    periodStart: 'date',
    periodEnd: 'date',
    periodLabel: 'text',
    numerator: 'float8',
    denominator: 'float8',
    value: 'float8',
  },
  text: `SELECT v.organisation_code AS "organisationCode", p.type AS "periodType", p.start_date AS "periodStart", p.end_date AS "periodEnd",
                p.label AS "periodLabel", v.numerator::float8 AS numerator, v.denominator::float8 AS denominator, v.value::float8 AS value
         FROM indicator_value v JOIN period p ON p.id = v.period_id JOIN organisation o ON o.code = v.organisation_code
         WHERE v.indicator_code = $1 AND p.type = $2 AND p.start_date = $3::date AND o.type = $4
         ORDER BY v.organisation_code`,
});
