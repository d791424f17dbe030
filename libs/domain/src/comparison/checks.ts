import { DomainError } from '../errors';
import { COMPARISON_POLARITIES, type ComparisonPolarity } from './comparison-vocabulary';

/** Checked at run time too: callers outside TypeScript may hand over any string. */
export function checkedPolarity(polarity: ComparisonPolarity): ComparisonPolarity {
  if (!(COMPARISON_POLARITIES as readonly string[]).includes(polarity)) {
    throw new DomainError('COMPARISON_INVALID_POLARITY', `Unknown polarity "${String(polarity)}".`, {
      polarity,
      known: [...COMPARISON_POLARITIES],
    });
  }
  return polarity;
}

/** Each provider once: a key given twice would be ranked or plotted twice. */
export function checkUniqueKeys(keys: readonly string[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new DomainError('COMPARISON_DUPLICATE_KEY', `"${key}" appears more than once.`, { key });
    seen.add(key);
  }
}
