import { Money } from '@ccg-assure/domain';
import { useId } from 'react';
import { ChartAxes, ChartFrame, PointRing, Swatch } from '../ui/chart/chart-frame';
import { extent, plotArea, slotAxis, valueAxis } from '../ui/chart/chart-scale';
import { useChartPoints } from '../ui/chart/use-chart-points';
import { useMeasuredWidth } from '../ui/chart/use-measured-width';
import { CellLabel } from './cell-label';
import { forecastAxisLabel, forecastMonthName, forecastMonthsOf } from './forecast-months';
import { TableContainer } from '../ui/nhs';

/** One month's forecast as the API gives it: money as exact decimal text, the warning decided by the API. */
export interface ForecastPoint {
  /** "2015-06". */
  month: string;
  forecastOutturn: string;
  plannedSpend: string;
  /** Forecast less plan: positive is adverse. */
  variance: string;
  warningThreshold: string;
  warning: boolean;
}

export interface FinancialWarningFacts {
  month: string;
  adverseVariance: string;
  threshold: string;
  thresholdPercent: string;
}

interface ForecastChartProps {
  /** Whose plan: "NHS Leeds North CCG 2015/16". */
  title: string;
  /** "2015/16": the chart runs April to March. */
  financialYear: string;
  /** Oldest first. */
  forecasts: readonly ForecastPoint[];
  /** The warning the latest forecast raised, if any. */
  warning?: FinancialWarningFacts | null;
  /** For tests and print: the width to draw at before (or without) measuring. */
  initialWidth?: number;
}

const money = (text: string) => Money.parse(text);
/** For drawing only: pounds as a number of millions (positions on the chart, never arithmetic on money). */
const millions = (text: string) => Number(money(text).pence) / 100_000_000;
const axisPounds = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** How far from plan, in words: "£2,500,000.00 over plan (adverse)". */
export function varianceWords(variance: string): string {
  const amount = money(variance);
  if (amount.isZero()) return 'on plan';
  return amount.isPositive() ? `${amount.toDisplayString()} over plan (adverse)` : `${amount.abs().toDisplayString()} under plan (favourable)`;
}

/** The accessible name of a point: "June 2015: forecast outturn £…, £… over plan (adverse), above the warning threshold". */
export function forecastPointName(point: ForecastPoint): string {
  return `${forecastMonthName(point.month)}: forecast outturn ${money(point.forecastOutturn).toDisplayString()}, ${varianceWords(point.variance)}${point.warning ? ', above the warning threshold' : ''}`;
}

const COLOURS = { plan: '#005eb8', threshold: '#d5281b', forecast: '#212b32', point: '#212b32', warning: '#d5281b' };
const MARGIN = { top: 20, right: 16, bottom: 36, left: 64 };

/**
 * Forecast outturn against plan by month, April to March, as inline SVG drawn at its shown width: the
 * approved plan's spend, the warning threshold above it (dashed), and each month's forecast; months
 * above the threshold are red diamonds (shape as well as colour). Each point is reachable by keyboard and
 * names itself; the same figures follow as a table, and a financial warning is said in words above.
 */
