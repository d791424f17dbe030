import { sqlStatement } from '../database/typed-sql';

// The contracts area's set-based reads and writes (decision 0022): contracted providers, the after-import breach and
// trajectory checks from the STORED scores (series_score; never recomputed here), and the values an issued notice's
// frozen evidence is compared with.

/** The providers a CCG ($1) holds contracts with for the financial year $2, as lead or associate, by code. */
export const contractedProviders = sqlStatement({
  name: 'contracts-contracted-providers',
  params: ['varchar', 'varchar'],
  columns: { providerCode: 'varchar' },
  text: `SELECT DISTINCT c.provider_code AS "providerCode"
         FROM contract c LEFT JOIN contract_associate a ON a.contract_id = c.id
         WHERE c.financial_year = $2 AND (c.lead_commissioner_code = $1 OR a.commissioner_code = $1)
         ORDER BY 1`,
});

/**
 * The contracted providers an import batch ($1) wrote values for: the providers whose contracts it touched. Probes
 * each contracted provider's values (the organisation index), so an import with no contracted provider costs little
 * however large it is.
 */
export const organisationsOfBatch = sqlStatement({
  name: 'contracts-organisations-of-batch',
  params: ['int8'],
  columns: { organisationCode: 'varchar' },
  text: `SELECT p.code AS "organisationCode"
         FROM (SELECT DISTINCT provider_code AS code FROM contract) p
         WHERE EXISTS (SELECT 1 FROM indicator_value v WHERE v.organisation_code = p.code AND v.import_batch_id = $1)
         ORDER BY 1`,
});

/**
 * Every month of the contract's financial year that a monitored indicator of a contract of the providers $1 has a
 * stored score for, with the contract's local threshold and the stored verdicts as at that month.
 */
export const breachCandidates = sqlStatement({
  name: 'contracts-breach-candidates',
  params: ['varchar[]'],
  columns: {
    contractId: 'uuid',
    indicatorCode: 'varchar',
    localThreshold: 'float8?',
    polarity: 'varchar',
    periodId: 'int4',
    period: 'date',
    periodLabel: 'text',
    value: 'float8',
    target: 'float8?',
    rag: 'varchar?',
    variationType: 'varchar',
    assuranceType: 'varchar?',
  },
  text: `SELECT c.id AS "contractId", ci.indicator_code AS "indicatorCode", ci.threshold::float8 AS "localThreshold", i.polarity::varchar AS polarity,
                s.period_id AS "periodId", s.as_of AS period, p.label AS "periodLabel", s.value, s.target, s.rag,
                s.variation_type AS "variationType", s.assurance_type AS "assuranceType"
         FROM contract c
         JOIN contract_indicator ci ON ci.contract_id = c.id
         JOIN indicator i ON i.code = ci.indicator_code
         JOIN series_score s ON s.organisation_code = c.provider_code AND s.indicator_code = ci.indicator_code
              AND s.as_of >= make_date(left(c.financial_year, 4)::int, 4, 1) AND s.as_of < make_date(left(c.financial_year, 4)::int + 1, 4, 1)
         JOIN period p ON p.id = s.period_id
         WHERE c.provider_code = ANY($1::varchar[])
         ORDER BY c.id, ci.indicator_code, s.as_of`,
});

/** Inserts the breach proposals given in $1 (JSON) that are not there yet; returns those inserted. */
export const insertBreachProposals = sqlStatement({
  name: 'contracts-insert-breach-proposals',
  params: ['jsonb', 'int8?'],
  columns: { id: 'uuid', contractId: 'uuid', indicatorCode: 'varchar', periodId: 'int4' },
  text: `INSERT INTO contract_breach_proposal (contract_id, indicator_code, period_id, reasons, evidence, import_batch_id)
         SELECT t.contract_id, t.indicator_code, t.period_id, t.reasons, t.evidence, $2::int8
         FROM jsonb_to_recordset($1::jsonb) AS t(contract_id uuid, indicator_code varchar, period_id int, reasons text[], evidence jsonb)
         ON CONFLICT (contract_id, indicator_code, period_id) DO NOTHING
         RETURNING id, contract_id AS "contractId", indicator_code AS "indicatorCode", period_id AS "periodId"`,
});

