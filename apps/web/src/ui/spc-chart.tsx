import type { PointType, SpecialCauseType } from '@ccg-assure/domain';
import { useId } from 'react';
import { ChartAxes, ChartDataDetails, ChartFrame, PointRing, Swatch, type XTick } from './chart/chart-frame';
import { extent, plotArea, slotAxis, valueAxis } from './chart/chart-scale';
import { tooltipPosition, useChartPoints } from './chart/use-chart-points';
import { useMeasuredWidth } from './chart/use-measured-width';
import { csvNumber, formatValue, monthLabel, shortMonthLabel, type ValueUnit } from './format';
import { POINT_TYPE_WORDS, SPC_COLOURS, SPECIAL_CAUSE_WORDS, pointColours } from './spc-labels';

/** One point of an XmR chart as the API returns it: every number and verdict is the API's. */
export interface SpcChartPoint {
  /** ISO date of the start of the period ("2019-03-01"). */
  period: string;
  value: number;
  mean: number;
  lowerProcessLimit: number | null;
  upperProcessLimit: number | null;
  specialCauseType: SpecialCauseType;
  pointType: PointType;
  rebaseGroup: number;
  /** The target in force at this point's period (a standard's version, a local target or a trajectory's month). */
  target?: number | null;
}

interface SpcChartProps {
  /** What the chart shows, e.g. "A&E: four-hour wait, all department types, Leeds Teaching Hospitals". */
  title: string;
  unit: ValueUnit;
  /** In period order. */
  points: readonly SpcChartPoint[];
  /** The standard, when there is one and the points do not carry their own. */
  target?: number | null;
  /** Names the CSV file of the data table: the view, e.g. "RR8 AE_4HR_ALL SPC". */
  csvName: string;
  /** For tests and print: the width to draw at before (or without) measuring. */
  initialWidth?: number;
  /**
   * A recovery trajectory to draw against the values (a remedial action plan's committed monthly values): a line
   * through the months the chart has, said in the summary and the table. Months outside the chart are not drawn.
   */
  trajectory?: readonly TrajectoryMark[];
  /**
   * The periods of points that carry an annotation (a report's note on the point): each is marked on the chart and
   * named in the summary; the notes' text is for the caller to list under the chart.
   */
  annotatedPeriods?: readonly string[];
  /**
   * The recorded baseline: each rebase group's mean and limits come from its first this-many points (NHSRplotthedots'
   * fix_after_n_points). Marked where each baseline ends, and said in the summary.
   */
  fixAfterNPoints?: number | null;
}

/** A month's committed value of a recovery trajectory. */
export interface TrajectoryMark {
  /** ISO date of the first day of the month. */
  period: string;
  value: number;
}

const TRAJECTORY_COLOUR = '#007f3b';

interface Segment {
  from: number;
  to: number;
  value: number;
}

/** Runs of consecutive points with the same value of `pick` (null values leave a gap). */
function segments(points: readonly SpcChartPoint[], pick: (point: SpcChartPoint, index: number) => number | null | undefined): Segment[] {
  const found: Segment[] = [];
  points.forEach((point, index) => {
    const value = pick(point, index);
    const last = found[found.length - 1];
    const sameGroup = index > 0 && points[index - 1].rebaseGroup === point.rebaseGroup;
    if (value === null || value === undefined) return;
    if (last && last.to === index - 1 && last.value === value && sameGroup) last.to = index;
    else found.push({ from: index, to: index, value });
  });
  return found;
}

/** Indexes of the last baseline point of each rebase group that runs on beyond its first `n` points. */
export function baselineEnds(points: readonly SpcChartPoint[], n: number | null): number[] {
  if (n === null) return [];
  const ends: number[] = [];
  let start = 0;
  points.forEach((point, index) => {
    if (index > 0 && point.rebaseGroup !== points[index - 1].rebaseGroup) start = index;
    if (index - start === n - 1 && index < points.length - 1 && points[index + 1].rebaseGroup === point.rebaseGroup) ends.push(index);
  });
  return ends;
}

