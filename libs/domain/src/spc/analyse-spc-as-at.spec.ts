import fc from 'fast-check';
import { DomainError } from '../errors';
import { analyseSpc } from './analyse-spc';
import { analyseSpcAsAtEachPeriod, type SpcAsAt } from './analyse-spc-as-at';
import { IMPROVEMENT_DIRECTIONS, type AnalyseSpcInput, type SpcObservation, type SpcPoint } from './spc-vocabulary';

// `analyseSpcAsAtEachPeriod` must say of every prefix exactly what `analyseSpc` says of it (the stored scores keep a
// series' verdicts as at every month, decision 0021): compared here field for field (Object.is on every number, so
// to the bit, -0 included) with a fresh `analyseSpc` of each prefix of the points in period order.

const month = (i: number): string => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;

/** What `analyseSpc` says of the points up to and including each one, in period order: the reference. */
function freshAsAtEachPeriod(input: AnalyseSpcInput): SpcAsAt[] {
  const sorted = [...input.points].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  return sorted.map((_, k) => {
    const analysis = analyseSpc({ ...input, points: sorted.slice(0, k + 1) });
    return {
      latest: analysis.points[analysis.points.length - 1],
      variationType: analysis.variationType,
      assuranceType: analysis.assuranceType,
      shortGroupWarning: analysis.shortGroupWarning,
    };
  });
}

/** Every prefix compared, counted so that the test shows it compared what it claims to. */
let prefixesCompared = 0;

/** Field for field with Object.is (so to the bit, and -0 apart from 0, which toEqual would take for the same). */
function sameAsAt(a: SpcAsAt, b: SpcAsAt): boolean {
  const [p, q] = [a.latest, b.latest];
  return (
    Object.keys(p).length === Object.keys(q).length &&
    (Object.keys(q) as (keyof SpcPoint)[]).every((field) => Object.is(p[field], q[field])) &&
    a.variationType === b.variationType &&
    a.assuranceType === b.assuranceType &&
    a.shortGroupWarning === b.shortGroupWarning &&
    Object.keys(a).length === Object.keys(b).length
  );
}

function expectSameAsFresh(input: AnalyseSpcInput): void {
  const fast = analyseSpcAsAtEachPeriod(input);
  const fresh = freshAsAtEachPeriod(input);
  expect(fast).toHaveLength(fresh.length);
  for (let k = 0; k < fresh.length; k += 1) {
    // On a difference, toEqual shows it (and fails even where only the sign of a zero differs, through the flag).
    if (!sameAsAt(fast[k], fresh[k])) expect({ k, sameToTheBit: false, ...fast[k] }).toEqual({ k, sameToTheBit: true, ...fresh[k] });
    prefixesCompared += 1;
  }
}

// Values: shapes that make every rule fire, including on the thresholds.
const wide = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60, size: 'max' });
/** Small steps: runs, trends, ties, 2 of 3 often. */
const walk = fc
  .array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 80, size: 'max' })
  .map((steps) => steps.map((_, i) => steps.slice(0, i + 1).reduce((a, b) => a + b, 0)));
/** Few distinct values: many ties with the mean and zero moving ranges. */
const fewValues = fc.array(fc.constantFrom(5, 5, 5, 6, 7), { minLength: 1, maxLength: 40, size: 'max' });
const constant = fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 40 })).map(([x, n]) => Array<number>(n).fill(x));
/** Percentages around a standard with noise and spikes: ranges cross the screening threshold back and forth. */
const spiky = fc
  .array(fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.nat({ max: 9 }), fc.double({ min: -40, max: 40, noNaN: true })), { minLength: 1, maxLength: 80, size: 'max' })
  .map((xs) => xs.map(([noise, spike, jump]) => 92 + noise + (spike === 0 ? jump : 0)));
/** Fractions (sevenths) and large magnitudes, where the mean's last bits matter. */
const fractions = fc.array(fc.integer({ min: -700, max: 700 }), { minLength: 1, maxLength: 50, size: 'max' }).map((xs) => xs.map((x) => x / 7));
const large = fc.array(fc.double({ min: -1e90, max: 1e90, noNaN: true }), { minLength: 1, maxLength: 30, size: 'max' });
const values = fc.oneof(wide, walk, fewValues, constant, spiky, fractions, large);

/** A point's own target: absent (the input's), null (none) or a number. */
const pointTarget = fc.oneof(fc.constant(undefined), fc.constant(null), fc.double({ min: -50, max: 150, noNaN: true }), fc.integer({ min: 80, max: 100 }));

