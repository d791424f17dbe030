import { catalogueFromEffectiveVersions, type CitedSource, type ProviderStandard, type StandardPeriodType, type StandardPolarity, type StandardUnit, type TargetInForce } from '@ccg-assure/domain';
import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { CopyWriter } from './copy-writer';
import { SCORING_VERSION, scoreSeriesAsAtEachMonth, targetsOfSeries, type LatestValue, type SeriesSettings } from './score-series';
import { clearEarlierPoints, deleteSeriesScores, lockSeriesScores, seriesOutOfStep, settingsOfSeries, standardVersions, startSeriesScoreCopy, valuesOfSeries } from './series-score.queries';
import { seriesScoreCopyValues, toSeriesScoreRow } from './stored-score';

/** A series whose stored scores must be recomputed from the month `from` on (the whole series when null). */
export interface TouchedSeries {
  indicatorCode: string;
  organisationCode: string;
  from: string | null;
}

/** What a recompute did. */
export interface ScoresRecomputed {
  series: number;
  rows: number;
}

/** Series recomputed at a time: their values are read in one statement, their rows written before the next chunk. */
const SERIES_CHUNK = 200;

/** A stored value as `valuesOfSeries` gives it: period id, start, end, type, label, numerator, denominator, value. */
type ValueTuple = [number, string, string, string, string, number, number, number];

/** A series' values as `valuesOfSeries` gives them (`points`), as the months the scorer reads, oldest first. */
export function monthsOfValues(points: unknown): LatestValue[] {
  return (points as ValueTuple[]).map(([, periodStart, periodEnd, periodType, periodLabel, numerator, denominator, value]) => ({ periodType, periodStart, periodEnd, periodLabel, numerator, denominator, value }));
}

/** The period ids of a series' values as `valuesOfSeries` gives them, in the same order as `monthsOfValues`. */
const periodIdsOfValues = (points: unknown): number[] => (points as ValueTuple[]).map(([periodId]) => periodId);

/** The settings of a series with none of its own: the standards' targets only, no baseline or rebase. */
export const defaultSeriesSettings = (catalogue: readonly ProviderStandard[]): SeriesSettings => ({
  targets: { standards: catalogue, localTargets: [], trajectory: [] },
  rebaseDates: [],
  fixAfterNPoints: null,
});

/**
 * Recomputes and stores the scores of the series given, as at each of their months from `from` on: deletes the
 * stored rows from then on, reads every value of each series in one statement, scores each month's series (the
 * values up to and including it) with `scoreSeriesAsAtEachMonth` (each month equal to `scoreSeries`) and the series' settings (the standards as stored, its local
 * targets, trajectory, baseline and rebases: decision 0030), and writes the rows with one COPY a chunk (decision 0033). Runs in the caller's
 * transaction (an import's, an edit's) under the scores lock, so readers see old or new scores with old or new
 * values, never a mix. The one function every change of a score's inputs calls: imports (through
 * `refreshScoresOutOfStep`), a new scoring version at start-up, and the targets area's edits (a standard, a local
 * target, a trajectory, a baseline or rebase) for the series they touch, in their transaction.
 */
export async function recomputeSeriesScores(
  manager: EntityManager,
  touched: readonly TouchedSeries[],
  /** Series per chunk (tests make it small to cross chunk boundaries). */
  seriesPerChunk = SERIES_CHUNK,
): Promise<ScoresRecomputed> {
  if (touched.length === 0) return { series: 0, rows: 0 };
  await lockSeriesScores.one(manager, []);
  const client = await connectionOf(manager);
  const catalogue = await loadStandardsCatalogue(manager);
  let written = 0;
  const standardTargets = new Map<string, TargetInForce | null>();
  // A chunk of series at a time, so memory stays bounded however many series an import touches (a million-row file).
  for (let start = 0; start < touched.length; start += seriesPerChunk) {
    written += await recomputeChunk(manager, client, touched.slice(start, start + seriesPerChunk), catalogue, standardTargets);
  }
  return { series: touched.length, rows: written };
}

/** The national standards as stored (decision 0030): every version, each in force until its code's next. */
export async function loadStandardsCatalogue(manager: EntityManager): Promise<readonly ProviderStandard[]> {
  const rows = await standardVersions.rows(manager, []);
  return catalogueFromEffectiveVersions(
    rows.map((row) => ({
      code: row.code,
      name: row.name,
      description: row.description,
      unit: row.unit as StandardUnit,
      polarity: row.polarity as StandardPolarity,
      threshold: Number(row.threshold),
      zeroTolerance: row.zeroTolerance,
      periodType: row.periodType as StandardPeriodType,
      numerator: row.numerator,
      denominator: row.denominator,
      validFrom: row.validFrom,
      source: row.source as CitedSource,
    })),
  );
}

