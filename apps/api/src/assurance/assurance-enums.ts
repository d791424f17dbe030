import {
  ASSURANCE_CATEGORIES,
  ASSURANCE_CATEGORY_CODES,
  ESCALATION_KIND_DEFINITIONS,
  ESCALATION_KINDS,
  SPECIAL_MEASURES_ACTION_TYPES,
  SPECIAL_MEASURES_STATES,
  SPECIAL_MEASURES_TRANSITIONS,
  SPECIAL_MEASURES_TRIGGER_CODES,
  SPECIAL_MEASURES_TRIGGERS,
  type AssuranceCategory,
  type CategoryRule,
  type EscalationKind,
  type SpecialMeasuresActionType,
  type SpecialMeasuresState,
  type SpecialMeasuresTriggerCode,
} from '@ccg-assure/domain';
import { registerEnumType } from 'type-graphql';

// The GraphQL enums of assurance and special measures are built from the domain's own lists, so a code
// added there cannot be missing here: the `Record<...>` descriptions fail to compile until it is described.

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

const describedValues = <T extends string>(descriptions: Record<T, string>) =>
  Object.fromEntries(Object.entries<string>(descriptions).map(([value, description]) => [value, { description }])) as Record<T, { description: string }>;

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

/** The states of a special measures episode, from the domain's SPECIAL_MEASURES_STATES. */
export const SpecialMeasuresStateEnum = enumOf(SPECIAL_MEASURES_STATES);
registerEnumType(SpecialMeasuresStateEnum, {
  name: 'SpecialMeasuresState',
  description: 'Where a special measures episode stands (seed 003, "Special measures process"). EXITED and ESCALATED are closed.',
  valuesConfig: describedValues<SpecialMeasuresState>({
    PROPOSED: 'Proposed by NHS England; not yet entered.',
    AGREED: 'Entry agreed with the CCG; the 12-month clock runs from the entry date.',
    DETERMINED: 'Entry determined by NHS England without the CCG’s agreement; the 12-month clock runs from the entry date.',
    PUBLISHED: 'The CCG has published on its website that it is in special measures, why, its plans and timescales.',
    EXTERNAL_REVIEW: "An external review of the CCG's capacity, capability and governance, commissioned by NHS England.",
    IMPROVEMENT_DIRECTOR_APPOINTED: 'An improvement director, accountable for delivery, is appointed; the improvement plan is drawn up.',
    IMPROVEMENT_PLAN_SIGNED_OFF: 'NHS England has signed off the improvement plan.',
    IN_PROGRESS: 'The plan is being delivered with intensive support; progress is reported regularly to NHS England.',
    EXITED: 'Exited on significant progress (closed).',
    ESCALATED: 'Escalated to changes of management, structure or governance, up to another body taking over responsibilities (closed).',
  }),
});

/** The steps NHS England takes, from the domain's SPECIAL_MEASURES_ACTION_TYPES, each described by its move. */
export const SpecialMeasuresActionEnum = enumOf(SPECIAL_MEASURES_ACTION_TYPES);
const moves = (action: SpecialMeasuresActionType) =>
  SPECIAL_MEASURES_TRANSITIONS.filter((transition) => transition.action === action)
    .map((transition) => `${transition.from} -> ${transition.to}`)
    .join(', ');
registerEnumType(SpecialMeasuresActionEnum, {
  name: 'SpecialMeasuresAction',
  description: 'A step of a special measures episode. Each is allowed only from certain states (SpecialMeasuresEpisode.availableActions); any other is refused with reason INVALID_TRANSITION.',
  valuesConfig: describedValues<SpecialMeasuresActionType>({
    AGREE_WITH_CCG: `Entry agreed with the CCG (${moves('AGREE_WITH_CCG')}).`,
    DETERMINE_BY_NHS_ENGLAND: `Entry determined by NHS England without agreement (${moves('DETERMINE_BY_NHS_ENGLAND')}).`,
    PUBLISH_NOTICE: `The public notice on the CCG's website (${moves('PUBLISH_NOTICE')}); noticeUrl may link it.`,
    COMMISSION_EXTERNAL_REVIEW: `External review commissioned (${moves('COMMISSION_EXTERNAL_REVIEW')}).`,
    APPOINT_IMPROVEMENT_DIRECTOR: `Improvement director appointed, named in improvementDirector (${moves('APPOINT_IMPROVEMENT_DIRECTOR')}).`,
    SIGN_OFF_IMPROVEMENT_PLAN: `NHS England signs off the improvement plan, which needs at least one action (${moves('SIGN_OFF_IMPROVEMENT_PLAN')}).`,
    START_DELIVERY: `Delivery starts with intensive support, described in intensiveSupport (${moves('START_DELIVERY')}).`,
    REPORT_PROGRESS: `A progress report to NHS England, with its summary (${moves('REPORT_PROGRESS')}).`,
    EXIT: `Exit on significant progress (${moves('EXIT')}); the clock stops.`,
    ESCALATE: `Escalation, with its escalationKind (${moves('ESCALATE')}); the clock stops.`,
  }),
});

