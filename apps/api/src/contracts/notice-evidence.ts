import type { AssuranceType, PointType, RagStatus, SpecialCauseType } from '@ccg-assure/domain';
import type { EntityManager } from 'typeorm';
import { scoresWithPointsOf } from '../scores/scores-as-at';
import { ThresholdSource } from './contracts-enums';
import { currentValues } from './contracts.queries';

// A notice's evidence (issue 15 point 2): per indicator the values, RAG, variation and assurance icons, limits and
// points, read from the STORED scores (decision 0021). While a notice is a draft it follows the data; when issued it
// is frozen into contract_notice.evidence as JSON of this shape and never rewritten.

export interface EvidencePoint {
  period: string;
  value: number;
  mean: number;
  lowerProcessLimit: number | null;
  upperProcessLimit: number | null;
  closeToLimits: boolean;
  specialCauseType: SpecialCauseType;
  pointType: PointType;
  rebaseGroup: number;
}

export interface EvidenceIndicator {
  indicatorCode: string;
  period: string;
  periodLabel: string;
  value: number;
  numerator: number;
  denominator: number;
  threshold: number | null;
  thresholdSource: ThresholdSource;
  rag: RagStatus | null;
  variationType: PointType;
  assuranceType: AssuranceType | null;
  target: number | null;
  points: EvidencePoint[];
}

export interface EvidenceJson {
  frozenAt: string | null;
  indicators: EvidenceIndicator[];
}

/** A breach proposal's evidence: the month's stored value and verdicts. */
export interface BreachEvidence {
  period: string;
  periodLabel: string;
  value: number;
  threshold: number | null;
  rag: string | null;
  variationType: string;
  assuranceType: string | null;
}

/** The monitored indicator's threshold settings, as the evidence needs them. */
export interface ThresholdSetting {
  indicatorCode: string;
  localThreshold: number | null;
}

/** The evidence of the provider's indicators as the stored scores stand on `asOf` (the latest month on or before it). */
export async function evidenceOf(manager: EntityManager, providerCode: string, settings: readonly ThresholdSetting[], asOf: string): Promise<EvidenceIndicator[]> {
  const wanted = new Map(settings.map((setting) => [setting.indicatorCode, setting]));
  const scores = (await scoresWithPointsOf(manager, [providerCode], asOf)).map(({ score }) => score).filter((score) => wanted.has(score.indicatorCode));
  return scores.map((score) => {
    const local = wanted.get(score.indicatorCode)?.localThreshold ?? null;
    return {
      indicatorCode: score.indicatorCode,
      period: score.latest.periodStart,
      periodLabel: score.latest.periodLabel,
      value: score.latest.value,
      numerator: score.latest.numerator,
      denominator: score.latest.denominator,
      threshold: local ?? score.standard?.threshold ?? null,
      thresholdSource: local === null ? ThresholdSource.NATIONAL : ThresholdSource.LOCAL,
      rag: score.rag,
      variationType: score.analysis.variationType,
      assuranceType: score.analysis.assuranceType,
      target: score.target,
      points: score.analysis.points.map((point) => ({
        period: point.period,
        value: point.value,
        mean: point.mean,
        lowerProcessLimit: point.lowerProcessLimit,
        upperProcessLimit: point.upperProcessLimit,
        closeToLimits: point.closeToLimits,
        specialCauseType: point.specialCauseType,
        pointType: point.pointType,
        rebaseGroup: point.rebaseGroup,
      })),
    };
  });
}

/** Values are compared to this tolerance: the stored float of a numeric, read back. */
const TOLERANCE = 1e-9;

/**
 * How many of the frozen evidence's points the data has since changed: a value corrected, or removed. A later
 * import never changes the evidence itself; this tells the reader it no longer matches the data.
 */
export async function evidenceChangedSince(manager: EntityManager, providerCode: string, evidence: EvidenceJson): Promise<number> {
  const codes = evidence.indicators.map((indicator) => indicator.indicatorCode);
  if (codes.length === 0) return 0;
  const now = new Map((await currentValues.rows(manager, [providerCode, codes])).map((row) => [`${row.indicatorCode}|${row.period}`, row.value]));
  let changed = 0;
  for (const indicator of evidence.indicators) {
    for (const point of indicator.points) {
      const current = now.get(`${indicator.indicatorCode}|${point.period}`);
      if (current === undefined || Math.abs(current - point.value) > TOLERANCE * Math.max(1, Math.abs(point.value))) changed += 1;
    }
  }
  return changed;
}
