import type { FunnelAdjustment } from '@ccg-assure/domain';
import type { DataSource } from 'typeorm';
import { compareProviders, type ProviderComparisonView } from './provider-comparison';
import { providerScorecard, type ProviderScorecardView } from './provider-scorecard';
import { gridPage, practicesOfCcg, providersOfCcg, type GridQuery, type GridView, type ProvidersOfCcgView } from './scorecard-grid';
import { scoresOf, type IndicatorScore, type ScorecardLoaders } from './scorecard-scores';

export type { IndicatorScore } from './scorecard-scores';

/**
 * Provider scorecards, the scorecard grid and comparisons, one method per use case (each in its own file).
 * Scores (latest value, standard, RAG, SPC) are read as stored when the values changed (decision 0021), never
 * recomputed here; comparisons rank and plot one period's values with the domain library (rankValues,
 * analyseFunnelPlot). Reads that field resolvers repeat go through the per-request loaders.
 */
export class ScorecardsService {
  constructor(private readonly dataSource: DataSource) {}

  /** A provider's scorecard as at `asOf` (see provider-scorecard.ts). */
  providerScorecard(code: string, asOf: string | null, loaders: ScorecardLoaders): Promise<ProviderScorecardView> {
    return providerScorecard(code, asOf, loaders);
  }

  /** One page of the scorecard grid (see scorecard-grid.ts). */
  grid(query: GridQuery, loaders: ScorecardLoaders): Promise<GridView> {
    return gridPage(this.dataSource, query, loaders);
  }

  /** The providers the grid relates to a CCG as at `asOf`, the latest period with data when null (see scorecard-grid.ts). */
  providersOfCcg(ccgCode: string, asOf: string | null): Promise<ProvidersOfCcgView> {
    return providersOfCcg(this.dataSource, ccgCode, asOf);
  }

  /** The GP practices registered with the CCG as at `asOf` with a value on or before it, by code (see scorecard-grid.ts). */
  practicesOfCcg(ccgCode: string, asOf: string | null): Promise<string[]> {
    return practicesOfCcg(this.dataSource, ccgCode, asOf);
  }

  /** Every provider compared on one indicator in one period (see provider-comparison.ts). */
  comparison(indicatorCode: string, periodStart: string, adjustment: FunnelAdjustment, loaders: ScorecardLoaders): Promise<ProviderComparisonView> {
    return compareProviders(this.dataSource, indicatorCode, periodStart, adjustment, loaders);
  }

  /** Every provider's scores as at `asOf`, for the per-request `scores` loader (see scorecard-scores.ts). */
  scoresOf(codes: readonly string[], asOf: string | null): Promise<Map<string, IndicatorScore[]>> {
    return scoresOf(this.dataSource, codes, asOf);
  }
}
