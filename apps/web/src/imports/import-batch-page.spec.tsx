import { describeValues } from './import-batch-page';

describe('the values an import changed, in words', () => {
  it('names each value in words, dates as the NHS writes them and kinds of organisation in words, never a field name or code (issue 20.7)', () => {
    expect(describeValues({ numerator: 900, denominator: 1000, source: 'ae-2016.csv' })).toBe('numerator: 900, denominator: 1000');
    expect(describeValues({ name: 'LEEDS TEACHING HOSPITALS NHS TRUST', type: 'NHS_TRUST', openDate: '2016-04-01', closeDate: null })).toBe(
      'name: LEEDS TEACHING HOSPITALS NHS TRUST, kind of organisation: NHS trust, opened: 1 April 2016, closed: none',
    );
    expect(describeValues({ kind: 'IN_REGION', relatedCode: 'Y54', validFrom: '2016-04-01', validTo: '2017-03-31' })).toBe('relationship: in the region, related organisation: Y54, from: 1 April 2016, to: 31 March 2017');
    expect(describeValues({ someNewField: 3, other_field: 'x' })).toBe('some new field: 3, other field: x');
    expect(describeValues(null)).toBe('');
  });
});
