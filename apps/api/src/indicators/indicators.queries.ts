import { sqlStatement } from '../database/typed-sql';

// Reads of indicator values by organisation and period range (decision 0009). Every filter but the
// indicator is optional: null means "any".

/** The columns of a value with its period and organisation, as the values statements below return them. */
const VALUE_COLUMNS = {
  indicatorCode: 'varchar?',
  organisationCode: 'varchar?',
  periodType: 'varchar?',
  periodStart: 'date?',
  periodEnd: 'date?',
  periodLabel: 'text?',
  numerator: 'numeric?',
  denominator: 'numeric?',
  value: 'numeric?',
  organisationName: 'text?',
  organisationType: 'varchar?',
  organisationOpenDate: 'date?',
  organisationCloseDate: 'date?',
  organisationPostcode: 'varchar?',
} as const;

/**
 * Values of one indicator ($1) for the organisations $2 (any when null), for periods starting from $3 to $4
 * (either end open when null), by organisation then period, at most $5 rows, each with its organisation: one round
 * trip (issue 19 point 6). No row at all when the indicator does not exist; one row of nulls when it has no such values.
 */
export const indicatorValues = sqlStatement({
  name: 'indicator-values',
  params: ['varchar', 'varchar[]?', 'date?', 'date?', 'int4'],
  columns: VALUE_COLUMNS,
  text: `SELECT x.* FROM indicator i
         LEFT JOIN LATERAL (
           SELECT v.indicator_code AS "indicatorCode", v.organisation_code AS "organisationCode", p.type AS "periodType", p.start_date AS "periodStart",
                  p.end_date AS "periodEnd", p.label AS "periodLabel", v.numerator, v.denominator, v.value,
                  o.name AS "organisationName", o.type AS "organisationType", o.open_date AS "organisationOpenDate",
                  o.close_date AS "organisationCloseDate", o.postcode AS "organisationPostcode"
           FROM indicator_value v JOIN period p ON p.id = v.period_id JOIN organisation o ON o.code = v.organisation_code
           WHERE v.indicator_code = $1 AND ($2::varchar[] IS NULL OR v.organisation_code = ANY($2::varchar[]))
             AND ($3::date IS NULL OR p.start_date >= $3::date) AND ($4::date IS NULL OR p.start_date <= $4::date)
           ORDER BY v.organisation_code, p.start_date
           LIMIT $5::int4
         ) x ON true
         WHERE i.code = $1
         ORDER BY x."organisationCode", x."periodStart"`,
});

/**
 * One page of the same values ($1 to $4 as above), by organisation then period, after the value of organisation $5
 * and period start $6 (from the start when null), at most $7 rows: keyset paging, so a deep page costs no more.
 * No row at all when the indicator does not exist; one row of nulls when no value follows.
 */
export const indicatorValuesPage = sqlStatement({
  name: 'indicator-values-page',
  params: ['varchar', 'varchar[]?', 'date?', 'date?', 'varchar?', 'date?', 'int4'],
  columns: VALUE_COLUMNS,
  text: `SELECT x.* FROM indicator i
         LEFT JOIN LATERAL (
           SELECT v.indicator_code AS "indicatorCode", v.organisation_code AS "organisationCode", p.type AS "periodType", p.start_date AS "periodStart",
                  p.end_date AS "periodEnd", p.label AS "periodLabel", v.numerator, v.denominator, v.value,
                  o.name AS "organisationName", o.type AS "organisationType", o.open_date AS "organisationOpenDate",
                  o.close_date AS "organisationCloseDate", o.postcode AS "organisationPostcode"
           FROM indicator_value v JOIN period p ON p.id = v.period_id JOIN organisation o ON o.code = v.organisation_code
           WHERE v.indicator_code = $1 AND ($2::varchar[] IS NULL OR v.organisation_code = ANY($2::varchar[]))
             AND ($3::date IS NULL OR p.start_date >= $3::date) AND ($4::date IS NULL OR p.start_date <= $4::date)
             AND ($5::varchar IS NULL OR (v.organisation_code, p.start_date) > ($5::varchar, $6::date))
           ORDER BY v.organisation_code, p.start_date
           LIMIT $7::int4
         ) x ON true
         WHERE i.code = $1
         ORDER BY x."organisationCode", x."periodStart"`,
});

/** An indicator's columns, as a statement reads them from `indicator i` (INDICATOR_SELECT) into the Indicator view. */
export const INDICATOR_COLUMNS = {
    code: 'varchar',
    name: 'text',
    description: 'text',
    unit: 'varchar',
    polarity: 'varchar',
    periodType: 'varchar',
    numeratorDefinition: 'text?',
    denominatorDefinition: 'text?',
    source: 'text',
} as const;
export const INDICATOR_SELECT = `i.code, i.name, i.description, i.unit, i.polarity, i.period_type AS "periodType",
                i.numerator_definition AS "numeratorDefinition", i.denominator_definition AS "denominatorDefinition", i.source`;

/**
 * The indicator $1 with the sums of the numerators and denominators of the same values, and how many organisations and
 * periods they span: one round trip. No row when the indicator does not exist.
 */
export const indicatorTotals = sqlStatement({
  name: 'indicator-totals',
  params: ['varchar', 'varchar[]?', 'date?', 'date?'],
  columns: {
    ...INDICATOR_COLUMNS,
    numerator: 'numeric?',
    denominator: 'numeric?',
    organisationCount: 'int4',
    periodCount: 'int4',
  },
  text: `SELECT ${INDICATOR_SELECT}, t.numerator, t.denominator, t."organisationCount", t."periodCount"
         FROM indicator i
         CROSS JOIN LATERAL (
           SELECT sum(v.numerator) AS numerator, sum(v.denominator) AS denominator,
                  count(DISTINCT v.organisation_code)::int4 AS "organisationCount", count(DISTINCT v.period_id)::int4 AS "periodCount"
           FROM indicator_value v JOIN period p ON p.id = v.period_id
           WHERE v.indicator_code = $1 AND ($2::varchar[] IS NULL OR v.organisation_code = ANY($2::varchar[]))
             AND ($3::date IS NULL OR p.start_date >= $3::date) AND ($4::date IS NULL OR p.start_date <= $4::date)
         ) t
         WHERE i.code = $1`,
});

/** The organisations with values of indicator $1 (its series), by code. */
export const seriesOfIndicator = sqlStatement({
  name: 'indicators-series-of-indicator',
  params: ['varchar'],
  columns: { organisationCode: 'varchar' },
  text: `SELECT DISTINCT organisation_code AS "organisationCode" FROM indicator_value WHERE indicator_code = $1::varchar ORDER BY 1`,
});
