import { DomainError } from '../errors';
import { formatScaled, parseDecimal, powerOfTen } from './decimal';

/** Most decimal places a percentage may carry ("2.5" has one); plenty for any NHS rule. */
export const PERCENTAGE_MAX_DECIMALS = 12;

/**
 * An exact percentage: `"2.5"` means 2.5%, held as the integer 25 scaled by 10^1, so never a binary
 * float. Immutable. Kept in lowest form (no trailing zeros), so `"2.50"` and `"2.5"` are the same value
 * with the same fields and `toString()` gives `"2.5"`.
 */
export class Percentage {
  static readonly ZERO = new Percentage(0n, 0);
  static readonly HUNDRED = new Percentage(100n, 0);

  /** The percentage is `units / 10^scale` per cent. */
  private constructor(
    readonly units: bigint,
    readonly scale: number,
  ) {
    Object.freeze(this);
  }

  /**
   * Parses plain decimal text, per cent: `"1"`, `"0.5"`, `"2.5"`, `"-3"`, at most
   * {@link PERCENTAGE_MAX_DECIMALS} decimals. Anything else (`""`, `"2.5%"`, `"1e2"`, `" 1"`) throws
   * `INVALID_PERCENTAGE`.
   */
  static parse(text: string): Percentage {
    const parsed = typeof text === 'string' ? parseDecimal(text, PERCENTAGE_MAX_DECIMALS) : undefined;
    if (!parsed) {
      throw new DomainError(
        'INVALID_PERCENTAGE',
        `"${String(text)}" is not a percentage: write a plain decimal such as "2.5" (at most ${PERCENTAGE_MAX_DECIMALS} decimal places).`,
        { value: String(text) },
      );
    }
    return Percentage.fromScaled(parsed.units, parsed.scale);
  }

  private static fromScaled(units: bigint, scale: number): Percentage {
    let u = units;
    let s = scale;
    while (s > 0 && u % 10n === 0n) {
      u /= 10n;
      s -= 1;
    }
    return new Percentage(u, s);
  }

  /** The exact fraction of one this percentage stands for: 2.5% is 25 / 1000. */
  get fraction(): { readonly numerator: bigint; readonly denominator: bigint } {
    return { numerator: this.units, denominator: 100n * powerOfTen(this.scale) };
  }

  plus(other: Percentage): Percentage {
    const scale = Math.max(this.scale, other.scale);
    return Percentage.fromScaled(this.unitsAt(scale) + other.unitsAt(scale), scale);
  }

  minus(other: Percentage): Percentage {
    return this.plus(other.negate());
  }

  negate(): Percentage {
    return new Percentage(-this.units, this.scale);
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other`. */
  compare(other: Percentage): -1 | 0 | 1 {
    const scale = Math.max(this.scale, other.scale);
    const a = this.unitsAt(scale);
    const b = other.unitsAt(scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(other: Percentage): boolean {
    return this.compare(other) === 0;
  }

  /** True when `min <= this <= max`. */
  isBetween(min: Percentage, max: Percentage): boolean {
    return this.compare(min) >= 0 && this.compare(max) <= 0;
  }

  /** Plain decimal text in lowest form, without a % sign: `"2.5"`, `"1"`, `"-0.25"`. */
  toString(): string {
    return formatScaled(this.units, this.scale);
  }

  /** JSON carries the decimal text, never a number. */
  toJSON(): string {
    return this.toString();
  }

  private unitsAt(scale: number): bigint {
    return this.units * powerOfTen(scale - this.scale);
  }
}
