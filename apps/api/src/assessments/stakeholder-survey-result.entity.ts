import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One question's result of the 360-degree stakeholder survey for a CCG (table `stakeholder_survey_result`, written by the import). */
@Entity({ name: 'stakeholder_survey_result' })
export class StakeholderSurveyResultEntity {
  @PrimaryColumn({ type: 'varchar', length: 12, name: 'ccg_code' })
  ccgCode!: string;

  /** As the NHS writes a financial year: '2015/16'. */
  @PrimaryColumn({ type: 'varchar', length: 7, name: 'survey_year' })
  surveyYear!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, name: 'question_code' })
  questionCode!: string;

  @Column({ type: 'text' })
  question!: string;

  /** numeric(5,2) as its exact text: read it with Percentage.parse. */
  @Column({ type: 'numeric', precision: 5, scale: 2, name: 'percentage_positive' })
  percentagePositive!: string;

  /** bigint, as text. */
  @Column({ type: 'bigint', name: 'import_batch_id' })
  importBatchId!: string;
}
