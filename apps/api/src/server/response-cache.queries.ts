import { sqlStatement } from '../database/typed-sql';

// The data version of the response cache (decision 0036).

/**
 * The data version: the sum of the slots of `data_version`, which every transaction that writes to any table raises by
 * one as it commits (migration 1763800020000), so it only ever grows, and changes with every committed write.
 */
export const dataVersion = sqlStatement({
  name: 'response-cache-data-version',
  params: [],
  columns: { version: 'text' },
  text: `SELECT sum(version)::text AS version FROM data_version`,
});
