import { DomainError } from '../errors';
import { formatScaled, parseDecimal, powerOfTen } from './decimal';
import { Percentage } from './percentage';
import { divideRounded, RoundingRule } from './rounding';

/** An integer given as a bigint, or as a JavaScript number that is a safe integer. */
export type WholeNumber = bigint | number;

/**
 * The largest amount a stored amount may be, either way: the database keeps money as numeric(14,2), so twelve
 * digits of pounds: £999,999,999,999.99. Amounts given as input ({@link Money.parseStorable}, the GraphQL scalar)
 * and the inputs of the plan rules are held to it ({@link Money.requireStorable}); totals computed from them may
 * go beyond, and {@link Money.parse} reads those exactly.
 */
export const MONEY_MAX_PENCE = 99_999_999_999_999n;

/** Most decimal places `asPercentageOf` will write. */
export const PERCENT_MAX_DECIMALS = 12;

/**
 * An exact amount of pounds and pence, held as whole pence in a bigint (docs: STYLE.md "Money and rates").
 * Immutable; every operation returns a new Money. Amounts may be negative (a deficit, a credit).
 *
 * Wire format (the GraphQL `Money` scalar): plain decimal text with exactly two decimals, `"123456.78"`,
 * from {@link Money.toString} / {@link Money.toJSON}, read back by {@link Money.parse}.
 */
export class Money {
  static readonly ZERO = new Money(0n);

  private constructor(readonly pence: bigint) {
    Object.freeze(this);
  }

  /**
   * Reads decimal pounds: `"123456.78"`, `"-5"`, `"0.5"` (50p). At most two decimal places; no `£`,
   * commas, spaces, plus sign or exponent. Anything else throws `INVALID_MONEY`. `"-0"` and `"-0.00"` are zero.
   * Any size is read exactly (totals may exceed what is stored); input to be stored is read by {@link Money.parseStorable}.
   */
  static parse(text: string): Money {
    const parsed = typeof text === 'string' ? parseDecimal(text, 2) : undefined;
    if (!parsed) {
      throw new DomainError(
        'INVALID_MONEY',
        `"${String(text)}" is not an amount of money: write pounds as a plain decimal with at most two decimal places, such as "123456.78".`,
        { value: String(text) },
      );
    }
    return new Money(parsed.units * powerOfTen(2 - parsed.scale));
  }

  /** {@link Money.parse}, then {@link Money.requireStorable}: how amounts given as input are read (the GraphQL scalar). */
  static parseStorable(text: string, field?: string): Money {
    return Money.parse(text).requireStorable(field);
  }

  /** This amount, when it fits the database's numeric(14,2); `MONEY_OUT_OF_RANGE` (naming `field`, if given) otherwise. */
  requireStorable(field?: string): Money {
    if (this.pence > MONEY_MAX_PENCE || this.pence < -MONEY_MAX_PENCE) {
      const max = new Money(MONEY_MAX_PENCE).toString();
      throw new DomainError('MONEY_OUT_OF_RANGE', `${field ?? 'An amount'} may be at most ${max} either way; got ${this.toString()}.`, {
        ...(field ? { field } : {}),
        value: this.toString(),
        max,
      });
    }
    return this;
  }

  /** An amount of whole pence. A number must be a safe integer (else `INVALID_MONEY`). */
  static fromPence(pence: WholeNumber): Money {
    return new Money(toBigInt(pence, 'INVALID_MONEY', 'pence'));
  }

  /** An amount of whole pounds. A number must be a safe integer (else `INVALID_MONEY`). */
  static fromPounds(pounds: WholeNumber): Money {
    return new Money(toBigInt(pounds, 'INVALID_MONEY', 'pounds') * 100n);
  }

  /** The exact total; zero for none. */
  static sum(amounts: Iterable<Money>): Money {
    let total = 0n;
    for (const amount of amounts) total += amount.pence;
    return new Money(total);
  }

  static max(first: Money, ...rest: Money[]): Money {
    return rest.reduce((best, m) => (m.pence > best.pence ? m : best), first);
  }

  static min(first: Money, ...rest: Money[]): Money {
    return rest.reduce((best, m) => (m.pence < best.pence ? m : best), first);
  }

  plus(other: Money): Money {
    return new Money(this.pence + other.pence);
  }

  minus(other: Money): Money {
    return new Money(this.pence - other.pence);
  }

  negate(): Money {
    return new Money(-this.pence);
  }

  abs(): Money {
    return this.pence < 0n ? this.negate() : this;
  }

  /** This amount times a whole number, exactly (for instance a sanction value times a count of breaches). */
  times(factor: WholeNumber): Money {
    return new Money(this.pence * toBigInt(factor, 'INVALID_ARGUMENT', 'factor'));
  }