/**
 * The recovery trajectory months of the open notices of contracts of the providers $1 that have a stored score for
 * their month: the committed value and the actual (the stored value of that month).
 */
export const trajectoryCandidates = sqlStatement({
  name: 'contracts-trajectory-candidates',
  params: ['varchar[]'],
  columns: {
    planId: 'uuid',
    noticeId: 'uuid',
    status: 'varchar',
    indicatorCode: 'varchar',
    polarity: 'varchar',
    month: 'date',
    committed: 'float8',
    actual: 'float8',
  },
  text: `SELECT pl.id AS "planId", n.id AS "noticeId", n.status, t.indicator_code AS "indicatorCode", i.polarity::varchar AS polarity,
                t.month, t.value::float8 AS committed, s.value AS actual
         FROM remedial_action_plan pl
         JOIN contract_notice n ON n.id = pl.notice_id
         JOIN contract c ON c.id = n.contract_id
         JOIN recovery_trajectory_point t ON t.plan_id = pl.id
         JOIN indicator i ON i.code = t.indicator_code
         JOIN series_score s ON s.organisation_code = c.provider_code AND s.indicator_code = t.indicator_code AND s.as_of = t.month
         WHERE c.provider_code = ANY($1::varchar[]) AND n.status NOT IN ('WITHDRAWN', 'CLOSED', 'RECOVERED')
         ORDER BY pl.id, t.month, t.indicator_code`,
});

/** Inserts the trajectory misses given in $1 (JSON) that are not there yet; returns those inserted. */
export const insertTrajectoryMisses = sqlStatement({
  name: 'contracts-insert-trajectory-misses',
  params: ['jsonb', 'int8?'],
  columns: { planId: 'uuid', indicatorCode: 'varchar', month: 'date', proposedNextStep: 'varchar' },
  text: `INSERT INTO trajectory_miss (plan_id, indicator_code, month, committed_value, actual_value, proposed_next_step, import_batch_id)
         SELECT t.plan_id, t.indicator_code, t.month, t.committed_value, t.actual_value, t.proposed_next_step, $2::int8
         FROM jsonb_to_recordset($1::jsonb) AS t(plan_id uuid, indicator_code varchar, month date, committed_value numeric, actual_value numeric, proposed_next_step varchar)
         ON CONFLICT (plan_id, indicator_code, month) DO NOTHING
         RETURNING plan_id AS "planId", indicator_code AS "indicatorCode", month, proposed_next_step AS "proposedNextStep"`,
});

/** The values the data holds now for the organisation $1 and indicators $2, by period start: what frozen evidence is compared with. */
export const currentValues = sqlStatement({
  name: 'contracts-current-values',
  params: ['varchar', 'varchar[]'],
  columns: { indicatorCode: 'varchar', period: 'date', value: 'float8' },
  text: `SELECT v.indicator_code AS "indicatorCode", p.start_date AS period, v.value::float8 AS value
         FROM indicator_value v JOIN period p ON p.id = v.period_id
         WHERE v.organisation_code = $1 AND v.indicator_code = ANY($2::varchar[])`,
});

/** The stored values of the organisation $1 for the indicators $2 in the months $3: a trajectory's actuals. */
export const storedMonthValues = sqlStatement({
  name: 'contracts-stored-month-values',
  params: ['varchar', 'varchar[]', 'date[]'],
  columns: { indicatorCode: 'varchar', month: 'date', value: 'float8', polarity: 'varchar' },
  text: `SELECT s.indicator_code AS "indicatorCode", s.as_of AS month, s.value, i.polarity::varchar AS polarity
         FROM series_score s JOIN indicator i ON i.code = s.indicator_code
         WHERE s.organisation_code = $1 AND s.indicator_code = ANY($2::varchar[]) AND s.as_of = ANY($3::date[])`,
});
