import type { PoolClient } from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import { sqlStatement } from '../database/typed-sql';

// Stored scores (decision 0021): set-based finding of the series whose scores are out of step with their values,
// their values in one statement, and bulk writes of the recomputed rows (COPY FROM STDIN, decision 0033).

/** Only one transaction rewrites stored scores at a time, whichever process and path (import, start-up, edit). */
export const lockSeriesScores = sqlStatement({
  name: 'scores-lock',
  params: [],
  columns: { locked: 'int4' },
  text: `SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('series-score'))`,
});

/**
 * The series (of the indicators $1; every indicator when null) whose stored scores are out of step with their values,
 * each from the first month that is: a value without a score of version $2 for its month, a score without a value
 * for its month, or a score whose period or counts differ from the value's. An import's inserts, corrections and
 * removals, and a new scoring version, all show here.
 */
export const seriesOutOfStep = sqlStatement({
  name: 'scores-series-out-of-step',
  params: ['varchar[]?', 'int4'],
  columns: { indicatorCode: 'varchar', organisationCode: 'varchar', from: 'date' },
  text: `WITH v AS (
           SELECT v.indicator_code, v.organisation_code, p.start_date AS as_of, v.period_id,
                  v.numerator::float8 AS numerator, v.denominator::float8 AS denominator, v.value::float8 AS value
           FROM indicator_value v JOIN period p ON p.id = v.period_id
           WHERE $1::varchar[] IS NULL OR v.indicator_code = ANY($1::varchar[])
         ),
         s AS (
           SELECT indicator_code, organisation_code, as_of, period_id, numerator, denominator, value, scoring_version
           FROM series_score WHERE $1::varchar[] IS NULL OR indicator_code = ANY($1::varchar[])
         )
         SELECT coalesce(v.indicator_code, s.indicator_code) AS "indicatorCode", coalesce(v.organisation_code, s.organisation_code) AS "organisationCode",
                min(coalesce(v.as_of, s.as_of)) AS "from"
         FROM v FULL JOIN s ON s.indicator_code = v.indicator_code AND s.organisation_code = v.organisation_code AND s.as_of = v.as_of
         WHERE v.indicator_code IS NULL OR s.indicator_code IS NULL OR s.scoring_version <> $2::int4
            OR (s.period_id, s.numerator, s.denominator, s.value) IS DISTINCT FROM (v.period_id, v.numerator, v.denominator, v.value)
         GROUP BY 1, 2
         ORDER BY 1, 2`,
});

/**
 * The series given in $1 (JSON: indicator_code, organisation_code, from_date): their stored scores from from_date on
 * (all when null) go. A recompute rewrites each series' latest row among them, so the points stay on the latest.
 */
export const deleteSeriesScores = sqlStatement({
  name: 'scores-delete-series',
  params: ['jsonb'],
  columns: {},
  text: `DELETE FROM series_score s
         USING jsonb_to_recordset($1::jsonb) AS t(indicator_code varchar, organisation_code varchar, from_date date)
         WHERE s.indicator_code = t.indicator_code AND s.organisation_code = t.organisation_code AND (t.from_date IS NULL OR s.as_of >= t.from_date)`,
});

/**
 * The series given in $1 (JSON: indicator_code, organisation_code, from_date): their rows before from_date lose their
 * points, since the rows a recompute writes from from_date on end with the series' latest row, which alone keeps them
 * (decision 0021, amended for issue 19). Touches only a row that still has points: the previous latest, once.
 */
export const clearEarlierPoints = sqlStatement({
  name: 'scores-clear-earlier-points',
  params: ['jsonb'],
  columns: {},
  text: `UPDATE series_score s SET points = NULL
         FROM jsonb_to_recordset($1::jsonb) AS t(indicator_code varchar, organisation_code varchar, from_date date)
         WHERE s.indicator_code = t.indicator_code AND s.organisation_code = t.organisation_code AND t.from_date IS NOT NULL
           AND s.as_of < t.from_date AND s.points IS NOT NULL`,
});

/**
 * Every value of the series given in $1 (JSON: indicator_code, organisation_code, and until_date: only the values of
 * months up to it, all when absent or null): one row per series, the indicator's polarity, and its points as JSON,
 * oldest first: [period id, start, end, type, label, numerator, denominator, value] (JSON parses far faster than one
 * row a point).
 */
