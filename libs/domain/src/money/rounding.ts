import { DomainError } from '../errors';

/**
 * Every rounding in CCG Assure names its rule (STYLE.md "Money and rates").
 * - `HALF_AWAY_FROM_ZERO`: nearest; a half goes away from zero (2.5 → 3, -2.5 → -3). Finance uses this.
 * - `HALF_EVEN`: nearest; a half goes to the even neighbour (2.5 → 2, 3.5 → 4), "banker's rounding".
 * - `DOWN`: towards zero, i.e. truncate (2.9 → 2, -2.9 → -2).
 * - `UP`: away from zero (2.1 → 3, -2.1 → -3).
 */
export const ROUNDING_RULES = ['HALF_AWAY_FROM_ZERO', 'HALF_EVEN', 'DOWN', 'UP'] as const;
export type RoundingRule = (typeof ROUNDING_RULES)[number];

export function isRoundingRule(value: string): value is RoundingRule {
  return (ROUNDING_RULES as readonly string[]).includes(value);
}

/**
 * The exact quotient `numerator / denominator` rounded once to an integer by the named rule.
 * Both operands are integers, so nothing is lost before the single rounding.
 */
export function divideRounded(numerator: bigint, denominator: bigint, rule: RoundingRule): bigint {
  // Checked at run time too: the API and the web app may hand over any string.
  if (!isRoundingRule(rule)) {
    throw new DomainError('UNKNOWN_ROUNDING_RULE', `Unknown rounding rule "${String(rule)}".`, {
      rule,
      known: [...ROUNDING_RULES],
    });
  }
  if (denominator === 0n) {
    throw new DomainError('DIVISION_BY_ZERO', 'Cannot divide by zero.', { numerator: numerator.toString() });
  }
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d; // bigint division truncates towards zero
  const remainder = n % d; // carries the sign of n
  if (remainder === 0n) return quotient;
  const awayFromZero = quotient + (n < 0n ? -1n : 1n);
  const twiceRemainder = 2n * (remainder < 0n ? -remainder : remainder);
  switch (rule) {
    case 'DOWN':
      return quotient;
    case 'UP':
      return awayFromZero;
    case 'HALF_AWAY_FROM_ZERO':
      return twiceRemainder >= d ? awayFromZero : quotient;
    case 'HALF_EVEN':
      if (twiceRemainder === d) return quotient % 2n === 0n ? quotient : awayFromZero;
      return twiceRemainder > d ? awayFromZero : quotient;
  }
}
