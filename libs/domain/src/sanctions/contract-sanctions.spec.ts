import fc from 'fast-check';
import { Money } from '../money';
import {
  calculateContractSanctions,
  findSanctionSchedule,
  listSanctionContractYears,
  SanctionCode,
  SANCTION_CODES,
  SANCTION_SCHEDULES,
} from './contract-sanctions';

const amounts = (contractYear: string, counts: Partial<Record<SanctionCode, number>>) => {
  const result = calculateContractSanctions({
    contractYear,
    counts: Object.entries(counts).map(([sanction, count]) => ({ sanction: sanction as SanctionCode, count })),
  });
  return { lines: Object.fromEntries(result.lines.map((l) => [l.sanction, l.amount.toString()])), total: result.total.toString() };
};

describe('national contract sanctions, 2013/14 [ref]', () => {
  it('holds the 2013/14 values of DOMAIN.md as data', () => {
    const values = Object.fromEntries(findSanctionSchedule('2013/14').sanctions.map((s) => [s.code, [s.unitValue.toString(), s.countUnit]]));
    expect(values).toEqual({
      RTT_52_WEEK_WAIT: ['5000.00', 'BREACH'],
      TROLLEY_WAIT_12_HOURS: ['1000.00', 'BREACH'],
      AMBULANCE_HANDOVER_30_TO_60_MINUTES: ['200.00', 'BREACH'],
      AMBULANCE_HANDOVER_OVER_60_MINUTES: ['1000.00', 'BREACH'],
      MIXED_SEX_ACCOMMODATION_BREACH: ['250.00', 'PATIENT_DAY'],
    });
    expect(listSanctionContractYears()).toEqual(['2013/14']);
    expect(findSanctionSchedule('2013-14')).toBe(SANCTION_SCHEDULES[0]);
    expect(SANCTION_SCHEDULES[0].sanctions.map((s) => s.code)).toEqual([...SANCTION_CODES]);
  });

  it('cites a published source [ref] for every value, and the seed where it speaks of the fine', () => {
    for (const s of SANCTION_SCHEDULES[0].sanctions) {
      expect(s.sources[0]).toMatchObject({ basis: 'REF', document: expect.stringContaining('NHS Standard Contract 2013/14') });
      expect(s.sources[0].text).toContain(s.unitValue.toDisplayString().replace('.00', ''));
    }
    const seeded = SANCTION_SCHEDULES[0].sanctions.filter((s) => s.sources.some((c) => c.basis === 'SEED')).map((s) => s.code);
    // seed 001 line 124: "individual 52 week breaches, and ambulance handover delays over 30 minutes (with a further fine for delays over an hour)"
    expect(seeded).toEqual(['RTT_52_WEEK_WAIT', 'AMBULANCE_HANDOVER_30_TO_60_MINUTES', 'AMBULANCE_HANDOVER_OVER_60_MINUTES']);
  });

  it('is read-only data', () => {
    expect(Object.isFrozen(SANCTION_SCHEDULES)).toBe(true);
    expect(Object.isFrozen(SANCTION_SCHEDULES[0].sanctions)).toBe(true);
    expect(Object.isFrozen(SANCTION_SCHEDULES[0].sanctions[0])).toBe(true);
  });

  it.each([
    ['RTT_52_WEEK_WAIT', 3, '15000.00'],
    ['TROLLEY_WAIT_12_HOURS', 2, '2000.00'],
    ['AMBULANCE_HANDOVER_30_TO_60_MINUTES', 69, '13800.00'],
    ['AMBULANCE_HANDOVER_OVER_60_MINUTES', 2, '2000.00'],
    ['MIXED_SEX_ACCOMMODATION_BREACH', 7, '1750.00'], // one patient for a week, or seven patients for a day
    ['RTT_52_WEEK_WAIT', 0, '0.00'],
  ] as const)('charges %s x %p as £%s', (code, count, expected) => {
    const result = amounts('2013/14', { [code]: count });
    expect(result.lines[code]).toBe(expected);
    expect(result.total).toBe(expected);
  });

  it('charges the two ambulance-handover bands separately, not cumulatively', () => {
    // [ref] Express & Star, 28 June 2017: the Royal Wolverhampton was fined £15,800 for 69 patients waiting
    // 30-60 minutes at £200 and two waiting over an hour at £1,000: 69 x 200 + 2 x 1,000 = 13,800 + 2,000.
    expect(amounts('2013/14', { AMBULANCE_HANDOVER_30_TO_60_MINUTES: 69, AMBULANCE_HANDOVER_OVER_60_MINUTES: 2 }).total).toBe('15800.00');
  });

  it('lists every sanction of the year, zero where nothing was counted, and totals them', () => {
    const result = calculateContractSanctions({
      contractYear: '2013/14',
      counts: [
        { sanction: 'MIXED_SEX_ACCOMMODATION_BREACH', count: 4 },
        { sanction: 'RTT_52_WEEK_WAIT', count: 1 },
      ],
    });
    expect(result.contractYear).toBe('2013/14');
    expect(result.lines.map((l) => [l.sanction, l.count, l.amount.toString()])).toEqual([
      ['RTT_52_WEEK_WAIT', 1, '5000.00'],
      ['TROLLEY_WAIT_12_HOURS', 0, '0.00'],
      ['AMBULANCE_HANDOVER_30_TO_60_MINUTES', 0, '0.00'],
      ['AMBULANCE_HANDOVER_OVER_60_MINUTES', 0, '0.00'],
      ['MIXED_SEX_ACCOMMODATION_BREACH', 4, '1000.00'],
    ]);
    // 5,000 + 4 x 250 = 6,000
    expect(result.total.toDisplayString()).toBe('£6,000.00');
    expect(calculateContractSanctions({ contractYear: '2013/14', counts: [] }).total.isZero()).toBe(true);
  });

  it.each([
    [{ contractYear: '2014/15', counts: [] }, 'UNKNOWN_CONTRACT_YEAR', { contractYear: '2014/15', known: ['2013/14'] }],
    [{ contractYear: '2013/14', counts: [{ sanction: 'FOUR_HOUR_WAIT' as SanctionCode, count: 1 }] }, 'UNKNOWN_SANCTION', { field: 'counts[0]', sanction: 'FOUR_HOUR_WAIT' }],
    [{ contractYear: '2013/14', counts: [{ sanction: 'RTT_52_WEEK_WAIT', count: -1 }] }, 'INVALID_SANCTION_COUNT', { count: '-1' }],
    [{ contractYear: '2013/14', counts: [{ sanction: 'RTT_52_WEEK_WAIT', count: 1.5 }] }, 'INVALID_SANCTION_COUNT', { count: '1.5' }],
    [{ contractYear: '2013/14', counts: [{ sanction: 'RTT_52_WEEK_WAIT', count: Number.NaN }] }, 'INVALID_SANCTION_COUNT', { count: 'NaN' }],
    [
      { contractYear: '2013/14', counts: [{ sanction: 'RTT_52_WEEK_WAIT', count: 1 }, { sanction: 'RTT_52_WEEK_WAIT', count: 2 }] },
      'DUPLICATE_SANCTION_COUNT',
      { field: 'counts[1]', sanction: 'RTT_52_WEEK_WAIT' },
    ],
  ] as const)('rejects %p with %s', (input, code, details) => {
    expect(() => calculateContractSanctions(input)).toThrow(expect.objectContaining({ code, details: expect.objectContaining(details) }));
  });

  it('totals exactly the sum of value x count over the sanctions', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100000 }), { minLength: 5, maxLength: 5 }), (counts) => {
        const result = calculateContractSanctions({ contractYear: '2013/14', counts: SANCTION_CODES.map((sanction, i) => ({ sanction, count: counts[i] })) });
        const expected = Money.sum(SANCTION_SCHEDULES[0].sanctions.map((s, i) => s.unitValue.times(counts[i])));
        expect(result.total).toEqual(expected);
        expect(result.total).toEqual(Money.sum(result.lines.map((l) => l.amount)));
      }),
    );
  });
});
