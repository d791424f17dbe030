import { scaleBand, scaleIdentity, type ScaleBand } from 'd3-scale';

/** Space kept round the plot for axis labels, in pixels. */
export interface ChartMargin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Where the data is drawn inside the SVG, in pixels from its top left. */
export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function plotArea(width: number, height: number, margin: ChartMargin): PlotArea {
  return { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
}

/** A value axis: where each value is drawn, the values at its ends and the round values to mark on it. */
export interface ValueAxis {
  /** The position of a value along the axis, in pixels (linear; values beyond the ends fall outside the range). */
  scale: (value: number) => number;
  /** The values at the two ends of the axis: round, and covering every value charted. */
  domain: [number, number];
  ticks: number[];
}

/**
 * A linear axis from the values' extent onto `range`, widened to round ticks (d3's `nice`: steps of 1, 2 or
 * 5 times a power of ten) so that axes read as people expect. A flat series is given some room either side;
 * no values at all chart as 0 to 1.
 */
export function valueAxis(bounds: readonly [number, number] | null, range: readonly [number, number], tickCount: number): ValueAxis {
  let [lo, hi] = bounds ?? [0, 1];
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.05;
    lo -= pad;
    hi += pad;
  }
  // d3's identity scale has the linear scale's own `nice` and `ticks`, without the interpolators and colour parsing
  // that `scaleLinear` brings into every chart page's script (about 5 kB gzip: issue 19 point 5, decision 0011).
  // Values to pixels is then a straight line through the ends, as `scaleLinear` draws it.
  const round = scaleIdentity().domain([lo, hi]).nice(tickCount);
  const [d0, d1] = round.domain() as [number, number];
  const [r0, r1] = range;
  const scale = (value: number) => {
    const t = (value - d0) / (d1 - d0);
    return r0 * (1 - t) + r1 * t;
  };
  return { scale, domain: [d0, d1], ticks: round.ticks(tickCount) };
}

/** Equal slots across the plot, one per key (a month, an assessment), with no gap between them. */
export interface SlotAxis<K extends string | number> {
  scale: ScaleBand<K>;
  /** The width of one slot. */
  step: number;
  /** The left edge of a key's slot; a key not on the axis takes the first slot. */
  start: (key: K) => number;
  /** The middle of a key's slot, where its point is drawn. */
  centre: (key: K) => number;
}

export function slotAxis<K extends string | number>(keys: readonly K[], range: readonly [number, number]): SlotAxis<K> {
  const scale = scaleBand<K>().domain(keys).range(range).padding(0);
  const step = scale.bandwidth();
  const start = (key: K) => scale(key) ?? range[0];
  return { scale, step, start, centre: (key) => start(key) + step / 2 };
}

/** The smallest and largest of the finite numbers given (nulls ignored); null when there are none. */
export function extent(values: ReadonlyArray<number | null | undefined>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const value of values) {
    if (value === null || value === undefined || !Number.isFinite(value)) continue;
    lo = Math.min(lo, value);
    hi = Math.max(hi, value);
  }
  return lo <= hi ? [lo, hi] : null;
}