export const EscalationKindEnum = enumOf(ESCALATION_KINDS);
registerEnumType(EscalationKindEnum, {
  name: 'EscalationKind',
  description: 'What an escalation out of special measures changes (seed 003).',
  valuesConfig: describedValues<EscalationKind>(
    Object.fromEntries(ESCALATION_KIND_DEFINITIONS.map((kind) => [kind.code, kind.description])) as Record<EscalationKind, string>,
  ),
});

export const SpecialMeasuresTriggerCodeEnum = enumOf(SPECIAL_MEASURES_TRIGGER_CODES);
registerEnumType(SpecialMeasuresTriggerCodeEnum, {
  name: 'SpecialMeasuresTriggerCode',
  description: 'What triggered special measures (seed 003, "Triggers for special measures"): operational or financial.',
  valuesConfig: describedValues<SpecialMeasuresTriggerCode>(
    Object.fromEntries(SPECIAL_MEASURES_TRIGGERS.map((trigger) => [trigger.code, `${trigger.kind === 'OPERATIONAL' ? 'Operational' : 'Financial'}: ${trigger.description}`])) as Record<
      SpecialMeasuresTriggerCode,
      string
    >,
  ),
});

export enum SpecialMeasuresTriggerKind {
  OPERATIONAL = 'OPERATIONAL',
  FINANCIAL = 'FINANCIAL',
}
registerEnumType(SpecialMeasuresTriggerKind, {
  name: 'SpecialMeasuresTriggerKind',
  description: 'Whether a special measures trigger is about operational or financial performance.',
  valuesConfig: {
    OPERATIONAL: { description: 'Operational performance.' },
    FINANCIAL: { description: 'Financial performance or controls.' },
  },
});

export enum ImprovementActionStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}
registerEnumType(ImprovementActionStatus, {
  name: 'ImprovementActionStatus',
  description: 'Where an action of an improvement plan stands. Whether it is overdue is computed (ImprovementAction.overdue).',
  valuesConfig: {
    NOT_STARTED: { description: 'Not started.' },
    IN_PROGRESS: { description: 'Under way.' },
    COMPLETED: { description: 'Done.' },
  },
});

export enum AssuranceTriggerKind {
  INDICATOR_CONSISTENTLY_FAILING = 'INDICATOR_CONSISTENTLY_FAILING',
  INDICATOR_SPECIAL_CAUSE_CONCERN = 'INDICATOR_SPECIAL_CAUSE_CONCERN',
  PLAN_NOT_COMPLIANT = 'PLAN_NOT_COMPLIANT',
  ADVERSE_FORECAST_VARIANCE = 'ADVERSE_FORECAST_VARIANCE',
  NOT_ASSURED_CATEGORY = 'NOT_ASSURED_CATEGORY',
  NOT_ASSURED_DOMAIN_RATING = 'NOT_ASSURED_DOMAIN_RATING',
}
registerEnumType(AssuranceTriggerKind, {
  name: 'AssuranceTriggerKind',
  description: 'A warning sign shown beside the assessment form (issue 7, "Triggers").',
  valuesConfig: {
    INDICATOR_CONSISTENTLY_FAILING: { description: 'A provider indicator whose SPC assurance verdict is CONSISTENT_FAIL: it will keep failing its standard unless the process changes.' },
    INDICATOR_SPECIAL_CAUSE_CONCERN: { description: 'A provider indicator whose latest point is special-cause concern (worsening beyond common-cause variation).' },
    PLAN_NOT_COMPLIANT: { description: "The latest version of the CCG's financial plan does not comply with its year's planning rules." },
    ADVERSE_FORECAST_VARIANCE: { description: "The CCG's approved plan carries a financial warning: the latest forecast outturn is adversely above the threshold." },
    NOT_ASSURED_CATEGORY: { description: "The CCG's latest published assessment decided Not assured." },
    NOT_ASSURED_DOMAIN_RATING: { description: "A domain of the CCG's latest published assessment is rated Not assured." },
  },
});

export enum AssuranceTriggerSourceKind {
  SCORECARD = 'SCORECARD',
  FINANCIAL_PLAN = 'FINANCIAL_PLAN',
  ASSESSMENT = 'ASSESSMENT',
}
registerEnumType(AssuranceTriggerSourceKind, {
  name: 'AssuranceTriggerSourceKind',
  description: 'Where a trigger came from, so the UI can link to it.',
  valuesConfig: {
    SCORECARD: { description: 'A provider scorecard (providerScorecard(code) with the indicator).' },
    FINANCIAL_PLAN: { description: 'A stored financial plan (financialPlan(ccg, financialYear)).' },
    ASSESSMENT: { description: 'An assessment (assessment(id)).' },
  },
});
