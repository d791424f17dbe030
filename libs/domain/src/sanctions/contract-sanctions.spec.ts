import fc from 'fast-check';
import { Money, Percentage } from '../money';
import {
  calculateContractSanctions,
  calculateContractWithholding,
  calculateFourHourSanction,
  fourHourExcessBreaches,
  isSanctionCode,
  sanctionContractYears,
  sanctionRateFor,
  sanctionScheduleOf,
  SanctionScheduleEntry,
} from './contract-sanctions';

// The schedule is data (decision 0023): these rows are the 2013/14 national sanctions as the database seeds them
// (DOMAIN.md "Provider performance management"; the migration's int-spec checks the seeded rows equal them).
const national = (code: string, countUnit: SanctionScheduleEntry['countUnit'], pounds: string): SanctionScheduleEntry => ({
  code,
  scope: 'NATIONAL',
  contractYear: '2013/14',
  description: code,
  countUnit,
  unitValue: Money.parse(pounds),
  measure: null,
  sources: [{ basis: 'REF', document: 'NHS Standard Contract 2013/14', locator: 'Schedule 4', text: `£${pounds}` }],
});
const NATIONAL_2013_14: SanctionScheduleEntry[] = [
  national('RTT_52_WEEK_WAIT', 'BREACH', '5000'),
  national('TROLLEY_WAIT_12_HOURS', 'BREACH', '1000'),
  national('AMBULANCE_HANDOVER_30_TO_60_MINUTES', 'BREACH', '200'),
  national('AMBULANCE_HANDOVER_OVER_60_MINUTES', 'BREACH', '1000'),
  national('MIXED_SEX_ACCOMMODATION_BREACH', 'PATIENT_DAY', '250'),
];
/** An illustrative local A&E rate of a 2016/17 contract (no national A&E sanction applied that year, decision 0023). */
const LOCAL_AE_2016_17: SanctionScheduleEntry = {
  code: 'LOCAL_AE_4HR',
  scope: 'LOCAL',
  contractYear: '2016/17',
  description: 'Each A&E attendance over four hours beyond the standard’s tolerance.',
  countUnit: 'BREACH_BEYOND_TOLERANCE',
  unitValue: Money.parse('120.50'),
  measure: 'AE_FOUR_HOUR_WAIT',
  sources: [],
};
const CODES = NATIONAL_2013_14.map((row) => row.code);

const amounts = (counts: Record<string, number>, schedule = NATIONAL_2013_14, contractYear = '2013/14') => {
  const result = calculateContractSanctions({ contractYear, schedule, counts: Object.entries(counts).map(([sanction, count]) => ({ sanction, count })) });
  return { lines: Object.fromEntries(result.lines.map((l) => [l.sanction, l.amount.toString()])), total: result.total.toString() };
};

