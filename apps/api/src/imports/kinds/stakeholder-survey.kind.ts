import { Percentage } from '@ccg-assure/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../server/app-error';
import { ODS_CODE, ok, refuse, type ApplyContext, type ImportCounts, type ImportKind } from '../import-kind';

interface SurveyRow {
  surveyYear: string;
  ccgCode: string;
  questionCode: string;
  question: string;
  percentagePositive: string;
}

const FINANCIAL_YEAR = /^(\d{4})\/(\d{2})$/;
const QUESTION_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
/** A percentage as the survey publishes it: up to three digits, at most two decimal places. */
const PERCENTAGE = /^\d{1,3}(\.\d{1,2})?$/;
const MAX_QUESTION_LENGTH = 1000;
/** Unknown CCGs listed in one refusal, at most (the importer's own limit for bad rows). */
const MAX_LISTED = 1000;

/**
 * The annual 360-degree stakeholder survey results (`survey_year, ccg_code, question_code, question,
 * percentage_positive`), one row per CCG per question: the share of its stakeholders answering positively,
 * 0 to 100 (DOMAIN.md "Assurance framework": evidence from "the annual 360-degree stakeholder survey").
 * A file replaces the results of each CCG and year it contains: changed answers are updated, questions no
 * longer there removed, each audited with before and after. Every CCG code must be a known CCG.
 */
export const stakeholderSurveyKind: ImportKind<SurveyRow> = {
  name: 'stakeholder-survey',
  description: '360-degree stakeholder survey results (CCG, question, percentage positive)',
  requiredColumns: ['survey_year', 'ccg_code', 'question_code', 'question', 'percentage_positive'],
  stagingColumns: [
    { name: 'survey_year', type: 'varchar(7)' },
    { name: 'ccg_code', type: 'varchar(12)' },
    { name: 'question_code', type: 'varchar(40)' },
    { name: 'question', type: 'text' },
    { name: 'percentage_positive', type: 'numeric(5,2)' },
  ],
  uniqueKey: ['survey_year', 'ccg_code', 'question_code'],
  parseRow(row) {
    const year = FINANCIAL_YEAR.exec(row.survey_year);
    if (!year || (Number(year[1]) + 1) % 100 !== Number(year[2])) return refuse(`survey_year "${row.survey_year}" is not a financial year such as 2015/16`);
    if (!ODS_CODE.test(row.ccg_code)) return refuse(`ccg_code "${row.ccg_code}" is not an ODS code (3 to 6 capital letters or digits)`);
    if (!QUESTION_CODE.test(row.question_code)) return refuse(`question_code "${row.question_code}" is not a code (letters, digits, _ . -; at most 40)`);
    if (row.question === '') return refuse('question is empty');
    if (row.question.length > MAX_QUESTION_LENGTH) return refuse(`question is longer than ${MAX_QUESTION_LENGTH} characters`);
    if (!PERCENTAGE.test(row.percentage_positive)) return refuse(`percentage_positive "${row.percentage_positive}" is not a percentage such as 72 or 72.5 (at most two decimal places)`);
    if (!Percentage.parse(row.percentage_positive).isBetween(Percentage.ZERO, Percentage.HUNDRED)) return refuse(`percentage_positive ${row.percentage_positive} is not from 0 to 100`);
    return ok({ surveyYear: row.survey_year, ccgCode: row.ccg_code, questionCode: row.question_code, question: row.question, percentagePositive: row.percentage_positive });
  },
  stage: (row) => [row.surveyYear, row.ccgCode, row.questionCode, row.question, row.percentagePositive],
  async apply(manager: EntityManager, context: ApplyContext): Promise<ImportCounts> {
    const { staging } = context;
    const unknown: { line: number; ccgCode: string }[] = await manager.query(
      `SELECT s.line, s.ccg_code AS "ccgCode" FROM ${staging} s LEFT JOIN organisation o ON o.code = s.ccg_code
        WHERE o.code IS NULL OR o.type <> 'CCG' ORDER BY s.line LIMIT ${MAX_LISTED}`,
    );
    if (unknown.length) {
      // The importer validates rows without the database; this check needs it, so it refuses the file here,
      // before anything is written, naming every line.
      const errors = unknown.map((row) => ({ line: row.line, reason: `ccg_code "${row.ccgCode}" is not a known CCG` }));
      throw new AppError('BAD_USER_INPUT', 'UNKNOWN_CCG', `Nothing was saved: ${errors.map((error) => `line ${error.line}: ${error.reason}`).join('; ')}.`, { line: errors[0].line, errors });
    }
    const key = (alias: string) => `${alias}.ccg_code || '/' || ${alias}.survey_year || '/' || ${alias}.question_code`;
    const values = (alias: string) => `jsonb_build_object('question', ${alias}.question, 'percentagePositive', ${alias}.percentage_positive::text)`;
    const [counts] = await manager.query(
      `WITH existing AS (
         SELECT r.* FROM stakeholder_survey_result r WHERE EXISTS (SELECT 1 FROM ${staging} s WHERE s.ccg_code = r.ccg_code AND s.survey_year = r.survey_year)
       ),
       deleted AS (
         DELETE FROM stakeholder_survey_result r USING existing e
          WHERE r.ccg_code = e.ccg_code AND r.survey_year = e.survey_year AND r.question_code = e.question_code
            AND NOT EXISTS (SELECT 1 FROM ${staging} s WHERE s.ccg_code = e.ccg_code AND s.survey_year = e.survey_year AND s.question_code = e.question_code)
         RETURNING e.*
       ),
       updated AS (
         UPDATE stakeholder_survey_result r SET question = s.question, percentage_positive = s.percentage_positive, import_batch_id = $1
           FROM ${staging} s
          WHERE r.ccg_code = s.ccg_code AND r.survey_year = s.survey_year AND r.question_code = s.question_code
            AND (r.question, r.percentage_positive) IS DISTINCT FROM (s.question, s.percentage_positive)
         RETURNING r.ccg_code, r.survey_year, r.question_code, s.question, s.percentage_positive
       ),
       inserted AS (
         INSERT INTO stakeholder_survey_result (survey_year, ccg_code, question_code, question, percentage_positive, import_batch_id)
         SELECT s.survey_year, s.ccg_code, s.question_code, s.question, s.percentage_positive, $1 FROM ${staging} s
          WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.ccg_code = s.ccg_code AND e.survey_year = s.survey_year AND e.question_code = s.question_code)
         RETURNING 1
       ),
       audited AS (
         INSERT INTO audit_event (actor_user_id, actor_username, action, entity_type, entity_id, before, after, request_id)
         SELECT $2::uuid, $3, 'DELETE_STAKEHOLDER_SURVEY_RESULT', 'stakeholder_survey_result', ${key('d')}, ${values('d')}, NULL, $4 FROM deleted d
         UNION ALL
         SELECT $2::uuid, $3, 'UPDATE_STAKEHOLDER_SURVEY_RESULT', 'stakeholder_survey_result', ${key('u')}, ${values('e')}, ${values('u')}, $4
           FROM updated u JOIN existing e USING (ccg_code, survey_year, question_code)
         RETURNING 1
       )
       SELECT (SELECT count(*)::int FROM inserted) AS inserted, (SELECT count(*)::int FROM updated) AS updated,
              (SELECT count(*)::int FROM deleted) AS deleted, (SELECT count(*)::int FROM audited) AS audited`,
      [context.batchId, context.actor.userId, context.actor.username, context.actor.requestId],
    );
    return { inserted: counts.inserted, updated: counts.updated, deleted: counts.deleted };
  },
};
