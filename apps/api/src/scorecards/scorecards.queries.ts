import { sqlStatement } from '../database/typed-sql';
import { INDICATOR_COLUMNS, INDICATOR_SELECT } from '../indicators/indicators.queries';
import { inRegionCondition } from '../organisations/organisation-region';

// The scorecard and grid reads (decision 0009): set-based, a fixed number per request however many providers.
// Scores themselves are read from `series_score` (apps/api/src/scores/series-score.queries.ts, decision 0021).

/**
 * The first day of the latest period with any value (null when there is none), read from the stored scores (one row
 * per value's month, written in the value's transaction: decision 0021): each indicator's latest as_of from the end of
 * its (indicator, as_of) index, so it costs a probe per indicator instead of a read of indicator_value (17 million
 * rows and every partition at national practice scale).
 */
export const latestPeriodWithData = sqlStatement({
  name: 'scorecard-latest-period-with-data',
  params: [],
  columns: { start: 'date?' },
  text: `SELECT max(latest.as_of) AS "start" FROM indicator i CROSS JOIN LATERAL (SELECT max(s.as_of) AS as_of FROM series_score s WHERE s.indicator_code = i.code) latest`,
});

/**
 * The grid's columns: the indicators with a value on or before $1, by code; read as a stored score then (every value
 * has one, decision 0021), one probe of the scores' (indicator, as_of) index each, not a join of every value.
 */