describe('contract sanctions priced by schedule rows', () => {
  it.each([
    ['RTT_52_WEEK_WAIT', 3, '15000.00'],
    ['TROLLEY_WAIT_12_HOURS', 2, '2000.00'],
    ['AMBULANCE_HANDOVER_30_TO_60_MINUTES', 69, '13800.00'],
    ['AMBULANCE_HANDOVER_OVER_60_MINUTES', 2, '2000.00'],
    ['MIXED_SEX_ACCOMMODATION_BREACH', 7, '1750.00'], // one patient for a week, or seven patients for a day
    ['RTT_52_WEEK_WAIT', 0, '0.00'],
  ] as const)('charges %s x %p as £%s under the 2013/14 rows', (code, count, expected) => {
    const result = amounts({ [code]: count });
    expect(result.lines[code]).toBe(expected);
    expect(result.total).toBe(expected);
  });

  it('charges the two ambulance-handover bands separately, not cumulatively', () => {
    // [ref] Express & Star, 28 June 2017: the Royal Wolverhampton was fined £15,800 for 69 patients waiting
    // 30-60 minutes at £200 and two waiting over an hour at £1,000: 69 x 200 + 2 x 1,000 = 13,800 + 2,000.
    expect(amounts({ AMBULANCE_HANDOVER_30_TO_60_MINUTES: 69, AMBULANCE_HANDOVER_OVER_60_MINUTES: 2 }).total).toBe('15800.00');
  });

  it('lists every sanction of the year in the rows’ order, zero where nothing was counted, and totals them', () => {
    const result = calculateContractSanctions({
      contractYear: '2013/14',
      schedule: [...NATIONAL_2013_14, LOCAL_AE_2016_17],
      counts: [
        { sanction: 'MIXED_SEX_ACCOMMODATION_BREACH', count: 4 },
        { sanction: 'RTT_52_WEEK_WAIT', count: 1 },
      ],
    });
    expect(result.contractYear).toBe('2013/14');
    expect(result.lines.map((l) => [l.sanction, l.scope, l.count, l.amount.toString()])).toEqual([
      ['RTT_52_WEEK_WAIT', 'NATIONAL', 1, '5000.00'],
      ['TROLLEY_WAIT_12_HOURS', 'NATIONAL', 0, '0.00'],
      ['AMBULANCE_HANDOVER_30_TO_60_MINUTES', 'NATIONAL', 0, '0.00'],
      ['AMBULANCE_HANDOVER_OVER_60_MINUTES', 'NATIONAL', 0, '0.00'],
      ['MIXED_SEX_ACCOMMODATION_BREACH', 'NATIONAL', 4, '1000.00'],
    ]);
    // 5,000 + 4 x 250 = 6,000
    expect(result.total.toDisplayString()).toBe('£6,000.00');
    expect(calculateContractSanctions({ contractYear: '2013/14', schedule: NATIONAL_2013_14, counts: [] }).total.isZero()).toBe(true);
  });

  it('prices a local sanction at the contract’s own rate, to the penny', () => {
    // 37 x £120.50 = £4,458.50
    expect(amounts({ LOCAL_AE_4HR: 37 }, [LOCAL_AE_2016_17], '2016/17').total).toBe('4458.50');
  });

  it('takes the values from the rows given, never from code: an edited rate prices at the new value', () => {
    const edited = NATIONAL_2013_14.map((row) => (row.code === 'RTT_52_WEEK_WAIT' ? { ...row, unitValue: Money.parse('5000.01') } : row));
    expect(amounts({ RTT_52_WEEK_WAIT: 3 }, edited).total).toBe('15000.03');
  });

  it('reads the years the rows hold and a year’s rows', () => {
    expect(sanctionContractYears([LOCAL_AE_2016_17, ...NATIONAL_2013_14])).toEqual(['2013/14', '2016/17']);
    expect(sanctionScheduleOf([LOCAL_AE_2016_17, ...NATIONAL_2013_14], '2013/14').map((row) => row.code)).toEqual(CODES);
  });

  it.each([
    [{ contractYear: '2014/15', schedule: NATIONAL_2013_14, counts: [] }, 'UNKNOWN_CONTRACT_YEAR', { contractYear: '2014/15', known: ['2013/14'] }],
    [{ contractYear: '2013/14', schedule: NATIONAL_2013_14, counts: [{ sanction: 'FOUR_HOUR_WAIT', count: 1 }] }, 'UNKNOWN_SANCTION', { field: 'counts[0]', sanction: 'FOUR_HOUR_WAIT' }],
    [{ contractYear: '2013/14', schedule: NATIONAL_2013_14, counts: [{ sanction: 'RTT_52_WEEK_WAIT', count: -1 }] }, 'INVALID_SANCTION_COUNT', { count: '-1' }],
    [{ contractYear: '2013/14', schedule: NATIONAL_2013_14, counts: [{ sanction: 'RTT_52_WEEK_WAIT', count: 1.5 }] }, 'INVALID_SANCTION_COUNT', { count: '1.5' }],
    [{ contractYear: '2013/14', schedule: NATIONAL_2013_14, counts: [{ sanction: 'RTT_52_WEEK_WAIT', count: Number.NaN }] }, 'INVALID_SANCTION_COUNT', { count: 'NaN' }],
    [
      { contractYear: '2013/14', schedule: NATIONAL_2013_14, counts: [{ sanction: 'RTT_52_WEEK_WAIT', count: 1 }, { sanction: 'RTT_52_WEEK_WAIT', count: 2 }] },
      'DUPLICATE_SANCTION_COUNT',
      { field: 'counts[1]', sanction: 'RTT_52_WEEK_WAIT' },
    ],
  ] as const)('rejects %p with %s', (input, code, details) => {
    expect(() => calculateContractSanctions(input)).toThrow(expect.objectContaining({ code, details: expect.objectContaining(details) }));
  });

  it('totals exactly the sum of value x count over the sanctions', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100000 }), { minLength: 5, maxLength: 5 }), (counts) => {
        const result = calculateContractSanctions({ contractYear: '2013/14', schedule: NATIONAL_2013_14, counts: CODES.map((sanction, i) => ({ sanction, count: counts[i] })) });
        const expected = Money.sum(NATIONAL_2013_14.map((s, i) => s.unitValue.times(counts[i])));
        expect(result.total).toEqual(expected);
        expect(result.total).toEqual(Money.sum(result.lines.map((l) => l.amount)));
      }),
    );
  });

  it.each([
    ['RTT_52_WEEK_WAIT', true],
    ['LOCAL_AE_4HR', true],
    ['rtt', false],
    ['_X', false],
    ['A', false],
    ['A-B', false],
    [42, false],
  ] as const)('reads %p as a sanction code: %p', (value, expected) => {
    expect(isSanctionCode(value)).toBe(expected);
  });
});

