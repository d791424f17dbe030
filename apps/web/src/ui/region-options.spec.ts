import { regionOptions } from './region-options';

const year = (first: number) => ({ validFrom: `${first}-04-01`, validTo: `${first + 1}-03-31` });
const trust = { validFrom: null, validTo: null };
// As the bundled data holds them: CCGs by year, trusts undated and recorded in both eras.
const regions = [
  { code: 'W00', name: 'W00', members: [trust] },
  { code: 'Y54', name: 'NORTH OF ENGLAND', members: [trust, year(2016), year(2017)] },
  { code: 'Y56', name: 'London', members: [trust, year(2016), year(2017), year(2018)] },
  { code: 'Y57', name: 'SOUTH OF ENGLAND', members: [trust, year(2016)] },
  { code: 'Y58', name: 'South West', members: [trust, year(2017), year(2018)] },
  { code: 'Y62', name: 'North West', members: [trust, year(2018)] },
  { code: 'Y63', name: 'NHS ENGLAND NORTH EAST AND YORKSHIRE', members: [trust, year(2018)] },
];
const labels = (options: { label: string }[]) => options.map((option) => option.label);

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

  it('offers only the regions of one era: the latest in the data by default, never the 2016 regions beside the 2018 ones (issue 20.7)', () => {
    expect(labels(regionOptions(regions))).toEqual(['Any region', 'London (Y56)', 'North East and Yorkshire (Y63)', 'North West (Y62)', 'South West (Y58)']);
  });

  it('offers the regions of the year a page shows, and the nearest era when the data has none for it', () => {
    expect(labels(regionOptions(regions, '2016-04-01'))).toEqual(['Any region', 'London (Y56)', 'North of England (Y54)', 'South of England (Y57)']);
    expect(labels(regionOptions(regions, '2017-04-01'))).toEqual(['Any region', 'London (Y56)', 'North of England (Y54)', 'South West (Y58)']);
    // 2015/16 is before the first dated membership: the first era is offered.
    expect(labels(regionOptions(regions, '2015-04-01'))).toEqual(['Any region', 'London (Y56)', 'North of England (Y54)', 'South of England (Y57)']);
    expect(labels(regionOptions(regions, '2020-04-01'))).toEqual(['Any region', 'London (Y56)', 'North East and Yorkshire (Y63)', 'North West (Y62)', 'South West (Y58)']);
  });
});
