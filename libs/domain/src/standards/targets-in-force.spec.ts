import { PROVIDER_STANDARDS, catalogueFromEffectiveVersions, type ProviderStandard } from './provider-standards';
import { evaluateRagAgainstTarget, targetInForce, targetsAtPeriods, type SeriesTargets } from './targets-in-force';

const ae = PROVIDER_STANDARDS.find((s) => s.code === 'AE_4HR_ALL') as ProviderStandard;
const waits = PROVIDER_STANDARDS.find((s) => s.code === 'RTT_52WK_WAITS') as ProviderStandard;
const { validTo: _validTo, ...aeSeed } = ae;

/** The seed's 95% from 2013/14, and 90% set for 2018/19 onwards, as stored: effective-from rows only. */
const changedFor2018 = catalogueFromEffectiveVersions([aeSeed, { ...aeSeed, threshold: 90, validFrom: '2018-04-01' }]);
const none: SeriesTargets = { standards: changedFor2018, localTargets: [], trajectory: [] };

describe('catalogueFromEffectiveVersions', () => {
  it('ends each version the day before the next begins, the latest open-ended, whatever the order', () => {
    const versions = catalogueFromEffectiveVersions([{ ...aeSeed, threshold: 90, validFrom: '2018-04-01' }, { ...aeSeed, threshold: 92, validFrom: '2019-04-01' }, aeSeed]);
    expect(versions.map((v) => [v.validFrom, v.validTo, v.threshold])).toEqual([
      ['2013-04-01', '2018-03-31', 95],
      ['2018-04-01', '2019-03-31', 90],
      ['2019-04-01', null, 92],
    ]);
  });

  it('keeps codes apart and validates the result', () => {
    const { validTo: _w, ...waitsSeed } = waits;
    expect(catalogueFromEffectiveVersions([waitsSeed, aeSeed]).every((v) => v.validTo === null)).toBe(true);
    expect(() => catalogueFromEffectiveVersions([{ ...aeSeed, threshold: 101 }])).toThrow(expect.objectContaining({ code: 'INVALID_STANDARD' }));
    expect(() => catalogueFromEffectiveVersions([aeSeed, aeSeed])).toThrow(expect.objectContaining({ code: 'OVERLAPPING_STANDARD_VERSIONS' }));
  });
});

describe('targetInForce', () => {
  it.each([
    ['2018-03-01', 95, '2013-04-01'],
    ['2018-03-31', 95, '2013-04-01'],
    ['2018-04-01', 90, '2018-04-01'],
    ['2019-03-01', 90, '2018-04-01'],
    ['2025-01-01', 90, '2018-04-01'],
  ])('across the financial year boundary: at %s the standard is %d (from %s)', (period, value, from) => {
    expect(targetInForce('AE_4HR_ALL', period, none)).toMatchObject({ value, source: 'STANDARD', effectiveFrom: from, standard: { validFrom: from } });
  });

  it('is null before the first version and for an indicator without a standard', () => {
    expect(targetInForce('AE_4HR_ALL', '2013-03-01', none)).toBeNull();
    expect(targetInForce('NOT_A_STANDARD', '2018-04-01', none)).toBeNull();
  });

  it('a local target outranks the standard from its first day, the latest one before the period wins', () => {
    const targets: SeriesTargets = { ...none, localTargets: [{ effectiveFrom: '2018-10-01', value: 88 }, { effectiveFrom: '2017-07-01', value: 92 }] };
    expect(targetInForce('AE_4HR_ALL', '2017-06-01', targets)).toMatchObject({ value: 95, source: 'STANDARD' });
    expect(targetInForce('AE_4HR_ALL', '2017-07-01', targets)).toMatchObject({ value: 92, source: 'LOCAL_TARGET', effectiveFrom: '2017-07-01', standard: { threshold: 95 } });
    expect(targetInForce('AE_4HR_ALL', '2018-09-01', targets)).toMatchObject({ value: 92, source: 'LOCAL_TARGET', standard: { threshold: 90 } });
    expect(targetInForce('AE_4HR_ALL', '2019-01-01', targets)).toMatchObject({ value: 88, source: 'LOCAL_TARGET', effectiveFrom: '2018-10-01' });
  });

  it('a trajectory month outranks both, for that month only (any day of the month)', () => {
    const targets: SeriesTargets = { ...none, localTargets: [{ effectiveFrom: '2018-01-01', value: 88 }], trajectory: [{ period: '2018-05-01', value: 86.5 }, { period: '2018-06-01', value: 87.25 }] };
    expect(targetsAtPeriods('AE_4HR_ALL', ['2018-04-01', '2018-05-01', '2018-06-15', '2018-07-01'], targets).map((t) => [t?.value, t?.source])).toEqual([
      [88, 'LOCAL_TARGET'],
      [86.5, 'TRAJECTORY'],
      [87.25, 'TRAJECTORY'],
      [88, 'LOCAL_TARGET'],
    ]);
  });

  it('refuses malformed rows with typed codes', () => {
    expect(() => targetInForce('AE_4HR_ALL', '2018-13-01', none)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => targetInForce('AE_4HR_ALL', '2018-04-01', { ...none, localTargets: [{ effectiveFrom: '2018-04-01', value: Number.NaN }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_TARGET' }),
    );
    expect(() => targetInForce('AE_4HR_ALL', '2018-04-01', { ...none, trajectory: [{ period: 'April', value: 1 }] })).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});

describe('evaluateRagAgainstTarget', () => {
  // RGQ April 2016 (NHS England A&E return, type 1): 7,051 attendances, 358 breaches, 94.92%.
  const rgq = { numerator: 7051 - 358, denominator: 7051, value: (100 * (7051 - 358)) / 7051 };

  it('follows the standard in force: RED against 95% in 2017/18, GREEN against 90% in 2018/19', () => {
    expect(evaluateRagAgainstTarget(rgq, targetInForce('AE_4HR_ALL', '2018-03-01', none))).toBe('RED');
    expect(evaluateRagAgainstTarget(rgq, targetInForce('AE_4HR_ALL', '2018-04-01', none))).toBe('GREEN');
  });

  it('judges against a local target or trajectory exactly from the counts, at the target passes', () => {
    const local = targetInForce('AE_4HR_ALL', '2017-04-01', { ...none, localTargets: [{ effectiveFrom: '2017-04-01', value: 94.92 }] });
    expect(evaluateRagAgainstTarget({ numerator: 9492, denominator: 10000, value: 94.92 }, local)).toBe('GREEN');
    expect(evaluateRagAgainstTarget({ numerator: 9491, denominator: 10000, value: 94.91 }, local)).toBe('RED');
  });

  it('a local target on a zero-tolerance count is a threshold like any other', () => {
    const targets: SeriesTargets = { standards: PROVIDER_STANDARDS, localTargets: [{ effectiveFrom: '2018-04-01', value: 40 }], trajectory: [] };
    const target = targetInForce('RTT_52WK_WAITS', '2018-04-01', targets);
    expect(evaluateRagAgainstTarget({ numerator: 40, denominator: 1, value: 40 }, target)).toBe('GREEN');
    expect(evaluateRagAgainstTarget({ numerator: 41, denominator: 1, value: 41 }, target)).toBe('RED');
    expect(evaluateRagAgainstTarget({ numerator: 1, denominator: 1, value: 1 }, targetInForce('RTT_52WK_WAITS', '2018-04-01', { ...targets, localTargets: [] }))).toBe('RED');
  });

  it('is null without a target or without a standard to give the unit and polarity', () => {
    expect(evaluateRagAgainstTarget(rgq, null)).toBeNull();
  });
});
