import type { TargetSource } from '../targets/targets.type';
import type { FunnelLimits as DomainFunnelLimits, ProviderStandard } from '@ccg-assure/domain';
import { toIndicator, toPeriod } from '../indicators/indicator.mapper';
import type { Indicator, Polarity } from '../indicators/indicator.type';
import { toOrganisation } from '../organisations/organisation.mapper';
import { encodeCursor } from '../server/pagination';
import type { ComparedProvider, FunnelLimits, ProviderComparison } from './comparison.type';
import type { ProviderComparisonView } from './provider-comparison';
import type { ProviderScorecardView } from './provider-scorecard';
import type { IndicatorStandard, ProviderScorecard, ScorecardCell, ScorecardIndicator, ScorecardSummaryConnection } from './scorecard.type';
import type { GridView } from './scorecard-grid';
import type { IndicatorScore, IndicatorVerdict } from './scorecard-scores';

// Scorecard views as GraphQL shows them.

export function toProviderScorecard(view: ProviderScorecardView): ProviderScorecard {
  return {
    provider: toOrganisation(view.provider),
    asOf: view.asOf,
    indicators: view.indicators.map(({ indicator, score }) => toScorecardIndicator(score, toIndicator(indicator))),
  };
}

function toScorecardIndicator(score: IndicatorScore, indicator: Indicator): ScorecardIndicator {
  const { latest, analysis } = score;
  return {
    indicator,
    latestPeriod: toPeriod({ type: latest.periodType, startDate: latest.periodStart, endDate: latest.periodEnd, label: latest.periodLabel }),
    latestValue: latest.value,
    latestNumerator: latest.numerator,
    latestDenominator: latest.denominator,
    standard: score.standard ? toIndicatorStandard(score.standard) : null,
    rag: score.rag,
    improvementDirection: score.improvementDirection,
    target: score.target,
    targetSource: score.targetSource as TargetSource | null,
    fixAfterNPoints: score.fixAfterNPoints,
    series: analysis.points,
    variationType: analysis.variationType,
    assuranceType: analysis.assuranceType,
    shortGroupWarning: analysis.shortGroupWarning,
  };
}

/** A page of the grid as a Relay connection, whole: rows and cells are plain data that GraphQL reads as they are. */
export function toScorecardSummary(view: GridView): ScorecardSummaryConnection {
  const columns = view.columns.map(toIndicator);
  const last = view.providers[view.providers.length - 1];
  return {
    asOf: view.asOf,
    indicators: columns,
    edges: view.providers.map((provider) => ({
      cursor: encodeCursor(provider.code),
      node: { provider: toOrganisation(provider), cells: toScorecardCells(columns, view.verdicts.get(provider.code) ?? []) },
    })),
    pageInfo: { hasNextPage: view.hasNextPage, endCursor: last === undefined ? null : encodeCursor(last.code) },
    // Null only when the client did not select totalCount (GridQuery.withTotal), so GraphQL never reads this 0.
    totalCount: view.totalCount ?? 0,
  };
}

/** The cells of one grid row, one per column, from the provider's stored verdicts (all null where it has none). */
export function toScorecardCells(columns: Indicator[], verdicts: IndicatorVerdict[]): ScorecardCell[] {
  return columns.map((indicator) => {
    const verdict = verdicts.find((v) => v.indicatorCode === indicator.code);
    if (verdict === undefined) return { indicator, period: null, value: null, threshold: null, rag: null, variationType: null, assuranceType: null };
    return {
      indicator,
      period: verdict.periodStart,
      value: verdict.value,
      threshold: verdict.threshold,
      rag: verdict.rag,
      variationType: verdict.variationType,
      assuranceType: verdict.assuranceType,
    };
  });
}

export function toProviderComparison(view: ProviderComparisonView): ProviderComparison {
  return {
    indicator: toIndicator(view.indicator),
    period: toPeriod(view.period),
    standard: view.standard ? toIndicatorStandard(view.standard) : null,
    target: view.target,
    totalNumerator: view.totalNumerator,
    totalDenominator: view.totalDenominator,
    providers: view.providers.map((provider): ComparedProvider => ({ ...provider, limits: toFunnelLimits(provider.limits) })),
    funnel: view.funnel.map(toFunnelLimits),
    adjustment: view.adjustment,
    adjusted: view.adjusted,
    overdispersionFactor: view.overdispersionFactor,
    tau2: view.tau2,
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

function toFunnelLimits(limits: DomainFunnelLimits): FunnelLimits {
  return { denominator: limits.denominator, lower95: limits.lower95, upper95: limits.upper95, lower998: limits.lower998, upper998: limits.upper998 };
}
