import {
  ASSURANCE_TYPES,
  FUNNEL_ADJUSTMENTS,
  FUNNEL_POSITIONS,
  IMPROVEMENT_DIRECTIONS,
  POINT_TYPES,
  SPECIAL_CAUSE_TYPES,
  type AssuranceType,
  type FunnelAdjustment,
  type FunnelPosition,
  type ImprovementDirection,
  type PointType,
  type RagStatus,
  type SpecialCauseType,
} from '@ccg-assure/domain';
import { registerEnumType } from 'type-graphql';
import { describedValues, enumOf } from '../server/graphql-enums';

// The GraphQL enums are built from the domain's own lists, so a value added there cannot be missing
// here: the `Record<...>` descriptions fail to compile until it is described.

export const ImprovementDirectionEnum = enumOf(IMPROVEMENT_DIRECTIONS);
registerEnumType(ImprovementDirectionEnum, {
  name: 'ImprovementDirection',
  description: 'Which way is better for a statistical process control chart.',
  valuesConfig: describedValues<ImprovementDirection>({
    INCREASE: 'A higher value is an improvement.',
    DECREASE: 'A lower value is an improvement.',
    NEUTRAL: 'Neither: special causes are reported as high or low, and there is no assurance verdict.',
  }),
});

export const SpecialCauseTypeEnum = enumOf(SPECIAL_CAUSE_TYPES);
registerEnumType(SpecialCauseTypeEnum, {
  name: 'SpecialCauseType',
  description:
    'Which special-cause rule caught a point (NHS England "Making Data Count", as NHSRplotthedots 0.2.2). A point caught by several rules carries the first, in this order.',
  valuesConfig: describedValues<SpecialCauseType>({
    COMMON_CAUSE: 'No rule caught the point: routine (common cause) variation.',
    ABOVE_UPPER_LIMIT: 'The point is above the upper process limit.',
    BELOW_LOWER_LIMIT: 'The point is below the lower process limit.',
    TREND_INCREASING: 'Part of a run of seven points each strictly higher than the one before.',
    TREND_DECREASING: 'Part of a run of seven points each strictly lower than the one before.',
    TWO_OF_THREE_ABOVE: 'Close to the upper limit, in a window of three points above the mean of which at least two are close to the limit.',
    TWO_OF_THREE_BELOW: 'Close to the lower limit, in a window of three points below the mean of which at least two are close to the limit.',
    SHIFT_ABOVE: 'Part of a run of seven or more points above the mean.',
    SHIFT_BELOW: 'Part of a run of seven or more points below the mean.',
  }),
});

export const PointTypeEnum = enumOf(POINT_TYPES);
registerEnumType(PointTypeEnum, {
  name: 'PointType',
  description: "A point's variation read against the improvement direction; for a series, the latest point's (the variation verdict).",
  valuesConfig: describedValues<PointType>({
    COMMON_CAUSE: 'Common cause variation: nothing to react to.',
    SPECIAL_CAUSE_IMPROVEMENT: 'Special cause variation in the better direction.',
    SPECIAL_CAUSE_CONCERN: 'Special cause variation in the worse direction.',
    SPECIAL_CAUSE_NEUTRAL_HIGH: 'Special cause variation on the high side, for a series with no better direction.',
    SPECIAL_CAUSE_NEUTRAL_LOW: 'Special cause variation on the low side, for a series with no better direction.',
  }),
});

export const AssuranceTypeEnum = enumOf(ASSURANCE_TYPES);
registerEnumType(AssuranceTypeEnum, {
  name: 'AssuranceType',
  description: 'Whether the process can be relied on to meet its target, from where the target lies against the latest process limits.',
  valuesConfig: describedValues<AssuranceType>({
    CONSISTENT_PASS: 'The target lies beyond the limit on the worse side: the process will consistently meet it.',
    CONSISTENT_FAIL: 'The target lies beyond the limit on the better side: the process will consistently fail it unless something changes.',
    HIT_AND_MISS: 'The target lies between the limits (or the limits do not exist): the process will sometimes meet it and sometimes not.',
  }),
});