/** Each series' settings (targets, baseline, rebases) by `indicator|organisation`, read in one statement. */
export async function loadSeriesSettings(
  manager: EntityManager,
  keys: string,
  catalogue: readonly ProviderStandard[],
): Promise<Map<string, SeriesSettings>> {
  const settings = new Map<string, SeriesSettings>();
  for (const row of await settingsOfSeries.rows(manager, [keys])) {
    settings.set(`${row.indicatorCode}|${row.organisationCode}`, {
      targets: {
        standards: catalogue,
        localTargets: (row.localTargets as [string, string][]).map(([effectiveFrom, target]) => ({ effectiveFrom, value: Number(target) })),
        trajectory: (row.trajectory as [string, string][]).map(([period, value]) => ({ period, value: Number(value) })),
      },
      rebaseDates: row.rebaseDates as string[],
      fixAfterNPoints: row.fixAfterNPoints,
    });
  }
  return settings;
}

/** The connection of the caller's transaction, which the scores are copied on. */
async function connectionOf(manager: EntityManager): Promise<PoolClient> {
  const runner = manager.queryRunner;
  if (!runner || runner.isReleased || !runner.isTransactionActive) throw new Error("stored scores are written in the transaction that changed their inputs (an import's, an edit's)");
  return (await runner.connect()) as PoolClient;
}

async function recomputeChunk(
  manager: EntityManager,
  client: PoolClient,
  touched: readonly TouchedSeries[],
  catalogue: readonly ProviderStandard[],
  /** The standard's target in force by `indicator|period`, for series without local targets or trajectory (`targetsOfSeries`). */
  standardTargets: Map<string, TargetInForce | null>,
): Promise<number> {
  const keys = JSON.stringify(touched.map((s) => ({ indicator_code: s.indicatorCode, organisation_code: s.organisationCode })));
  const chunk = await valuesOfSeries.rows(manager, [keys]);
  // Points are stored on each series' latest row only (decision 0021, amended for issue 19): every rewrite starts at
  // the latest value's month at the latest, so that row is rewritten with them; the rows before lose theirs (the
  // previous latest when a later month arrives).
  const latestOf = new Map(chunk.map((series) => [`${series.indicatorCode}|${series.organisationCode}`, (series.points as ValueTuple[]).at(-1)?.[1] ?? null]));
  const fromOf = new Map(
    touched.map((s) => {
      const key = `${s.indicatorCode}|${s.organisationCode}`;
      const latest = latestOf.get(key) ?? null;
      return [key, s.from !== null && latest !== null && latest < s.from ? latest : s.from];
    }),
  );
  const froms = JSON.stringify(touched.map((s) => ({ indicator_code: s.indicatorCode, organisation_code: s.organisationCode, from_date: fromOf.get(`${s.indicatorCode}|${s.organisationCode}`) ?? null })));
  await deleteSeriesScores.run(manager, [froms]);
  await clearEarlierPoints.run(manager, [froms]);
  const settingsOf = await loadSeriesSettings(manager, keys, catalogue);
  const noSettings = defaultSeriesSettings(catalogue);
  // The rows stream to the server as they are scored: it stores one part while Node scores the next.
  const copy = new CopyWriter(startSeriesScoreCopy(client));
  let written = 0;
  try {
    for (const series of chunk) {
      const key = `${series.indicatorCode}|${series.organisationCode}`;
      const from = fromOf.get(key) ?? null;
      const settings = settingsOf.get(key) ?? noSettings;
      const months = monthsOfValues(series.points);
      const periodIds = periodIdsOfValues(series.points);
      // Every month's score in one pass (issue 19), each equal to `scoreSeries` of the values up to that month.
      const targets = targetsOfSeries(series.indicatorCode, months, settings, standardTargets);
      const scored = scoreSeriesAsAtEachMonth(series.indicatorCode, series.indicatorPolarity, months, settings, targets);
      const lastIndex = months.length - 1;
      for (let index = 0; index < months.length; index++) {
        if (from !== null && months[index].periodStart < from) continue;
        written++;
        const row = toSeriesScoreRow(series.organisationCode, periodIds[index], scored.months[index], index === lastIndex ? scored.latestPoints : null);
        if (copy.add(seriesScoreCopyValues(row))) await copy.write();
      }
    }
    await copy.end();
  } catch (error) {
    await copy.abort();
    throw error;
  }
  return written;
}

/**
 * Finds, set-based, the series (of the indicators given; every indicator when null) whose stored scores are out of
 * step with their values or were computed by another SCORING_VERSION, and recomputes them from the first month that
 * is. After an import this is exactly the series its inserts, corrections and removals touched.
 */
export async function refreshScoresOutOfStep(manager: EntityManager, indicatorCodes: readonly string[] | null): Promise<ScoresRecomputed> {
  await lockSeriesScores.one(manager, []);
  const touched = await seriesOutOfStep.rows(manager, [indicatorCodes === null ? null : [...indicatorCodes], SCORING_VERSION]);
  return recomputeSeriesScores(manager, touched.map((row) => ({ indicatorCode: row.indicatorCode, organisationCode: row.organisationCode, from: row.from })));
}

/** Stored scores: kept in step with the values they are computed from (decision 0021). */
export class ScoresService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * At start-up (and after loading the bundled data): recomputes, in one transaction, every series whose stored
   * scores are missing, out of step with its values, or of another SCORING_VERSION.
   */
  refreshOutOfStep(): Promise<ScoresRecomputed> {
    return this.dataSource.transaction((manager) => refreshScoresOutOfStep(manager, null));
  }
}
