import DataLoader from 'dataloader';
import type { IndicatorScore, ScoreKey } from './scorecard-scores';
import type { ScorecardsService } from './scorecards.service';

/**
 * Per-request batch loaders of stored scores (decision 0021). `scores` gives a provider's indicator scores as at a
 * date (latest value, standard, RAG, SPC with every point): every provider asked for in one tick costs one SQL
 * statement per asOf date, however many fields read it. (The grid reads its page's verdicts with the page.)
 */
export function createScorecardLoaders(service: ScorecardsService) {
  return {
    scores: new DataLoader<ScoreKey, IndicatorScore[], string>((keys) => byAsOf(keys, (codes, asOf) => service.scoresOf(codes, asOf)), { cacheKeyFn: keyOf }),
  };
}

/** One read per asOf date among the keys, each for all of its providers. */
async function byAsOf<A extends string | null, V>(keys: readonly { code: string; asOf: A }[], read: (codes: string[], asOf: A) => Promise<Map<string, V[]>>): Promise<V[][]> {
  const codesByAsOf = new Map<A, string[]>();
  for (const key of keys) {
    const codes = codesByAsOf.get(key.asOf);
    if (codes) codes.push(key.code);
    else codesByAsOf.set(key.asOf, [key.code]);
  }
  const results = new Map<string, V[]>();
  for (const [asOf, codes] of codesByAsOf) {
    for (const [code, values] of await read(codes, asOf)) results.set(keyOf({ code, asOf }), values);
  }
  return keys.map((key) => results.get(keyOf(key)) ?? []);
}

function keyOf(key: { code: string; asOf: string | null }): string {
  return `${key.asOf ?? 'all'}|${key.code}`;
}