const input: fc.Arbitrary<AnalyseSpcInput> = values.chain((xs) =>
  fc
    .record({
      // Gaps between periods (a missing month is no gap to the chart) and shuffled input order (it sorts).
      gaps: fc.array(fc.nat({ max: 2 }), { minLength: xs.length, maxLength: xs.length }),
      shuffle: fc.boolean(),
      improvementDirection: fc.constantFrom(...IMPROVEMENT_DIRECTIONS),
      target: fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: -5, max: 100 }), fc.double({ min: -2000, max: 2000, noNaN: true })),
      pointTargets: fc.option(fc.array(pointTarget, { minLength: xs.length, maxLength: xs.length }), { nil: undefined }),
      // Rebases at points (the first included sometimes) and at dates that match no point.
      rebaseAt: fc.uniqueArray(fc.nat({ max: Math.max(0, xs.length * 3) }), { maxLength: 4 }),
      fixAfterNPoints: fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: 12, max: 20 })),
      order: fc.array(fc.nat(), { minLength: xs.length, maxLength: xs.length }),
    })
    .map(({ gaps, shuffle, improvementDirection, target, pointTargets, rebaseAt, fixAfterNPoints, order }) => {
      let index = 0;
      const points: SpcObservation[] = xs.map((value, i) => {
        index += 1 + gaps[i];
        const point: SpcObservation = { period: month(index), value };
        if (pointTargets && pointTargets[i] !== undefined) point.target = pointTargets[i];
        return point;
      });
      const ordered = shuffle ? points.map((point, i) => ({ point, key: order[i] })).sort((a, b) => a.key - b.key).map(({ point }) => point) : points;
      return { points: ordered, improvementDirection, target, rebaseDates: rebaseAt.map(month), fixAfterNPoints };
    }),
);

describe('analyseSpcAsAtEachPeriod', () => {
  it('says of every prefix exactly what a fresh analyseSpc of it says, for random series (rebases, baselines, targets, directions, ties)', () => {
    const before = prefixesCompared;
    fc.assert(fc.property(input, (spcInput) => expectSameAsFresh(spcInput)), { numRuns: 3000 });
    // At least as many prefixes as the series' lengths make likely: the comparison really ran.
    expect(prefixesCompared - before).toBeGreaterThan(60_000);
  });

  it.each([
    ['a constant series (no limits)', [3, 3, 3, 3, 3, 3, 3, 3]],
    ['one point', [42]],
    ['limits that collapse onto the mean', [5, 5, 5, 5, 6, 5, 5, 5, 5, 7]],
    // Range 10 is kept while it is the only one, dropped as zero ranges pull the average down, kept again after spikes.
    ['a moving range screened out, then kept again', [0, 10, 10, 10, 10, 10, 10, 0, 40, 0, 40, 0, 40, 10, 10, 10, 10, 10, 10, 10, 10]],
    ['a rising trend meeting a falling one on a tie', [1, 2, 3, 4, 5, 6, 7, 7, 6, 5, 4, 3, 2, 1]],
    ['seven on one side of a moving mean', [10, 10, 10, 10, 10, 10, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1]],
    ['two of three close to a limit', [10, 11, 9, 10, 11, 9, 10, 14, 14.2, 10, 6, 5.9, 10]],
  ])('says what analyseSpc says of every prefix: %s', (_name, xs) => {
    for (const improvementDirection of IMPROVEMENT_DIRECTIONS) {
      expectSameAsFresh({ points: xs.map((value, i) => ({ period: month(i), value })), improvementDirection, target: 8 });
      expectSameAsFresh({ points: xs.map((value, i) => ({ period: month(i), value })), improvementDirection, rebaseDates: [month(0), month(5)] });
    }
  });

  it('fixes each rebase group’s limits after its baseline of n points, as analyseSpc does for every prefix', () => {
    const xs = Array.from({ length: 50 }, (_, i) => 90 + ((i * 37) % 11) - (i > 30 ? 6 : 0));
    expectSameAsFresh({ points: xs.map((value, i) => ({ period: month(i), value })), improvementDirection: 'INCREASE', target: 95, fixAfterNPoints: 12 });
    expectSameAsFresh({ points: xs.map((value, i) => ({ period: month(i), value })), improvementDirection: 'DECREASE', fixAfterNPoints: 12, rebaseDates: [month(20), month(45)] });
  });

  it.each([
    ['no points', { points: [], improvementDirection: 'INCREASE' }, 'SPC_NO_POINTS'],
    ['a duplicate period', { points: [{ period: '2020-01-01', value: 1 }, { period: '2020-01-01', value: 2 }], improvementDirection: 'INCREASE' }, 'SPC_DUPLICATE_PERIOD'],
    ['a value not finite', { points: [{ period: '2020-01-01', value: Number.NaN }], improvementDirection: 'INCREASE' }, 'SPC_NON_FINITE_VALUE'],
    ['a baseline under 12', { points: [{ period: '2020-01-01', value: 1 }], improvementDirection: 'INCREASE', fixAfterNPoints: 5 }, 'SPC_INVALID_FIX_AFTER_N_POINTS'],
    ['an unknown direction', { points: [{ period: '2020-01-01', value: 1 }], improvementDirection: 'UP' }, 'SPC_INVALID_IMPROVEMENT_DIRECTION'],
  ])('refuses %s with the error analyseSpc throws', (_name, bad, code) => {
    const refusal = (analyse: (input: AnalyseSpcInput) => unknown): unknown => {
      try {
        analyse(bad as AnalyseSpcInput);
      } catch (error) {
        return error instanceof DomainError ? error.code : error;
      }
      return 'no error';
    };
    expect(refusal(analyseSpcAsAtEachPeriod)).toBe(code);
    expect(refusal(analyseSpc)).toBe(code);
  });
});
