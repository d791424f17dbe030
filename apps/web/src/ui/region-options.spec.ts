import { regionOptions } from './region-options';

describe('regionOptions', () => {
  it('names each region as the NHS writes it with its code, marks a closed one with its last day, and leaves out regions known only by code', () => {
    expect(
      regionOptions([
        { code: 'Y56', name: 'LONDON', closeDate: null },
        { code: 'W00', name: 'W00', closeDate: null },
        { code: 'Y54', name: 'NORTH OF ENGLAND', closeDate: '2020-03-31' },
        { code: 'Y63', name: 'NHS ENGLAND NORTH EAST AND YORKSHIRE' },
      ]),
    ).toEqual([
      { value: '', label: 'Any region' },
      { value: 'Y56', label: 'London (Y56)' },
      { value: 'Y63', label: 'North East and Yorkshire (Y63)' },
      { value: 'Y54', label: 'North of England (Y54, to 31 March 2020)' },
    ]);
  });
});
