import { Percentage } from '@ccg-assure/domain';
import type { EntityManager } from 'typeorm';
import type { StakeholderSurveyResult } from './ccg-assurance.type';

/** A CCG's 360-degree stakeholder survey results (one year, or all years when null), newest year first, by question code. */
export async function readStakeholderSurvey(manager: EntityManager, ccgCode: string, surveyYear: string | null): Promise<StakeholderSurveyResult[]> {
  const rows: { surveyYear: string; questionCode: string; question: string; percentagePositive: string }[] = await manager.query(
    `SELECT survey_year AS "surveyYear", question_code AS "questionCode", question, percentage_positive::text AS "percentagePositive"
       FROM stakeholder_survey_result WHERE ccg_code = $1 AND ($2::varchar IS NULL OR survey_year = $2) ORDER BY survey_year DESC, question_code`,
    [ccgCode, surveyYear],
  );
  return rows.map((row) => ({ ...row, percentagePositive: Percentage.parse(row.percentagePositive) }));
}