function targetOf(point: SpcChartPoint, fallback: number | null | undefined): number | null {
  return point.target !== undefined ? point.target : (fallback ?? null);
}

/** The accessible name of a point: "March 2019: 87.3%, special cause concern". */
export function pointName(point: SpcChartPoint, unit: ValueUnit, rebased: boolean): string {
  return `${monthLabel(point.period)}: ${formatValue(point.value, unit)}, ${POINT_TYPE_WORDS[point.pointType]}${rebased ? ', limits recalculated from here' : ''}`;
}

function variationSentence(point: SpcChartPoint): string {
  if (point.pointType === 'COMMON_CAUSE') return 'Common cause variation';
  const words = POINT_TYPE_WORDS[point.pointType];
  return `${words[0].toUpperCase()}${words.slice(1)}: ${SPECIAL_CAUSE_WORDS[point.specialCauseType]}`;
}

function limitsText(point: SpcChartPoint, unit: ValueUnit): string {
  if (point.lowerProcessLimit === null || point.upperProcessLimit === null) return 'none (no variation to measure)';
  return `${formatValue(point.lowerProcessLimit, unit)} to ${formatValue(point.upperProcessLimit, unit)}`;
}

const MARGIN = { top: 26, right: 14, bottom: 36, left: 54 };

/**
 * An XmR chart in the Making Data Count style, as inline SVG drawn at its shown width: the values,
 * the mean and the process limits (dashed) of each rebase group, the target, special-cause points
 * coloured by improvement (blue), concern (orange) or neutral (purple), and rebase marks. Every point
 * is reachable by keyboard and names itself; the same data follows as a table.
 */
