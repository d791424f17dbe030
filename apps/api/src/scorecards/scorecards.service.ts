import {
  analyseFunnelPlot,
  analyseSpc,
  evaluateRag,
  evaluateRagFromCounts,
  findStandard,
  rankValues,
  type ImprovementDirection,
  type PointType,
  type ProviderStandard,
  type RagStatus,
  type SpcAnalysis,
} from '@ccg-assure/domain';
import type { DataSource } from 'typeorm';
import type { Indicator, PeriodType, Polarity } from '../indicators/indicator.type';
import type { IndicatorRow } from '../indicators/indicators.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { OrganisationRow } from '../organisations/organisations.service';
import { toOrganisation } from '../organisations/organisations.resolver';
import { AppError } from '../server/app-error';
import type { Loaders } from '../server/loaders';
import { encodeCursor } from '../server/pagination';
import type { ComparedProvider, FunnelLimits, ProviderComparison } from './comparison.type';
import { ScorecardOrderField, ScorecardStatus, SortDirection } from './scorecard-enums';
import type { ScorecardFilter, ScorecardOrder } from './scorecard-filter.input';
import type { IndicatorStandard, ProviderScorecard, ScorecardCell, ScorecardIndicator, ScorecardRow, ScorecardSummaryConnection } from './scorecard.type';

/** One value of a series: its period (first day) and counts. */
export interface SeriesPoint {
  period: string;
  numerator: number;
  denominator: number;
  value: number;
}

/** The latest value of a series, with its period. */
export interface LatestValue {
  periodType: string;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  numerator: number;
  denominator: number;
  value: number;
}

/** One stored value of an indicator for a provider and period (for comparisons). */
interface PeriodValueRow {
  organisationCode: string;
  indicatorCode: string;
  periodType: string;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  numerator: number;
  denominator: number;
  value: number;
}

/** One indicator of one provider as at a date: the latest value, the standard, RAG and the SPC of the series. */
export interface IndicatorScore {
  indicatorCode: string;
  latest: LatestValue;
  standard: ProviderStandard | null;
  rag: RagStatus | null;
  improvementDirection: ImprovementDirection;
  target: number | null;
  analysis: SpcAnalysis;
}

/** Which provider's scores, as at which date (null: every value). */
export interface ScoreKey {
  code: string;
  asOf: string | null;
}

export interface SummaryQuery {
  filter: ScorecardFilter;
  asOf: string | null;
  size: number;
  afterCode: string | null;
  orderBy: ScorecardOrder | null;
}

/** Names sort as people read them (case and accents second); one collator, far faster than localeCompare per pair. */
const NAME_ORDER = new Intl.Collator('en-GB');

/** The kind of organisation the grid and comparisons call providers. */
const PROVIDER_TYPE = 'NHS_TRUST';

const ORGANISATION_COLUMNS = `o.code, o.name, o.type, o.open_date AS "openDate", o.close_date AS "closeDate", o.postcode`;
const INDICATOR_COLUMNS = `i.code, i.name, i.description, i.unit, i.polarity, i.period_type AS "periodType", i.numerator_definition AS "numeratorDefinition",
  i.denominator_definition AS "denominatorDefinition", i.source`;

/**
 * Provider scorecards, the scorecard grid and comparisons. Reads the stored values; every verdict
 * comes from the domain library (findStandard, evaluateRag(FromCounts), analyseSpc, rankValues,
 * analyseFunnelPlot). Reads that field resolvers repeat go through the per-request loaders.
 */
export class ScorecardsService {
  constructor(private readonly dataSource: DataSource) {}

  // ---- use cases ----

