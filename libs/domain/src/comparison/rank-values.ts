import { DomainError } from '../errors';
import { checkedPolarity, checkUniqueKeys } from './checks';
import type { ComparisonPolarity, RankedValue, RankInput } from './comparison-vocabulary';

/**
 * A league table: the values ordered best first for the polarity (HIGHER_IS_BETTER and NEUTRAL:
 * highest first; LOWER_IS_BETTER: lowest first), each with its rank. Equal values share a rank and
 * the next rank skips, "standard competition" ranking (1, 2, 2, 4), so a rank always says how many
 * did better: rank − 1. Equal values are listed by key, so the order is stable. Values are compared
 * as given: round them first if equal-looking values should tie.
 *
 * @throws DomainError COMPARISON_INVALID_POLARITY, COMPARISON_NON_FINITE_VALUE (details: key, value),
 *   COMPARISON_DUPLICATE_KEY (details: key)
 */
export function rankValues(entries: readonly RankInput[], polarity: ComparisonPolarity): RankedValue[] {
  const direction = checkedPolarity(polarity) === 'LOWER_IS_BETTER' ? 1 : -1;
  for (const entry of entries) {
    if (typeof entry.value !== 'number' || !Number.isFinite(entry.value)) {
      throw new DomainError('COMPARISON_NON_FINITE_VALUE', `The value of "${entry.key}" is not a finite number.`, {
        key: entry.key,
        value: String(entry.value),
      });
    }
  }
  checkUniqueKeys(entries.map((entry) => entry.key));
  // Keys are unique (checked above), so two entries never compare equal.
  const ordered = [...entries].sort((a, b) => direction * (a.value - b.value) || (a.key < b.key ? -1 : 1));
  const ranked: RankedValue[] = [];
  ordered.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const rank = previous !== undefined && previous.value === entry.value ? previous.rank : index + 1;
    ranked.push({ key: entry.key, value: entry.value, rank });
  });
  return ranked;
}
