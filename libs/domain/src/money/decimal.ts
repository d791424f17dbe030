// Exact decimal text <-> scaled integers, shared by Money and Percentage. Internal to money/.

/** A decimal number as `units / 10^scale`, exactly. */
export interface ScaledDecimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses plain decimal text: an optional minus, digits, and optionally a point followed by digits
 * (`"123456.78"`, `"-5"`, `"0.5"`). No plus sign, exponent, grouping, spaces or bare point.
 * Returns `undefined` for anything else, or for more than `maxScale` decimal places.
 */
export function parseDecimal(text: string, maxScale: number): ScaledDecimal | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > maxScale) return undefined;
  const magnitude = BigInt(whole + fraction);
  return { units: sign === '-' ? -magnitude : magnitude, scale: fraction.length };
}

/** `units / 10^scale` written with exactly `scale` decimals: (1234n, 2) → "12.34", (-5n, 2) → "-0.05". */
export function formatScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** 10^exponent as a bigint. */
export function powerOfTen(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}
