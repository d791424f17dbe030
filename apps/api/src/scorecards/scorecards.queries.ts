import { sqlStatement } from '../database/typed-sql';

// The scorecard and grid reads (decision 0009): set-based, a fixed number per request however many providers.

/**
 * Every series of the providers $1 up to $2 (every value when null): one row per provider and indicator, its
 * points as JSON (which parses far faster than one row a point), oldest first, and the id of its latest period.
 */
export const providerSeries = sqlStatement({
  name: 'scorecard-provider-series',
  params: ['varchar[]', 'date?'],
  columns: { organisationCode: 'varchar', indicatorCode: 'varchar', indicatorPolarity: 'varchar', latestPeriodId: 'int4', points: 'jsonb' },
  text: `SELECT v.organisation_code AS "organisationCode", v.indicator_code AS "indicatorCode", min(i.polarity)::varchar AS "indicatorPolarity",
                (array_agg(p.id ORDER BY p.start_date DESC))[1] AS "latestPeriodId",
                jsonb_agg(jsonb_build_array(p.start_date, v.numerator, v.denominator, v.value) ORDER BY p.start_date) AS points
         FROM indicator_value v JOIN period p ON p.id = v.period_id JOIN indicator i ON i.code = v.indicator_code
         WHERE v.organisation_code = ANY($1::varchar[]) AND ($2::date IS NULL OR p.start_date <= $2::date)
         GROUP BY v.organisation_code, v.indicator_code
         ORDER BY v.indicator_code`,
});

/** Each provider's latest value of each indicator for a period starting on or before $2 (the grid's RAG filter and value sort). */
export const latestValues = sqlStatement({
  name: 'scorecard-latest-values',
  params: ['varchar[]', 'date'],
  columns: { organisationCode: 'varchar', indicatorCode: 'varchar', periodStart: 'date', numerator: 'float8', denominator: 'float8', value: 'float8' },
  text: `SELECT DISTINCT ON (v.organisation_code, v.indicator_code) v.organisation_code AS "organisationCode", v.indicator_code AS "indicatorCode",
                p.start_date AS "periodStart", v.numerator::float8 AS numerator, v.denominator::float8 AS denominator, v.value::float8 AS value
         FROM indicator_value v JOIN period p ON p.id = v.period_id
         WHERE v.organisation_code = ANY($1::varchar[]) AND p.start_date <= $2::date
         ORDER BY v.organisation_code, v.indicator_code, p.start_date DESC`,
});

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
