import { sqlStatement } from '../database/typed-sql';

// The attention view's reads (decision 0032): stored scores only (decision 0021), one statement each, however many
// providers and indicators are in scope.

/**
 * Each series' stored score of the organisations $1 (of the indicators $2; every indicator when null) as at $3 (the
 * latest month on or before it): the verdicts, the target in force, the counts, and the values of its last three
 * points (null where the series is shorter): read out of the stored points on a series' latest row, else (only the
 * latest row keeps points: decision 0021, amended for issue 19) its three latest values up to the row's month, without
 * the rest of the points. One index probe per organisation and indicator, as the grid reads them.
 */
export const attentionScores = sqlStatement({
  name: 'attention-scores',
  params: ['varchar[]', 'varchar[]?', 'date'],
  columns: {
    organisationCode: 'varchar',
    indicatorCode: 'varchar',
    indicatorUnit: 'varchar',
    periodType: 'varchar',
    periodStart: 'date',
    periodEnd: 'date',
    periodLabel: 'text',
    numerator: 'float8',
    denominator: 'float8',
    value: 'float8',
    target: 'float8?',
    targetSource: 'varchar?',
    rag: 'varchar?',
    improvementDirection: 'varchar',
    variationType: 'varchar',
    assuranceType: 'varchar?',
    lastValues: 'jsonb',
  },
  text: `SELECT s.organisation_code AS "organisationCode", s.indicator_code AS "indicatorCode", i.unit AS "indicatorUnit",
                p.type AS "periodType", p.start_date AS "periodStart", p.end_date AS "periodEnd", p.label AS "periodLabel",
                s.numerator, s.denominator, s.value, s.target, s.target_source AS "targetSource", s.rag,
                s.improvement_direction AS "improvementDirection", s.variation_type AS "variationType", s.assurance_type AS "assuranceType",
                CASE WHEN s.points IS NOT NULL THEN jsonb_build_array(s.points->'p'->-3->1, s.points->'p'->-2->1, s.points->'p'->-1->1)
                ELSE (SELECT jsonb_build_array(l.values->2, l.values->1, l.values->0)
                      FROM (SELECT jsonb_agg(v.value ORDER BY v.start_date DESC) AS values FROM (
                              SELECT v.value, vp.start_date FROM indicator_value v JOIN period vp ON vp.id = v.period_id
                              WHERE v.indicator_code = s.indicator_code AND v.organisation_code = s.organisation_code AND vp.start_date <= s.as_of
                              ORDER BY vp.start_date DESC LIMIT 3) v) l) END AS "lastValues"
         FROM unnest($1::varchar[]) AS o(code) CROSS JOIN indicator i
         CROSS JOIN LATERAL (
           SELECT * FROM series_score s WHERE s.organisation_code = o.code AND s.indicator_code = i.code AND s.as_of <= $3::date
           ORDER BY s.as_of DESC LIMIT 1
         ) s
         JOIN period p ON p.id = s.period_id
         WHERE $2::varchar[] IS NULL OR i.code = ANY($2::varchar[])
         ORDER BY s.organisation_code, s.indicator_code`,
});

/**
 * The counts of every organisation of type $2 for each (indicator, period) given in $1 (JSON: indicator_code,
 * period_type, period_start): the peers each funnel plot of the page is drawn over, in one statement.
 */
export const peerCounts = sqlStatement({
  name: 'attention-peer-counts',
  params: ['jsonb', 'varchar'],
  columns: { indicatorCode: 'varchar', periodStart: 'date', organisationCode: 'varchar', numerator: 'float8', denominator: 'float8' },
  text: `SELECT v.indicator_code AS "indicatorCode", p.start_date AS "periodStart", v.organisation_code AS "organisationCode",
                v.numerator::float8 AS numerator, v.denominator::float8 AS denominator
         FROM jsonb_to_recordset($1::jsonb) AS t(indicator_code varchar, period_type varchar, period_start date)
         JOIN period p ON p.type = t.period_type AND p.start_date = t.period_start
         -- One scan of the (indicator, period) index per group, in its indicator's partition only (run-time pruning,
         -- decision 0035; OFFSET 0 keeps the planner from flattening it into a join that scans every partition by period,
         -- 17.7 million values at national practice scale).
         CROSS JOIN LATERAL (
           SELECT v.indicator_code, v.organisation_code, v.numerator, v.denominator FROM indicator_value v
           WHERE v.indicator_code = t.indicator_code AND v.period_id = p.id OFFSET 0
         ) v
         JOIN organisation o ON o.code = v.organisation_code AND o.type = $2::varchar
         ORDER BY 1, 2, 3`,
});

/**
 * The contracts for the financial years $3 with the providers $2 that one of the CCGs $1 holds, as lead or
 * associate, with their parties (for the contracts area's read check).
 */
export const contractsOfCcgsWith = sqlStatement({
  name: 'attention-contracts-of-ccgs-with',
  params: ['varchar[]', 'varchar[]', 'varchar[]'],
  columns: { id: 'uuid', providerCode: 'varchar', financialYear: 'varchar', leadCommissionerCode: 'varchar', associateCodes: 'varchar[]' },
  text: `SELECT c.id, c.provider_code AS "providerCode", c.financial_year AS "financialYear", c.lead_commissioner_code AS "leadCommissionerCode",
                coalesce((SELECT array_agg(a.commissioner_code ORDER BY a.commissioner_code) FROM contract_associate a WHERE a.contract_id = c.id), '{}')::varchar[] AS "associateCodes"
         FROM contract c
         WHERE c.provider_code = ANY($2::varchar[]) AND c.financial_year = ANY($3::varchar[])
           AND (c.lead_commissioner_code = ANY($1::varchar[]) OR EXISTS (SELECT 1 FROM contract_associate a WHERE a.contract_id = c.id AND a.commissioner_code = ANY($1::varchar[])))
         ORDER BY c.provider_code, c.financial_year, (c.lead_commissioner_code = ANY($1::varchar[])) DESC, c.id`,
});

/** The open escalation items of the CCGs $1 about the providers $2, oldest first. */
export const openEscalationItemsAbout = sqlStatement({
  name: 'attention-open-escalation-items-about',
  params: ['varchar[]', 'varchar[]'],
  columns: { id: 'uuid', ccgCode: 'varchar', providerCode: 'varchar', indicatorCode: 'varchar?' },
  text: `SELECT e.id, e.ccg_code AS "ccgCode", e.provider_code AS "providerCode", e.indicator_code AS "indicatorCode"
         FROM escalation_item e
         WHERE e.status = 'OPEN' AND e.ccg_code = ANY($1::varchar[]) AND e.provider_code = ANY($2::varchar[])
         ORDER BY e.raised_at, e.id`,
});