export const valuesOfSeries = sqlStatement({
  name: 'scores-values-of-series',
  params: ['jsonb'],
  columns: { indicatorCode: 'varchar', organisationCode: 'varchar', indicatorPolarity: 'varchar', points: 'jsonb' },
  text: `SELECT v.indicator_code AS "indicatorCode", v.organisation_code AS "organisationCode", min(i.polarity)::varchar AS "indicatorPolarity",
                jsonb_agg(jsonb_build_array(p.id, p.start_date, p.end_date, p.type, p.label, v.numerator, v.denominator, v.value) ORDER BY p.start_date) AS points
         FROM jsonb_to_recordset($1::jsonb) AS t(indicator_code varchar, organisation_code varchar, until_date date)
         JOIN indicator_value v ON v.indicator_code = t.indicator_code AND v.organisation_code = t.organisation_code
         JOIN period p ON p.id = v.period_id JOIN indicator i ON i.code = v.indicator_code
         WHERE t.until_date IS NULL OR p.start_date <= t.until_date
         GROUP BY v.indicator_code, v.organisation_code`,
});

/** The columns a recompute writes, in the order of each row it copies (`seriesScoreCopyValues` in stored-score.ts). */
export const SERIES_SCORE_COPY_COLUMNS = [
  'indicator_code',
  'organisation_code',
  'as_of',
  'period_id',
  'numerator',
  'denominator',
  'value',
  'standard_code',
  'standard_valid_from',
  'rag',
  'improvement_direction',
  'target',
  'mean',
  'lower_process_limit',
  'upper_process_limit',
  'variation_type',
  'assurance_type',
  'short_group_warning',
  'points',
  'scoring_version',
  'target_source',
  'fix_after_n_points',
] as const;

/**
 * Starts the COPY of recomputed stored scores on the transaction's connection (decision 0033): far faster than
 * parameterised inserts for the hundreds of thousands of rows a large import recomputes. Like the DDL of the imports'
 * staging tables, the one statement PostgreSQL cannot prepare, so not a typed statement.
 */
export function startSeriesScoreCopy(client: PoolClient): CopyStreamQuery {
  return client.query(copyFrom(`COPY series_score (${SERIES_SCORE_COPY_COLUMNS.join(', ')}) FROM STDIN`));
}

/**
 * Each series' stored score of the organisations $1 as at $2 (the latest month on or before it; the latest when
 * null), with its period and every point's SPC when that row is the series' latest (null on an earlier month's row:
 * scores-as-at.ts computes those): what the provider scorecard shows. By organisation, then indicator.
 * One index probe per organisation and indicator (the primary key, newest month first), so a read costs the same
 * however many months each series has.
 */
export const storedScores = sqlStatement({
  name: 'scores-stored-with-points',
  params: ['varchar[]', 'date?'],
  columns: {
    organisationCode: 'varchar',
    indicatorCode: 'varchar',
    periodType: 'varchar',
    periodStart: 'date',
    periodEnd: 'date',
    periodLabel: 'text',
    numerator: 'float8',
    denominator: 'float8',
    value: 'float8',
    standardCode: 'varchar?',
    standardValidFrom: 'date?',
    rag: 'varchar?',
    improvementDirection: 'varchar',
    target: 'float8?',
    variationType: 'varchar',
    assuranceType: 'varchar?',
    shortGroupWarning: 'bool',
    points: 'jsonb?',
    standard: 'jsonb?',
    targetSource: 'varchar?',
    fixAfterNPoints: 'int4?',
  },
  // The standard's version is read as it is now (its row in standard_version, validTo the day before its code's next
  // version): a threshold edit recomputes the rows, so a row's version and its judgement agree.
  text: `SELECT s.organisation_code AS "organisationCode", s.indicator_code AS "indicatorCode",
                p.type AS "periodType", p.start_date AS "periodStart", p.end_date AS "periodEnd", p.label AS "periodLabel",
                s.numerator, s.denominator, s.value, s.standard_code AS "standardCode", s.standard_valid_from AS "standardValidFrom", s.rag,
                s.improvement_direction AS "improvementDirection", s.target, s.variation_type AS "variationType", s.assurance_type AS "assuranceType",
                s.short_group_warning AS "shortGroupWarning", s.points,
                CASE WHEN sv.code IS NULL THEN NULL ELSE jsonb_build_object(
                  'code', sv.code, 'name', sv.name, 'description', sv.description, 'unit', sv.unit, 'polarity', sv.polarity,
                  'threshold', sv.threshold, 'zeroTolerance', sv.zero_tolerance, 'periodType', sv.period_type, 'numerator', sv.numerator,
                  'denominator', sv.denominator, 'validFrom', sv.valid_from, 'source', sv.source,
                  'validTo', (SELECT min(n.valid_from) - 1 FROM standard_version n WHERE n.code = sv.code AND n.valid_from > sv.valid_from)) END AS standard,
                s.target_source AS "targetSource", s.fix_after_n_points AS "fixAfterNPoints"
         FROM unnest($1::varchar[]) AS o(code) CROSS JOIN indicator i
         CROSS JOIN LATERAL (
           SELECT * FROM series_score s WHERE s.organisation_code = o.code AND s.indicator_code = i.code AND ($2::date IS NULL OR s.as_of <= $2::date)
           ORDER BY s.as_of DESC LIMIT 1
         ) s
         JOIN period p ON p.id = s.period_id
         LEFT JOIN standard_version sv ON sv.code = s.standard_code AND sv.valid_from = s.standard_valid_from
         ORDER BY s.organisation_code, s.indicator_code`,
});

