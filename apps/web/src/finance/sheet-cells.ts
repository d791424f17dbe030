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

/**
 * Reads CSV text (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks; CRLF or LF line
 * ends; a UTF-8 byte-order mark is dropped) into rows of text cells. A trailing line end adds no row.
 * Every cell is text: a CSV file has no numbers, only what was typed.
 */
export function parseCsv(text: string): SheetGrid {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: SheetCell[][] = [];
  let row: SheetCell[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    row.push(field === '' ? EMPTY_CELL : { kind: 'text', text: field });
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      endField();
    } else if (char === '\r' && source[i + 1] === '\n') {
      endRow();
      i++;
    } else if (char === '\n' || char === '\r') {
      endRow();
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (field !== '' || fieldStarted || row.length > 0) endRow();
  return rows;
}