  /**
   * `percentage` of this amount, computed exactly then rounded once to the penny by the named rule:
   * £1,234.50 × 1% = 1,234.5p, which is 1,235p under `HALF_AWAY_FROM_ZERO` and 1,234p under `HALF_EVEN`.
   */
  multiplyByPercentage(percentage: Percentage, rounding: RoundingRule): Money {
    const { numerator, denominator } = percentage.fraction;
    return new Money(divideRounded(this.pence * numerator, denominator, rounding));
  }

  /**
   * This amount as a percentage of `whole`, computed exactly and rounded once by the named rule to
   * `decimals` places, as plain decimal text with exactly that many decimals:
   * £1,000,000.00 of £300,000,000.00 to 2 places is `"0.33"`. A zero `whole` throws `DIVISION_BY_ZERO`.
   */
  asPercentageOf(whole: Money, decimals: number, rounding: RoundingRule): string {
    if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > PERCENT_MAX_DECIMALS) {
      throw new DomainError('INVALID_ARGUMENT', `Decimal places must be a whole number from 0 to ${PERCENT_MAX_DECIMALS}.`, {
        decimals,
      });
    }
    const units = divideRounded(this.pence * 100n * powerOfTen(decimals), whole.pence, rounding);
    return formatScaled(units, decimals);
  }

  /**
   * Splits this amount into `parts` amounts as equal as pennies allow, adding back exactly to the whole;
   * leftover pennies go to the first parts: £10.00 in 3 is £3.34, £3.33, £3.33.
   */
  split(parts: number): Money[] {
    if (!Number.isSafeInteger(parts) || parts < 1) {
      throw new DomainError('INVALID_ALLOCATION', 'An amount can only be split into a whole number of parts, at least one.', {
        parts,
      });
    }
    return this.allocate(new Array<bigint>(parts).fill(1n));
  }

  /**
   * Splits this amount in proportion to whole-number `ratios` by the largest-remainder method: each part
   * first gets its exact share truncated to the penny, then the pennies left over go one each to the parts
   * with the largest truncated remainders (earlier parts first on a tie). The parts always add back exactly
   * to the whole; a negative amount is split as its magnitude, then negated. Ratios must be non-negative
   * whole numbers, not all zero (else `INVALID_ALLOCATION`).
   */
  allocate(ratios: readonly WholeNumber[]): Money[] {
    const weights = ratios.map((r) => toBigInt(r, 'INVALID_ALLOCATION', 'ratio'));
    const totalWeight = weights.reduce((a, b) => a + b, 0n);
    if (weights.length === 0 || weights.some((w) => w < 0n) || totalWeight === 0n) {
      throw new DomainError('INVALID_ALLOCATION', 'Ratios must be non-negative whole numbers, at least one of them positive.', {
        ratios: ratios.map(String),
      });
    }
    const magnitude = this.pence < 0n ? -this.pence : this.pence;
    const shares = weights.map((w) => (magnitude * w) / totalWeight);
    const remainders = weights.map((w, index) => ({ index, remainder: (magnitude * w) % totalWeight }));
    let leftover = magnitude - shares.reduce((a, b) => a + b, 0n);
    remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
    for (const { index } of remainders) {
      if (leftover === 0n) break;
      shares[index] += 1n;
      leftover -= 1n;
    }
    const sign = this.pence < 0n ? -1n : 1n;
    return shares.map((share) => new Money(sign * share));
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other`. */
  compare(other: Money): -1 | 0 | 1 {
    return this.pence < other.pence ? -1 : this.pence > other.pence ? 1 : 0;
  }

  equals(other: Money): boolean {
    return this.pence === other.pence;
  }

  isLessThan(other: Money): boolean {
    return this.pence < other.pence;
  }

  isLessThanOrEqual(other: Money): boolean {
    return this.pence <= other.pence;
  }

  isGreaterThan(other: Money): boolean {
    return this.pence > other.pence;
  }

  isGreaterThanOrEqual(other: Money): boolean {
    return this.pence >= other.pence;
  }

  isZero(): boolean {
    return this.pence === 0n;
  }

  isNegative(): boolean {
    return this.pence < 0n;
  }

  isPositive(): boolean {
    return this.pence > 0n;
  }

  /** The wire format: pounds as plain decimal text with exactly two decimals, `"123456.78"`, `"-5.00"`. */
  toString(): string {
    return formatScaled(this.pence, 2);
  }

  /** JSON carries the wire format, never a number (and `JSON.stringify` cannot serialise a bigint). */
  toJSON(): string {
    return this.toString();
  }

  /** For people: `"£123,456.78"`, `"-£5.00"`. */
  toDisplayString(): string {
    const text = formatScaled(this.pence < 0n ? -this.pence : this.pence, 2);
    const [pounds, pence] = text.split('.');
    const grouped = pounds.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${this.pence < 0n ? '-' : ''}£${grouped}.${pence}`;
  }
}

function toBigInt(value: WholeNumber, code: string, name: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new DomainError(code, `The ${name} must be a whole number (a bigint or a safe integer).`, { [name]: String(value) });
}