export function ForecastChart({ title, financialYear, forecasts, warning, initialWidth = 720 }: ForecastChartProps) {
  const id = useId();
  const [containerRef, width] = useMeasuredWidth<HTMLDivElement>(initialWidth);
  const { active, ringed, pointProps, hoverProps, wrapperProps } = useChartPoints(forecasts.length, forecasts.length - 1);
  const tooltipId = `${id}-tooltip`;

  const warningCallout = warning ? (
    <div className="nhsuk-warning-callout">
      <h3 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>Financial warning
        </span>
      </h3>
      <p>
        The {forecastMonthName(warning.month)} forecast outturn is {money(warning.adverseVariance).toDisplayString()} over plan, above the threshold of{' '}
        {money(warning.threshold).toDisplayString()} ({warning.thresholdPercent}% of allocation). NHS England can treat this as a financial special-measures trigger.
      </p>
    </div>
  ) : null;

  if (forecasts.length === 0) {
    return (
      <>
        {warningCallout}
        <p className="nhsuk-body">No forecast outturn has been recorded for {financialYear} yet.</p>
      </>
    );
  }

  const months = forecastMonthsOf(financialYear);
  const latest = forecasts[forecasts.length - 1];
  const small = width < 560;
  const height = small ? 260 : 320;
  const plot = plotArea(width, height, MARGIN);
  const planLevel = millions(latest.plannedSpend);
  const thresholdLevel = millions(money(latest.plannedSpend).plus(money(latest.warningThreshold)).toString());
  const yAxis = valueAxis(extent([...forecasts.map((point) => millions(point.forecastOutturn)), planLevel, thresholdLevel]), [plot.bottom, plot.top], small ? 4 : 6);
  const y = yAxis.scale;
  const { step, centre: x } = slotAxis(months, [plot.left, plot.right]);
  const labelEvery = small ? 3 : 1;
  const shown = active === null ? null : forecasts[active];
  const warned = forecasts.filter((point) => point.warning).length;

  const summary = [
    `${forecasts.length} monthly ${forecasts.length === 1 ? 'forecast' : 'forecasts'} from ${forecastMonthName(forecasts[0].month)} to ${forecastMonthName(latest.month)}.`,
    `Planned spend ${money(latest.plannedSpend).toDisplayString()}; warning above ${money(latest.plannedSpend).plus(money(latest.warningThreshold)).toDisplayString()}.`,
    `Latest: ${forecastPointName(latest)}.`,
    warned ? `${warned} of ${forecasts.length} above the warning threshold.` : 'None above the warning threshold.',
  ].join(' ');

  const tooltipLeft = shown ? Math.min(Math.max((x(shown.month) / width) * 100, 18), 82) : 0;
  const tooltipAbove = shown ? y(millions(shown.forecastOutturn)) > (plot.top + plot.bottom) / 2 : true;

  return (
    <>
      {warningCallout}
      <ChartFrame
        label={`${title}: forecast outturn against plan by month`}
        role="group"
        width={width}
        height={height}
        summary={summary}
        containerRef={containerRef}
        containerProps={wrapperProps}
        tooltip={
          shown && (
            <div
              id={tooltipId}
              className={`ccg-chart__tooltip ${tooltipAbove ? 'ccg-chart__tooltip--above' : 'ccg-chart__tooltip--below'}`}
              style={{ left: `${tooltipLeft}%`, top: `${(y(millions(shown.forecastOutturn)) / height) * 100}%` }}
            >
              <strong>{forecastMonthName(shown.month)}</strong>
              <span>Forecast outturn: {money(shown.forecastOutturn).toDisplayString()}</span>
              <span>Planned spend: {money(shown.plannedSpend).toDisplayString()}</span>
              <span>Variance: {varianceWords(shown.variance)}</span>
              <span>{shown.warning ? 'Above the warning threshold' : 'Within the warning threshold'}</span>
            </div>
          )
        }
        legend={<ForecastLegend />}
        hint="Point at a month, or tab to the chart and use the arrow keys, to see its figures. Escape hides them."
        table={<ForecastTable title={title} forecasts={forecasts} />}
      >
        <ChartAxes
          plot={plot}
          y={yAxis}
          formatY={(tick) => `£${axisPounds.format(tick)}m`}
          xTicks={months.flatMap((month, index) =>
            index % labelEvery === 0 ? [{ key: month, x: x(month), label: forecastAxisLabel(month, index === 0) }] : [],
          )}
        />
        <g aria-hidden="true">
          <line data-testid="plan-line" x1={plot.left} x2={plot.right} y1={y(planLevel)} y2={y(planLevel)} stroke={COLOURS.plan} strokeWidth="2" />
          <line data-testid="threshold-line" x1={plot.left} x2={plot.right} y1={y(thresholdLevel)} y2={y(thresholdLevel)} stroke={COLOURS.threshold} strokeWidth="1.5" strokeDasharray="6 4" />
          <polyline points={forecasts.map((point) => `${x(point.month)},${y(millions(point.forecastOutturn))}`).join(' ')} fill="none" stroke={COLOURS.forecast} strokeWidth="1.5" />
        </g>
        <g aria-hidden="true">
          {forecasts.map((point, index) => (
            <rect key={point.month} x={x(point.month) - step / 2} y={plot.top} width={step} height={plot.bottom - plot.top} fill="transparent" {...hoverProps(index)} />
          ))}
        </g>
        {ringed !== null && forecasts[ringed] && <PointRing cx={x(forecasts[ringed].month)} cy={y(millions(forecasts[ringed].forecastOutturn))} r={small ? 9 : 10} />}
        <g>
          {forecasts.map((point, index) => {
            const cx = x(point.month);
            const cy = y(millions(point.forecastOutturn));
            const common = {
              className: 'ccg-chart__point',
              role: 'img',
              'aria-label': forecastPointName(point),
              'aria-describedby': active === index ? tooltipId : undefined,
              'data-warning': point.warning ? 'true' : 'false',
              ...pointProps(index),
            };
            const r = small ? 5 : 6;
            return point.warning ? (
              <polygon key={point.month} points={`${cx},${cy - r - 1} ${cx + r + 1},${cy} ${cx},${cy + r + 1} ${cx - r - 1},${cy}`} fill={COLOURS.warning} stroke="#ffffff" strokeWidth="1" {...common} />
            ) : (
              <circle key={point.month} cx={cx} cy={cy} r={r - 1} fill={COLOURS.point} {...common} />
            );
          })}
        </g>
      </ChartFrame>
    </>
  );
}

