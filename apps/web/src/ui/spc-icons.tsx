import type { AssuranceType, PointType } from '@ccg-assure/domain';
import { SPC_COLOURS, assuranceLabel, variationLabel, type SpecialCauseSide } from './spc-labels';

/**
 * The Making Data Count variation and assurance icons, drawn here as inline SVG (nothing is fetched),
 * each an image with its words as its accessible name. Pages show the words beside them too.
 */

const DOT_X = [11, 15.3, 19.6, 24, 28.4, 32.7, 37];
const SPARKLINES: Record<'COMMON' | SpecialCauseSide, number[]> = {
  COMMON: [29, 25, 30, 26, 29, 25, 28],
  HIGH: [35, 33, 34, 32, 28, 26, 24],
  LOW: [24, 26, 25, 27, 31, 33, 35],
};

function variationColours(type: PointType) {
  switch (type) {
    case 'SPECIAL_CAUSE_IMPROVEMENT':
      return SPC_COLOURS.improvement;
    case 'SPECIAL_CAUSE_CONCERN':
      return SPC_COLOURS.concern;
    case 'SPECIAL_CAUSE_NEUTRAL_HIGH':
    case 'SPECIAL_CAUSE_NEUTRAL_LOW':
      return SPC_COLOURS.neutral;
    default:
      return SPC_COLOURS.commonCause;
  }
}

function iconSide(type: PointType, side: SpecialCauseSide | null): SpecialCauseSide | null {
  if (type === 'SPECIAL_CAUSE_NEUTRAL_HIGH') return 'HIGH';
  if (type === 'SPECIAL_CAUSE_NEUTRAL_LOW') return 'LOW';
  return type === 'COMMON_CAUSE' ? null : side;
}

interface VariationIconProps {
  /** The series' variation verdict (the latest point's type), from the API. */
  type: PointType;
  /** For improvement and concern: which side of the mean the latest special cause lies (from the API's special-cause type). */
  side: SpecialCauseSide | null;
  size?: number;
}

/** Common cause (grey), or special cause improvement (blue), concern (orange), neutral (purple), high (H) or low (L). */
export function VariationIcon({ type, side, size = 44 }: VariationIconProps) {
  const label = variationLabel(type, side);
  const colours = variationColours(type);
  const drawnSide = iconSide(type, side);
  const ys = SPARKLINES[drawnSide ?? 'COMMON'];
  const special = type !== 'COMMON_CAUSE';
  return (
    <svg className="ccg-mdc-icon" role="img" aria-label={label} width={size} height={size} viewBox="0 0 48 48" focusable="false">
      <title>{label}</title>
      <circle cx="24" cy="24" r="21.5" fill="#ffffff" stroke={colours.fill} strokeWidth="3" />
      <polyline points={DOT_X.map((x, i) => `${x},${ys[i]}`).join(' ')} fill="none" stroke={SPC_COLOURS.line} strokeWidth="1.2" />
      {DOT_X.map((x, i) => {
        const highlighted = special && i >= 4;
        const dot = highlighted ? colours : SPC_COLOURS.commonCause;
        return <circle key={x} cx={x} cy={ys[i]} r={highlighted ? 2.6 : 2} fill={dot.fill} stroke={dot.stroke} strokeWidth={highlighted ? 0.8 : 0} />;
      })}
      {drawnSide && (
        <text x="24" y="18" textAnchor="middle" fontSize="12" fontWeight="bold" fontFamily="Arial, sans-serif" fill={colours.stroke}>
          {drawnSide === 'HIGH' ? 'H' : 'L'}
        </text>
      )}
    </svg>
  );
}

const ASSURANCE_MARKS: Record<AssuranceType, { letter: string; colours: { fill: string; stroke: string } }> = {
  CONSISTENT_PASS: { letter: 'P', colours: SPC_COLOURS.improvement },
  CONSISTENT_FAIL: { letter: 'F', colours: SPC_COLOURS.concern },
  HIT_AND_MISS: { letter: '?', colours: SPC_COLOURS.commonCause },
};

/** Consistently passes (blue P), consistently fails (orange F), hit and miss (grey ?). Nothing without a verdict. */
export function AssuranceIcon({ type, size = 44 }: { type: AssuranceType | null | undefined; size?: number }) {
  if (!type) return null;
  const label = assuranceLabel(type);
  const { letter, colours } = ASSURANCE_MARKS[type];
  return (
    <svg className="ccg-mdc-icon" role="img" aria-label={label} width={size} height={size} viewBox="0 0 48 48" focusable="false">
      <title>{label}</title>
      <circle cx="24" cy="24" r="21.5" fill="#ffffff" stroke={colours.fill} strokeWidth="3" />
      <text x="24" y="27" textAnchor="middle" fontSize="19" fontWeight="bold" fontFamily="Arial, sans-serif" fill={colours.stroke}>
        {letter}
      </text>
      <line x1="10" y1="34" x2="38" y2="34" stroke={SPC_COLOURS.target} strokeWidth="1.6" />
      {type === 'HIT_AND_MISS' && <polyline points="10,37 17,30 24,38 31,30 38,36" fill="none" stroke={SPC_COLOURS.commonCause.stroke} strokeWidth="1.4" />}
    </svg>
  );
}

/** A key to the icons, each drawn with its words, for pages that show the icons without them. */
export function IconKey() {
  const variations: Array<[PointType, SpecialCauseSide | null]> = [
    ['COMMON_CAUSE', null],
    ['SPECIAL_CAUSE_IMPROVEMENT', 'HIGH'],
    ['SPECIAL_CAUSE_IMPROVEMENT', 'LOW'],
    ['SPECIAL_CAUSE_CONCERN', 'HIGH'],
    ['SPECIAL_CAUSE_CONCERN', 'LOW'],
    ['SPECIAL_CAUSE_NEUTRAL_HIGH', null],
    ['SPECIAL_CAUSE_NEUTRAL_LOW', null],
  ];
  const assurances: AssuranceType[] = ['CONSISTENT_PASS', 'CONSISTENT_FAIL', 'HIT_AND_MISS'];
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">What the icons mean</span>
      </summary>
      <div className="nhsuk-details__text">
        <p className="nhsuk-body-s">
          NHS England’s Making Data Count icons. Variation: is the latest value part of the usual pattern (common cause) or a real change (special cause), high (H) or
          low (L)? Assurance: will the process meet the standard?
        </p>
        <ul className="ccg-icon-key">
          {variations.map(([type, side]) => (
            <li key={`${type}-${side}`}>
              <VariationIcon type={type} side={side} size={32} />
              <span aria-hidden="true">{variationLabel(type, side)}</span>
            </li>
          ))}
          {assurances.map((type) => (
            <li key={type}>
              <AssuranceIcon type={type} size={32} />
              <span aria-hidden="true">{assuranceLabel(type)}</span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
