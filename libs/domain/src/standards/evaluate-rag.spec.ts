import { evaluateRag, evaluateRagFromCounts } from './evaluate-rag';
import { PROVIDER_STANDARDS, ProviderStandard } from './provider-standards';

const standard = (code: string) => PROVIDER_STANDARDS.find((s) => s.code === code) as ProviderStandard;

describe('evaluateRag', () => {
  it.each([
    // higher is better: at the threshold passes
    ['AE_4HR_ALL', 95, 'GREEN'],
    ['AE_4HR_ALL', 95.0001, 'GREEN'],
    ['AE_4HR_ALL', 94.9999, 'RED'],
    ['AE_4HR_ALL', 100, 'GREEN'],
    ['AE_4HR_ALL', 0, 'RED'],
    ['AE_4HR_TYPE1', 81.5, 'RED'],
    ['RTT_INCOMPLETE_18WK', 92, 'GREEN'],
    ['RTT_INCOMPLETE_18WK', 91.99, 'RED'],
    ['RTT_INCOMPLETE_18WK', 92.01, 'GREEN'],
    ['CANCER_2WW', 93, 'GREEN'],
    ['CANCER_2WW', 92.9, 'RED'],
    ['CANCER_31D_FIRST', 96, 'GREEN'],
    ['CANCER_31D_FIRST', 95.9, 'RED'],
    ['CANCER_62D', 85, 'GREEN'],
    ['CANCER_62D', 84.9, 'RED'],
    ['CANCER_62D', 85.1, 'GREEN'],
    // lower is better: at the threshold passes
    ['DIAGNOSTICS_6WK', 1, 'GREEN'],
    ['DIAGNOSTICS_6WK', 0.99, 'GREEN'],
    ['DIAGNOSTICS_6WK', 0, 'GREEN'],
    ['DIAGNOSTICS_6WK', 1.01, 'RED'],
    ['DIAGNOSTICS_6WK', 100, 'RED'],
    // zero tolerance: any occurrence breaches
    ['RTT_52WK_WAITS', 0, 'GREEN'],
    ['RTT_52WK_WAITS', 1, 'RED'],
    ['TROLLEY_12HR_WAITS', 0, 'GREEN'],
    ['TROLLEY_12HR_WAITS', 3, 'RED'],
    ['MSA_BREACHES', 0, 'GREEN'],
    ['MSA_BREACHES', 250, 'RED'],
    ['AMBULANCE_HANDOVER_15MIN', 0, 'GREEN'],
    ['AMBULANCE_HANDOVER_15MIN', 1, 'RED'],
  ] as const)('%s at %d is %s', (code, value, rag) => {
    expect(evaluateRag(value, standard(code))).toBe(rag);
  });

  const minutes: ProviderStandard = {
    ...standard('AE_4HR_ALL'),
    code: 'MEDIAN_HANDOVER_MINUTES',
    unit: 'MINUTES',
    polarity: 'LOWER_IS_BETTER',
    threshold: 15,
  };
  const rate: ProviderStandard = { ...standard('AE_4HR_ALL'), code: 'SCREENING_RATE', unit: 'RATE', polarity: 'HIGHER_IS_BETTER', threshold: 120.5 };

  it.each([
    [minutes, 15, 'GREEN'],
    [minutes, 15.5, 'RED'],
    [rate, 120.5, 'GREEN'],
    [rate, 1000, 'GREEN'],
    [rate, 120.4, 'RED'],
  ] as const)('other units: %s at %d is %s', (s, value, rag) => {
    expect(evaluateRag(value, s)).toBe(rag);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [Number.NEGATIVE_INFINITY], ['95'], [undefined], [null]])('NON_FINITE_VALUE for %p', (value) => {
    expect(() => evaluateRag(value as number, standard('AE_4HR_ALL'))).toThrow(
      expect.objectContaining({ code: 'NON_FINITE_VALUE', details: { code: 'AE_4HR_ALL', value } }),
    );
  });

  it.each([
    ['AE_4HR_ALL', -0.1],
    ['AE_4HR_ALL', 100.1],
    ['DIAGNOSTICS_6WK', -1],
    ['RTT_52WK_WAITS', -1],
    ['RTT_52WK_WAITS', 0.5],
  ] as const)('VALUE_OUT_OF_RANGE for %s at %d', (code, value) => {
    expect(() => evaluateRag(value, standard(code))).toThrow(expect.objectContaining({ code: 'VALUE_OUT_OF_RANGE', details: expect.objectContaining({ code, value }) }));
  });

  it('VALUE_OUT_OF_RANGE for a negative duration', () => {
    expect(() => evaluateRag(-1, minutes)).toThrow(expect.objectContaining({ code: 'VALUE_OUT_OF_RANGE', details: expect.objectContaining({ unit: 'MINUTES' }) }));
  });
});

