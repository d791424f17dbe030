import DataLoader from 'dataloader';
import type { IndicatorScore, ScoreKey } from './scorecard-scores';
import type { ScorecardsService } from './scorecards.service';

/**
 * Per-request batch loaders. `scores` gives a provider's indicator scores as at a date (latest value,
 * standard, RAG, SPC): every provider asked for in one tick costs one SQL statement per asOf date, and
 * each series is analysed once per request however many fields read it.
 */
export function createScorecardLoaders(service: ScorecardsService) {
  return {
    scores: new DataLoader<ScoreKey, IndicatorScore[], string>(
      async (keys) => {
        const byAsOf = new Map<string | null, string[]>();
        for (const key of keys) byAsOf.set(key.asOf, [...(byAsOf.get(key.asOf) ?? []), key.code]);
        const results = new Map<string, IndicatorScore[]>();
        for (const [asOf, codes] of byAsOf) {
          for (const [code, scores] of await service.scoresOf(codes, asOf)) results.set(scoreKey({ code, asOf }), scores);
        }
        return keys.map((key) => results.get(scoreKey(key)) ?? []);
      },
      { cacheKeyFn: scoreKey },
    ),
  };
}

function scoreKey(key: ScoreKey): string {
  return `${key.asOf ?? 'all'}|${key.code}`;
}