function ForecastLegend() {
  return (
    <ul className="ccg-legend">
      <li>
        <Swatch>
          <line x1="1" x2="25" y1="7" y2="7" stroke={COLOURS.plan} strokeWidth="2" />
        </Swatch>
        Planned spend (approved plan)
      </li>
      <li>
        <Swatch>
          <line x1="1" x2="25" y1="7" y2="7" stroke={COLOURS.threshold} strokeWidth="1.5" strokeDasharray="6 4" />
        </Swatch>
        Warning threshold
      </li>
      <li>
        <Swatch>
          <line x1="1" x2="25" y1="7" y2="7" stroke={COLOURS.forecast} strokeWidth="1.5" />
          <circle cx="13" cy="7" r="4" fill={COLOURS.point} />
        </Swatch>
        Forecast outturn
      </li>
      <li>
        <Swatch>
          <polygon points="13,1 19,7 13,13 7,7" fill={COLOURS.warning} />
        </Swatch>
        Above the threshold
      </li>
    </ul>
  );
}

function ForecastTable({ title, forecasts }: { title: string; forecasts: readonly ForecastPoint[] }) {
  return (
    <TableContainer>
      {/* At phone width each month stacks into a card (app.css); explicit roles keep it a table to screen readers. */}
      <table className="nhsuk-table nhsuk-table--compact ccg-stack-table" role="table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">{title}: forecast outturn by month</caption>
        <thead className="nhsuk-table__head" role="rowgroup">
          <tr className="nhsuk-table__row" role="row">
            <th scope="col" role="columnheader" className="nhsuk-table__header">Month</th>
            <th scope="col" role="columnheader" className="nhsuk-table__header nhsuk-table__header--numeric">Forecast outturn</th>
            <th scope="col" role="columnheader" className="nhsuk-table__header nhsuk-table__header--numeric">Planned spend</th>
            <th scope="col" role="columnheader" className="nhsuk-table__header">Variance</th>
            <th scope="col" role="columnheader" className="nhsuk-table__header">Warning</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body" role="rowgroup">
          {forecasts.map((point) => (
            <tr key={point.month} className="nhsuk-table__row" role="row">
              <th scope="row" role="rowheader" className="nhsuk-table__header ccg-nowrap">
                {forecastMonthName(point.month)}
              </th>
              <td role="cell" className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">
                <CellLabel>Forecast outturn</CellLabel>
                {money(point.forecastOutturn).toDisplayString()}
              </td>
              <td role="cell" className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">
                <CellLabel>Planned spend</CellLabel>
                {money(point.plannedSpend).toDisplayString()}
              </td>
              <td role="cell" className="nhsuk-table__cell">
                <CellLabel>Variance</CellLabel>
                {varianceWords(point.variance)}
              </td>
              <td role="cell" className="nhsuk-table__cell">
                <CellLabel>Warning</CellLabel>
                {point.warning ? <strong className="nhsuk-tag nhsuk-tag--red">Above threshold</strong> : 'No'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
