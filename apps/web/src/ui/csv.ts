import { todayInEngland } from '@ccg-assure/domain';

/** A CSV cell: text, a number, or empty. */
export type CsvCell = string | number | boolean | null | undefined;

/** Cells a spreadsheet would run as a formula (CWE-1236): text starting =, +, -, @, tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted when it holds a comma, quote, line break or edge spaces (RFC 4180); quotes doubled. */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  let text = String(cell);
  // Text that a spreadsheet would evaluate is kept as text with a leading apostrophe (OWASP advice).
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, so Excel reads "£" and "–" correctly. Default true. */
  bom?: boolean;
}

/** A whole file: the header row, then one row per record, CRLF line ends (RFC 4180). */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>, { bom = true }: CsvOptions = {}): string {
  const lines = [columns, ...rows].map((row) => row.map(csvCell).join(','));
  return `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/** "Provider scorecard RR8" at an instant of 7 May 2026 in England → "provider-scorecard-rr8-2026-05-07.csv". */
export function csvFileName(view: string, at: Date): string {
  const slug = view
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // The file is dated by the day in England (the product's one "today"), not the browser's time zone.
  return `${slug || 'data'}-${todayInEngland(at)}.csv`;
}

/** Hands the file to the browser as a download, built here from the data on the page (nothing is fetched). */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
