import {
  analyseSpc,
  evaluateRag,
  evaluateRagFromCounts,
  findStandard,
  type ImprovementDirection,
  type ProviderStandard,
  type RagStatus,
  type SpcAnalysis,
} from '@ccg-assure/domain';

// How one series is scored: the rule code whose results `series_score` stores (decision 0021). Bump
// SCORING_VERSION whenever this code, the SPC rules or the standards catalogue change what it computes:
// stored rows of another version are then recomputed at start-up.

/** The version of the scoring rules that stored rows were computed with. */
export const SCORING_VERSION = 1;

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
 * counts, for percentages); both null without a standard. The one place a score's RAG is judged.
 */
function judgeLatest(
  indicatorCode: string,
  latest: { periodStart: string; numerator: number; denominator: number; value: number },
): { standard: ProviderStandard | null; rag: RagStatus | null } {
  const standard = findStandard(indicatorCode, latest.periodStart);
  if (!standard) return { standard: null, rag: null };
  const counts = Number.isSafeInteger(latest.numerator) && Number.isSafeInteger(latest.denominator) && latest.denominator > 0;
  const rag = standard.unit === 'PERCENTAGE' && counts ? evaluateRagFromCounts(latest.numerator, latest.denominator, standard) : evaluateRag(latest.value, standard);
  return { standard, rag };
}

function directionOf(polarity: string): ImprovementDirection {
  return polarity === 'HIGHER_IS_BETTER' ? 'INCREASE' : polarity === 'LOWER_IS_BETTER' ? 'DECREASE' : 'NEUTRAL';
}
