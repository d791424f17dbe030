import { Percentage } from '@ccg-assure/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../server/app-error';
import { ODS_CODE, ok, parseFinancialYearLabel, refuse, refuseNulCell, type ApplyContext, type ImportCounts, type ImportKind } from '../import-kind';
import { replaceSurveyResults, surveyStaging, unknownSurveyCcgs } from './stakeholder-survey.queries';

interface SurveyRow {
  surveyYear: string;
  ccgCode: string;
  questionCode: string;
  question: string;
  percentagePositive: string;
}

const QUESTION_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
/** A percentage as the survey publishes it: up to three digits, at most two decimal places. */
const PERCENTAGE = /^\d{1,3}(\.\d{1,2})?$/;
const MAX_QUESTION_LENGTH = 1000;

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
  staging: surveyStaging,
  parseRow(row) {
    const nul = refuseNulCell<never>(row);
    if (nul) return nul;
    if (!parseFinancialYearLabel(row.survey_year)) return refuse(`survey_year "${row.survey_year}" is not a financial year such as 2015/16`);
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
    const unknown = await unknownSurveyCcgs.rows(manager, []);
    if (unknown.length) {
      // The importer validates rows without the database; this check needs it, so it refuses the file here,
      // before anything is written, naming every line.
      const errors = unknown.map((row) => ({ line: row.line, reason: `ccg_code "${row.ccgCode}" is not a known CCG` }));
      throw new AppError('BAD_USER_INPUT', 'UNKNOWN_CCG', `Nothing was saved: ${errors.map((error) => `line ${error.line}: ${error.reason}`).join('; ')}.`, { line: errors[0].line, errors });
    }
    const { userId, username, requestId } = context.actor;
    const { inserted, updated, deleted } = await replaceSurveyResults.one(manager, [context.batchId, userId, username, requestId]);
    return { inserted, updated, deleted };
  },
};
