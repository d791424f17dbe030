import { AssessmentsResolver } from './assessments.resolver';
import {
  AssessmentCcgResolver,
  AssuranceBuddyCcgResolver,
  AssuranceReadsResolver,
  AssuranceTriggersCcgResolver,
  CcgAssuranceCcgResolver,
  CcgAssuranceReportCcgResolver,
  EnglandReportEntryCcgResolver,
  SpecialMeasuresCcgResolver,
  WorkspaceEntryCcgResolver,
} from './assurance-reads.resolver';
import { SpecialMeasuresResolver } from './special-measures.resolver';

/** Every resolver of the assurance area, for build-schema.ts; each is built with no arguments. */
export const assuranceResolvers = [
  AssessmentsResolver,
  SpecialMeasuresResolver,
  AssuranceReadsResolver,
  AssessmentCcgResolver,
  SpecialMeasuresCcgResolver,
  CcgAssuranceCcgResolver,
  AssuranceBuddyCcgResolver,
  WorkspaceEntryCcgResolver,
  AssuranceTriggersCcgResolver,
  CcgAssuranceReportCcgResolver,
  EnglandReportEntryCcgResolver,
] as const;
