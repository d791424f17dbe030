import { useId } from 'react';
import { ChartAxes, ChartFrame, PointRing, Swatch } from './chart/chart-frame';
import { extent, plotArea, valueAxis } from './chart/chart-scale';
import { tooltipPosition, useChartPoints } from './chart/use-chart-points';
import { useMeasuredWidth } from './chart/use-measured-width';
import { formatCount, formatValue, type ValueUnit } from './format';
import { SPC_COLOURS } from './spc-labels';

/** How a provider's point is marked: within the limits, or outside them for better, worse, or neither. */
export type FunnelMark = 'WITHIN' | 'BETTER' | 'WORSE' | 'OUTSIDE';

export interface FunnelPoint {
  code: string;
  name: string;
  denominator: number;
  value: number;
  /** Where the point lies against the limits, in words, from the API: "above the upper 99.8% limit". */
  positionLabel: string;
  mark: FunnelMark;
}

/** The funnel's limits at one denominator, from the API. */
export interface FunnelLimit {
  denominator: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

interface FunnelChartProps {
  title: string;
  unit: ValueUnit;
  /** What the denominator counts, plural: "attendances". */
  denominatorName: string;
  centre: number;
  points: readonly FunnelPoint[];
  /** In denominator order. */
  limits: readonly FunnelLimit[];
  /** A provider to pick out (ring and label). */
  highlight?: string | null;
  /** What the limits allow for, said in the legend: "allowing for over-dispersion". */
  limitsNote?: string;
  initialWidth?: number;
}

const MARGIN = { top: 16, right: 16, bottom: 44, left: 54 };

/**
 * The two pairs of limits differ by more than colour (issue 20.8): 99.8% solid and heavier, 95% dashed and
 * lighter, each labelled on the chart where its line enters the plot.
 */
const LIMIT_STYLES = {
  '998': { label: '99.8%', stroke: '#425563', labelColour: '#212b32', strokeWidth: 2.5, strokeDasharray: undefined },
  '95': { label: '95%', stroke: '#768692', labelColour: '#4c6272', strokeWidth: 2, strokeDasharray: '8 5' },
} as const;

const MARK_COLOURS: Record<FunnelMark, { fill: string; stroke: string }> = {
  WITHIN: SPC_COLOURS.commonCause,
  BETTER: SPC_COLOURS.improvement,
  WORSE: SPC_COLOURS.concern,
  OUTSIDE: SPC_COLOURS.neutral,
};

export function funnelPointName(point: FunnelPoint, unit: ValueUnit, denominatorName: string): string {
  return `${point.name} (${point.code}): ${formatValue(point.value, unit)} of ${formatCount(point.denominator)} ${denominatorName}, ${point.positionLabel}`;
}

/**
 * A funnel plot: each provider's value against its denominator, the centre line, and the 95% and
 * 99.8% control limits (all from the API), drawn and labelled so that they differ by more than colour.
 * Points are focusable and name themselves.
 */
export function FunnelChart({ title, unit, denominatorName, centre, points, limits, highlight, limitsNote, initialWidth = 720 }: FunnelChartProps) {
  const id = useId();
  const [containerRef, width] = useMeasuredWidth<HTMLDivElement>(initialWidth);
  const highlightIndex = highlight ? points.findIndex((point) => point.code === highlight) : -1;
  const { active, ringed, pointProps, wrapperProps } = useChartPoints(points.length, highlightIndex >= 0 ? highlightIndex : 0);
  if (points.length === 0) return <p className="nhsuk-body">No providers to compare.</p>;

  const height = width < 560 ? 360 : 480;
  const plot = plotArea(width, height, MARGIN);
  const maxDenominator = Math.max(...points.map((point) => point.denominator), 1);
  const xAxis = valueAxis([0, maxDenominator], [plot.left, plot.right], width < 560 ? 3 : 6);
  const x = xAxis.scale;
  // The narrowest part of the funnel (its largest denominator) is always in view, so both pairs of lines show.
  const narrowest = limits.length > 0 ? limits[limits.length - 1] : null;
  const possible = unit === 'PERCENTAGE' ? ([0, 100] as const) : null;
  const inRange = (value: number) => (possible ? Math.min(possible[1], Math.max(possible[0], value)) : value);
  const limitValues = narrowest ? [narrowest.lower998, narrowest.upper998].map(inRange) : [];
  const yAxis = valueAxis(extent([...points.map((point) => point.value), centre, ...limitValues]), [plot.bottom, plot.top], 5);
  const y = yAxis.scale;
  const clipId = `${id}-clip`;
  const drawn = limits.filter((limit) => limit.denominator <= xAxis.domain[1]);
  const line = (pick: (limit: FunnelLimit) => number) => drawn.map((limit) => `${x(limit.denominator)},${y(pick(limit))}`).join(' ');
  /**
   * Where a line's label goes: at the last point of the line at least `fromRight` pixels left of the line's end
   * that lies inside the plot (99.8% at the right edge, 95% further in, so the two never overlap), outside the
   * funnel unless that would leave the plot.
   */
  const labelAt = (pick: (limit: FunnelLimit) => number, upper: boolean, fromRight: number) => {
    const end = drawn.length > 0 ? x(drawn[drawn.length - 1].denominator) : plot.right;
    const candidates = drawn.filter((limit) => x(limit.denominator) <= end - fromRight);
    const inside = [...candidates].reverse().find((limit) => y(pick(limit)) >= plot.top && y(pick(limit)) <= plot.bottom);
    if (!inside) return null;
    const at = y(pick(inside));
    const above = upper ? at - 5 >= plot.top + 12 : at + 16 > plot.bottom;
    return { x: x(inside.denominator) - 4, y: above ? at - 5 : at + 14 };
  };
  const limitLines = (['998', '95'] as const).flatMap((level) =>
    ([true, false] as const).map((upper) => {
      const pick = (limit: FunnelLimit) => (level === '998' ? (upper ? limit.upper998 : limit.lower998) : upper ? limit.upper95 : limit.lower95);
      return { key: `${level}-${upper ? 'upper' : 'lower'}`, level, points: line(pick), label: labelAt(pick, upper, level === '998' ? 0 : 56) };
    }),
  );
  const shown = active === null ? null : points[active];
  const tooltipId = `${id}-tooltip`;
  const small = width < 560;
  const denominatorWord = denominatorName[0].toUpperCase() + denominatorName.slice(1);

  return (
    <ChartFrame
      label={`${title}: funnel plot`}
      role="group"
      width={width}
      height={height}
      containerRef={containerRef}
      containerProps={wrapperProps}
      tooltip={
        shown && (
          <div id={tooltipId} className="ccg-chart__tooltip" style={tooltipPosition(x(shown.denominator) / width, y(shown.value) / height)}>
            <strong>
              {shown.name} ({shown.code})
            </strong>
            <span>Value: {formatValue(shown.value, unit)}</span>
            <span>
              {denominatorWord}: {formatCount(shown.denominator)}
            </span>
            <span>{shown.positionLabel[0].toUpperCase() + shown.positionLabel.slice(1)}</span>
          </div>
        )
      }
      legend={<FunnelLegend centre={centre} unit={unit} points={points} limitsNote={limitsNote} />}
      hint="Point at a provider, or tab to the chart and use the arrow keys, to see its details."
    >
      <defs>
        <clipPath id={clipId}>
          <rect x={plot.left} y={plot.top} width={plot.right - plot.left} height={plot.bottom - plot.top} />
        </clipPath>
      </defs>
      <ChartAxes
        plot={plot}
        y={yAxis}
        formatY={(tick) => (unit === 'PERCENTAGE' ? `${tick}%` : tick.toLocaleString('en-GB'))}
        xTicks={xAxis.ticks.map((tick) => ({ key: tick, x: x(tick), label: formatCount(tick) }))}
        xTitle={{ text: `${denominatorWord} (denominator)`, y: height - 6 }}
      />
      <g aria-hidden="true" clipPath={`url(#${clipId})`} fill="none">
        {limitLines.map((limit) => {
          const style = LIMIT_STYLES[limit.level];
          return (
            <polyline
              key={limit.key}
              data-testid={`limit-${limit.level}`}
              points={limit.points}
              stroke={style.stroke}
              strokeWidth={style.strokeWidth}
              strokeDasharray={style.strokeDasharray}
            />
          );
        })}
        <line data-testid="centre-line" x1={plot.left} x2={plot.right} y1={y(centre)} y2={y(centre)} stroke={SPC_COLOURS.mean} strokeWidth="1.5" />
      </g>
      <g aria-hidden="true" fontSize="12" fontWeight="bold" stroke="#ffffff" strokeWidth="3" paintOrder="stroke" textAnchor="end">
        {limitLines.map((limit) =>
          limit.label ? (
            <text key={limit.key} data-testid="limit-label" x={limit.label.x} y={limit.label.y} fill={LIMIT_STYLES[limit.level].labelColour}>
              {LIMIT_STYLES[limit.level].label}
            </text>
          ) : null,
        )}
      </g>
      {[...new Set([ringed, active])].map((index) => (index === null ? null : <PointRing key={index} cx={x(points[index].denominator)} cy={y(points[index].value)} r={small ? 8 : 9} />))}
      <g>
        {points.map((point, index) => {
          const colours = MARK_COLOURS[point.mark];
          const picked = index === highlightIndex;
          return (
            <circle
              key={point.code}
              className="ccg-chart__point"
              data-mark={point.mark}
              role="img"
              aria-label={funnelPointName(point, unit, denominatorName)}
              aria-describedby={active === index ? tooltipId : undefined}
              cx={x(point.denominator)}
              cy={y(point.value)}
              r={picked ? 6 : point.mark === 'WITHIN' ? 3.5 : 4.5}
              fill={colours.fill}
              fillOpacity={point.mark === 'WITHIN' && !picked ? 0.75 : 1}
              stroke={picked ? '#212b32' : colours.stroke}
              strokeWidth={picked ? 2.5 : 1}
              {...pointProps(index)}
            />
          );
        })}
      </g>
      {highlightIndex >= 0 && (
        <text
          aria-hidden="true"
          x={x(points[highlightIndex].denominator) + (x(points[highlightIndex].denominator) > width * 0.7 ? -10 : 10)}
          y={y(points[highlightIndex].value) - 10}
          textAnchor={x(points[highlightIndex].denominator) > width * 0.7 ? 'end' : 'start'}
          fontSize="13"
          fontWeight="bold"
          fill="#212b32"
          stroke="#ffffff"
          strokeWidth="3"
          paintOrder="stroke"
        >
          {points[highlightIndex].code}
        </text>
      )}
    </ChartFrame>
  );
}

function FunnelLegend({ centre, unit, points, limitsNote }: { centre: number; unit: ValueUnit; points: readonly FunnelPoint[]; limitsNote?: string }) {
  const note = limitsNote ? `, ${limitsNote}` : '';
  return (
    <ul className="ccg-legend">
      <li>
        <Swatch>
          <line x1="1" x2="25" y1="7" y2="7" stroke={SPC_COLOURS.mean} strokeWidth="1.5" />
        </Swatch>
        Centre line ({formatValue(centre, unit)}, all providers)
      </li>
      {(['95', '998'] as const).map((level) => (
        <li key={level}>
          <Swatch>
            <line x1="1" x2="25" y1="7" y2="7" stroke={LIMIT_STYLES[level].stroke} strokeWidth={LIMIT_STYLES[level].strokeWidth} strokeDasharray={LIMIT_STYLES[level].strokeDasharray} />
          </Swatch>
          {LIMIT_STYLES[level].label} limits ({level === '95' ? 'dashed' : 'solid'}){note}
        </li>
      ))}
      {(['BETTER', 'WORSE', 'OUTSIDE'] as const)
        .filter((mark) => points.some((point) => point.mark === mark))
        .map((mark) => (
          <li key={mark}>
            <Swatch>
              <circle cx="13" cy="7" r="5" fill={MARK_COLOURS[mark].fill} stroke={MARK_COLOURS[mark].stroke} />
            </Swatch>
            {mark === 'BETTER' ? 'Better than expected' : mark === 'WORSE' ? 'Worse than expected' : 'Outside the limits'}
          </li>
        ))}
    </ul>
  );
}
