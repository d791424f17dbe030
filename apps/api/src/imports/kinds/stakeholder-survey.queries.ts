import { sqlStatement } from '../../database/typed-sql';
import { MAX_REPORTED_ERRORS, stagingTable } from '../staging.queries';

export const surveyStaging = stagingTable({
  table: 'staging_stakeholder_survey',
  columns: [
    { name: 'survey_year', sqlType: 'varchar(7)' },
    { name: 'ccg_code', sqlType: 'varchar(12)' },
    { name: 'question_code', sqlType: 'varchar(40)' },
    { name: 'question', sqlType: 'text' },
    { name: 'percentage_positive', sqlType: 'numeric(5,2)' },
  ],
  uniqueKey: ['survey_year', 'ccg_code', 'question_code'],
});

const setup = [surveyStaging.ddl];

/** Lines whose CCG code is not a known CCG, the first MAX_REPORTED_ERRORS. */
export const unknownSurveyCcgs = sqlStatement({
  name: 'import-stakeholder-survey-unknown-ccgs',
  params: [],
  columns: { line: 'int4', ccgCode: 'varchar' },
  setup,
  text: `SELECT s.line, s.ccg_code AS "ccgCode" FROM staging_stakeholder_survey s LEFT JOIN organisation o ON o.code = s.ccg_code
         WHERE o.code IS NULL OR o.type <> 'CCG' ORDER BY s.line LIMIT ${MAX_REPORTED_ERRORS}`,
});

const resultKey = (alias: string) => `${alias}.ccg_code || '/' || ${alias}.survey_year || '/' || ${alias}.question_code`;
const resultValues = (alias: string) => `jsonb_build_object('question', ${alias}.question, 'percentagePositive', ${alias}.percentage_positive::text)`;

/**
 * Replaces the results of each CCG and year in the file: changed answers updated, questions no longer there
 * removed, new ones added, each update and removal audited with before and after. $1 is the import batch;
 * $2-$4 the actor's user id, username and request id.
 */
export const replaceSurveyResults = sqlStatement({
  name: 'import-stakeholder-survey-replace-results',
  params: ['int8', 'uuid?', 'text?', 'text?'],
  columns: { inserted: 'int4', updated: 'int4', deleted: 'int4', audited: 'int4' },
  setup,
  text: `WITH existing AS (
         SELECT r.* FROM stakeholder_survey_result r WHERE EXISTS (SELECT 1 FROM staging_stakeholder_survey s WHERE s.ccg_code = r.ccg_code AND s.survey_year = r.survey_year)
       ),
       deleted AS (
         DELETE FROM stakeholder_survey_result r USING existing e
          WHERE r.ccg_code = e.ccg_code AND r.survey_year = e.survey_year AND r.question_code = e.question_code
            AND NOT EXISTS (SELECT 1 FROM staging_stakeholder_survey s WHERE s.ccg_code = e.ccg_code AND s.survey_year = e.survey_year AND s.question_code = e.question_code)
         RETURNING e.*
       ),
       updated AS (
         UPDATE stakeholder_survey_result r SET question = s.question, percentage_positive = s.percentage_positive, import_batch_id = $1
           FROM staging_stakeholder_survey s
          WHERE r.ccg_code = s.ccg_code AND r.survey_year = s.survey_year AND r.question_code = s.question_code
            AND (r.question, r.percentage_positive) IS DISTINCT FROM (s.question, s.percentage_positive)
         RETURNING r.ccg_code, r.survey_year, r.question_code, s.question, s.percentage_positive
       ),
       inserted AS (
         INSERT INTO stakeholder_survey_result (survey_year, ccg_code, question_code, question, percentage_positive, import_batch_id)
         SELECT s.survey_year, s.ccg_code, s.question_code, s.question, s.percentage_positive, $1 FROM staging_stakeholder_survey s
          WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.ccg_code = s.ccg_code AND e.survey_year = s.survey_year AND e.question_code = s.question_code)
         RETURNING 1
       ),
       audited AS (
         INSERT INTO audit_event (actor_user_id, actor_username, action, entity_type, entity_id, before, after, request_id)
         SELECT $2::uuid, $3::text, 'DELETE_STAKEHOLDER_SURVEY_RESULT', 'stakeholder_survey_result', ${resultKey('d')}, ${resultValues('d')}, NULL, $4::text FROM deleted d
         UNION ALL
         SELECT $2::uuid, $3::text, 'UPDATE_STAKEHOLDER_SURVEY_RESULT', 'stakeholder_survey_result', ${resultKey('u')}, ${resultValues('e')}, ${resultValues('u')}, $4::text
           FROM updated u JOIN existing e USING (ccg_code, survey_year, question_code)
         RETURNING 1
       )
       SELECT (SELECT count(*)::int4 FROM inserted) AS inserted, (SELECT count(*)::int4 FROM updated) AS updated,
              (SELECT count(*)::int4 FROM deleted) AS deleted, (SELECT count(*)::int4 FROM audited) AS audited`,
});