describe('evaluateRagFromCounts', () => {
  it.each([
    // real rows of NHS England's A&E return (shared data, ae_attendances.csv, type 1, April 2016): within 4 hours = attendances - breaches
    ['RGP April 2016: 5,886 attendances, 289 breaches (95.09%)', 'AE_4HR_TYPE1', 5886 - 289, 5886, 'GREEN'],
    ['RGQ April 2016: 7,051 attendances, 358 breaches (94.92%)', 'AE_4HR_TYPE1', 7051 - 358, 7051, 'RED'],
    ['exactly 95%', 'AE_4HR_ALL', 1900, 2000, 'GREEN'],
    ['one patient short of 95%', 'AE_4HR_ALL', 1899, 2000, 'RED'],
    ['exactly 92%', 'RTT_INCOMPLETE_18WK', 23, 25, 'GREEN'],
    ['just under 92%', 'RTT_INCOMPLETE_18WK', 22_999_999, 25_000_000, 'RED'],
    ['exactly 1% waiting six weeks or more', 'DIAGNOSTICS_6WK', 10, 1000, 'GREEN'],
    ['just over 1%', 'DIAGNOSTICS_6WK', 11, 1000, 'RED'],
    ['nobody waiting six weeks', 'DIAGNOSTICS_6WK', 0, 1000, 'GREEN'],
    ['exactly 85% at counts near 2^53', 'CANCER_62D', 17 * 450_359_962_737_047, 20 * 450_359_962_737_047, 'GREEN'],
    ['one below 85% at counts near 2^53', 'CANCER_62D', 17 * 450_359_962_737_047 - 1, 20 * 450_359_962_737_047, 'RED'],
  ] as const)('%s: %s is %s', (_case, code, numerator, denominator, rag) => {
    expect(evaluateRagFromCounts(numerator, denominator, standard(code))).toBe(rag);
  });

  it('is exact where binary floating point is not', () => {
    const numerator = 17 * 450_359_962_737_047 - 1;
    const denominator = 20 * 450_359_962_737_047;
    expect((100 * numerator) / denominator).toBe(85); // rounded up by the float division
    expect(evaluateRag((100 * numerator) / denominator, standard('CANCER_62D'))).toBe('GREEN');
    expect(evaluateRagFromCounts(numerator, denominator, standard('CANCER_62D'))).toBe('RED');
  });

  it('compares a decimal threshold exactly', () => {
    const half: ProviderStandard = { ...standard('DIAGNOSTICS_6WK'), threshold: 0.5 };
    expect(evaluateRagFromCounts(5, 1000, half)).toBe('GREEN');
    expect(evaluateRagFromCounts(6, 1000, half)).toBe('RED');
    const ninetyTwoAndAHalf: ProviderStandard = { ...standard('RTT_INCOMPLETE_18WK'), threshold: 92.5 };
    expect(evaluateRagFromCounts(185, 200, ninetyTwoAndAHalf)).toBe('GREEN');
    expect(evaluateRagFromCounts(184, 200, ninetyTwoAndAHalf)).toBe('RED');
  });

  it.each([
    ['a count standard', 'RTT_52WK_WAITS', 1, 10, 'NOT_A_PERCENTAGE_STANDARD'],
    ['a zero denominator', 'AE_4HR_ALL', 0, 0, 'ZERO_DENOMINATOR'],
    ['a numerator above the denominator', 'AE_4HR_ALL', 11, 10, 'VALUE_OUT_OF_RANGE'],
    ['a fractional numerator', 'AE_4HR_ALL', 9.5, 10, 'VALUE_OUT_OF_RANGE'],
    ['a negative denominator', 'AE_4HR_ALL', 0, -10, 'VALUE_OUT_OF_RANGE'],
    ['an unsafe integer', 'AE_4HR_ALL', 1, 2 ** 53, 'VALUE_OUT_OF_RANGE'],
    ['a NaN numerator', 'AE_4HR_ALL', Number.NaN, 10, 'NON_FINITE_VALUE'],
    ['an infinite denominator', 'AE_4HR_ALL', 1, Number.POSITIVE_INFINITY, 'NON_FINITE_VALUE'],
  ] as const)('rejects %s with %s', (_case, code, numerator, denominator, error) => {
    expect(() => evaluateRagFromCounts(numerator, denominator, standard(code))).toThrow(expect.objectContaining({ code: error }));
  });

  it('INVALID_STANDARD for a threshold that has no plain decimal form', () => {
    const tiny: ProviderStandard = { ...standard('DIAGNOSTICS_6WK'), threshold: 1e-7 };
    expect(() => evaluateRagFromCounts(0, 10, tiny)).toThrow(expect.objectContaining({ code: 'INVALID_STANDARD', details: { code: 'DIAGNOSTICS_6WK', field: 'threshold' } }));
  });
});