describe('the A&E four-hour sanction from the data', () => {
  const ninetyFive = Percentage.parse('95');

  it.each([
    // RR8 Leeds Teaching Hospitals, ae_attendances.csv, all department types (type 1 + other)
    ['April 2016', 16500 + 1884, 1792, 919, 873],
    ['May 2016', 18873 + 2307, 2040, 1059, 981],
    // A month within the standard: no excess
    ['within', 20000, 1000, 1000, 0],
    ['none', 0, 0, 0, 0],
  ])('%s: %p attendances with %p breaches tolerate %p and exceed by %p', (_name, attendances, breaches, tolerated, excess) => {
    expect(fourHourExcessBreaches({ attendances, breaches, standardPercent: ninetyFive })).toEqual({ toleratedBreaches: tolerated, excessBreaches: excess });
  });

  it('tolerates whole patients only: 5% of 18,873 is 943.65, so 943 are tolerated and the 944th breach counts', () => {
    expect(fourHourExcessBreaches({ attendances: 18873, breaches: 944, standardPercent: ninetyFive })).toEqual({ toleratedBreaches: 943, excessBreaches: 1 });
    expect(fourHourExcessBreaches({ attendances: 18873, breaches: 943, standardPercent: ninetyFive }).excessBreaches).toBe(0);
  });

  it('reads a local threshold exactly: 92.5% of 1,000 attendances tolerates 75 breaches', () => {
    expect(fourHourExcessBreaches({ attendances: 1000, breaches: 100, standardPercent: Percentage.parse('92.5') })).toEqual({ toleratedBreaches: 75, excessBreaches: 25 });
  });

  it('prices the excess at the local rate to the penny: RR8, April 2016, 873 x £120.50 = £105,196.50', () => {
    const result = calculateFourHourSanction(LOCAL_AE_2016_17, { attendances: 18384, breaches: 1792, standardPercent: ninetyFive });
    expect(result).toMatchObject({ sanction: 'LOCAL_AE_4HR', scope: 'LOCAL', toleratedBreaches: 919, excessBreaches: 873 });
    expect(result.amount.toString()).toBe('105196.50');
  });

  it('refuses a rate that is not measured by A&E four-hour waits', () => {
    expect(() => calculateFourHourSanction(NATIONAL_2013_14[0], { attendances: 10, breaches: 1, standardPercent: ninetyFive })).toThrow(
      expect.objectContaining({ code: 'SANCTION_NOT_MEASURED', details: { sanction: 'RTT_52_WEEK_WAIT' } }),
    );
  });

  it.each([
    [{ attendances: 10, breaches: 11 }, 'INVALID_ATTENDANCES'],
    [{ attendances: -1, breaches: 0 }, 'INVALID_ATTENDANCES'],
    [{ attendances: 10.5, breaches: 0 }, 'INVALID_ATTENDANCES'],
  ])('refuses %p with %s', (month, code) => {
    expect(() => fourHourExcessBreaches({ ...month, standardPercent: ninetyFive })).toThrow(expect.objectContaining({ code }));
  });

  it.each(['0', '100.01', '-5'])('refuses a standard of %s%%', (standard) => {
    expect(() => fourHourExcessBreaches({ attendances: 10, breaches: 1, standardPercent: Percentage.parse(standard) })).toThrow(expect.objectContaining({ code: 'INVALID_STANDARD' }));
  });

  it('picks the national rate of the year when the year’s contract has one, else the contract’s local rate, else none', () => {
    const nationalAe: SanctionScheduleEntry = { ...LOCAL_AE_2016_17, code: 'AE_4HR', scope: 'NATIONAL', unitValue: Money.parse('120') };
    expect(sanctionRateFor('AE_FOUR_HOUR_WAIT', '2016/17', [...NATIONAL_2013_14, nationalAe], [LOCAL_AE_2016_17])?.code).toBe('AE_4HR');
    expect(sanctionRateFor('AE_FOUR_HOUR_WAIT', '2016/17', NATIONAL_2013_14, [LOCAL_AE_2016_17])?.code).toBe('LOCAL_AE_4HR');
    expect(sanctionRateFor('AE_FOUR_HOUR_WAIT', '2017/18', NATIONAL_2013_14, [LOCAL_AE_2016_17])).toBeNull();
    expect(sanctionRateFor('AE_FOUR_HOUR_WAIT', '2013/14', NATIONAL_2013_14, [])).toBeNull();
  });

  it('never tolerates more than the share the standard allows, nor counts an excess below zero', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.nat({ max: 1_000_000 }), (attendances, b) => {
        const breaches = attendances === 0 ? 0 : b % (attendances + 1);
        const { toleratedBreaches, excessBreaches } = fourHourExcessBreaches({ attendances, breaches, standardPercent: ninetyFive });
        expect(toleratedBreaches * 100).toBeLessThanOrEqual(attendances * 5);
        expect((toleratedBreaches + 1) * 100).toBeGreaterThan(attendances * 5);
        expect(excessBreaches).toBe(Math.max(0, breaches - toleratedBreaches));
      }),
    );
  });
});

