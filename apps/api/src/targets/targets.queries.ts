import { sqlStatement } from '../database/typed-sql';

// The targets area's reads that join other areas' tables (decision 0030).

/** Whether organisation $1 has a value of indicator $2 for the month starting $3: a rebase date must be one of the series' periods. */
export const seriesHasPeriod = sqlStatement({
  name: 'targets-series-has-period',
  params: ['varchar', 'varchar', 'date'],
  columns: { found: 'int4' },
  text: `SELECT 1 AS found FROM indicator_value v JOIN period p ON p.id = v.period_id
         WHERE v.organisation_code = $1::varchar AND v.indicator_code = $2::varchar AND p.start_date = $3::date`,
});
