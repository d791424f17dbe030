import { AssessmentCommentEntity } from '../assessments/assessment-comment.entity';
import { AssessmentEvidenceEntity } from '../assessments/assessment-evidence.entity';
import { AssessmentRatingEntity } from '../assessments/assessment-rating.entity';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { AssuranceBuddyEntity } from '../assessments/assurance-buddy.entity';
import { StakeholderSurveyResultEntity } from '../assessments/stakeholder-survey-result.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { RoleAssignmentEntity } from '../auth/role-assignment.entity';
import { SessionEntity } from '../auth/session.entity';
import { SignInThrottleEntity } from '../auth/sign-in-throttle.entity';
import { UserEntity } from '../auth/user.entity';
import { contractEntities } from '../contracts/contracts.entities';
import { escalationEntities } from '../escalation/escalation.entities';
import { FinancialPlanFlexEntity } from '../finance/financial-plan-flex.entity';
import { FinancialPlanForecastEntity } from '../finance/financial-plan-forecast.entity';
import { FinancialPlanLineEntity } from '../finance/financial-plan-line.entity';
import { FinancialPlanVersionEntity } from '../finance/financial-plan-version.entity';
import { FinancialPlanEntity } from '../finance/financial-plan.entity';
import { ImportBatchEntity } from '../imports/import-batch.entity';
import { AeAttendanceEntity } from '../imports/kinds/ae-attendance.entity';
import { IndicatorValueEntity } from '../indicators/indicator-value.entity';
import { IndicatorEntity } from '../indicators/indicator.entity';
import { PeriodEntity } from '../indicators/period.entity';
import { OrganisationPopulationEntity } from '../organisations/organisation-population.entity';
import { OrganisationRelationshipEntity } from '../organisations/organisation-relationship.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { sanctionEntities } from '../sanctions/sanctions.entities';
import { performanceReportEntities } from '../performance-reports/performance-reports.entities';
import { targetEntities } from '../targets/targets.entities';
import { SeriesLatestScoreEntity } from '../scores/series-latest-score.entity';
import { SeriesScoreEntity } from '../scores/series-score.entity';
import { DataVersionEntity } from '../server/data-version.entity';
import { ImprovementActionEntity } from '../special-measures/improvement-action.entity';
import { SpecialMeasuresEpisodeEntity } from '../special-measures/special-measures-episode.entity';
import { SpecialMeasuresEventEntity } from '../special-measures/special-measures-event.entity';

/**
 * Every table's entity, one list per area (decision 0009). `schema-agreement.int-spec.ts` fails when a
 * migrated table has no entity here or an entity's columns differ from the table's.
 */
export const entities = [
  // auth and audit
  UserEntity,
  RoleAssignmentEntity,
  SessionEntity,
  SignInThrottleEntity,
  AuditEventEntity,
  // organisations
  OrganisationEntity,
  OrganisationRelationshipEntity,
  OrganisationPopulationEntity,
  // indicators
  IndicatorEntity,
  PeriodEntity,
  IndicatorValueEntity,
  // scores (decision 0021)
  SeriesScoreEntity,
  SeriesLatestScoreEntity,
  // imports
  ImportBatchEntity,
  AeAttendanceEntity,
  // finance
  FinancialPlanEntity,
  FinancialPlanVersionEntity,
  FinancialPlanLineEntity,
  FinancialPlanFlexEntity,
  FinancialPlanForecastEntity,
  // assessments
  AssessmentEntity,
  AssessmentRatingEntity,
  AssessmentEvidenceEntity,
  AssessmentCommentEntity,
  AssuranceBuddyEntity,
  StakeholderSurveyResultEntity,
  // special measures
  SpecialMeasuresEpisodeEntity,
  SpecialMeasuresEventEntity,
  ImprovementActionEntity,
  // contracts (decision 0022)
  ...contractEntities,
  // sanctions and fine income (decision 0023)
  ...sanctionEntities,
  // boards and escalation (decision 0024)
  ...escalationEntities,
  // the signed monthly performance report (decision 0029)
  ...performanceReportEntities,
  // standards, local targets, trajectories and baselines as effective-dated data (decision 0030)
  ...targetEntities,
  // the response cache's data version (decision 0036)
  DataVersionEntity,
];
