import { sqlStatement } from '../database/typed-sql';

// The escalation area's set-based reads: the Integrated Board pack's failing indicators from the STORED scores
// (series_score, decision 0021; never recomputed here).

/**
 * For each provider of $1, the scores of its latest month with a stored score on or before $2 that fail: RAG red
 * against the standard, special-cause concern, or an SPC assurance of consistently failing. By provider name, then
 * indicator name.
 */
export const failingIndicators = sqlStatement({
  name: 'escalation-failing-indicators',
  params: ['varchar[]', 'date'],
  columns: {
    providerCode: 'varchar',
    providerName: 'text',
    indicatorCode: 'varchar',
    indicatorName: 'text',
    period: 'date',
    value: 'float8',
    target: 'float8?',
    rag: 'varchar?',
    variationType: 'varchar',
    assuranceType: 'varchar?',
  },
  text: `WITH latest AS (
           SELECT s.organisation_code, max(s.as_of) AS as_of
           FROM series_score s
           WHERE s.organisation_code = ANY($1) AND s.as_of <= $2
           GROUP BY s.organisation_code
         )
         SELECT s.organisation_code AS "providerCode", o.name AS "providerName", s.indicator_code AS "indicatorCode", i.name AS "indicatorName",
                s.as_of AS period, s.value, s.target, s.rag, s.variation_type AS "variationType", s.assurance_type AS "assuranceType"
         FROM latest l
         JOIN series_score s ON s.organisation_code = l.organisation_code AND s.as_of = l.as_of
         JOIN organisation o ON o.code = s.organisation_code
         JOIN indicator i ON i.code = s.indicator_code
         WHERE s.rag = 'RED' OR s.variation_type = 'SPECIAL_CAUSE_CONCERN' OR s.assurance_type = 'CONSISTENT_FAIL'
         ORDER BY o.name, s.organisation_code, i.name, s.indicator_code`,
});
