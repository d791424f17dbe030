import { ATTENTION_TRENDS, SEVERITY_LEVELS, type AttentionTrend, type SeverityLevel, type SeverityReason } from '@ccg-assure/domain';
import { registerEnumType } from 'type-graphql';
import { describedValues, enumOf } from '../server/graphql-enums';

// The attention view's enums, built from the domain's lists (decision 0032).

export const AttentionTrendEnum = enumOf(ATTENTION_TRENDS);
registerEnumType(AttentionTrendEnum, {
  name: 'AttentionTrend',
  description: "The direction of a series' last three values, read against its improvement direction (a description of the latest points, not an SPC rule).",
  valuesConfig: describedValues<AttentionTrend>({
    IMPROVING: 'Each of the last three values is better than the one before.',
    WORSENING: 'Each of the last three values is worse than the one before.',
    RISING: 'Each of the last three values is higher than the one before, for a series with no better direction.',
    FALLING: 'Each of the last three values is lower than the one before, for a series with no better direction.',
    NO_CLEAR_DIRECTION: 'The last three values do not all move the same way.',
  }),
});

export const SeverityLevelEnum = enumOf(SEVERITY_LEVELS);
registerEnumType(SeverityLevelEnum, {
  name: 'SeverityLevel',
  description: 'A band of the attention severity score (decision 0032).',
  valuesConfig: describedValues<SeverityLevel>({
    HIGH: 'A score of 7 or more: for example special-cause concern with a process that will consistently fail its target.',
    MEDIUM: 'A score of 4 to 6.',
    LOW: 'A score of 1 to 3.',
    NONE: 'A score of 0: nothing calls for attention.',
  }),
});

export const SEVERITY_REASONS = [
  'SPECIAL_CAUSE_CONCERN',
  'CONSISTENTLY_FAILING_TARGET',
  'FAILING_TARGET',
  'UNFAVOURABLE_OUTLIER_998',
  'HIT_AND_MISS_TARGET',
  'UNFAVOURABLE_OUTLIER_95',
  'WORSENING',
] as const satisfies readonly SeverityReason[];
export const SeverityReasonEnum = enumOf<SeverityReason>(SEVERITY_REASONS);
registerEnumType(SeverityReasonEnum, {
  name: 'SeverityReason',
  description: 'A signal that added to an attention severity score, with its weight.',
  valuesConfig: describedValues<SeverityReason>({
    SPECIAL_CAUSE_CONCERN: 'The latest point shows special-cause concern (weight 4).',
    CONSISTENTLY_FAILING_TARGET: 'The process will consistently fail the target in force (weight 3).',
    FAILING_TARGET: 'The latest value fails the target in force: RAG red (weight 2).',
    UNFAVOURABLE_OUTLIER_998: 'Beyond the adjusted 99.8% funnel limit on the worse side (weight 2).',
    HIT_AND_MISS_TARGET: 'The process will sometimes meet and sometimes fail the target in force (weight 1).',
    UNFAVOURABLE_OUTLIER_95: 'Beyond the adjusted 95% funnel limit, not the 99.8% one, on the worse side (weight 1).',
    WORSENING: 'Each of the last three values is worse than the one before (weight 1).',
  }),
});

export enum AttentionSort {
  SEVERITY = 'SEVERITY',
  PROVIDER = 'PROVIDER',
}
registerEnumType(AttentionSort, {
  name: 'AttentionSort',
  description: 'How the attention view is sorted. Ties are broken by provider ODS code, then indicator code.',
  valuesConfig: {
    SEVERITY: { description: 'Most severe first (decision 0032: score, then the heavier reasons).' },
    PROVIDER: { description: "By provider name, then indicator code." },
  },
});

export enum AttentionScopeKind {
  CCG = 'CCG',
  REGION = 'REGION',
  PROVIDERS = 'PROVIDERS',
  ENGLAND = 'ENGLAND',
}
registerEnumType(AttentionScopeKind, {
  name: 'AttentionScopeKind',
  description: 'Whose providers the attention view covers.',
  valuesConfig: {
    CCG: { description: "A CCG's providers: those it contracts with for the year of asOf, else those of its NHS England region (see basis)." },
    REGION: { description: 'The NHS trusts of an NHS England region.' },
    PROVIDERS: { description: 'The providers listed in the filter.' },
    ENGLAND: { description: 'Every NHS trust with values.' },
  },
});
