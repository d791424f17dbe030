import { sqlStatement } from '../database/typed-sql';

/** The health check's question to the database. */
export const databaseAnswers = sqlStatement({
  name: 'database-answers',
  params: [],
  columns: { answer: 'int4' },
  text: `SELECT 1 AS answer`,
});