/**
 * Each series' stored verdicts of the organisations $1 as at $2 (the latest month on or before it), without the
 * points: what a grid cell shows and the grid filters and sorts on. By organisation, then indicator. One index probe
 * per organisation and indicator, as above.
 */
export const storedVerdicts = sqlStatement({
  name: 'scores-stored-verdicts',
  params: ['varchar[]', 'date'],
  columns: {
    organisationCode: 'varchar',
    indicatorCode: 'varchar',
    asOf: 'date',
    value: 'float8',
    threshold: 'float8?',
    rag: 'varchar?',
    variationType: 'varchar',
    assuranceType: 'varchar?',
  },
  text: `SELECT s.organisation_code AS "organisationCode", s.indicator_code AS "indicatorCode",
                s.as_of AS "asOf", s.value, s.target AS threshold, s.rag, s.variation_type AS "variationType", s.assurance_type AS "assuranceType"
         FROM unnest($1::varchar[]) AS o(code) CROSS JOIN indicator i
         CROSS JOIN LATERAL (
           SELECT * FROM series_score s WHERE s.organisation_code = o.code AND s.indicator_code = i.code AND s.as_of <= $2::date
           ORDER BY s.as_of DESC LIMIT 1
         ) s
         ORDER BY s.organisation_code, s.indicator_code`,
});

/** Every version of every national standard (a few dozen rows): the catalogue scores are judged with (decision 0030). */
export const standardVersions = sqlStatement({
  name: 'scores-standard-versions',
  params: [],
  columns: {
    code: 'varchar',
    validFrom: 'date',
    name: 'text',
    description: 'text',
    unit: 'varchar',
    polarity: 'varchar',
    threshold: 'numeric',
    zeroTolerance: 'bool',
    periodType: 'varchar',
    numerator: 'text',
    denominator: 'text?',
    source: 'jsonb',
  },
  text: `SELECT code, valid_from AS "validFrom", name, description, unit, polarity, threshold, zero_tolerance AS "zeroTolerance",
                period_type AS "periodType", numerator, denominator, source
         FROM standard_version ORDER BY code, valid_from`,
});

/**
 * What the series given in $1 (JSON: indicator_code, organisation_code) are scored with besides their values: local
 * targets [[effective from, target]], trajectory months [[period, value]] (targets as exact decimal text), the
 * baseline's n (null when not fixed) and the rebase dates, oldest first. One row per series given.
 */
export const settingsOfSeries = sqlStatement({
  name: 'scores-settings-of-series',
  params: ['jsonb'],
  columns: { indicatorCode: 'varchar', organisationCode: 'varchar', localTargets: 'jsonb', trajectory: 'jsonb', fixAfterNPoints: 'int4?', rebaseDates: 'jsonb' },
  text: `SELECT t.indicator_code AS "indicatorCode", t.organisation_code AS "organisationCode",
                (SELECT coalesce(jsonb_agg(jsonb_build_array(l.effective_from, l.target::text) ORDER BY l.effective_from), '[]'::jsonb) FROM local_target l
                  WHERE l.indicator_code = t.indicator_code AND l.organisation_code = t.organisation_code) AS "localTargets",
                (SELECT coalesce(jsonb_agg(jsonb_build_array(m.period, m.value::text) ORDER BY m.period), '[]'::jsonb) FROM trajectory_month m
                  WHERE m.indicator_code = t.indicator_code AND m.organisation_code = t.organisation_code) AS trajectory,
                (SELECT b.fix_after_n_points FROM series_baseline b WHERE b.indicator_code = t.indicator_code AND b.organisation_code = t.organisation_code) AS "fixAfterNPoints",
                (SELECT coalesce(jsonb_agg(r.rebase_date ORDER BY r.rebase_date), '[]'::jsonb) FROM series_rebase r
                  WHERE r.indicator_code = t.indicator_code AND r.organisation_code = t.organisation_code) AS "rebaseDates"
         FROM jsonb_to_recordset($1::jsonb) AS t(indicator_code varchar, organisation_code varchar)`,
});

/** The organisations with values of indicator $1 from $2 on: the series a change of its standard from $2 touches. */
export const organisationsWithValuesFrom = sqlStatement({
  name: 'scores-organisations-with-values-from',
  params: ['varchar', 'date'],
  columns: { organisationCode: 'varchar' },
  text: `SELECT DISTINCT v.organisation_code AS "organisationCode" FROM indicator_value v JOIN period p ON p.id = v.period_id
         WHERE v.indicator_code = $1::varchar AND p.start_date >= $2::date ORDER BY 1`,
});
