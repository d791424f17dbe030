import { PROVIDER_STANDARDS, ProviderStandard, findStandard, validateStandardsCatalogue } from './provider-standards';

const byCode = (code: string) => PROVIDER_STANDARDS.find((s) => s.code === code) as ProviderStandard;

describe('the provider standards catalogue', () => {
  it.each([
    ['AE_4HR_ALL', 'PERCENTAGE', 'HIGHER_IS_BETTER', 95, false, 'MONTH'],
    ['AE_4HR_TYPE1', 'PERCENTAGE', 'HIGHER_IS_BETTER', 95, false, 'MONTH'],
    ['RTT_INCOMPLETE_18WK', 'PERCENTAGE', 'HIGHER_IS_BETTER', 92, false, 'MONTH'],
    ['DIAGNOSTICS_6WK', 'PERCENTAGE', 'LOWER_IS_BETTER', 1, false, 'MONTH'],
    ['CANCER_2WW', 'PERCENTAGE', 'HIGHER_IS_BETTER', 93, false, 'QUARTER'],
    ['CANCER_31D_FIRST', 'PERCENTAGE', 'HIGHER_IS_BETTER', 96, false, 'QUARTER'],
    ['CANCER_62D', 'PERCENTAGE', 'HIGHER_IS_BETTER', 85, false, 'QUARTER'],
    ['RTT_52WK_WAITS', 'COUNT', 'LOWER_IS_BETTER', 0, true, 'MONTH'],
    ['TROLLEY_12HR_WAITS', 'COUNT', 'LOWER_IS_BETTER', 0, true, 'MONTH'],
    ['MSA_BREACHES', 'COUNT', 'LOWER_IS_BETTER', 0, true, 'MONTH'],
    ['AMBULANCE_HANDOVER_15MIN', 'COUNT', 'LOWER_IS_BETTER', 0, true, 'MONTH'],
  ] as const)('%s: %s, %s, threshold %d, zero tolerance %p, judged by %s', (code, unit, polarity, threshold, zeroTolerance, periodType) => {
    expect(byCode(code)).toMatchObject({ code, unit, polarity, threshold, zeroTolerance, periodType, validFrom: '2013-04-01', validTo: null });
  });

  it('holds exactly those eleven standards, each with a name, description, numerator and a [ref] source', () => {
    expect(PROVIDER_STANDARDS).toHaveLength(11);
    for (const s of PROVIDER_STANDARDS) {
      expect(s.name.trim()).not.toBe('');
      expect(s.description.trim()).not.toBe('');
      expect(s.numerator.trim()).not.toBe('');
      expect(s.denominator === null).toBe(s.unit === 'COUNT');
      expect(s.source.basis).toBe('REF');
      expect(s.source.text.trim()).not.toBe('');
    }
  });

  it('is a valid catalogue', () => {
    expect(validateStandardsCatalogue(PROVIDER_STANDARDS)).toBe(PROVIDER_STANDARDS);
  });
});

