import type { AssuranceType, PointType, RagStatus } from '@ccg-assure/domain';
import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { IndicatorView } from '../indicators/indicators.service';
import type { OrganisationView } from '../organisations/organisations.service';
import type { IndicatorScore } from '../scores/score-series';
import { scoresWithPointsOf } from '../scores/scores-as-at';
import { storedVerdicts } from '../scores/series-score.queries';

export type { IndicatorScore } from '../scores/score-series';

/** Which provider's scores, as at which date (null: every value). */
export interface ScoreKey {
  code: string;
  asOf: string | null;
}

/** What a grid cell shows and the grid filters and sorts on: one indicator's latest value and verdicts, as stored. */
export interface IndicatorVerdict {
  indicatorCode: string;
  /** First day of the latest period on or before the grid's asOf. */
  periodStart: string;
  value: number;
  threshold: number | null;
  rag: RagStatus | null;
  variationType: PointType;
  assuranceType: AssuranceType | null;
}

/**
 * The per-request loaders the scorecard use cases read through (the request context's loaders have them):
 * organisations and indicators by code, providers' scores (with every point) by date.
 */
export interface ScorecardLoaders {
  organisation: DataLoader<string, OrganisationView | null>;
  indicator: DataLoader<string, IndicatorView | null>;
  scores: DataLoader<ScoreKey, IndicatorScore[], string>;
}

/**
 * Every provider's stored scores as at `asOf` (each series' score as at its latest month on or before it; the
 * latest when null), in one statement: computed when the values changed (decision 0021), read here; only the points
 * of a series asked as at an earlier month than its latest are computed (scores-as-at.ts, issue 19).
 */
export async function scoresOf(dataSource: DataSource, codes: readonly string[], asOf: string | null): Promise<Map<string, IndicatorScore[]>> {
  const scores = new Map<string, IndicatorScore[]>(codes.map((code) => [code, []]));
  for (const { organisationCode, score } of await scoresWithPointsOf(dataSource.manager, codes, asOf)) scores.get(organisationCode)?.push(score);
  return scores;
}

/** Every provider's stored grid verdicts as at `asOf`, without the points, in one statement. */
export async function verdictsOf(dataSource: DataSource, codes: readonly string[], asOf: string): Promise<Map<string, IndicatorVerdict[]>> {
  const verdicts = new Map<string, IndicatorVerdict[]>(codes.map((code) => [code, []]));
  if (codes.length === 0) return verdicts;
  for (const row of await storedVerdicts.rows(dataSource.manager, [[...codes], asOf])) {
    verdicts.get(row.organisationCode)?.push({
      indicatorCode: row.indicatorCode,
      periodStart: row.asOf,
      value: row.value,
      threshold: row.threshold,
      rag: row.rag as RagStatus | null,
      variationType: row.variationType as PointType,
      assuranceType: row.assuranceType as AssuranceType | null,
    });
  }
  return verdicts;
}