  async providerScorecard(code: string, asOf: string | null, loaders: Loaders): Promise<ProviderScorecard> {
    const organisation = await loaders.organisation.load(code);
    if (!organisation) throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `No organisation has the ODS code "${code}".`);
    const scores = await loaders.scores.load({ code, asOf });
    const indicators = await indicatorsByCode(scores.map((score) => score.indicatorCode), loaders);
    const latest = scores.reduce<string | null>((max, score) => (max === null || score.latest.periodStart > max ? score.latest.periodStart : max), null);
    return {
      provider: toOrganisation(organisation),
      asOf: asOf ?? latest,
      indicators: scores.map((score) => toScorecardIndicator(score, required(indicators.get(score.indicatorCode), score.indicatorCode))),
    };
  }

  async summary(query: SummaryQuery, loaders: Loaders): Promise<ScorecardSummaryConnection> {
    const asOf = query.asOf ?? (await this.latestPeriodStart());
    if (asOf === null) return { asOf: null, indicators: [], edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    const { filter } = query;
    const order = query.orderBy ?? { field: ScorecardOrderField.NAME };
    const descending = order.direction === SortDirection.DESC;
    if (order.field === ScorecardOrderField.VALUE && !order.indicator) {
      throw new AppError('BAD_USER_INPUT', 'ORDER_INDICATOR_REQUIRED', 'Sorting by VALUE needs the indicator to sort by (orderBy.indicator).');
    }
    const columns = await this.columns(asOf, loaders);
    for (const code of [order.field === ScorecardOrderField.VALUE ? order.indicator : null, filter.indicator]) {
      if (code && !(await loaders.indicator.load(code))) throw new AppError('NOT_FOUND', 'INDICATOR_NOT_FOUND', `No indicator has the code "${code}".`);
    }
    if (filter.ccg) checkCcg(await loaders.organisation.load(filter.ccg), filter.ccg);
    const region = filter.ccg ? await this.regionOfCcg(filter.ccg, asOf) : undefined;
    let providers = region === null ? [] : await this.providers({ region: filter.region ?? null, ccgRegion: region ?? null, search: filter.search ?? null }, asOf);

    // Filtering and sorting need each candidate's verdicts: by variation, the SPC of every series (one
    // batch through the loader, reused by the cells); by RAG or value, only the latest values.
    const needsVariation = filter.status === ScorecardStatus.IMPROVING || filter.status === ScorecardStatus.DETERIORATING;
    const needsLatest = filter.status === ScorecardStatus.FAILING || order.field === ScorecardOrderField.VALUE;
    let verdicts = new Map<string, Verdict[]>();
    if (needsVariation) {
      const scores = await loaders.scores.loadMany(providers.map((p) => ({ code: p.code, asOf })));
      verdicts = new Map(providers.map((p, i) => [p.code, checkedScores(scores[i]).map(verdictOfScore)]));
    } else if (needsLatest) {
      verdicts = await this.latestVerdicts(providers.map((p) => p.code), asOf);
    }
    if (filter.status) {
      const status = filter.status;
      providers = providers.filter((p) => hasStatus(verdicts.get(p.code) ?? [], status, filter.indicator ?? null));
    }

    const byCode = (a: OrganisationRow, b: OrganisationRow) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
    const direction = descending ? -1 : 1;
    if (order.field === ScorecardOrderField.CODE) {
      providers.sort((a, b) => direction * byCode(a, b));
    } else if (order.field === ScorecardOrderField.NAME) {
      providers.sort((a, b) => direction * NAME_ORDER.compare(a.name, b.name) || byCode(a, b));
    } else {
      const values = new Map(providers.map((p) => [p.code, verdicts.get(p.code)?.find((v) => v.indicatorCode === order.indicator)?.value ?? null]));
      providers.sort((a, b) => {
        const [x, y] = [values.get(a.code) ?? null, values.get(b.code) ?? null];
        if (x === null || y === null) return x === y ? byCode(a, b) : x === null ? 1 : -1;
        return direction * (x - y) || byCode(a, b);
      });
    }

    let start = 0;
    if (query.afterCode !== null) {
      start = providers.findIndex((p) => p.code === query.afterCode) + 1;
      if (start === 0) throw new AppError('BAD_USER_INPUT', 'CURSOR_INVALID', 'The cursor is not one this server gave out for this filter, asOf and order.');
    }
    const page = providers.slice(start, start + query.size);
    for (const provider of page) loaders.organisation.prime(provider.code, provider);
    const rows: ScorecardRow[] = page.map((p) => ({ providerCode: p.code, asOf, columns }));
    return {
      asOf,
      indicators: columns,
      edges: rows.map((row) => ({ cursor: encodeCursor(row.providerCode), node: row })),
      pageInfo: { hasNextPage: start + query.size < providers.length, endCursor: page.length ? encodeCursor(page[page.length - 1].code) : null },
      totalCount: providers.length,
    };
  }

  /**
   * The providers the scorecard grid relates to a CCG (its `ccg` filter): the NHS trusts in the CCG's NHS England
   * region as at `asOf` with a value on or before then, in the grid's default order (by name). With asOf null, as at
   * the latest period with data (null when there is none). NOT_FOUND for an unknown code, BAD_USER_INPUT for one that
   * is not a CCG.
   */
  async providersOfCcg(ccgCode: string, asOf: string | null): Promise<{ asOf: string | null; providerCodes: string[] }> {
    checkCcg(await this.dataSource.getRepository(OrganisationEntity).findOneBy({ code: ccgCode }), ccgCode);
    const at = asOf ?? (await this.latestPeriodStart());
    const region = at === null ? null : await this.regionOfCcg(ccgCode, at);
    if (at === null || region === null) return { asOf: at, providerCodes: [] };
    const providers = await this.providers({ region: null, ccgRegion: region, search: null }, at);
    providers.sort((a, b) => NAME_ORDER.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return { asOf: at, providerCodes: providers.map((provider) => provider.code) };
  }

  /** The cells of one grid row, one per column, from the provider's scores (batched across rows). */
  async cells(row: ScorecardRow, loaders: Loaders): Promise<ScorecardCell[]> {
    const scores = await loaders.scores.load({ code: row.providerCode, asOf: row.asOf });
    return row.columns.map((indicator) => {
      const score = scores.find((s) => s.indicatorCode === indicator.code);
      return {
        indicator,
        period: score?.latest.periodStart ?? null,
        value: score?.latest.value ?? null,
        threshold: score?.standard?.threshold ?? null,
        rag: score?.rag ?? null,
        variationType: score?.analysis.variationType ?? null,
        assuranceType: score?.analysis.assuranceType ?? null,
      };
    });
  }

  async comparison(indicatorCode: string, periodStart: string, loaders: Loaders): Promise<ProviderComparison> {
    const indicatorRow = await loaders.indicator.load(indicatorCode);
    if (!indicatorRow) throw new AppError('NOT_FOUND', 'INDICATOR_NOT_FOUND', `No indicator has the code "${indicatorCode}".`);
    const indicator = toIndicator(indicatorRow);
    if (indicator.unit !== 'PERCENTAGE') {
      throw new AppError('BAD_USER_INPUT', 'FUNNEL_NOT_A_PROPORTION', `${indicatorCode} is measured in ${indicator.unit}: funnel plots here are for proportions (percentages).`);
    }
    const rows = await this.valuesInPeriod(indicatorCode, indicator.periodType, periodStart);
    if (rows.length === 0) throw new AppError('NOT_FOUND', 'NO_VALUES_FOR_PERIOD', `No provider has a value of ${indicatorCode} for the period starting ${periodStart}.`);
    const standard = findStandard(indicatorCode, periodStart);
    const polarity = standard?.polarity ?? (indicator.polarity as string as 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NEUTRAL');
    const ranked = rankValues(rows.map((row) => ({ key: row.organisationCode, value: row.value })), polarity);
    const funnel = analyseFunnelPlot({
      units: rows.map((row) => ({ key: row.organisationCode, numerator: row.numerator, denominator: row.denominator })),
      polarity,
      unit: 'PERCENTAGE',
    });
    const plotted = new Map(funnel.points.map((point) => [point.key, point]));
    const providers = ranked.map((entry): ComparedProvider => {
      const point = required(plotted.get(entry.key), entry.key);
      return {
        providerCode: entry.key,
        value: entry.value,
        numerator: point.numerator,
        denominator: point.denominator,
        rank: entry.rank,
        limits: toFunnelLimits(point.limits),
        position: point.position,
        favourable: point.favourable,
      };
    });
    const first = rows[0];
    return {
      indicator,
      period: { type: first.periodType as PeriodType, startDate: first.periodStart, endDate: first.periodEnd, label: first.periodLabel },
      standard: standard ? toIndicatorStandard(standard) : null,
      target: funnel.target,
      totalNumerator: funnel.totalNumerator,
      totalDenominator: funnel.totalDenominator,
      providers,
      funnel: funnel.curve.map(toFunnelLimits),
    };
  }

  // ---- reads (the loaders batch through these) ----

  /**
   * Every provider's scores as at `asOf`, SPC once per series: two statements for all of them, the
   * series (one row each, its points as JSON, which parses far faster than one row a point) and the
   * latest periods.
   */
  async scoresOf(codes: readonly string[], asOf: string | null): Promise<Map<string, IndicatorScore[]>> {
    const series: { organisationCode: string; indicatorCode: string; indicatorPolarity: string; latestPeriodId: number; points: [string, number, number, number][] }[] =
      await this.dataSource.query(
        `SELECT v.organisation_code AS "organisationCode", v.indicator_code AS "indicatorCode", min(i.polarity) AS "indicatorPolarity",
                (array_agg(p.id ORDER BY p.start_date DESC))[1] AS "latestPeriodId",
                json_agg(json_build_array(p.start_date, v.numerator, v.denominator, v.value) ORDER BY p.start_date) AS points
         FROM indicator_value v JOIN period p ON p.id = v.period_id JOIN indicator i ON i.code = v.indicator_code
         WHERE v.organisation_code = ANY($1) AND ($2::date IS NULL OR p.start_date <= $2::date)
         GROUP BY v.organisation_code, v.indicator_code
         ORDER BY v.indicator_code`,
        [codes, asOf],
      );
    const periodIds = [...new Set(series.map((row) => row.latestPeriodId))];
    const periods: { id: number; type: string; startDate: string; endDate: string; label: string }[] = periodIds.length
      ? await this.dataSource.query(`SELECT id, type, start_date AS "startDate", end_date AS "endDate", label FROM period WHERE id = ANY($1)`, [periodIds])
      : [];
    const periodById = new Map(periods.map((period) => [period.id, period]));
    const scores = new Map<string, IndicatorScore[]>(codes.map((code) => [code, []]));
    for (const row of series) {
      const period = required(periodById.get(row.latestPeriodId), `period ${row.latestPeriodId}`);
      const points = row.points.map(([start, numerator, denominator, value]) => ({ period: start, numerator, denominator, value }));
      const last = points[points.length - 1];
      const latest: LatestValue = { periodType: period.type, periodStart: period.startDate, periodEnd: period.endDate, periodLabel: period.label, ...last };
      scores.get(row.organisationCode)?.push(scoreSeries(row.indicatorCode, row.indicatorPolarity, points, latest));
    }
    return scores;
  }

  /** RAG of each provider's latest value of each indicator as at `asOf`: one statement, no SPC. */
  private async latestVerdicts(codes: readonly string[], asOf: string): Promise<Map<string, Verdict[]>> {
    const rows: { organisationCode: string; indicatorCode: string; periodStart: string; numerator: number; denominator: number; value: number }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (v.organisation_code, v.indicator_code) v.organisation_code AS "organisationCode", v.indicator_code AS "indicatorCode",
              p.start_date AS "periodStart", v.numerator::float8 AS numerator, v.denominator::float8 AS denominator, v.value::float8 AS value
       FROM indicator_value v JOIN period p ON p.id = v.period_id
       WHERE v.organisation_code = ANY($1) AND p.start_date <= $2
       ORDER BY v.organisation_code, v.indicator_code, p.start_date DESC`,
      [codes, asOf],
    );
    const verdicts = new Map<string, Verdict[]>(codes.map((code) => [code, []]));
    for (const row of rows) {
      const { rag } = judgeLatest(row.indicatorCode, row);
      verdicts.get(row.organisationCode)?.push({ indicatorCode: row.indicatorCode, value: row.value, rag, variationType: null });
    }
    return verdicts;
  }

  /** The start of the latest period with any value. */
  private async latestPeriodStart(): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT max(p.start_date) AS "start" FROM period p WHERE EXISTS (SELECT 1 FROM indicator_value v WHERE v.period_id = p.id)`,
    );
    return row?.start ?? null;
  }

  /** The grid's columns: indicators with a value on or before asOf, by code (primes the indicator loader). */
  private async columns(asOf: string, loaders: Loaders): Promise<Indicator[]> {
    const rows: IndicatorRow[] = await this.dataSource.query(
      `SELECT ${INDICATOR_COLUMNS} FROM indicator i
       WHERE EXISTS (SELECT 1 FROM indicator_value v JOIN period p ON p.id = v.period_id WHERE v.indicator_code = i.code AND p.start_date <= $1)
       ORDER BY i.code`,
      [asOf],
    );
    for (const row of rows) loaders.indicator.prime(row.code, row);
    return rows.map(toIndicator);
  }

  /**
   * The CCG's NHS England region as at `asOf` (the one in force then; else its latest before then; else
   * its first). null when it has none.
   */
  private async regionOfCcg(code: string, asOf: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT related_code AS "region" FROM organisation_relationship
       WHERE organisation_code = $1 AND kind = 'IN_REGION'
       ORDER BY (coalesce(valid_from, '-infinity') <= $2::date AND coalesce(valid_to, 'infinity') >= $2::date) DESC,
                (coalesce(valid_from, '-infinity') <= $2::date) DESC, valid_from DESC NULLS LAST
       LIMIT 1`,
      [code, asOf],
    );
    return row?.region ?? null;
  }

  /** Providers (NHS trusts) with a value on or before asOf, matching the filter. */
  private async providers(filter: { region: string | null; ccgRegion: string | null; search: string | null }, asOf: string): Promise<OrganisationRow[]> {
    const params: unknown[] = [PROVIDER_TYPE, asOf];
    const where = [
      'o.type = $1',
      `EXISTS (SELECT 1 FROM indicator_value v JOIN period p ON p.id = v.period_id WHERE v.organisation_code = o.code AND p.start_date <= $2)`,
    ];
    for (const region of [filter.region, filter.ccgRegion]) {
      if (!region) continue;
      // Directly in the region, or in one of its area teams (as the organisations filter does).
      params.push(region);
      where.push(`EXISTS (SELECT 1 FROM organisation_relationship r WHERE r.organisation_code = o.code AND (
        (r.kind = 'IN_REGION' AND r.related_code = $${params.length}) OR
        (r.kind = 'IN_AREA_TEAM' AND EXISTS (SELECT 1 FROM organisation_relationship a WHERE a.organisation_code = r.related_code AND a.kind = 'IN_REGION' AND a.related_code = $${params.length}))))`);
    }
    if (filter.search?.trim()) {
      params.push(`%${filter.search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(lower(o.name) LIKE $${params.length} OR lower(o.code) LIKE $${params.length})`);
    }
    return this.dataSource.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisation o WHERE ${where.join(' AND ')} ORDER BY o.code`, params);
  }

  private valuesInPeriod(indicatorCode: string, periodType: string, periodStart: string): Promise<PeriodValueRow[]> {
    return this.dataSource.query(
      `SELECT v.organisation_code AS "organisationCode", v.indicator_code AS "indicatorCode", p.type AS "periodType", p.start_date AS "periodStart",
              p.end_date AS "periodEnd", p.label AS "periodLabel", v.numerator::float8 AS numerator, v.denominator::float8 AS denominator, v.value::float8 AS value
       FROM indicator_value v JOIN period p ON p.id = v.period_id JOIN organisation o ON o.code = v.organisation_code
       WHERE v.indicator_code = $1 AND p.type = $2 AND p.start_date = $3 AND o.type = $4
       ORDER BY v.organisation_code`,
      [indicatorCode, periodType, periodStart, PROVIDER_TYPE],
    );
  }
}

/**
 * The scorecard of one series (one provider, one indicator, oldest first): the standard in force for
 * the latest period, RAG on the latest value (exactly, from the counts, for percentages), and SPC of
 * the whole series with the standard's polarity as improvement direction (else the indicator's) and
 * its threshold as target.
 */
export function scoreSeries(indicatorCode: string, indicatorPolarity: string, points: readonly SeriesPoint[], latest: LatestValue): IndicatorScore {
  const { standard, rag } = judgeLatest(indicatorCode, latest);
  const improvementDirection = directionOf(standard?.polarity ?? indicatorPolarity);
  const target = standard?.threshold ?? null;
  return {
    indicatorCode,
    latest,
    standard,
    rag,
    improvementDirection,
    target,
    analysis: analyseSpc({ points: points.map((point) => ({ period: point.period, value: point.value })), target, improvementDirection }),
  };
}

/**
 * The standard in force for a latest value's period and the value's RAG against it (exactly, from the
 * counts, for percentages); both null without a standard. The one place the grid and scorecards judge RAG.
 */
function judgeLatest(indicatorCode: string, latest: { periodStart: string; numerator: number; denominator: number; value: number }): { standard: ProviderStandard | null; rag: RagStatus | null } {
  const standard = findStandard(indicatorCode, latest.periodStart);
  if (!standard) return { standard: null, rag: null };
  const counts = Number.isSafeInteger(latest.numerator) && Number.isSafeInteger(latest.denominator) && latest.denominator > 0;
  const rag = standard.unit === 'PERCENTAGE' && counts ? evaluateRagFromCounts(latest.numerator, latest.denominator, standard) : evaluateRag(latest.value, standard);
  return { standard, rag };
}

/** NOT_FOUND for an unknown code, BAD_USER_INPUT for an organisation that is not a CCG. */
function checkCcg(ccg: { type: string } | null, code: string): void {
  if (!ccg) throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `No organisation has the ODS code "${code}".`);
  if (ccg.type !== 'CCG') throw new AppError('BAD_USER_INPUT', 'NOT_A_CCG', `${code} is not a CCG.`);
}

