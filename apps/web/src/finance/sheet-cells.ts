import Papa from 'papaparse';

/**
 * Cells of a spreadsheet as the importer sees them, whichever file they came from (.xlsx or .csv), and
 * the A1 references people see in Excel, so an error can say "Cell B7".
 */
export type SheetCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  /** A number cell, as the shortest text that reads back as the same number ("1250000.5", "12.345"). */
  | { kind: 'number'; text: string }
  /** Anything that cannot hold an amount or a code: a date, a true/false, an error value, a formula with no saved value. */
  | { kind: 'other'; description: string };

/** Rows of cells, top to bottom; each row left to right. Row 0 is spreadsheet row 1. */
export type SheetGrid = readonly (readonly SheetCell[])[];

export const EMPTY_CELL: SheetCell = { kind: 'empty' };

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Row and column from 0: (6, 1) → "B7". */
export function cellReference(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function cellAt(grid: SheetGrid, row: number, column: number): SheetCell {
  return grid[row]?.[column] ?? EMPTY_CELL;
}

/** The cell as a person typed it, for messages: text trimmed, numbers as written. */
export function cellText(cell: SheetCell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text.trim();
    case 'number':
      return cell.text;
    case 'other':
      return cell.description;
  }
}

/** A CSV file's cells, or why they cannot be read, for the person ("Row 3: ..."). */
export type CsvReading = { ok: true; grid: SheetGrid } | { ok: false; message: string };

/**
 * Reads CSV text with papaparse, by the rules the API's importer reads CSV with csv-parse
 * (docs/decisions/0019-csv-parsing.md): RFC 4180 quoted fields may hold commas, doubled quotes and line
 * breaks; rows end in LF or CRLF, mixed or not; a lone CR, or a quote inside an unquoted field, is text; a
 * UTF-8 byte-order mark is dropped; a blank line is a row of one empty cell; a trailing line end adds no row.
 * A quote never closed, or text after a closing quote, is refused. Every cell is text: a CSV file has no
 * numbers, only what was typed.
 */
export function parseCsv(text: string): CsvReading {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // Rows are split at LF only, and a CR ending the last field of a row followed by LF is the CR of a CRLF:
  // papaparse takes one line end for the whole file, and would keep an LF inside a field of a file it took
  // for CRLF. (A quoted last field ending in a CR loses it: cells are trimmed before use anyway.)
  const { data, errors } = Papa.parse<string[]>(source, { delimiter: ',', newline: '\n', quoteChar: '"', escapeChar: '"', header: false, skipEmptyLines: false, dynamicTyping: false });
  const [error] = errors;
  if (error) return { ok: false, message: `Row ${(error.row ?? 0) + 1}: ${error.code === 'MissingQuotes' ? 'a quoted field is never closed (a " is missing)' : 'text follows the closing quote of a field; write a " inside a quoted field as ""'}` };
  // papaparse reads the end of the last line as the start of one more, empty row.
  const rows = source.endsWith('\n') ? data.slice(0, -1) : data;
  return {
    ok: true,
    grid: rows.map((fields, row) =>
      fields.map((field, index): SheetCell => {
        const endsInCrlf = row < data.length - 1 && index === fields.length - 1 && field.endsWith('\r');
        const text = endsInCrlf ? field.slice(0, -1) : field;
        return text === '' ? EMPTY_CELL : { kind: 'text', text };
      }),
    ),
  };
}
