import { DomainError } from '../errors';
import { VALUE_CHANGE_KINDS, changedValues, countChangedValues, type FrozenValue } from './frozen-values';

// The shape of a signed report's numbers: A&E four hours by provider for March 2018 (figures made up for the cases).
const fv = (value: string | null, numerator: string | null = null, denominator: string | null = null, over: Partial<FrozenValue> = {}): FrozenValue => ({
  indicatorCode: 'AE_4HR_ALL',
  organisationCode: 'RR8',
  period: '2018-03-01',
  value,
  numerator,
  denominator,
  ...over,
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'NOT_A_DOMAIN_ERROR';
  }
}

describe('countChangedValues', () => {
  it('counts nothing when the data is as it was', () => {
    const frozen = [fv('88.5', '17700', '20000'), fv('91', null, null, { organisationCode: 'RAE' })];
    expect(countChangedValues(frozen, frozen)).toBe(0);
    expect(countChangedValues([], [fv('88.5')])).toBe(0);
  });

  it('compares numbers exactly, not texts: trailing zeros, a leading zero, minus zero and spaces are no change', () => {
    const same: [string, string][] = [
      ['95.0', '95'],
      ['95', '95.000000'],
      ['95.01', '95.010'],
      ['0.5', '0.50'],
      ['007', '7'],
      ['-0', '0'],
      ['-0.00', '0.0'],
      [' 95 ', '95.0'],
    ];
    for (const [was, is] of same) expect(countChangedValues([fv(was)], [fv(is)])).toBe(0);
  });

  it('sees the smallest difference, beyond what a float holds', () => {
    const different: [string, string][] = [
      ['95.0', '95.00001'],
      ['95', '-95'],
      ['0.1', '0.10000000000000000001'],
      ['9007199254740993', '9007199254740992'],
      ['88.49999999999999999', '88.5'],
    ];
    for (const [was, is] of different) expect(countChangedValues([fv(was)], [fv(is)])).toBe(1);
  });

  it('counts a changed numerator or denominator even when the value is the same, and says which', () => {
    const was = fv('88.5', '17700', '20000');
    const is = fv('88.50', '17700', '20001');
    expect(countChangedValues([was], [is])).toBe(1);
    expect(changedValues([was], [is])).toEqual([{ frozen: was, current: is, kind: 'CHANGED', fields: ['denominator'] }]);
    expect(changedValues([was], [fv('90', '18000', '20000')])[0].fields).toEqual(['value', 'numerator']);
  });

  it('treats null as a value of its own: null to a number or a number to null is a change; null to null is not', () => {
    expect(countChangedValues([fv(null)], [fv(null)])).toBe(0);
    expect(countChangedValues([fv(null)], [fv('0')])).toBe(1);
    expect(countChangedValues([fv('0')], [fv(null)])).toBe(1);
    expect(countChangedValues([fv('88.5', null, null)], [fv('88.5', '17700', '20000')])).toBe(1);
  });

  it('counts a value now gone, and not one added since (the signed report never showed it)', () => {
    const frozen = [fv('88.5'), fv('91', null, null, { period: '2018-02-01' })];
    expect(changedValues(frozen, [fv('88.5')])).toEqual([{ frozen: frozen[1], current: null, kind: 'GONE', fields: ['value', 'numerator', 'denominator'] }]);
    expect(countChangedValues([fv('88.5')], [fv('88.5'), fv('70', null, null, { organisationCode: 'RAE' })])).toBe(0);
    expect(countChangedValues(frozen, [])).toBe(2);
  });

  it('matches values by indicator, organisation and period together', () => {
    const frozen = [fv('88.5'), fv('75', null, null, { organisationCode: 'RAE' }), fv('92', null, null, { indicatorCode: 'AE_4HR_TYPE1' })];
    const current = [fv('92', null, null, { indicatorCode: 'AE_4HR_TYPE1' }), fv('75.0', null, null, { organisationCode: 'RAE' }), fv('88.5')];
    expect(countChangedValues(frozen, current)).toBe(0);
    const swapped = [fv('75'), fv('88.5', null, null, { organisationCode: 'RAE' }), fv('92', null, null, { indicatorCode: 'AE_4HR_TYPE1' })];
    expect(countChangedValues(frozen, swapped)).toBe(2);
    // Codes that would collide if joined with a separator stay apart.
    const tricky = [fv('1', null, null, { indicatorCode: 'A|B', organisationCode: 'C' })];
    expect(countChangedValues(tricky, [fv('1', null, null, { indicatorCode: 'A', organisationCode: 'B|C' })])).toBe(1);
  });

  it('counts each frozen value once, in the order of the frozen report, as the corrected A&E file would change them', () => {
    const frozen = [fv('88.5', '17700', '20000'), fv('91.2', '9120', '10000', { organisationCode: 'RAE' }), fv('79.9', '7990', '10000', { organisationCode: 'RCF' })];
    const corrected = [fv('88.5', '17700', '20000'), fv('90.1', '9010', '10000', { organisationCode: 'RAE' }), fv('80.0', '8000', '10000', { organisationCode: 'RCF' })];
    const changes = changedValues(frozen, corrected);
    expect(changes.map((change) => change.frozen.organisationCode)).toEqual(['RAE', 'RCF']);
    expect(changes.every((change) => VALUE_CHANGE_KINDS.includes(change.kind))).toBe(true);
    expect(countChangedValues(frozen, corrected)).toBe(2);
  });

  it('refuses text that is not a decimal, and a value twice in the current data', () => {
    for (const bad of ['NaN', '1e3', '9,5', '', '.5', '+1', '95 %']) {
      expect(codeOf(() => countChangedValues([fv('95')], [fv(bad)]))).toBe('INVALID_DECIMAL');
      expect(codeOf(() => countChangedValues([fv(bad)], [fv('95')]))).toBe('INVALID_DECIMAL');
    }
    expect(codeOf(() => countChangedValues([fv('95')], [fv(95 as unknown as string)]))).toBe('INVALID_DECIMAL');
    expect(codeOf(() => countChangedValues([fv('95')], [fv('95'), fv('96')]))).toBe('DUPLICATE_CURRENT_VALUE');
  });
});