export const RagStatusEnum = enumOf<RagStatus>(['GREEN', 'RED']);
registerEnumType(RagStatusEnum, {
  name: 'RagStatus',
  description: 'Pass or fail against a national standard. The national standards are pass/fail: there is no amber.',
  valuesConfig: describedValues<RagStatus>({
    GREEN: 'The value meets the standard (a value exactly at the threshold meets it).',
    RED: 'The value fails the standard.',
  }),
});

export const FunnelPositionEnum = enumOf(FUNNEL_POSITIONS);
registerEnumType(FunnelPositionEnum, {
  name: 'FunnelPosition',
  description: "Where a provider's value lies against the funnel-plot limits at its own denominator. A value exactly on a limit is within it.",
  valuesConfig: describedValues<FunnelPosition>({
    WITHIN: 'Within the 95% limits: consistent with the target.',
    ABOVE_95: 'Above the upper 95% limit but not the 99.8% limit (an alert).',
    ABOVE_998: 'Above the upper 99.8% limit (an alarm).',
    BELOW_95: 'Below the lower 95% limit but not the 99.8% limit (an alert).',
    BELOW_998: 'Below the lower 99.8% limit (an alarm).',
  }),
});

export const FunnelAdjustmentEnum = enumOf(FUNNEL_ADJUSTMENTS);
registerEnumType(FunnelAdjustmentEnum, {
  name: 'FunnelAdjustment',
  description:
    'Whether funnel-plot limits allow for over-dispersion: more variation between providers than sampling error explains, usual when denominators run to thousands ' +
    '(Spiegelhalter 2005; computed as FunnelPlotR 0.6.0 does for proportions).',
  valuesConfig: describedValues<FunnelAdjustment>({
    ADDITIVE_RANDOM_EFFECTS:
      'Widen the limits by the between-provider variance tau-squared, estimated from z-scores winsorised at 10%, when the over-dispersion factor phi exceeds 1; otherwise as NONE. The default.',
    NONE: 'Limits from sampling error alone (tau-squared taken as 0).',
  }),
});

export enum ScorecardStatus {
  FAILING = 'FAILING',
  IMPROVING = 'IMPROVING',
  DETERIORATING = 'DETERIORATING',
}
registerEnumType(ScorecardStatus, {
  name: 'ScorecardStatus',
  description: "A provider's state on its latest values, for filtering the scorecard grid.",
  valuesConfig: {
    FAILING: { description: 'Fails a standard (RAG red) on its latest value.' },
    IMPROVING: { description: 'Shows special cause improvement on its latest point (variation verdict).' },
    DETERIORATING: { description: 'Shows special cause concern on its latest point (variation verdict).' },
  },
});

export enum ScorecardOrderField {
  NAME = 'NAME',
  CODE = 'CODE',
  VALUE = 'VALUE',
}
registerEnumType(ScorecardOrderField, {
  name: 'ScorecardOrderField',
  description: 'What the scorecard grid is sorted by.',
  valuesConfig: {
    NAME: { description: "The provider's name." },
    CODE: { description: "The provider's ODS code." },
    VALUE: { description: "The latest value of one indicator (name it in `indicator`); providers without a value come last." },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Ascending or descending.',
  valuesConfig: {
    ASC: { description: 'Smallest (or A) first.' },
    DESC: { description: 'Largest (or Z) first.' },
  },
});

/** Which kind of organisation the scorecard grid lists. */
export enum GridOrganisationType {
  NHS_TRUST = 'NHS_TRUST',
  GP_PRACTICE = 'GP_PRACTICE',
}
registerEnumType(GridOrganisationType, {
  name: 'ScorecardOrganisationType',
  description: 'Which kind of organisation the scorecard grid lists.',
  valuesConfig: {
    NHS_TRUST: { description: 'NHS trusts (providers): the default.' },
    GP_PRACTICE: { description: "GP practices; with a `ccg` filter, the practices registered with that CCG as at asOf (their IN_CCG relationship)." },
  },
});
