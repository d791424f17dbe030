import { parseCsv, type SheetGrid } from './sheet-cells';

/** The cells' text, '' for an empty cell, as the API's reader gives them. */
function texts(grid: SheetGrid): string[][] {
  return grid.map((row) => row.map((cell) => (cell.kind === 'text' ? cell.text : '')));
}

function read(text: string): SheetGrid {
  const reading = parseCsv(text);
  if (!reading.ok) throw new Error(reading.message);
  return reading.grid;
}

/**
 * The same text and the same cells are in apps/api/src/imports/csv-reader.spec.ts: the API and the browser read
 * CSV by the same rules (docs/decisions/0019-csv-parsing.md). A byte-order mark, CRLF, a quoted comma, doubled
 * quotes, a line break inside quotes, a quote inside an unquoted field, a lone CR, a blank line, empty fields
 * and two- and three-byte characters.
 */
const SHARED_FIXTURE =
  '\uFEFFCCG,Name,Amount (£),Note\r\n02V,"NHS Leeds North, West and East CCG",£1250000.50,"Café ""Le Thé"" – open\r\n9–5"\r\n03X,,,\r\n\r\n04Y,Ørsted a"b,x\ry,€\r\n';
const SHARED_FIXTURE_CELLS = [
  ['CCG', 'Name', 'Amount (£)', 'Note'],
  ['02V', 'NHS Leeds North, West and East CCG', '£1250000.50', 'Café "Le Thé" – open\r\n9–5'],
  ['03X', '', '', ''],
  [''],
  ['04Y', 'Ørsted a"b', 'x\ry', '€'],
];

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and drops the byte-order mark', () => {
    expect(read('\uFEFFa,"b, c","say ""hi""","two\r\nlines"\r\n,x\r\n')).toEqual([
      [
        { kind: 'text', text: 'a' },
        { kind: 'text', text: 'b, c' },
        { kind: 'text', text: 'say "hi"' },
        { kind: 'text', text: 'two\r\nlines' },
      ],
      [{ kind: 'empty' }, { kind: 'text', text: 'x' }],
    ]);
  });

  it('reads LF line ends and a last line without one', () => {
    expect(read('a\nb')).toEqual([[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }]]);
  });

  it('reads the fixture shared with the API as the same cells', () => {
    expect(texts(read(SHARED_FIXTURE))).toEqual(SHARED_FIXTURE_CELLS);
  });

  it('reads LF and CRLF mixed in one file, keeping a lone CR and an LF inside quotes as text', () => {
    expect(texts(read('a\r\nb\n"c\nd"\r\ne\rf\r\n"g"\r\n'))).toEqual([['a'], ['b'], ['c\nd'], ['e\rf'], ['g']]);
  });

  it('reads an empty file as no rows, and a blank line as one empty cell', () => {
    expect(read('')).toEqual([]);
    expect(texts(read('h\n\n  \nx\n'))).toEqual([['h'], [''], ['  '], ['x']]);
  });

  it('keeps a CR at the end of a last line that has no line end, as the API does', () => {
    expect(texts(read('a,b\r'))).toEqual([['a', 'b\r']]);
  });

  it.each([
    ['a quote never closed', 'h\nok\n"open\nmore\n', 'Row 3: a quoted field is never closed (a " is missing)'],
    ['text after a closing quote', 'h\n"a"b,c\n', 'Row 2: text follows the closing quote of a field; write a " inside a quoted field as ""'],
  ])('refuses %s, naming the row', (_case, text, message) => {
    expect(parseCsv(text)).toEqual({ ok: false, message });
  });
});