function directionOf(polarity: string): ImprovementDirection {
  return polarity === 'HIGHER_IS_BETTER' ? 'INCREASE' : polarity === 'LOWER_IS_BETTER' ? 'DECREASE' : 'NEUTRAL';
}

/** What the grid filters and sorts on: one indicator's latest value and verdicts (variation only when computed). */
interface Verdict {
  indicatorCode: string;
  value: number;
  rag: RagStatus | null;
  variationType: PointType | null;
}

const verdictOfScore = (score: IndicatorScore): Verdict => ({
  indicatorCode: score.indicatorCode,
  value: score.latest.value,
  rag: score.rag,
  variationType: score.analysis.variationType,
});

function hasStatus(verdicts: Verdict[], status: ScorecardStatus, indicator: string | null): boolean {
  return verdicts
    .filter((verdict) => indicator === null || verdict.indicatorCode === indicator)
    .some((verdict) =>
      status === ScorecardStatus.FAILING
        ? verdict.rag === 'RED'
        : verdict.variationType === (status === ScorecardStatus.IMPROVING ? 'SPECIAL_CAUSE_IMPROVEMENT' : 'SPECIAL_CAUSE_CONCERN'),
    );
}

function checkedScores(scores: IndicatorScore[] | Error | undefined): IndicatorScore[] {
  if (scores instanceof Error) throw scores;
  return scores ?? [];
}

