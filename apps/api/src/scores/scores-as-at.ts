import type { SpcPoint } from '@ccg-assure/domain';
import type { EntityManager } from 'typeorm';
import { scoreSeries, type IndicatorScore, type SeriesPoint } from './score-series';
import { defaultSeriesSettings, loadSeriesSettings, loadStandardsCatalogue, monthsOfValues } from './scores.service';
import { storedScores, valuesOfSeries } from './series-score.queries';
import { fromStoredScore } from './stored-score';

// Stored scores with every point's SPC, as the provider scorecard, a performance report and a notice's evidence show
// them (decision 0021, amended for issue 19). Only each series' latest row stores its points; a series asked as at an
// earlier month has its points computed here from its values up to then, with `scoreSeries`, the scorer's own
// function: the one read path that computes, and only for the series asked (one provider's, a report's providers').

/** One organisation's stored score of one indicator. */
export interface OrganisationScore {
  organisationCode: string;
  score: IndicatorScore;
}

/**
 * Each series' stored score of the organisations `codes` as at `asOf` (its latest month on or before it; the latest
 * when null), by organisation then indicator, with every point: stored on a series' latest row, else computed from its
 * values up to the row's month (one statement for the values of every such series, one for their settings).
 */
export async function scoresWithPointsOf(manager: EntityManager, codes: readonly string[], asOf: string | null): Promise<OrganisationScore[]> {
  if (codes.length === 0) return [];
  const rows = await storedScores.rows(manager, [[...codes], asOf]);
  const past = rows.filter((row) => row.points === null);
  const computed = past.length === 0 ? new Map<string, SpcPoint[]>() : await pointsAsAt(manager, past);
  return rows.map((row) => ({
    organisationCode: row.organisationCode,
    score: fromStoredScore(row, computed.get(`${row.indicatorCode}|${row.organisationCode}`)),
  }));
}

/** The SPC of each series given as at its month, from its values up to then, by `indicator|organisation`. */
async function pointsAsAt(manager: EntityManager, series: readonly { indicatorCode: string; organisationCode: string; periodStart: string }[]): Promise<Map<string, SpcPoint[]>> {
  const keys = JSON.stringify(series.map((s) => ({ indicator_code: s.indicatorCode, organisation_code: s.organisationCode, until_date: s.periodStart })));
  const catalogue = await loadStandardsCatalogue(manager);
  const settingsOf = await loadSeriesSettings(manager, keys, catalogue);
  const noSettings = defaultSeriesSettings(catalogue);
  const points = new Map<string, SpcPoint[]>();
  for (const row of await valuesOfSeries.rows(manager, [keys])) {
    const key = `${row.indicatorCode}|${row.organisationCode}`;
    const months = monthsOfValues(row.points);
    const seriesPoints: SeriesPoint[] = months.map((month) => ({ period: month.periodStart, numerator: month.numerator, denominator: month.denominator, value: month.value }));
    points.set(key, scoreSeries(row.indicatorCode, row.indicatorPolarity, seriesPoints, months[months.length - 1], settingsOf.get(key) ?? noSettings).analysis.points);
  }
  return points;
}
