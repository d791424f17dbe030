// Assurance: the CCG assurance frameworks (2013/14 domains, 2015/16 components), the four categories,
// the configurable category proposal, the assessment cycle and decisions, and the assessment lifecycle
// (draft, published) as a transition table. Rules and sources: RULES.md.
export type { CitedSource } from './cited-source';
export { SEED_DOCUMENTS } from './cited-source';
export type { AssuranceDomain, AssuranceFramework } from './assurance-frameworks';
export {
  ASSURANCE_FRAMEWORK_2013_14,
  ASSURANCE_FRAMEWORK_2015_16,
  ASSURANCE_FRAMEWORKS,
  findAssuranceFramework,
  findAssuranceFrameworkInForce,
  getAssuranceFramework,
} from './assurance-frameworks';
export type { OrganisationLife } from './assessable-periods';
export { assessableYearsOf, defaultAssessmentYear, evidenceOlderThanQuarter, existedInQuarter } from './assessable-periods';
export type { AssuranceCategory, AssuranceCategoryDefinition } from './assurance-categories';
export {
  ASSURANCE_CATEGORIES,
  ASSURANCE_CATEGORY_CODES,
  assuranceCategoryDefinition,
  compareAssuranceCategories,
  isAssuranceCategory,
  requireAssuranceCategory,
} from './assurance-categories';
export type {
  AssuranceRatings,
  CategoryDecision,
  CategoryPolicy,
  CategoryProposal,
  CategoryReason,
  CategoryRule,
  CategoryStep,
  DomainRating,
  ValidatedCategoryDecision,
} from './category-policy';
export {
  DEFAULT_CATEGORY_POLICY,
  decisionNeedsRationale,
  nextAssessmentDue,
  proposeCategory,
  validateAssuranceRatings,
  validateCategoryDecision,
  validateCategoryPolicy,
} from './category-policy';
export { assertBuddyingApplies } from './buddying';
export { isAssessmentOverdue } from './assessment-cycle';
export {
  applyAssessmentAction,
  assessmentActionsFrom,
  ASSESSMENT_ACTION_TYPES,
  ASSESSMENT_ACTOR_KINDS,
  ASSESSMENT_EDITABLE_STATES,
  ASSESSMENT_STATES,
  ASSESSMENT_STATUS_CHANGES,
  ASSESSMENT_TRANSITIONS,
  availableAssessmentActions,
} from './assessment-lifecycle';
export type { AssessmentAction, AssessmentActionType, AssessmentActorKind, AssessmentState, AssessmentTransition } from './assessment-lifecycle';
