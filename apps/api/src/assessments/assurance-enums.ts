import {
  ASSESSMENT_ACTION_TYPES,
  ASSESSMENT_TRANSITIONS,
  ASSURANCE_CATEGORIES,
  ASSURANCE_CATEGORY_CODES,
  type AssessmentActionType,
  type AssuranceCategory,
  type CategoryRule,
} from '@ccg-assure/domain';
import { registerEnumType } from 'type-graphql';
import { describedValues, enumOf } from '../server/graphql-enums';

// The GraphQL enums of assessments are built from the domain's own lists where it has them, so a code added
// there cannot be missing here: the `Record<...>` descriptions fail to compile until it is described.

/** The assurance scale, from the domain's ASSURANCE_CATEGORY_CODES: a domain's rating and the CCG's overall category. */
export const AssuranceCategoryEnum = enumOf(ASSURANCE_CATEGORY_CODES);
registerEnumType(AssuranceCategoryEnum, {
  name: 'AssuranceCategory',
  description: "The assurance scale, best first: a domain's rating and the CCG's overall category (assuranceCategories says what each means).",
  valuesConfig: describedValues<AssuranceCategory>(
    Object.fromEntries(ASSURANCE_CATEGORIES.map((category) => [category.code, `${category.name}: ${category.meaning}`])) as Record<AssuranceCategory, string>,
  ),
});

export enum AssessmentStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(AssessmentStatus, {
  name: 'AssessmentStatus',
  description: 'Where an assessment stands: DRAFT while the assessor works on it, then PUBLISHED (read-only and public).',
  valuesConfig: {
    DRAFT: { description: "Being prepared by an NHS England assessor; readable only by assessors and the CCG's own users." },
    PUBLISHED: { description: 'Published: read-only, and readable by anyone without signing in.' },
  },
});

export enum EvidenceKind {
  SCORECARD_INDICATOR = 'SCORECARD_INDICATOR',
  PLAN_COMPLIANCE = 'PLAN_COMPLIANCE',
  FORECAST_VARIANCE = 'FORECAST_VARIANCE',
  STAKEHOLDER_SURVEY = 'STAKEHOLDER_SURVEY',
  PUBLISHED_DOCUMENT = 'PUBLISHED_DOCUMENT',
  AUDIT = 'AUDIT',
  PARTNER_REPORT = 'PARTNER_REPORT',
}
registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'Where a piece of assessment evidence comes from (DOMAIN.md "Assurance framework": scorecard, finance and plans, the 360-degree survey, published papers and audits, partners).',
  valuesConfig: {
    SCORECARD_INDICATOR: { description: 'A provider scorecard indicator in this product; reference "<provider ODS code>/<indicator code>", for example "RR8/AE_4HR_ALL".' },
    PLAN_COMPLIANCE: { description: "The compliance of a stored financial plan in this product; reference \"<CCG code>/<financial year>\", for example \"02V/2015/16\"." },
    FORECAST_VARIANCE: { description: 'The forecast outturn variance of an approved financial plan in this product; reference "<CCG code>/<financial year>".' },
    STAKEHOLDER_SURVEY: { description: 'Results of the annual 360-degree stakeholder survey (imported); reference "<CCG code>/<survey year>".' },
    PUBLISHED_DOCUMENT: { description: "A paper the CCG published (governing body papers, annual report), by link." },
    AUDIT: { description: 'An internal or external audit report, by link or reference.' },
    PARTNER_REPORT: { description: 'A report from a partner (Healthwatch, a health and wellbeing board, CQC, TDA or Monitor); the partner is required.' },
  },
});

export enum AssurancePartner {
  HEALTHWATCH = 'HEALTHWATCH',
  HEALTH_AND_WELLBEING_BOARD = 'HEALTH_AND_WELLBEING_BOARD',
  CQC = 'CQC',
  TDA = 'TDA',
  MONITOR = 'MONITOR',
}
registerEnumType(AssurancePartner, {
  name: 'AssurancePartner',
  description: 'A partner whose report is assessment evidence (seed 003).',
  valuesConfig: {
    HEALTHWATCH: { description: 'Local Healthwatch: the patients’ and public’s champion.' },
    HEALTH_AND_WELLBEING_BOARD: { description: "The local authority's health and wellbeing board." },
    CQC: { description: 'The Care Quality Commission.' },
    TDA: { description: 'The NHS Trust Development Authority.' },
    MONITOR: { description: 'Monitor, the regulator of NHS foundation trusts.' },
  },
});

