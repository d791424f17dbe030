import type { PointType, RagStatus } from '@ccg-assure/domain';
import { formatValue, type ValueUnit } from '../ui/format';
import type { SpecialCauseSide } from '../ui/spc-labels';

/** RAG as words and colour together (colour is never the only signal): the API's verdict, shown. */
export function RagTag({ rag }: { rag: RagStatus | null | undefined }) {
  if (rag === 'GREEN') return <strong className="nhsuk-tag nhsuk-tag--green ccg-rag">Green: meets standard</strong>;
  if (rag === 'RED') return <strong className="nhsuk-tag nhsuk-tag--red ccg-rag">Red: fails standard</strong>;
  return <strong className="nhsuk-tag nhsuk-tag--grey ccg-rag">No standard</strong>;
}

/** The RAG words alone, for CSV files and accessible names. */
export function ragWords(rag: RagStatus | null | undefined): string {
  return rag === 'GREEN' ? 'Green: meets standard' : rag === 'RED' ? 'Red: fails standard' : 'No standard';
}

interface StandardLike {
  threshold: number;
  polarity: string;
  zeroTolerance?: boolean;
}

/** "95.0% or more", "1.0% or less", "none (zero tolerance)": how the API's standard reads. */
export function standardWords(standard: StandardLike | null | undefined, unit: ValueUnit): string {
  if (!standard) return 'None';
  if (standard.zeroTolerance) return 'None at all (zero tolerance)';
  const threshold = formatValue(standard.threshold, unit);
  return standard.polarity === 'LOWER_IS_BETTER' ? `${threshold} or less` : `${threshold} or more`;
}

/**
 * Which side an improvement or concern lies, from the chart's improvement direction: an improvement of
 * an INCREASE series is high, a concern low (the Making Data Count icons' H and L). Neutral verdicts
 * name their side themselves.
 */
export function sideOf(type: PointType | null | undefined, direction: string | null | undefined): SpecialCauseSide | null {
  if (!type || type === 'COMMON_CAUSE' || type === 'SPECIAL_CAUSE_NEUTRAL_HIGH' || type === 'SPECIAL_CAUSE_NEUTRAL_LOW') return null;
  const higherIsBetter = direction === 'INCREASE' || direction === 'HIGHER_IS_BETTER';
  const lowerIsBetter = direction === 'DECREASE' || direction === 'LOWER_IS_BETTER';
  if (!higherIsBetter && !lowerIsBetter) return null;
  const improvement = type === 'SPECIAL_CAUSE_IMPROVEMENT';
  return improvement === higherIsBetter ? 'HIGH' : 'LOW';
}
