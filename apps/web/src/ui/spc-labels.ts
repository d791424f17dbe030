import type { AssuranceType, PointType, SpecialCauseType } from '@ccg-assure/domain';

/**
 * The words of NHS England's "Making Data Count" for the verdicts the API returns. Labels only:
 * which verdict applies is always the API's (the domain library's), never worked out here.
 */

/** Which side of the mean a special cause lies, as the API classifies the point (high or low). */
export type SpecialCauseSide = 'HIGH' | 'LOW';

const HIGH_SIDE: readonly SpecialCauseType[] = ['ABOVE_UPPER_LIMIT', 'TREND_INCREASING', 'TWO_OF_THREE_ABOVE', 'SHIFT_ABOVE'];

/** The side a special-cause type names (ABOVE_UPPER_LIMIT is high); null for common cause. */
export function specialCauseSide(type: SpecialCauseType | null | undefined): SpecialCauseSide | null {
  if (!type || type === 'COMMON_CAUSE') return null;
  return HIGH_SIDE.includes(type) ? 'HIGH' : 'LOW';
}

/** A point's variation in a few words, as an accessible name reads it: "special cause concern". */
export const POINT_TYPE_WORDS: Record<PointType, string> = {
  COMMON_CAUSE: 'common cause',
  SPECIAL_CAUSE_IMPROVEMENT: 'special cause improvement',
  SPECIAL_CAUSE_CONCERN: 'special cause concern',
  SPECIAL_CAUSE_NEUTRAL_HIGH: 'special cause neutral (high)',
  SPECIAL_CAUSE_NEUTRAL_LOW: 'special cause neutral (low)',
};

/** Which rule made a point special, in plain words. */
export const SPECIAL_CAUSE_WORDS: Record<SpecialCauseType, string> = {
  COMMON_CAUSE: 'no special cause',
  ABOVE_UPPER_LIMIT: 'above the upper process limit',
  BELOW_LOWER_LIMIT: 'below the lower process limit',
  TREND_INCREASING: 'part of a run of 7 rising points',
  TREND_DECREASING: 'part of a run of 7 falling points',
  TWO_OF_THREE_ABOVE: '2 of 3 points close to the upper limit',
  TWO_OF_THREE_BELOW: '2 of 3 points close to the lower limit',
  SHIFT_ABOVE: 'part of a run of 7 points above the mean',
  SHIFT_BELOW: 'part of a run of 7 points below the mean',
};

/** The variation icon's text alternative: "Special cause variation – concern (low)". */
export function variationLabel(type: PointType, side: SpecialCauseSide | null): string {
  const sideWords = side ? ` (${side === 'HIGH' ? 'high' : 'low'})` : '';
  switch (type) {
    case 'COMMON_CAUSE':
      return 'Common cause variation';
    case 'SPECIAL_CAUSE_IMPROVEMENT':
      return `Special cause variation – improvement${sideWords}`;
    case 'SPECIAL_CAUSE_CONCERN':
      return `Special cause variation – concern${sideWords}`;
    case 'SPECIAL_CAUSE_NEUTRAL_HIGH':
      return 'Special cause variation – neutral (high)';
    case 'SPECIAL_CAUSE_NEUTRAL_LOW':
      return 'Special cause variation – neutral (low)';
  }
}

/** The assurance icon's text alternative. */
export function assuranceLabel(type: AssuranceType | null | undefined): string {
  switch (type) {
    case 'CONSISTENT_PASS':
      return 'Consistently passes the target';
    case 'CONSISTENT_FAIL':
      return 'Consistently fails the target';
    case 'HIT_AND_MISS':
      return 'Hit and miss: the target may or may not be met';
    default:
      return 'No assurance verdict: no target, or no direction of improvement';
  }
}

/**
 * Making Data Count colours. The fills are the NHS-R Community's (NHSRplotthedots `ptd_spc_colours`);
 * each special-cause mark also has a darker outline of its hue so it stands out from the white
 * background at 3:1 or more (WCAG 1.4.11), and colour is never the only signal (names, text, table).
 */
export const SPC_COLOURS = {
  commonCause: { fill: '#7b7d7d', stroke: '#4c4e4e' },
  improvement: { fill: '#289de0', stroke: '#005eb8' },
  concern: { fill: '#fab428', stroke: '#8a5300' },
  neutral: { fill: '#361475', stroke: '#361475' },
  line: '#7b7d7d',
  mean: '#425563',
  limit: '#425563',
  target: '#d5281b',
} as const;

export function pointColours(type: PointType): { fill: string; stroke: string } {
  switch (type) {
    case 'SPECIAL_CAUSE_IMPROVEMENT':
      return SPC_COLOURS.improvement;
    case 'SPECIAL_CAUSE_CONCERN':
      return SPC_COLOURS.concern;
    case 'SPECIAL_CAUSE_NEUTRAL_HIGH':
    case 'SPECIAL_CAUSE_NEUTRAL_LOW':
      return SPC_COLOURS.neutral;
    default:
      return SPC_COLOURS.commonCause;
  }
}
