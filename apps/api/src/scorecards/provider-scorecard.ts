import type { IndicatorView } from '../indicators/indicators.service';
import type { OrganisationView } from '../organisations/organisations.service';
import { AppError } from '../server/app-error';
import type { IndicatorScore, ScorecardLoaders } from './scorecard-scores';

/** A provider's scorecard: each indicator with data on or before asOf, with its score. */
export interface ProviderScorecardView {
  provider: OrganisationView;
  /** The asOf given, or else the latest period of the provider's data; null when it has none. */
  asOf: string | null;
  indicators: { indicator: IndicatorView; score: IndicatorScore }[];
}

/** A provider's scorecard as at `asOf` (every value when null); NOT_FOUND (ORGANISATION_NOT_FOUND) for an unknown code. */
export async function providerScorecard(code: string, asOf: string | null, loaders: ScorecardLoaders): Promise<ProviderScorecardView> {
  const provider = await loaders.organisation.load(code);
  if (!provider) throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `No organisation has the ODS code "${code}".`);
  const scores = await loaders.scores.load({ code, asOf });
  const indicators = await loaders.indicator.loadMany(scores.map((score) => score.indicatorCode));
  const latest = scores.reduce<string | null>((max, score) => (max === null || score.latest.periodStart > max ? score.latest.periodStart : max), null);
  return {
    provider,
    asOf: asOf ?? latest,
    indicators: scores.map((score, index) => {
      const indicator = indicators[index];
      if (!indicator || indicator instanceof Error) throw new Error(`indicator ${score.indicatorCode} of a stored value was not found`);
      return { indicator, score };
    }),
  };
}
