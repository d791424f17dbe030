import { addCalendarMonths, analyseSpc, type AnalyseSpcInput } from '@ccg-assure/domain';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';
import { asApi, dataOf, POINT_FIELDS, type Analysis } from './scorecards.fixtures';

/** Month i after January 2020 as yyyy-mm-01 (as the domain's own SPC tests write them). */
const month = (i: number): string => addCalendarMonths('2020-01-01', i);
const rep = <T>(value: T, times: number): T[] => Array<T>(times).fill(value);
const alternating = (n: number, low: number, high: number): number[] => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? low : high));

const SPC = `query($input: SpcInput!) { spcAnalysis(input: $input) { points { ${POINT_FIELDS} } variationType assuranceType shortGroupWarning } }`;

// spcAnalysis stores and reads nothing: an empty database serves it.
let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(db.dataSource);
});
afterAll(async () => {
  await server.close();
  await db.drop();
});

const query = <T>(q: string, variables?: Record<string, unknown>) => server.client().graphql<T>(q, variables);

describe('spcAnalysis: hand-worked series, each checked against analyseSpc itself', () => {
  /** Charts `values` (monthly from January 2020) through the API, and checks it equals the domain's own result. */
  async function chart(values: number[], options: Partial<Omit<AnalyseSpcInput, 'points'>> = {}): Promise<Analysis> {
    const input = { points: values.map((value, i) => ({ period: month(i), value })), improvementDirection: 'INCREASE' as const, ...options };
    const analysis = dataOf(await query<{ spcAnalysis: Analysis }>(SPC, { input })).spcAnalysis;
    expect(analysis).toEqual(asApi(analyseSpc(input)));
    return analysis;
  }
  const causes = (analysis: Analysis) => analysis.points.map((p) => p.specialCauseType);

  it('gives every point the mean and limits of its group: 10 12 11 13 12 has mean 11.6 and limits 7.61 to 15.59', async () => {
    const analysis = await chart([10, 12, 11, 13, 12]);
    for (const point of analysis.points) {
      expect(point.mean).toBe(11.6);
      expect(point.lowerProcessLimit).toBeCloseTo(7.61, 12);
      expect(point.upperProcessLimit).toBeCloseTo(15.59, 12);
      expect(point.specialCauseType).toBe('COMMON_CAUSE');
    }
    expect(analysis.variationType).toBe('COMMON_CAUSE');
  });

  it('flags a point above the upper limit and one below the lower limit, improvement or concern by direction', async () => {
    // Alternating 4, 6 with 20 and −10: mean 5, outliers' ranges screened out, limits −0.32 and 10.32.
    const values = alternating(24, 4, 6);
    values[5] = 20;
    values[16] = -10;
    const analysis = await chart(values);
    expect(analysis.points[0].lowerProcessLimit).toBeCloseTo(-0.32, 12);
    expect(analysis.points[0].upperProcessLimit).toBeCloseTo(10.32, 12);
    const expected = rep('COMMON_CAUSE', 24);
    expected[5] = 'ABOVE_UPPER_LIMIT';
    expected[16] = 'BELOW_LOWER_LIMIT';
    expect(causes(analysis)).toEqual(expected);
    expect([analysis.points[5].pointType, analysis.points[16].pointType]).toEqual(['SPECIAL_CAUSE_IMPROVEMENT', 'SPECIAL_CAUSE_CONCERN']);
    const decrease = await chart(values, { improvementDirection: 'DECREASE' });
    expect([decrease.points[5].pointType, decrease.points[16].pointType]).toEqual(['SPECIAL_CAUSE_CONCERN', 'SPECIAL_CAUSE_IMPROVEMENT']);
  });

  it('flags the seven points of a rising trend and of a falling trend', async () => {
    const rising = await chart([4, 6, 4, 1, 2, 3, 4, 5, 6, 7, 4, 6, 4, 6]);
    expect(causes(rising)).toEqual([...rep('COMMON_CAUSE', 3), ...rep('TREND_INCREASING', 7), ...rep('COMMON_CAUSE', 4)]);
    expect(rising.points[3].closeToLimits).toBe(true); // close, but the trend comes first
    const falling = await chart([4, 6, 4, 9, 8, 7, 6, 5, 4, 3, 4, 6, 4, 6]);
    expect(causes(falling)).toEqual([...rep('COMMON_CAUSE', 3), ...rep('TREND_DECREASING', 7), ...rep('COMMON_CAUSE', 4)]);
    expect(falling.points.slice(3, 10).map((p) => p.pointType)).toEqual(rep('SPECIAL_CAUSE_CONCERN', 7));
  });

  it('does not count a tie as a step of a trend', async () => {
    expect(causes(await chart([4, 6, 4, 1, 2, 3, 3, 4, 5, 6, 4, 6, 4, 6]))).toEqual(rep('COMMON_CAUSE', 14));
  });

  it('flags two of three points close to the upper limit, and mirrored, to the lower limit', async () => {
    // Alternating 4.5, 5.5 with 8 5.5 8 at months 10 to 12: mean 5.3, limits 1.52 and 9.08, close beyond 7.82.
    const values = alternating(20, 4.5, 5.5);
    values[9] = 8;
    values[10] = 5.5;
    values[11] = 8;
    const expected = rep('COMMON_CAUSE', 20);
    expected[9] = 'TWO_OF_THREE_ABOVE';
    expected[11] = 'TWO_OF_THREE_ABOVE';
    const above = await chart(values);
    expect(above.points[0].upperProcessLimit).toBeCloseTo(9.08, 12);
    expect(causes(above)).toEqual(expected);
    expect(above.points.map((p) => p.closeToLimits)).toEqual(expected.map((c) => c !== 'COMMON_CAUSE'));
    const below = await chart(values.map((v) => -v));
    expect(causes(below)).toEqual(expected.map((c) => c.replace('ABOVE', 'BELOW')));
  });

  it('flags seven points above the mean and seven below as shifts, broken by a point on the mean', async () => {
    const shifts = await chart([5.5, 6.5, 5.5, 6.5, 5.5, 6.5, 5.5, 4.5, 3.5, 4.5, 3.5, 4.5, 3.5, 4.5]);
    expect(causes(shifts)).toEqual([...rep('SHIFT_ABOVE', 7), ...rep('SHIFT_BELOW', 7)]);
    expect(shifts.points.map((p) => p.pointType)).toEqual([...rep('SPECIAL_CAUSE_IMPROVEMENT', 7), ...rep('SPECIAL_CAUSE_CONCERN', 7)]);
    const broken = await chart([6.5, 5.5, 6.5, 5, 6.5, 5.5, 6.5, 3.5, 4.5, 3.5, 4.5, 3.5, 4.5, 4]);
    expect(causes(broken)).toEqual([...rep('COMMON_CAUSE', 7), ...rep('SHIFT_BELOW', 7)]);
  });

  it('applies the rules in precedence: outside the limits before a trend', async () => {
    expect(causes(await chart([1, 2, 3, 4, 5, 6, 7]))).toEqual(['BELOW_LOWER_LIMIT', ...rep('TREND_INCREASING', 5), 'ABOVE_UPPER_LIMIT']);
  });

  it('recalculates from a rebase date and never runs a rule across it', async () => {
    const analysis = await chart([1, 2, 3, 4, 5, 6, 7], { rebaseDates: [month(3), '2019-06-01'] });
    expect(analysis.points.map((p) => p.rebaseGroup)).toEqual([0, 0, 0, 1, 1, 1, 1]);
    expect(analysis.points.map((p) => p.mean)).toEqual([2, 2, 2, 5.5, 5.5, 5.5, 5.5]);
    expect(analysis.points[0].lowerProcessLimit).toBeCloseTo(-0.66, 12);
    expect(analysis.points[6].upperProcessLimit).toBeCloseTo(8.16, 12);
    expect(causes(analysis)).toEqual(rep('COMMON_CAUSE', 7));
  });

  it('has null limits for a constant series, every point common cause, and hit and miss against a target', async () => {
    const analysis = await chart(rep(5, 8), { target: 4 });
    for (const point of analysis.points) {
      expect(point).toMatchObject({ mean: 5, lowerProcessLimit: null, upperProcessLimit: null, closeToLimits: false, specialCauseType: 'COMMON_CAUSE' });
    }
    expect(analysis.assuranceType).toBe('HIT_AND_MISS');
  });

  it('collapses the limits onto the mean when only zero ranges survive the screen', async () => {
    const analysis = await chart([...rep(5, 10), 6, 4]);
    expect(analysis.points[0]).toMatchObject({ mean: 5, lowerProcessLimit: 5, upperProcessLimit: 5 });
    expect(causes(analysis)).toEqual([...rep('COMMON_CAUSE', 10), 'ABOVE_UPPER_LIMIT', 'BELOW_LOWER_LIMIT']);
  });

  it('warns when a group has fewer than 13 points, and charts a single point', async () => {
    expect((await chart(alternating(12, 4, 6))).shortGroupWarning).toBe(true);
    expect((await chart(alternating(13, 4, 6))).shortGroupWarning).toBe(false);
    expect((await chart(alternating(26, 4, 6), { rebaseDates: [month(14)] })).shortGroupWarning).toBe(true);
    const single = await chart([42], { target: 40 });
    expect(single.points).toEqual([{ period: '2020-01-01', value: 42, mean: 42, lowerProcessLimit: null, upperProcessLimit: null, closeToLimits: false, specialCauseType: 'COMMON_CAUSE', pointType: 'COMMON_CAUSE', rebaseGroup: 0 }]);
  });

  it('reports neutral high and low special causes and no assurance for a NEUTRAL direction', async () => {
    const high = await chart([1, 2, 3, 4, 5, 6, 7], { improvementDirection: 'NEUTRAL', target: 3 });
    expect(high.variationType).toBe('SPECIAL_CAUSE_NEUTRAL_HIGH');
    expect(high.assuranceType).toBeNull();
    expect((await chart([7, 6, 5, 4, 3, 2, 1], { improvementDirection: 'NEUTRAL' })).variationType).toBe('SPECIAL_CAUSE_NEUTRAL_LOW');
  });

  it('assures against the latest rebase group: consistent pass, consistent fail, hit and miss, none without a target', async () => {
    // 10 12 11 13 12 | 30 32 31 33 32: the latest group's limits are 27.61 and 35.59.
    const values = [10, 12, 11, 13, 12, 30, 32, 31, 33, 32];
    const assurance = async (target: number | null, improvementDirection: AnalyseSpcInput['improvementDirection']) =>
      (await chart(values, { target, improvementDirection, rebaseDates: [month(5)] })).assuranceType;
    expect(await assurance(20, 'INCREASE')).toBe('CONSISTENT_PASS');
    expect(await assurance(20, 'DECREASE')).toBe('CONSISTENT_FAIL');
    expect(await assurance(40, 'INCREASE')).toBe('CONSISTENT_FAIL');
    expect(await assurance(40, 'DECREASE')).toBe('CONSISTENT_PASS');
    expect(await assurance(31, 'INCREASE')).toBe('HIT_AND_MISS');
    expect(await assurance(null, 'INCREASE')).toBeNull();
  });

  it('sorts the points by period', async () => {
    const input = { points: [{ period: '2020-03-01', value: 3 }, { period: '2020-01-01', value: 1 }, { period: '2020-02-01', value: 2 }], improvementDirection: 'INCREASE' };
    const response = await query<{ spcAnalysis: Analysis }>(SPC, { input });
    expect(response.data?.spcAnalysis.points.map((p) => p.period)).toEqual(['2020-01-01', '2020-02-01', '2020-03-01']);
  });

  it.each([
    ['no points', { points: [] }, 'SPC_NO_POINTS'],
    ['a period given twice', { points: [{ period: '2020-01-01', value: 1 }, { period: '2020-01-01', value: 2 }] }, 'SPC_DUPLICATE_PERIOD'],
    ['a value too large to chart', { points: [{ period: '2020-01-01', value: 1e101 }] }, 'SPC_VALUE_OUT_OF_RANGE'],
    ['more than 1000 points', { points: Array.from({ length: 1001 }, (_, i) => ({ period: addCalendarMonths('1900-01-01', i), value: i })) }, 'VALIDATION_FAILED'],
  ])('refuses %s with BAD_USER_INPUT and the reason', async (_name, change, reason) => {
    const response = await query(SPC, { input: { improvementDirection: 'INCREASE', ...change } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });

  it('refuses a period that is not a calendar date and an unknown direction before running anything', async () => {
    const badDate = await query(SPC, { input: { points: [{ period: '2021-02-29', value: 1 }], improvementDirection: 'INCREASE' } });
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badDirection = await query(SPC, { input: { points: [{ period: '2021-02-01', value: 1 }], improvementDirection: 'UP' } });
    expect(badDirection.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
