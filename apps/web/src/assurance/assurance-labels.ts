import {
  ASSURANCE_CATEGORIES,
  ASSURANCE_FRAMEWORKS,
  ESCALATION_KIND_DEFINITIONS,
  type AssuranceCategory,
  type AssuranceFramework,
  type EscalationKind,
  type SpecialMeasuresActionType,
  type SpecialMeasuresState,
} from '@ccg-assure/domain';
import type { AssurancePartner, EvidenceKind, ImprovementActionStatus } from '../gql/graphql';

/**
 * How the assurance area names things to people. Category names, framework domains, triggers and
 * escalation kinds come from the domain library, so the screens say what the rules say.
 */

/** "Limited assurance (requires improvement)": the domain library's name of each category. */
export const CATEGORY_NAMES = Object.fromEntries(ASSURANCE_CATEGORIES.map((c) => [c.code, c.name])) as Readonly<Record<AssuranceCategory, string>>;

/** What follows for the CCG in each category (the domain library's words). */
export const CATEGORY_CONSEQUENCES = Object.fromEntries(ASSURANCE_CATEGORIES.map((c) => [c.code, c.consequence])) as Readonly<
  Record<AssuranceCategory, string>
>;

/** A few letters for a chart cell, always shown with the colour (never colour alone). */
export const CATEGORY_SHORT: Readonly<Record<AssuranceCategory, string>> = {
  OUTSTANDING: 'Outstanding',
  GOOD: 'Good',
  LIMITED_ASSURANCE: 'Limited',
  NOT_ASSURED: 'Not assured',
};

/** One letter, for the narrowest chart cells; the legend says what each stands for. */
export const CATEGORY_LETTER: Readonly<Record<AssuranceCategory, string>> = {
  OUTSTANDING: 'O',
  GOOD: 'G',
  LIMITED_ASSURANCE: 'L',
  NOT_ASSURED: 'N',
};

/** NHS.UK tag colour of each category, with the name always written in the tag. */
export const CATEGORY_TAG_CLASSES: Readonly<Record<AssuranceCategory, string>> = {
  OUTSTANDING: 'nhsuk-tag--blue',
  GOOD: 'nhsuk-tag--green',
  LIMITED_ASSURANCE: 'nhsuk-tag--yellow',
  NOT_ASSURED: 'nhsuk-tag--red',
};

/**
 * Chart fills (NHS identity colours) and the text drawn on them, each pair at least 4.5:1. Not assured
 * cells are also hatched, Limited cells dotted, so the scale reads without colour.
 */
export const CATEGORY_COLOURS: Readonly<Record<AssuranceCategory, { fill: string; text: string }>> = {
  OUTSTANDING: { fill: '#005eb8', text: '#ffffff' },
  GOOD: { fill: '#007f3b', text: '#ffffff' },
  LIMITED_ASSURANCE: { fill: '#ffb81c', text: '#212b32' },
  NOT_ASSURED: { fill: '#d5281b', text: '#ffffff' },
};

/** The frameworks' domains by framework id and code: "Well led". */
export function domainName(frameworkId: string, code: string, frameworks: readonly AssuranceFramework[] = ASSURANCE_FRAMEWORKS): string {
  return frameworks.find((f) => f.id === frameworkId)?.domains.find((d) => d.code === code)?.name ?? code;
}

/** "Domain" (2013/14) or "Component" (2015/16): what the framework calls its areas. */
export function areaTerm(framework: Pick<AssuranceFramework, 'areaTerm'>, plural = false): string {
  const word = framework.areaTerm === 'COMPONENT' ? 'component' : 'domain';
  return plural ? `${word}s` : word;
}

export const SPECIAL_MEASURES_STATE_LABELS: Readonly<Record<SpecialMeasuresState, string>> = {
  PROPOSED: 'Proposed',
  AGREED: 'Entered: agreed with the CCG',
  DETERMINED: 'Entered: determined by NHS England',
  PUBLISHED: 'Notice published',
  EXTERNAL_REVIEW: 'External review',
  IMPROVEMENT_DIRECTOR_APPOINTED: 'Improvement director appointed',
  IMPROVEMENT_PLAN_SIGNED_OFF: 'Improvement plan signed off',
  IN_PROGRESS: 'Improvement under way',
  EXITED: 'Exited',
  ESCALATED: 'Escalated',
};