async function indicatorsByCode(codes: string[], loaders: Loaders): Promise<Map<string, Indicator>> {
  const rows = await loaders.indicator.loadMany(codes);
  return new Map(rows.flatMap((row) => (row && !(row instanceof Error) ? [[row.code, toIndicator(row)] as const] : [])));
}

export const toIndicator = (row: IndicatorRow): Indicator => ({ ...row, polarity: row.polarity as Polarity, periodType: row.periodType as PeriodType });

function toScorecardIndicator(score: IndicatorScore, indicator: Indicator): ScorecardIndicator {
  const { latest, analysis } = score;
  return {
    indicator,
    latestPeriod: { type: latest.periodType as PeriodType, startDate: latest.periodStart, endDate: latest.periodEnd, label: latest.periodLabel },
    latestValue: latest.value,
    latestNumerator: latest.numerator,
    latestDenominator: latest.denominator,
    standard: score.standard ? toIndicatorStandard(score.standard) : null,
    rag: score.rag,
    improvementDirection: score.improvementDirection,
    target: score.target,
    series: analysis.points.map(({ target: _target, ...point }) => point),
    variationType: analysis.variationType,
    assuranceType: analysis.assuranceType,
    shortGroupWarning: analysis.shortGroupWarning,
  };
}

export function toIndicatorStandard(standard: ProviderStandard): IndicatorStandard {
  return {
    code: standard.code,
    name: standard.name,
    description: standard.description,
    threshold: standard.threshold,
    polarity: standard.polarity as Polarity,
    unit: standard.unit,
    zeroTolerance: standard.zeroTolerance,
    validFrom: standard.validFrom,
    validTo: standard.validTo,
    source: standard.source.document,
    sourceText: standard.source.text,
  };
}

function toFunnelLimits(limits: FunnelLimits): FunnelLimits {
  return { denominator: limits.denominator, lower95: limits.lower95, upper95: limits.upper95, lower998: limits.lower998, upper998: limits.upper998 };
}

function required<T>(value: T | undefined, key: string): T {
  if (value === undefined) throw new Error(`${key} is missing from a result it was computed for`);
  return value;
}
