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
    // The same steps as RunningMeanLikeR.add: the two must stay alike, operation for operation.
    const sum = high + x;
    const virtual = sum - high;
    low += high - (sum - virtual) + (x - virtual);
    high = sum;
  }
  return meanOfSum(high, low, n);
}

/**
 * `meanLikeR` of a sequence that grows one value at a time: after `add`ing x1..xn, `mean()` is `meanLikeR([x1..xn])`
 * to the bit, since the sum is carried by the very same steps in the very same order (the analysis as at each period
 * reads the mean of every prefix of a group, one addition each instead of a pass over the prefix).
 */
export class RunningMeanLikeR {
  private high = 0;
  private low = 0;
  private n = 0;

  add(x: number): void {
    const high = this.high;
    const sum = high + x;
    const virtual = sum - high;
    this.low += high - (sum - virtual) + (x - virtual);
    this.high = sum;
    this.n += 1;
  }

  /** Back to no values. */
  clear(): void {
    this.high = 0;
    this.low = 0;
    this.n = 0;
  }

  get count(): number {
    return this.n;
  }

  mean(): number {
    return this.n === 0 ? Number.NaN : meanOfSum(this.high, this.low, this.n);
  }
}

const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp split of a double into two 26-bit halves)

/**
 * The mean of n values whose sum is the unevaluated pair high + low: divide, then correct once by the remainder
 * total + totalLow − quotient × n, with quotient × n taken exactly (Dekker's TwoProduct, its splits written out so
 * that no array is made per call).
 */
function meanOfSum(high: number, low: number, n: number): number {
  const total = high + low;
  const totalLow = low - (total - high);
  const quotient = total / n;
  const product = quotient * n;
  let c = SPLITTER * quotient;
  const quotientHigh = c - (c - quotient);
  const quotientLow = quotient - quotientHigh;
  c = SPLITTER * n;
  const nHigh = c - (c - n);
  const nLow = n - nHigh;
  const productError = quotientHigh * nHigh - product + quotientHigh * nLow + quotientLow * nHigh + quotientLow * nLow;
  const remainder = total - product - productError + totalLow;
  return quotient + remainder / n;
}
