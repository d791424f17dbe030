import { useId, type ComponentProps, type ReactNode, type Ref } from 'react';
import type { CsvCell } from '../csv';
import { DownloadCsvButton } from '../download-csv-button';
import type { PlotArea, ValueAxis } from './chart-scale';
import { TableContainer } from '../nhs';

const AXIS_COLOUR = '#768692';
const GRID_COLOUR = '#e8edee';
const LABEL_COLOUR = '#4c6272';

interface ChartFrameProps {
  /** The chart's accessible name: what it shows and what kind of chart it is. */
  label: string;
  /**
   * 'group' when the chart's points take focus and name themselves (a screen reader enters the group);
   * 'img' when the chart is one picture described by its summary and table.
   */
  role: 'group' | 'img';
  width: number;
  height: number;
  /** The chart in words, shown under it and given as the SVG's description. */
  summary?: string;
  /** Follows the shown width (`useMeasuredWidth`). */
  containerRef: Ref<HTMLDivElement>;
  /** The wrapper's behaviour: pointer and Escape handling (`useChartPoints`), or a scroll region. */
  containerProps?: ComponentProps<'div'>;
  containerClassName?: string;
  figureClassName?: string;
  /** Above the chart, e.g. a heading when a page shows several. */
  heading?: ReactNode;
  /** Drawn over the chart: the details of the point with focus or the pointer. */
  tooltip?: ReactNode;
  legend?: ReactNode;
  /** How to explore the chart by pointer and keyboard. */
  hint?: string;
  /** The same data as a table (WCAG 1.1.1): every figure the chart draws. */
  table?: ReactNode;
  /** The SVG's content: axes, lines and points. */
  children: ReactNode;
}

/**
 * The frame every chart is drawn in: a figure holding the SVG (named, described by the summary, drawn at
 * its shown width and scaled by its viewBox), the details overlay, a caption with the summary, legend and
 * how to explore it, and the table equivalent.
 */
export function ChartFrame({
  label,
  role,
  width,
  height,
  summary,
  containerRef,
  containerProps,
  containerClassName = 'ccg-chart',
  figureClassName,
  heading,
  tooltip,
  legend,
  hint,
  table,
  children,
}: ChartFrameProps) {
  const summaryId = `${useId()}-summary`;
  return (
    <figure className={figureClassName ? `ccg-chart-figure ${figureClassName}` : 'ccg-chart-figure'}>
      {heading}
      <div className={containerClassName} ref={containerRef} {...containerProps}>
        <svg
          className="ccg-chart__svg"
          role={role}
          aria-label={label}
          aria-describedby={summary ? summaryId : undefined}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
        >
          {children}
        </svg>
        {tooltip}
      </div>
      <figcaption>
        {summary && (
          <p id={summaryId} className="nhsuk-body-s ccg-chart__summary">
            {summary}
          </p>
        )}
        {legend}
        {hint && <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">{hint}</p>}
      </figcaption>
      {table}
    </figure>
  );
}

/** One labelled mark on the horizontal axis. */
export interface XTick {
  key: string | number;
  x: number;
  label: ReactNode;
  anchor?: 'start' | 'middle' | 'end';
}

/**
 * The axes, hidden from assistive technology (the summary and table say the same): gridlines and labels at
 * the value axis's ticks, the baseline, the horizontal axis's marks and labels, and its title if any.
 */
export function ChartAxes({
  plot,
  y,
  formatY,
  xTicks,
  xTitle,
}: {
  plot: PlotArea;
  y: ValueAxis;
  formatY: (tick: number) => string;
  xTicks: readonly XTick[];
  /** Written centred under the axis labels, `titleY` from the top of the SVG. */
  xTitle?: { text: string; y: number };
}) {
  return (
    <g aria-hidden="true" className="ccg-chart__axes">
      {y.ticks.map((tick) => (
        <g key={tick}>
          <line x1={plot.left} x2={plot.right} y1={y.scale(tick)} y2={y.scale(tick)} stroke={GRID_COLOUR} />
          <text x={plot.left - 6} y={y.scale(tick)} dy="0.32em" textAnchor="end" fontSize="12" fill={LABEL_COLOUR}>
            {formatY(tick)}
          </text>
        </g>
      ))}
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={AXIS_COLOUR} />
      {xTicks.map((tick) => (
        <g key={tick.key}>
          <line x1={tick.x} x2={tick.x} y1={plot.bottom} y2={plot.bottom + 4} stroke={AXIS_COLOUR} />
          <text x={tick.x} y={plot.bottom + 18} textAnchor={tick.anchor ?? 'middle'} fontSize="12" fill={LABEL_COLOUR}>
            {tick.label}
          </text>
        </g>
      ))}
      {xTitle && (
        <text x={(plot.left + plot.right) / 2} y={xTitle.y} textAnchor="middle" fontSize="12" fill="#212b32">
          {xTitle.text}
        </text>
      )}
    </g>
  );
}

/** The focus ring drawn behind the point with focus or the pointer: a yellow disc with a dark edge (WCAG 2.4.7). */
export function PointRing({ cx, cy, r }: { cx: number; cy: number; r: number }) {
  return <circle aria-hidden="true" cx={cx} cy={cy} r={r} fill="#ffeb3b" stroke="#212b32" strokeWidth="2.5" />;
}

/** A legend entry's sample of a line or mark, beside its words. */
export function Swatch({ width = 26, height = 14, children }: { width?: number; height?: number; children: ReactNode }) {
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** The table equivalent folded under the chart ("Show the data as a table"), with the same rows as CSV. */
export function ChartDataDetails({
  summary,
  csv,
  children,
}: {
  summary: string;
  csv: { name: string; columns: readonly string[]; rows: ReadonlyArray<readonly CsvCell[]>; what: string };
  /** The table. */
  children: ReactNode;
}) {
  return (
    <details className="nhsuk-details ccg-chart__data">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div className="nhsuk-details__text">
        <TableContainer>{children}</TableContainer>
        <DownloadCsvButton name={csv.name} columns={csv.columns} rows={csv.rows} what={csv.what} />
      </div>
    </details>
  );
}
