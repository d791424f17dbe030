import { CitedSource, SEED_DOCUMENTS } from '../assurance/cited-source';

export type SpecialMeasuresTriggerKind = 'OPERATIONAL' | 'FINANCIAL';

export const SPECIAL_MEASURES_TRIGGER_CODES = [
  'OPERATIONAL_NO_GRIP',
  'OPERATIONAL_NO_ROBUST_QUALITY_PLAN',
  'OPERATIONAL_RISKS_NOT_MANAGED',
  'FINANCIAL_SERIOUS_VARIANCE_FROM_PLAN',
  'FINANCIAL_UNMITIGATED_FORECAST_RISKS',
  'FINANCIAL_WEAK_CONTROLS',
] as const;
export type SpecialMeasuresTriggerCode = (typeof SPECIAL_MEASURES_TRIGGER_CODES)[number];

export interface SpecialMeasuresTrigger {
  readonly code: SpecialMeasuresTriggerCode;
  readonly kind: SpecialMeasuresTriggerKind;
  readonly description: string;
  readonly source: CitedSource;
}

const OPERATIONAL_WORDS =
  'Operational performance — this is a situation that will have developed over time and the CCG will not have shown a clear understanding or grip of the situation, or that it has a robust quality plan and has utilised all levers possible to improve performance, or that the organisation has identified and is managing the risks arising from the challenges that are facing the CCG.';
const FINANCIAL_WORDS =
  'Financial performance — this is where the financial performance differs seriously from the plan, or there are significant unmitigated risks which the CCG forecasts in its plan. Weaknesses in financial controls, as demonstrated by internal and external audit, will also trigger special measures.';

const seed = (text: string): CitedSource => ({ basis: 'SEED', document: SEED_DOCUMENTS.ASSURANCE_AND_SPECIAL_MEASURES, text });

/** What may trigger special measures (seed 003, "Triggers for special measures"). */
export const SPECIAL_MEASURES_TRIGGERS: readonly SpecialMeasuresTrigger[] = [
  {
    code: 'OPERATIONAL_NO_GRIP',
    kind: 'OPERATIONAL',
    description: 'Operational problems have developed over time without the CCG showing a clear understanding or grip of them.',
    source: seed(OPERATIONAL_WORDS),
  },
  {
    code: 'OPERATIONAL_NO_ROBUST_QUALITY_PLAN',
    kind: 'OPERATIONAL',
    description: 'The CCG has not shown a robust quality plan, or that it has used every lever available to improve performance.',
    source: seed(OPERATIONAL_WORDS),
  },
  {
    code: 'OPERATIONAL_RISKS_NOT_MANAGED',
    kind: 'OPERATIONAL',
    description: 'The CCG has not shown that it has identified and is managing the risks arising from its challenges.',
    source: seed(OPERATIONAL_WORDS),
  },
  {
    code: 'FINANCIAL_SERIOUS_VARIANCE_FROM_PLAN',
    kind: 'FINANCIAL',
    description: 'Financial performance differs seriously from the plan.',
    source: seed(FINANCIAL_WORDS),
  },
  {
    code: 'FINANCIAL_UNMITIGATED_FORECAST_RISKS',
    kind: 'FINANCIAL',
    description: 'There are significant unmitigated risks which the CCG forecasts in its plan.',
    source: seed(FINANCIAL_WORDS),
  },
  {
    code: 'FINANCIAL_WEAK_CONTROLS',
    kind: 'FINANCIAL',
    description: 'Internal or external audit shows weaknesses in financial controls.',
    source: seed(FINANCIAL_WORDS),
  },
];

export function isSpecialMeasuresTriggerCode(value: unknown): value is SpecialMeasuresTriggerCode {
  return typeof value === 'string' && (SPECIAL_MEASURES_TRIGGER_CODES as readonly string[]).includes(value);
}
