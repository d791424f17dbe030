// Money: exact pounds and pence, exact percentages, named rounding rules.
export { Money, MONEY_MAX_PENCE, PERCENT_MAX_DECIMALS } from './money';
export type { WholeNumber } from './money';
export { Percentage, PERCENTAGE_MAX_DECIMALS } from './percentage';
export { divideRounded, isRoundingRule, ROUNDING_RULES } from './rounding';
export type { RoundingRule } from './rounding';
