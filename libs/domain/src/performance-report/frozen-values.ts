import { DomainError } from '../errors';
import { parseDecimal, powerOfTen } from '../money/decimal';

/**
 * One number of a signed report as it was shown: an indicator's value (and its numerator and denominator, where it
 * has them) for an organisation and period. Decimal text as stored (numeric), or null where there was none.
 */
export interface FrozenValue {
  readonly indicatorCode: string;
  readonly organisationCode: string;
  /** The period's first day, yyyy-mm-dd. */
  readonly period: string;
  readonly value: string | null;
  readonly numerator: string | null;
  readonly denominator: string | null;
}

/** How a frozen value differs from the data as it stands now. */
export const VALUE_CHANGE_KINDS = ['CHANGED', 'GONE'] as const;
export type ValueChangeKind = (typeof VALUE_CHANGE_KINDS)[number];

export interface ChangedValue {
  readonly frozen: FrozenValue;
  /** The value as the data holds it now; null when it is gone. */
  readonly current: FrozenValue | null;
  readonly kind: ValueChangeKind;
  /** Which of value, numerator and denominator differ (all three when the value is gone). */
  readonly fields: readonly ('value' | 'numerator' | 'denominator')[];
}

/** No real decimal in the data has more places than this; a safety bound, not a rounding. */
const MAX_DECIMAL_PLACES = 64;

const keyOf = (value: FrozenValue) => JSON.stringify([value.indicatorCode, value.organisationCode, value.period]);

function readDecimal(text: string, field: string, value: FrozenValue) {
  const parsed = typeof text === 'string' ? parseDecimal(text.trim(), MAX_DECIMAL_PLACES) : undefined;
  if (!parsed) {
    throw new DomainError('INVALID_DECIMAL', `${field} of ${value.indicatorCode} for ${value.organisationCode} in ${value.period} is not a decimal number`, {
      field,
      value: text,
      indicatorCode: value.indicatorCode,
      organisationCode: value.organisationCode,
      period: value.period,
    });
  }
  return parsed;
}

/**
 * Whether two stored decimals are the same number, exactly: "95.0" and "95" are, "-0" and "0" are, "95.01" and
 * "95.010" are; "95.0" and "95.00001" are not. Null equals only null. Compared as scaled integers, never as floats.
 */
function sameDecimal(a: string | null, b: string | null, field: string, frozen: FrozenValue): boolean {
  if (a === null || b === null) return a === b;
  const x = readDecimal(a, field, frozen);
  const y = readDecimal(b, field, frozen);
  return x.units * powerOfTen(y.scale) === y.units * powerOfTen(x.scale);
}

/**
 * The frozen values the data has since changed: a different value, numerator or denominator (as numbers, so "95.0"
 * against "95" is no change), or a value now gone. Values added since are not counted: the signed report never
 * showed them. A key (indicator, organisation, period) twice in `current` is DUPLICATE_CURRENT_VALUE; text that is
 * not a decimal is INVALID_DECIMAL. In the order of `frozen`.
 */
export function changedValues(frozen: readonly FrozenValue[], current: readonly FrozenValue[]): ChangedValue[] {
  const now = new Map<string, FrozenValue>();
  for (const value of current) {
    const key = keyOf(value);
    if (now.has(key)) {
      throw new DomainError('DUPLICATE_CURRENT_VALUE', `${value.indicatorCode} for ${value.organisationCode} in ${value.period} appears twice`, {
        indicatorCode: value.indicatorCode,
        organisationCode: value.organisationCode,
        period: value.period,
      });
    }
    now.set(key, value);
  }
  const changes: ChangedValue[] = [];
  for (const was of frozen) {
    const is = now.get(keyOf(was));
    if (!is) {
      changes.push({ frozen: was, current: null, kind: 'GONE', fields: ['value', 'numerator', 'denominator'] });
      continue;
    }
    const fields = (['value', 'numerator', 'denominator'] as const).filter((field) => !sameDecimal(was[field], is[field], field, was));
    if (fields.length > 0) changes.push({ frozen: was, current: is, kind: 'CHANGED', fields });
  }
  return changes;
}

/** How many of a signed report's values the data has since changed (changedValues). */
export function countChangedValues(frozen: readonly FrozenValue[], current: readonly FrozenValue[]): number {
  return changedValues(frozen, current).length;
}