export const gridColumns = sqlStatement({
  name: 'scorecard-grid-columns',
  params: ['date'],
  columns: INDICATOR_COLUMNS,
  text: `SELECT ${INDICATOR_SELECT}
         FROM indicator i
         WHERE EXISTS (SELECT 1 FROM series_score s WHERE s.indicator_code = i.code AND s.as_of <= $1::date)
         ORDER BY i.code`,
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

/**
 * One page of the scorecard grid, filtered, sorted and paged in the database (issue 19): the organisations of type
 * $1 with a stored score on or before $2 (so a value then: every value has one), in the region $3 (null: any), in
 * the CCG's region $4 (null: any), among the codes $5 (a CCG's contracted providers; null: any), whose name or code
 * matches the LIKE pattern $6 (null: any), whose CCG as at $2 is $7 (a practice's IN_CCG relationship in force; null:
 * any), in the state $8 (FAILING, IMPROVING or DETERIORATING; null: any) on the indicator $9 (null: any), sorted by
 * $10 (NAME, CODE or VALUE of the indicator $11 as at $2) in the direction $12 (ASC or DESC; ties by code, no value
 * last), after the organisation $13 (null: from the start), at most $14 rows. Every row carries the total (when $15,
 * else null) and whether the cursor was found; with no row on the page, a single row with null code says so.
 * Verdicts come from `series_latest_score` (each series' latest stored verdicts, kept by triggers) where the series'
 * latest month is on or before $2, else from its latest row of `series_score` on or before $2 (one probe), never the
 * points. Names sort by the ICU collation for British English, as people read them (the grid sorted with the same
 * collator in Node). Here the candidates are not materialised (issue 19, 100 times the data): sorted by name, the
 * page walks `organisation_grid_order_idx` in order and probes each organisation's scores until the page is full,
 * instead of finding and sorting every candidate; the total is a separate count, made only when asked for ($15).
 */
const gridPageDeclaration = {
  params: ['varchar', 'date', 'varchar?', 'varchar?', 'varchar[]?', 'text?', 'varchar?', 'varchar?', 'varchar?', 'varchar', 'varchar?', 'varchar', 'varchar?', 'int4', 'bool'],
  columns: {
    code: 'varchar?',
    name: 'text?',
    type: 'varchar?',
    openDate: 'date?',
    closeDate: 'date?',
    postcode: 'varchar?',
    totalCount: 'int4?',
    cursorFound: 'bool',
  },
} as const;

export const gridPageRows = sqlStatement({ ...gridPageDeclaration, name: 'scorecard-grid-page', text: gridPageText('NOT MATERIALIZED') });

/**
 * The same page for a state filter or an order by value ($8 or $10 = VALUE): every candidate is found once (with its
 * sort value), then counted and the first $14 kept by a top-N sort, where walking the order index would test most
 * organisations against the state's list, and the count test them again.
 */
export const gridPageRowsOfAll = sqlStatement({ ...gridPageDeclaration, name: 'scorecard-grid-page-of-all', text: gridPageText('MATERIALIZED') });

function gridPageText(candidates: 'MATERIALIZED' | 'NOT MATERIALIZED'): string {
  const series = 'o.code IN (SELECT l.organisation_code FROM series_latest_score l WHERE l.first_as_of <= $2::date)';
  // With a state ($8), the state's own list holds only series begun by $2, so the test is left out of the plan; as
  // the walk's join (no OR around it) it stays whole, to be probed per organisation.
  const begunBy = candidates === 'MATERIALIZED' ? `($8::varchar IS NOT NULL OR ${series})` : series;
  return `WITH candidate AS ${candidates} (
           SELECT o.code, o.name, o.type, o.open_date, o.close_date, o.postcode,
                  CASE WHEN $10::varchar = 'VALUE' THEN (
                    SELECT CASE WHEN l.as_of <= $2::date THEN l.value ELSE (
                             SELECT s.value FROM series_score s WHERE s.organisation_code = l.organisation_code AND s.indicator_code = l.indicator_code
                               AND s.as_of <= $2::date ORDER BY s.as_of DESC LIMIT 1) END
                    FROM series_latest_score l WHERE l.organisation_code = o.code AND l.indicator_code = $11::varchar) END AS sort_value
           FROM organisation o
           WHERE o.type = $1::varchar
             AND ($3::varchar IS NULL OR ${regionCondition('$3::varchar')})
             AND ($4::varchar IS NULL OR ${regionCondition('$4::varchar')})
             AND ($5::varchar[] IS NULL OR o.code = ANY($5::varchar[]))
             AND ($6::text IS NULL OR lower(o.name) LIKE $6::text OR lower(o.code) LIKE $6::text)
             AND ($7::varchar IS NULL OR EXISTS (
                   SELECT 1 FROM organisation_relationship r
                   WHERE r.organisation_code = o.code AND r.kind = 'IN_CCG' AND r.related_code = $7::varchar
                     AND coalesce(r.valid_from, '-infinity') <= $2::date AND coalesce(r.valid_to, 'infinity') >= $2::date))
             AND ${begunBy}
             AND ($8::varchar IS NULL OR o.code IN (
                   -- series whose latest month is on or before $2: their latest verdicts as kept
                   SELECT l.organisation_code FROM series_latest_score l
                   WHERE l.as_of <= $2::date AND ($9::varchar IS NULL OR l.indicator_code = $9::varchar)
                     AND CASE $8::varchar WHEN 'FAILING' THEN l.rag = 'RED'
                                          WHEN 'IMPROVING' THEN l.variation_type = 'SPECIAL_CAUSE_IMPROVEMENT'
                                          ELSE l.variation_type = 'SPECIAL_CAUSE_CONCERN' END
                   UNION ALL
                   -- series with months after $2: their latest row on or before it (none at the latest asOf)
                   SELECT l.organisation_code FROM series_latest_score l
                   CROSS JOIN LATERAL (
                     SELECT s.rag, s.variation_type FROM series_score s
                     WHERE s.organisation_code = l.organisation_code AND s.indicator_code = l.indicator_code AND s.as_of <= $2::date
                     ORDER BY s.as_of DESC LIMIT 1) past
                   WHERE l.as_of > $2::date AND l.first_as_of <= $2::date AND ($9::varchar IS NULL OR l.indicator_code = $9::varchar)
                     AND CASE $8::varchar WHEN 'FAILING' THEN past.rag = 'RED'
                                          WHEN 'IMPROVING' THEN past.variation_type = 'SPECIAL_CAUSE_IMPROVEMENT'
                                          ELSE past.variation_type = 'SPECIAL_CAUSE_CONCERN' END))
         ),
         cursor_row AS (SELECT c.name, c.code, c.sort_value FROM candidate c WHERE c.code = $13::varchar),
         meta AS (
           SELECT CASE WHEN $15::bool THEN (SELECT count(*) FROM candidate)::int4 END AS total,
                  ($13::varchar IS NULL OR EXISTS (SELECT 1 FROM cursor_row)) AS found
         )
         SELECT p.code, p.name, p.type, p.open_date AS "openDate", p.close_date AS "closeDate", p.postcode,
                meta.total AS "totalCount", meta.found AS "cursorFound"
         FROM meta LEFT JOIN LATERAL (
           SELECT c.* FROM candidate c LEFT JOIN cursor_row x ON true
           WHERE meta.found AND ($13::varchar IS NULL OR CASE $10::varchar
             WHEN 'NAME' THEN (CASE WHEN $12::varchar = 'DESC' THEN c.name COLLATE "en-GB-x-icu" < x.name ELSE c.name COLLATE "en-GB-x-icu" > x.name END)
                              OR (c.name = x.name AND c.code COLLATE "C" > x.code)
             WHEN 'CODE' THEN (CASE WHEN $12::varchar = 'DESC' THEN c.code COLLATE "C" < x.code ELSE c.code COLLATE "C" > x.code END)
             ELSE CASE WHEN x.sort_value IS NULL THEN c.sort_value IS NULL AND c.code COLLATE "C" > x.code
                       WHEN c.sort_value IS NULL THEN true
                       ELSE (CASE WHEN $12::varchar = 'DESC' THEN c.sort_value < x.sort_value ELSE c.sort_value > x.sort_value END)
                            OR (c.sort_value = x.sort_value AND c.code COLLATE "C" > x.code) END END)
           ORDER BY ${gridOrder('c')}
           LIMIT $14::int4
         ) p ON true
         ORDER BY ${gridOrder('p')}`;
}

/** The grid's sort keys over the alias given ($10 the field, $12 the direction; ties by code, no value last). */
function gridOrder(alias: string): string {
  return `CASE WHEN $10::varchar = 'NAME' AND $12::varchar = 'ASC' THEN ${alias}.name END COLLATE "en-GB-x-icu" ASC,
          CASE WHEN $10::varchar = 'NAME' AND $12::varchar = 'DESC' THEN ${alias}.name END COLLATE "en-GB-x-icu" DESC,
          CASE WHEN $10::varchar = 'VALUE' THEN ${alias}.sort_value IS NULL END ASC,
          CASE WHEN $10::varchar = 'VALUE' AND $12::varchar = 'ASC' THEN ${alias}.sort_value END ASC,
          CASE WHEN $10::varchar = 'VALUE' AND $12::varchar = 'DESC' THEN ${alias}.sort_value END DESC,
          CASE WHEN $10::varchar = 'CODE' AND $12::varchar = 'DESC' THEN ${alias}.code END COLLATE "C" DESC,
          ${alias}.code COLLATE "C" ASC`;
}

/** The condition "organisation o is in the NHS England region given" (see organisation-region.ts), for the grid's page. */
function regionCondition(region: string): string {
  return inRegionCondition('o.code', region);
}

/** The GP practices registered with the CCG $1 as at $2 (IN_CCG in force then) with a stored score on or before $2, by code. */
export const practicesOfCcgAsAt = sqlStatement({
  name: 'scorecard-practices-of-ccg',
  params: ['varchar', 'date'],
  columns: { code: 'varchar' },
  text: `SELECT o.code FROM organisation_relationship r JOIN organisation o ON o.code = r.organisation_code AND o.type = 'GP_PRACTICE'
         WHERE r.related_code = $1::varchar AND r.kind = 'IN_CCG'
           AND coalesce(r.valid_from, '-infinity') <= $2::date AND coalesce(r.valid_to, 'infinity') >= $2::date
           AND EXISTS (SELECT 1 FROM series_score s WHERE s.organisation_code = o.code AND s.as_of <= $2::date)
         ORDER BY o.code`,
});
