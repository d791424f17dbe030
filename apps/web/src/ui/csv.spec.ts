import { csvCell, csvFileName, toCsv } from './csv';

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['Leeds, St James', '"Leeds, St James"'],
    ['the "Infirmary"', '"the ""Infirmary"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\r\nreturn', '"carriage\r\nreturn"'],
    [' padded', '" padded"'],
    ['A&E – 4 hours £', 'A&E – 4 hours £'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+44', "'+44"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [87.3, '87.3'],
    [-1.5, '-1.5'],
    [0, '0'],
    [null, ''],
    [undefined, ''],
    [Number.NaN, ''],
  ])('writes %j as %j', (cell, written) => {
    expect(csvCell(cell)).toBe(written);
  });

  it('writes a header row then one row per record, CRLF line ends, with a UTF-8 byte-order mark', () => {
    const csv = toCsv(['Code', 'Name', 'Value (%)'], [
      ['RR8', 'Leeds Teaching Hospitals NHS Trust', 87.3],
      ['RAE', 'Bradford, Teaching', null],
    ]);
    expect(csv).toBe('\uFEFFCode,Name,Value (%)\r\nRR8,Leeds Teaching Hospitals NHS Trust,87.3\r\nRAE,"Bradford, Teaching",\r\n');
  });

  it('leaves out the byte-order mark when asked', () => {
    expect(toCsv(['a'], [[1]], { bom: false })).toBe('a\r\n1\r\n');
  });

  it('names the file after the view and the day', () => {
    expect(csvFileName('Provider scorecard RR8 A&E', new Date('2026-05-07T12:00:00Z'))).toBe('provider-scorecard-rr8-a-and-e-2026-05-07.csv');
    expect(csvFileName('Integrated performance report', new Date('2019-12-31T23:30:00Z'))).toBe('integrated-performance-report-2019-12-31.csv');
    expect(csvFileName('—', new Date('2019-01-01T09:00:00Z'))).toBe('data-2019-01-01.csv');
  });

  it('dates the file by the day in England, which is a day after UTC between midnight and 1 am in summer', () => {
    expect(csvFileName('Grid', new Date('2025-06-30T23:30:00Z'))).toBe('grid-2025-07-01.csv');
  });
});