describe('the GC9 withholding: a share of the monthly contract value', () => {
  it.each([
    ['120000000.00', '2', '10000000.00', '200000.00'],
    // £100,000,000.01 x 2% / 12 = £166,666.6668...: rounded once, DOWN
    ['100000000.01', '2', '8333333.33', '166666.66'],
    // £250,000,000 x 2% / 12 = £416,666.666...: never more than the share allowed
    ['250000000.00', '2', '20833333.33', '416666.66'],
    ['1200.00', '2.5', '100.00', '2.50'],
    ['0.00', '2', '0.00', '0.00'],
    ['120000000.00', '0', '10000000.00', '0.00'],
  ])('%s a year at %s%% is %s a month, of which %s is withheld', (annual, percent, monthly, withheld) => {
    const result = calculateContractWithholding(Money.parse(annual), Percentage.parse(percent));
    expect(result.monthlyValue.toString()).toBe(monthly);
    expect(result.amount.toString()).toBe(withheld);
    expect(result.withholdingPercent.toString()).toBe(percent);
  });

  it('is exact from the annual pence, rounded once: never more than the exact share, and less by under a penny', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 99_999_999_999_999n }), fc.integer({ min: 0, max: 10000 }), (pence, hundredths) => {
        const percent = Percentage.parse((hundredths / 100).toFixed(2));
        const { amount } = calculateContractWithholding(Money.fromPence(pence), percent);
        // amount <= pence x p / 1200 < amount + 1p, in integers: amount x 120000 <= pence x hundredths < (amount + 1) x 120000
        expect(amount.pence * 120000n <= pence * BigInt(hundredths)).toBe(true);
        expect((amount.pence + 1n) * 120000n > pence * BigInt(hundredths)).toBe(true);
      }),
    );
  });

  it.each([
    ['-1.00', '2', 'INVALID_CONTRACT_VALUE'],
    ['100.00', '100.5', 'INVALID_WITHHOLDING_PERCENT'],
    ['100.00', '-1', 'INVALID_WITHHOLDING_PERCENT'],
  ])('refuses %s at %s%% with %s', (annual, percent, code) => {
    expect(() => calculateContractWithholding(Money.parse(annual), Percentage.parse(percent))).toThrow(expect.objectContaining({ code }));
  });
});