export function SpcChart({ title, unit, points, target, csvName, initialWidth = 720, trajectory, annotatedPeriods = [], fixAfterNPoints = null }: SpcChartProps) {
  const id = useId();
  const [containerRef, width] = useMeasuredWidth<HTMLDivElement>(initialWidth);
  const { active, ringed, pointProps, hoverProps, wrapperProps } = useChartPoints(points.length, points.length - 1);
  if (points.length === 0) return <p className="nhsuk-body">No values to chart.</p>;

  const height = width < 560 ? 260 : 330;
  const plot = plotArea(width, height, MARGIN);
  const targets = points.map((point) => targetOf(point, target));
  const committed = new Map((trajectory ?? []).map((mark) => [mark.period, mark.value]));
  const trajectoryAt = points.map((point) => committed.get(point.period) ?? null);
  const drawnTrajectory = trajectoryAt.flatMap((value, index) => (value === null ? [] : [{ index, value }]));
  const bounds = extent([...points.flatMap((point) => [point.value, point.mean, point.lowerProcessLimit, point.upperProcessLimit]), ...targets, ...drawnTrajectory.map((mark) => mark.value)]);
  const yAxis = valueAxis(bounds, [plot.bottom, plot.top], height < 300 ? 4 : 6);
  const y = yAxis.scale;
  const { step, centre: x } = slotAxis(points.map((_, index) => index), [plot.left, plot.right]);
  // Month labels (about 56px wide) every few points, counted back from the latest; the latest is
  // right-aligned when it would run off the edge, and a label that would then touch it is left out.
  const labelEvery = Math.max(1, Math.ceil(76 / step));
  const lastX = x(points.length - 1);
  const lastAnchor = lastX + 30 > width ? 'end' : 'middle';
  const lastLeft = lastAnchor === 'end' ? lastX - 56 : lastX - 28;
  const labelled = (index: number) =>
    (points.length - 1 - index) % labelEvery === 0 && (index === points.length - 1 || x(index) + 28 < lastLeft - 6);
  const rebaseAt = points.map((point, index) => index > 0 && point.rebaseGroup !== points[index - 1].rebaseGroup);
  // The last point of each group's baseline, where the group runs on beyond it (the limits are extended from there).
  const baselineEndsAt = baselineEnds(points, fixAfterNPoints);
  const annotatedAt = points.map((point) => annotatedPeriods.includes(point.period));
  const segmentLine = (segment: Segment) => {
    const half = segment.from === segment.to ? step / 3 : 0;
    return { x1: x(segment.from) - half, x2: x(segment.to) + half, y1: y(segment.value), y2: y(segment.value) };
  };
  const means = segments(points, (point) => point.mean);
  const lowers = segments(points, (point) => point.lowerProcessLimit);
  const uppers = segments(points, (point) => point.upperProcessLimit);
  // A target steps where a standard or local target changes; where a trajectory sets it, the trajectory's sloping line
  // (drawn below) is the target, so the steps leave those months to it.
  const targetSegments = segments(points, (point, index) => (trajectoryAt[index] !== null && trajectoryAt[index] === targetOf(point, target) ? null : targetOf(point, target)));
  const present = new Set(points.map((point) => point.pointType));
  const latest = points[points.length - 1];
  const shown = active === null ? null : points[active];
  const tooltipId = `${id}-tooltip`;
  const small = width < 560;

  const summary = [
    `${points.length} values from ${monthLabel(points[0].period)} to ${monthLabel(latest.period)}.`,
    `Latest: ${formatValue(latest.value, unit)}, ${POINT_TYPE_WORDS[latest.pointType]}.`,
    `Mean ${formatValue(latest.mean, unit)}, process limits ${limitsText(latest, unit)}.`,
    targetOf(latest, target) !== null ? `Target ${formatValue(targetOf(latest, target), unit)}.` : 'No target.',
    drawnTrajectory.length > 0
      ? `Recovery trajectory from ${monthLabel(points[drawnTrajectory[0].index].period)} to ${monthLabel(points[drawnTrajectory[drawnTrajectory.length - 1].index].period)}, ${drawnTrajectory.length === 1 ? 'one month' : `${drawnTrajectory.length} months`} against the values.`
      : '',
    annotatedAt.some(Boolean) ? `Annotated: ${points.filter((_, index) => annotatedAt[index]).map((point) => monthLabel(point.period)).join(', ')}.` : '',
    rebaseAt.some(Boolean) ? `Limits recalculated from ${points.filter((_, index) => rebaseAt[index]).map((point) => monthLabel(point.period)).join(', ')}.` : '',
    baselineEndsAt.length > 0
      ? `Limits fixed on the first ${fixAfterNPoints} values (the baseline, to ${baselineEndsAt.map((index) => monthLabel(points[index].period)).join(', ')}) and extended forward.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const xTicks: XTick[] = points.flatMap((point, index) =>
    labelled(index) ? [{ key: point.period, x: x(index), label: shortMonthLabel(point.period), anchor: index === points.length - 1 ? lastAnchor : 'middle' }] : [],
  );

  return (
    <ChartFrame
      label={`${title}: statistical process control chart`}
      role="group"
      width={width}
      height={height}
      summary={summary}
      containerRef={containerRef}
      containerProps={wrapperProps}
      tooltip={
        shown && (
          <div id={tooltipId} className="ccg-chart__tooltip" style={tooltipPosition(x(active ?? 0) / width, y(shown.value) / height)}>
            <strong>{monthLabel(shown.period)}</strong>
            <span>Value: {formatValue(shown.value, unit)}</span>
            <span>Mean: {formatValue(shown.mean, unit)}</span>
            <span>Process limits: {limitsText(shown, unit)}</span>
            {targetOf(shown, target) !== null && <span>Target: {formatValue(targetOf(shown, target), unit)}</span>}
            {active !== null && trajectoryAt[active] !== null && <span>Trajectory: {formatValue(trajectoryAt[active], unit)}</span>}
            <span>{variationSentence(shown)}</span>
          </div>
        )
      }
      legend={<SpcLegend present={present} hasTarget={targetSegments.length > 0} hasRebase={rebaseAt.some(Boolean)} hasTrajectory={drawnTrajectory.length > 0} hasAnnotations={annotatedAt.some(Boolean)} hasBaseline={baselineEndsAt.length > 0} />}
      hint="Point at a value, or tab to the chart and use the arrow keys, to see a month’s details. Escape hides them."
      table={<SpcDataTable title={title} unit={unit} points={points} target={target} rebaseAt={rebaseAt} csvName={csvName} trajectoryAt={drawnTrajectory.length > 0 ? trajectoryAt : undefined} />}
    >
      <ChartAxes plot={plot} y={yAxis} formatY={(tick) => (unit === 'PERCENTAGE' ? `${tick}%` : tick.toLocaleString('en-GB'))} xTicks={xTicks} />
      <g aria-hidden="true" className="ccg-chart__rebases">
        {points.map((point, index) =>
          rebaseAt[index] ? (
            <g key={point.period} data-testid="rebase-mark">
              <line x1={x(index) - step / 2} x2={x(index) - step / 2} y1={plot.top - 14} y2={plot.bottom} stroke="#212b32" strokeWidth="1.5" strokeDasharray="2 3" />
              <text x={x(index) - step / 2 + 4} y={plot.top - 6} fontSize="12" fill="#212b32">
                Rebased
              </text>
            </g>
          ) : null,
        )}
      </g>
      <g aria-hidden="true" className="ccg-chart__baselines">
        {baselineEndsAt.map((index) => (
          <g key={points[index].period} data-testid="baseline-mark">
            <line x1={x(index) + step / 2} x2={x(index) + step / 2} y1={plot.top - 14} y2={plot.bottom} stroke="#4c6272" strokeWidth="1.5" strokeDasharray="6 2 1 2" />
            <text x={x(index) + step / 2 - 4} y={plot.top - 6} fontSize="12" fill="#4c6272" textAnchor="end">
              Baseline
            </text>
          </g>
        ))}
      </g>
      <g aria-hidden="true" className="ccg-chart__lines">
        {lowers.map((segment) => (
          <line key={`l${segment.from}`} data-testid="lower-limit" {...segmentLine(segment)} stroke={SPC_COLOURS.limit} strokeWidth="1.5" strokeDasharray="6 4" />
        ))}
        {uppers.map((segment) => (
          <line key={`u${segment.from}`} data-testid="upper-limit" {...segmentLine(segment)} stroke={SPC_COLOURS.limit} strokeWidth="1.5" strokeDasharray="6 4" />
        ))}
        {means.map((segment) => (
          <line key={`m${segment.from}`} data-testid="mean" {...segmentLine(segment)} stroke={SPC_COLOURS.mean} strokeWidth="1.5" />
        ))}
        {targetSegments.map((segment) => (
          <line key={`t${segment.from}`} data-testid="target" {...segmentLine(segment)} stroke={SPC_COLOURS.target} strokeWidth="2" />
        ))}
        <polyline points={points.map((point, index) => `${x(index)},${y(point.value)}`).join(' ')} fill="none" stroke={SPC_COLOURS.line} strokeWidth="1.5" />
        {drawnTrajectory.length > 0 && (
          <g data-testid="trajectory">
            <polyline points={drawnTrajectory.map((mark) => `${x(mark.index)},${y(mark.value)}`).join(' ')} fill="none" stroke={TRAJECTORY_COLOUR} strokeWidth="2.5" strokeDasharray="8 4" />
            {drawnTrajectory.map((mark) => (
              <rect key={mark.index} x={x(mark.index) - 4} y={y(mark.value) - 4} width="8" height="8" fill="#ffffff" stroke={TRAJECTORY_COLOUR} strokeWidth="2" />
            ))}
          </g>
        )}
      </g>
      {annotatedAt.some(Boolean) && (
        <g aria-hidden="true" className="ccg-chart__annotations">
          {points.map((point, index) =>
            annotatedAt[index] ? (
              <path key={point.period} data-testid="annotation-mark" d={`M ${x(index)} ${y(point.value) - 9} l -6 -10 h 12 z`} fill="#ffeb3b" stroke="#212b32" strokeWidth="1.5" />
            ) : null,
          )}
        </g>
      )}
      <g aria-hidden="true">
        {points.map((point, index) => (
          <rect key={point.period} x={x(index) - step / 2} y={plot.top} width={step} height={plot.bottom - plot.top} fill="transparent" {...hoverProps(index)} />
        ))}
      </g>
      {[...new Set([ringed, active])].map((index) => (index === null ? null : <PointRing key={index} cx={x(index)} cy={y(points[index].value)} r={small ? 8 : 9} />))}
      <g className="ccg-chart__points">
        {points.map((point, index) => {
          const colours = pointColours(point.pointType);
          const special = point.pointType !== 'COMMON_CAUSE';
          return (
            <circle
              key={point.period}
              className="ccg-chart__point"
              data-point-type={point.pointType}
              role="img"
              aria-label={`${pointName(point, unit, rebaseAt[index])}${annotatedAt[index] ? ', annotated' : ''}`}
              aria-describedby={active === index ? tooltipId : undefined}
              cx={x(index)}
              cy={y(point.value)}
              r={special ? (small ? 4.5 : 5.5) : small ? 3 : 3.5}
              fill={colours.fill}
              stroke={special ? colours.stroke : 'none'}
              strokeWidth={special ? 1.5 : 0}
              {...pointProps(index)}
            />
          );
        })}
      </g>
    </ChartFrame>
  );
}

function SpcLegend({
  present,
  hasTarget,
  hasRebase,
  hasTrajectory = false,
  hasAnnotations = false,
  hasBaseline = false,
}: {
  present: Set<PointType>;
  hasTarget: boolean;
  hasRebase: boolean;
  hasTrajectory?: boolean;
  hasAnnotations?: boolean;
  hasBaseline?: boolean;
}) {
  const dot = (type: PointType) => {
    const colours = pointColours(type);
    return <circle cx="13" cy="7" r="5" fill={colours.fill} stroke={colours.stroke} strokeWidth="1.5" />;
  };
  return (
    <ul className="ccg-legend">
      <li>
        <Swatch>
          <line x1="1" x2="25" y1="7" y2="7" stroke={SPC_COLOURS.line} strokeWidth="1.5" />
          <circle cx="13" cy="7" r="3.5" fill={SPC_COLOURS.commonCause.fill} />
        </Swatch>
        Values (common cause)
      </li>
      <li>
        <Swatch>
          <line x1="1" x2="25" y1="7" y2="7" stroke={SPC_COLOURS.mean} strokeWidth="1.5" />
        </Swatch>
        Mean
      </li>
      <li>
        <Swatch>
          <line x1="1" x2="25" y1="7" y2="7" stroke={SPC_COLOURS.limit} strokeWidth="1.5" strokeDasharray="6 4" />
        </Swatch>
        Process limits
      </li>
      {hasTarget && (
        <li>
          <Swatch>
            <line x1="1" x2="25" y1="7" y2="7" stroke={SPC_COLOURS.target} strokeWidth="2" />
          </Swatch>
          Target in force
        </li>
      )}
      {hasTrajectory && (
        <li>
          <Swatch>
            <line x1="1" x2="25" y1="7" y2="7" stroke={TRAJECTORY_COLOUR} strokeWidth="2.5" strokeDasharray="8 4" />
            <rect x="9" y="3" width="8" height="8" fill="#ffffff" stroke={TRAJECTORY_COLOUR} strokeWidth="2" />
          </Swatch>
          Recovery trajectory (committed)
        </li>
      )}
      {present.has('SPECIAL_CAUSE_IMPROVEMENT') && (
        <li>
          <Swatch>{dot('SPECIAL_CAUSE_IMPROVEMENT')}</Swatch>
          Special cause – improvement
        </li>
      )}
      {present.has('SPECIAL_CAUSE_CONCERN') && (
        <li>
          <Swatch>{dot('SPECIAL_CAUSE_CONCERN')}</Swatch>
          Special cause – concern
        </li>
      )}
      {(present.has('SPECIAL_CAUSE_NEUTRAL_HIGH') || present.has('SPECIAL_CAUSE_NEUTRAL_LOW')) && (
        <li>
          <Swatch>{dot('SPECIAL_CAUSE_NEUTRAL_HIGH')}</Swatch>
          Special cause – neutral
        </li>
      )}
      {hasAnnotations && (
        <li>
          <Swatch>
            <path d="M 13 12 l -6 -10 h 12 z" fill="#ffeb3b" stroke="#212b32" strokeWidth="1.5" />
          </Swatch>
          Annotated point (notes listed under the chart)
        </li>
      )}
      {hasRebase && (
        <li>
          <Swatch>
            <line x1="13" x2="13" y1="0" y2="14" stroke="#212b32" strokeWidth="1.5" strokeDasharray="2 3" />
          </Swatch>
          Rebased: limits recalculated
        </li>
      )}
      {hasBaseline && (
        <li>
          <Swatch>
            <line x1="13" x2="13" y1="0" y2="14" stroke="#4c6272" strokeWidth="1.5" strokeDasharray="6 2 1 2" />
          </Swatch>
          Baseline: limits fixed on the values before it
        </li>
      )}
    </ul>
  );
}

const TABLE_COLUMNS = ['Period', 'Value', 'Mean', 'Lower process limit', 'Upper process limit', 'Target', 'Variation'];

function SpcDataTable({
  title,
  unit,
  points,
  target,
  rebaseAt,
  csvName,
  trajectoryAt,
}: {
  title: string;
  unit: ValueUnit;
  points: readonly SpcChartPoint[];
  target: number | null | undefined;
  rebaseAt: boolean[];
  csvName: string;
  /** Per point, the trajectory's committed value (null where none); absent when the chart has no trajectory. */
  trajectoryAt?: readonly (number | null)[];
}) {
  const variation = (point: SpcChartPoint, index: number) => `${variationSentence(point)}${rebaseAt[index] ? ' (limits recalculated from here)' : ''}`;
  const columns = trajectoryAt ? [...TABLE_COLUMNS.slice(0, 6), 'Trajectory', TABLE_COLUMNS[6]] : TABLE_COLUMNS;
  const rows = points.map((point, index) => [
    point.period,
    csvNumber(point.value, unit),
    csvNumber(point.mean, unit),
    csvNumber(point.lowerProcessLimit, unit),
    csvNumber(point.upperProcessLimit, unit),
    csvNumber(targetOf(point, target), unit),
    ...(trajectoryAt ? [csvNumber(trajectoryAt[index], unit)] : []),
    variation(point, index),
  ]);
  const variationColumn = columns.length - 1;
  return (
    <ChartDataDetails summary="Show the data as a table" csv={{ name: csvName, columns: ['Period start', ...columns.slice(1)], rows, what: `${title} data` }}>
      <table className="nhsuk-table nhsuk-table--compact ccg-chart__table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">{title}: values and statistical process control</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {columns.map((column, index) => (
              <th
                key={column}
                scope="col"
                className={`nhsuk-table__header${index > 0 && index < variationColumn ? ' nhsuk-table__header--numeric' : ''}${index === variationColumn ? ' ccg-chart__variation-header' : ''}`}
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {points.map((point, index) => (
            <tr key={point.period} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header ccg-nowrap">
                {monthLabel(point.period)}
              </th>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatValue(point.value, unit)}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatValue(point.mean, unit)}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{point.lowerProcessLimit === null ? 'None' : formatValue(point.lowerProcessLimit, unit)}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{point.upperProcessLimit === null ? 'None' : formatValue(point.upperProcessLimit, unit)}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{targetOf(point, target) === null ? 'None' : formatValue(targetOf(point, target), unit)}</td>
              {trajectoryAt && <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{trajectoryAt[index] === null ? '' : formatValue(trajectoryAt[index], unit)}</td>}
              <td className="nhsuk-table__cell">{variation(point, index)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartDataDetails>
  );
}