describe('findStandard', () => {
  it.each([
    ['AE_4HR_ALL', '2013-03-31', false],
    ['AE_4HR_ALL', '2013-04-01', true],
    ['AE_4HR_TYPE1', '2016-04-01', true],
    ['CANCER_62D', '2019-03-31', true],
    ['MENTAL_HEALTH_IAPT_6WK', '2016-04-01', false],
  ] as const)('%s on %s: in force %p', (code, asOf, found) => {
    const standard = findStandard(code, asOf);
    expect(standard === null ? null : standard.code).toBe(found ? code : null);
  });

  const v1: ProviderStandard = { ...byCode('AE_4HR_ALL'), threshold: 98, validFrom: '2004-01-01', validTo: '2010-12-31' };
  const v2: ProviderStandard = { ...byCode('AE_4HR_ALL'), threshold: 95, validFrom: '2011-01-01', validTo: null };

  it.each([
    ['2003-12-31', null],
    ['2004-01-01', 98],
    ['2010-12-31', 98],
    ['2011-01-01', 95],
    ['2016-06-30', 95],
  ])('picks the version in force on %s (validFrom and validTo inclusive): threshold %p', (asOf, threshold) => {
    expect(findStandard('AE_4HR_ALL', asOf, [v1, v2])?.threshold ?? null).toBe(threshold);
  });

  it('OVERLAPPING_STANDARD_VERSIONS when two versions are in force on the day', () => {
    const overlapping = { ...v2, validFrom: '2010-06-01' };
    expect(() => findStandard('AE_4HR_ALL', '2010-07-01', [v1, overlapping])).toThrow(
      expect.objectContaining({ code: 'OVERLAPPING_STANDARD_VERSIONS', details: { code: 'AE_4HR_ALL', asOf: '2010-07-01' } }),
    );
    expect(findStandard('AE_4HR_ALL', '2010-05-31', [v1, overlapping])?.threshold).toBe(98);
  });

  it('INVALID_DATE for a malformed asOf', () => {
    expect(() => findStandard('AE_4HR_ALL', '2016-13-01')).toThrow(expect.objectContaining({ code: 'INVALID_DATE', details: { field: 'asOf', value: '2016-13-01' } }));
  });
});

describe('validateStandardsCatalogue', () => {
  const ae = byCode('AE_4HR_ALL');
  const trolley = byCode('TROLLEY_12HR_WAITS');
  it.each([
    ['validTo before validFrom', [{ ...ae, validTo: '2013-03-31' }], 'INVALID_STANDARD', 'validTo'],
    ['a malformed validFrom', [{ ...ae, validFrom: '2013-4-1' }], 'INVALID_DATE', undefined],
    ['a malformed validTo', [{ ...ae, validTo: '2013-02-30' }], 'INVALID_DATE', undefined],
    ['a NaN threshold', [{ ...ae, threshold: Number.NaN }], 'INVALID_STANDARD', 'threshold'],
    ['a threshold that is not a number', [{ ...ae, threshold: '95' }], 'INVALID_STANDARD', 'threshold'],
    ['a percentage threshold over 100', [{ ...ae, threshold: 101 }], 'INVALID_STANDARD', 'threshold'],
    ['a negative percentage threshold', [{ ...ae, threshold: -1 }], 'INVALID_STANDARD', 'threshold'],
    ['zero tolerance with a threshold', [{ ...trolley, threshold: 1 }], 'INVALID_STANDARD', 'zeroTolerance'],
    ['zero tolerance on a percentage', [{ ...ae, zeroTolerance: true }], 'INVALID_STANDARD', 'zeroTolerance'],
    ['zero tolerance, higher is better', [{ ...trolley, polarity: 'HIGHER_IS_BETTER' }], 'INVALID_STANDARD', 'zeroTolerance'],
    ['two open-ended versions', [ae, { ...ae, validFrom: '2016-04-01' }], 'OVERLAPPING_STANDARD_VERSIONS', undefined],
    ['versions sharing a day', [{ ...ae, validTo: '2016-04-01' }, { ...ae, validFrom: '2016-04-01' }], 'OVERLAPPING_STANDARD_VERSIONS', undefined],
  ])('rejects %s', (_case, catalogue, code, field) => {
    expect(() => validateStandardsCatalogue(catalogue as unknown as ProviderStandard[])).toThrow(
      expect.objectContaining({ code, ...(field ? { details: { code: expect.any(String), field } } : {}) }),
    );
  });

  it('accepts consecutive versions of one code, in either order', () => {
    const versions = [{ ...ae, validTo: '2016-03-31' }, { ...ae, threshold: 90, validFrom: '2016-04-01' }];
    expect(validateStandardsCatalogue(versions)).toBe(versions);
    const reversed = [...versions].reverse();
    expect(validateStandardsCatalogue(reversed)).toBe(reversed);
  });
});
