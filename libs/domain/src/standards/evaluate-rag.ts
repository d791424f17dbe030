import { DomainError } from '../errors';
import { ProviderStandard } from './provider-standards';

/**
 * Pass (GREEN) or fail (RED) against a standard. There is no AMBER: the national standards are
 * pass/fail and no amber band is defined for them.
 */
export type RagStatus = 'GREEN' | 'RED';

function checkValue(value: unknown, standard: ProviderStandard): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError('NON_FINITE_VALUE', `A value for ${standard.code} must be a finite number`, { code: standard.code, value });
  }
  const outOfRange =
    value < 0 || (standard.unit === 'PERCENTAGE' && value > 100) || (standard.unit === 'COUNT' && !Number.isInteger(value));
  if (outOfRange) {
    const expected =
      standard.unit === 'PERCENTAGE' ? 'a percentage from 0 to 100' : standard.unit === 'COUNT' ? 'a whole number, 0 or more' : '0 or more';
    throw new DomainError('VALUE_OUT_OF_RANGE', `A value for ${standard.code} must be ${expected}`, { code: standard.code, unit: standard.unit, value });
  }
  return value;
}

/**
 * GREEN when `value` meets the standard, RED otherwise. At the threshold passes: HIGHER_IS_BETTER
 * meets when value >= threshold, LOWER_IS_BETTER when value <= threshold. Zero tolerance: 0 is GREEN,
 * any occurrence RED. Percentages are 0 to 100 (94.7 means 94.7%).
 * Throws NON_FINITE_VALUE (NaN, Infinity, not a number) or VALUE_OUT_OF_RANGE (negative, a percentage
 * over 100, a fractional count); details: code, value.
 */
export function evaluateRag(value: number, standard: ProviderStandard): RagStatus {
  const checked = checkValue(value, standard);
  if (standard.zeroTolerance) return checked === 0 ? 'GREEN' : 'RED';
  const meets = standard.polarity === 'HIGHER_IS_BETTER' ? checked >= standard.threshold : checked <= standard.threshold;
  return meets ? 'GREEN' : 'RED';
}

function checkCount(value: unknown, field: string, standard: ProviderStandard): bigint {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError('NON_FINITE_VALUE', `${field} for ${standard.code} must be a finite number`, { code: standard.code, field, value });
  }
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DomainError('VALUE_OUT_OF_RANGE', `${field} for ${standard.code} must be a whole number, 0 or more`, { code: standard.code, field, value });
  }
  return BigInt(value);
}

/** The threshold as an exact fraction digits / 10^scale, from its decimal form (95, 92.5, 0.5). */
function exactThreshold(standard: ProviderStandard): { digits: bigint; scale: bigint } {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(String(standard.threshold));
  if (!match) {
    throw new DomainError('INVALID_STANDARD', `${standard.code}: the threshold must be a plain decimal number`, { code: standard.code, field: 'threshold' });
  }
  const fraction = match[2] ?? '';
  return { digits: BigInt(match[1] + fraction), scale: 10n ** BigInt(fraction.length) };
}

/**
 * Like evaluateRag for a PERCENTAGE standard, from the counts behind the percentage, compared exactly
 * (integers, no binary floating point), so that a value exactly at the threshold always passes:
 * 100 x numerator / denominator against the threshold. For DIAGNOSTICS_6WK the numerator is those
 * waiting six weeks or more. Throws NOT_A_PERCENTAGE_STANDARD, NON_FINITE_VALUE, VALUE_OUT_OF_RANGE
 * (negative or fractional counts, numerator > denominator), ZERO_DENOMINATOR, INVALID_STANDARD.
 */
export function evaluateRagFromCounts(numerator: number, denominator: number, standard: ProviderStandard): RagStatus {
  if (standard.unit !== 'PERCENTAGE') {
    throw new DomainError('NOT_A_PERCENTAGE_STANDARD', `${standard.code} is measured in ${standard.unit}, not as a percentage of counts`, {
      code: standard.code,
      unit: standard.unit,
    });
  }
  const n = checkCount(numerator, 'numerator', standard);
  const d = checkCount(denominator, 'denominator', standard);
  if (d === 0n) {
    throw new DomainError('ZERO_DENOMINATOR', `No denominator for ${standard.code}: the percentage is undefined`, { code: standard.code });
  }
  if (n > d) {
    throw new DomainError('VALUE_OUT_OF_RANGE', `The numerator for ${standard.code} exceeds its denominator`, {
      code: standard.code,
      field: 'numerator',
      value: numerator,
    });
  }
  const { digits, scale } = exactThreshold(standard);
  // 100 n / d >= digits / scale  <=>  100 n scale >= digits d (d, scale > 0).
  const left = 100n * n * scale;
  const right = digits * d;
  const meets = standard.polarity === 'HIGHER_IS_BETTER' ? left >= right : left <= right;
  return meets ? 'GREEN' : 'RED';
}