/** What the button says for each step an assessor may take. */
export const SPECIAL_MEASURES_ACTION_LABELS: Readonly<Record<SpecialMeasuresActionType, string>> = {
  AGREE_WITH_CCG: 'Record entry agreed with the CCG',
  DETERMINE_BY_NHS_ENGLAND: 'Record entry determined by NHS England',
  PUBLISH_NOTICE: 'Record the public notice',
  COMMISSION_EXTERNAL_REVIEW: 'Commission the external review',
  APPOINT_IMPROVEMENT_DIRECTOR: 'Appoint the improvement director',
  SIGN_OFF_IMPROVEMENT_PLAN: 'Sign off the improvement plan',
  START_DELIVERY: 'Start delivery with intensive support',
  REPORT_PROGRESS: 'Record a progress report',
  EXIT: 'Exit special measures',
  ESCALATE: 'Escalate',
};

/** What each step means, said in the confirmation. */
export const SPECIAL_MEASURES_ACTION_CONSEQUENCES: Readonly<Record<SpecialMeasuresActionType, string>> = {
  AGREE_WITH_CCG: 'The CCG enters special measures, by agreement, on this date. The 12-month clock starts.',
  DETERMINE_BY_NHS_ENGLAND: 'NHS England determines that the CCG enters special measures on this date, without joint agreement. The 12-month clock starts.',
  PUBLISH_NOTICE: 'The CCG has published on its website that it is in special measures, with the reasons, its plans and timescales.',
  COMMISSION_EXTERNAL_REVIEW: 'NHS England commissions an external review of the CCG’s capacity, capability and governance.',
  APPOINT_IMPROVEMENT_DIRECTOR: 'The named improvement director becomes accountable for delivery, with programme office support.',
  SIGN_OFF_IMPROVEMENT_PLAN: 'NHS England signs off the improvement plan.',
  START_DELIVERY: 'Delivery of the improvement plan starts, with the intensive support identified.',
  REPORT_PROGRESS: 'A progress report to NHS England is recorded.',
  EXIT: 'The CCG leaves special measures: significant progress has been made on the improvement plan. The clock stops.',
  ESCALATE: 'Special measures close by escalation: changes of management, structure or governance. The clock stops.',
};

export const ESCALATION_KIND_LABELS = Object.fromEntries(ESCALATION_KIND_DEFINITIONS.map((k) => [k.code, k.description])) as Readonly<
  Record<EscalationKind, string>
>;

/** "1 month", "3 months". */
export function months(count: number): string {
  return `${count} ${count === 1 ? 'month' : 'months'}`;
}

/** "1 day", "40 days". */
export function days(count: number): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? 'day' : 'days'}`;
}

/** Where evidence comes from (DOMAIN.md "Assurance framework": scorecard, finance and plans, the survey, papers and audits, partners). */
export const EVIDENCE_KIND_LABELS: Readonly<Record<EvidenceKind, string>> = {
  SCORECARD_INDICATOR: 'Scorecard indicator',
  PLAN_COMPLIANCE: 'Financial plan compliance',
  FORECAST_VARIANCE: 'Forecast outturn variance',
  STAKEHOLDER_SURVEY: '360-degree stakeholder survey',
  PUBLISHED_DOCUMENT: 'Published document',
  AUDIT: 'Audit',
  PARTNER_REPORT: 'Partner report',
};

/** How a reference to the product's own data is written, for the hint beside the field. */
export const EVIDENCE_REFERENCE_HINTS: Readonly<Record<EvidenceKind, string>> = {
  SCORECARD_INDICATOR: 'Provider and indicator, for example RR8/AE_4HR_ALL',
  PLAN_COMPLIANCE: 'CCG and financial year, for example 02V/2015/16',
  FORECAST_VARIANCE: 'CCG and financial year, for example 02V/2015/16',
  STAKEHOLDER_SURVEY: 'CCG and survey year, for example 02V/2015/16',
  PUBLISHED_DOCUMENT: 'Title or reference of the paper, and its link below',
  AUDIT: 'Title or reference of the audit report, and its link below if published',
  PARTNER_REPORT: 'Title or reference of the report, and its link below if published',
};

export const PARTNER_LABELS: Readonly<Record<AssurancePartner, string>> = {
  HEALTHWATCH: 'Healthwatch',
  HEALTH_AND_WELLBEING_BOARD: 'Health and wellbeing board',
  CQC: 'Care Quality Commission (CQC)',
  TDA: 'NHS Trust Development Authority (TDA)',
  MONITOR: 'Monitor',
};

export const IMPROVEMENT_ACTION_STATUS_LABELS: Readonly<Record<ImprovementActionStatus, string>> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
};
