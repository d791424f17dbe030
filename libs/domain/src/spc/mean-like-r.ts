/**
 * The arithmetic mean as R's `mean()` returns it, to the last bit in all but pathological cases.
 *
 * Why not `sum / n`: R (src/main/summary.c, `real_mean`) accumulates in long double and then adds
 * a refinement pass, so its result is the exact mean rounded once to a double. A plain double sum
 * loses low bits on long or large-valued series, and a limit that differs from the package's in
 * the last bits can flip a point that sits on it. So we sum without losing anything that matters
 * (cascaded, error-free TwoSum: the result is as if summed in twice double precision), then divide
 * with one correction step. NaN for no values, as R's `mean(numeric(0))`.
 */
export function meanLikeR(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  let high = 0;
  let low = 0;
  for (const x of values) {
    const sum = high + x;
    const virtual = sum - high;
    low += high - (sum - virtual) + (x - virtual);
    high = sum;
  }
  const total = high + low;
  const totalLow = low - (total - high);
  const quotient = total / n;
  // remainder = total + totalLow − quotient × n, with quotient × n taken exactly (Dekker).
  const [product, productError] = exactProduct(quotient, n);
  const remainder = total - product - productError + totalLow;
  return quotient + remainder / n;
}

const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp split of a double into two 26-bit halves)

function split(a: number): [number, number] {
  const c = SPLITTER * a;
  const high = c - (c - a);
  return [high, a - high];
}

/** a × b as an unevaluated sum product + error, exactly (Dekker's TwoProduct). */
function exactProduct(a: number, b: number): [number, number] {
  const product = a * b;
  const [aHigh, aLow] = split(a);
  const [bHigh, bLow] = split(b);
  const error = aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow;
  return [product, error];
}