/** The steps of the category policy, as the domain's CategoryRule names them. */
export const CategoryRuleEnum = enumOf<CategoryRule>(['CRITICAL_DOMAIN_NOT_ASSURED', 'NOT_ASSURED_OR_LIMITED_COUNT', 'OUTSTANDING_COUNT', 'OTHERWISE_GOOD']);
registerEnumType(CategoryRuleEnum, {
  name: 'CategoryRule',
  description: 'A step of the category policy (DOMAIN.md "Assurance category proposal"), in the order they are tried.',
  valuesConfig: describedValues<CategoryRule>({
    CRITICAL_DOMAIN_NOT_ASSURED: 'Step 1: Not assured if a critical domain (2015/16: well led or financial management) is Not assured.',
    NOT_ASSURED_OR_LIMITED_COUNT: 'Step 2: Limited assurance if any domain is Not assured, or enough domains (two by default) are Limited.',
    OUTSTANDING_COUNT: 'Step 3: Outstanding if enough domains (three by default) are Outstanding and none is below Good.',
    OTHERWISE_GOOD: 'Step 4: otherwise Good.',
  }),
});

export enum AssuranceAreaTerm {
  DOMAIN = 'DOMAIN',
  COMPONENT = 'COMPONENT',
}
registerEnumType(AssuranceAreaTerm, {
  name: 'AssuranceAreaTerm',
  description: 'What a framework itself calls the areas it rates.',
  valuesConfig: {
    DOMAIN: { description: 'Domains (the 2013/14 framework).' },
    COMPONENT: { description: 'Components (the 2015/16 framework).' },
  },
});

/** The moves of the assessment lifecycle, from the domain's ASSESSMENT_ACTION_TYPES, each described by its moves and actors. */
export const AssessmentActionEnum = enumOf(ASSESSMENT_ACTION_TYPES);
const assessmentMoves = (action: AssessmentActionType) =>
  ASSESSMENT_TRANSITIONS.filter((transition) => transition.action === action)
    .map((transition) => `${transition.from ?? 'not started'} -> ${transition.to}`)
    .join(', ');
const assessmentActors = (action: AssessmentActionType) =>
  [...new Set(ASSESSMENT_TRANSITIONS.filter((transition) => transition.action === action).flatMap((transition) => transition.actors))]
    .map((actor) => (actor === 'ASSESSOR' ? 'NHS England assessors' : "the CCG's own users"))
    .join(' or ');
const assessmentAction = (action: AssessmentActionType, what: string) => `${what} (${assessmentMoves(action)}; ${assessmentActors(action)}).`;
registerEnumType(AssessmentActionEnum, {
  name: 'AssessmentAction',
  description: "A move of an assessment's lifecycle (the domain library's assessment transition table). Assessment.availableActions lists those the signed-in viewer may take now.",
  valuesConfig: describedValues<AssessmentActionType>({
    START: assessmentAction('START', 'Start a draft assessment of a CCG for a quarter: startAssessment'),
    RATE: assessmentAction('RATE', 'Rate domains of the draft: rateAssessment'),
    DECIDE: assessmentAction('DECIDE', 'Decide the overall category: decideAssessmentCategory'),
    ADD_EVIDENCE: assessmentAction('ADD_EVIDENCE', 'Link evidence: addAssessmentEvidence'),
    REMOVE_EVIDENCE: assessmentAction('REMOVE_EVIDENCE', 'Remove evidence: removeAssessmentEvidence'),
    PUBLISH: assessmentAction('PUBLISH', 'Publish the decided assessment, read-only and public from then on: publishAssessment'),
    COMMENT: assessmentAction('COMMENT', 'Respond with a comment: commentOnAssessment'),
  }),
});
