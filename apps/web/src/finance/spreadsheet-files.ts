import { formatIsoDate, Money, parseFinancialYear } from '@ccg-assure/domain';
import type { CellValue, Workbook } from 'exceljs';
import { parseCsv, type SheetCell, type SheetGrid } from './sheet-cells';

/**
 * Reading and writing .xlsx and .csv files in the browser. ExcelJS is large, so it is loaded only when a
 * file is read or written (docs/decisions/0006-spreadsheets.md): the pages do not wait for it.
 */
async function loadExcel(): Promise<typeof import('exceljs')> {
  const loaded = await import('exceljs');
  // The package is CommonJS (a UMD bundle in the browser): the bundler may put its exports under `default`.
  return (loaded as unknown as { default?: typeof import('exceljs') }).default ?? loaded;
}

/** A plan template is a few kilobytes; anything much larger is not one. */
export const MAX_FILE_BYTES = 1_000_000;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a file input gives: a File (a Blob with a name), or a stand-in with its bytes. */
export type PickedFile = (Blob & { name: string }) | { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };

/** The file's bytes; by FileReader where a Blob has no arrayBuffer() (older browsers, jsdom). */
export function bytesOf(file: PickedFile): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file as Blob);
  });
}

export type FileReading = { ok: true; grid: SheetGrid; sheetName: string | null } | { ok: false; message: string };

/**
 * The cells of the file's sheet named `sheetName` (or its first sheet), from an .xlsx workbook or a CSV
 * file, chosen by the file's extension. Never throws: an unreadable file is a message for the person.
 */
export async function readSpreadsheetFile(file: PickedFile, sheetName: string): Promise<FileReading> {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (extension !== 'xlsx' && extension !== 'csv') return { ok: false, message: `${file.name} is not an .xlsx or .csv file: use the template` };
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: `${file.name} is larger than 1 MB: a plan template is much smaller` };
  const bytes = await bytesOf(file);
  if (extension === 'csv') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, message: `${file.name} is not UTF-8 text: save it from your spreadsheet as "CSV UTF-8"` };
    }
    const reading = parseCsv(text);
    return reading.ok ? { ok: true, grid: reading.grid, sheetName: null } : { ok: false, message: `${file.name} could not be read as CSV. ${reading.message}` };
  }
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    return { ok: false, message: `${file.name} could not be read as an Excel workbook (.xlsx)` };
  }
  const sheet = workbook.getWorksheet(sheetName) ?? workbook.worksheets[0];
  if (!sheet) return { ok: false, message: `${file.name} has no worksheet` };
  const grid: SheetCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cells[columnNumber - 1] = toSheetCell(cell.value);
    });
    grid[rowNumber - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return { ok: true, grid, sheetName: sheet.name };
}

/**
 * The calendar date of a spreadsheet date cell, 'yyyy-mm-dd'. A workbook's dates have no time zone: ExcelJS
 * hands each one over as midnight UTC of its day, so the day is the instant's UTC year, month and day (not
 * today in England, and not the browser's local date, which is the day before west of Greenwich).
 */
function spreadsheetDate(value: Date): string {
  return formatIsoDate({ year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() });
}

/** An ExcelJS cell value as the importer sees it; a formula by its saved result. */
export function toSheetCell(value: CellValue): SheetCell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', text: String(value) } : { kind: 'other', description: 'a number out of range' };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'other', description: `the true/false value ${value ? 'TRUE' : 'FALSE'}` };
  if (value instanceof Date) return { kind: 'other', description: Number.isNaN(value.getTime()) ? 'a date' : `a date (${spreadsheetDate(value)})` };
  if ('error' in value) return { kind: 'other', description: `the error ${value.error}` };
  if ('richText' in value) return toSheetCell(value.richText.map((run) => run.text).join(''));
  if ('hyperlink' in value) return toSheetCell(value.text);
  if ('result' in value && value.result !== undefined) return toSheetCell(value.result);
  return { kind: 'other', description: 'a formula with no saved value' };
}

/**
 * Money as a spreadsheet number when the number reads back as exactly the same amount (any amount of
 * up to 15 significant digits, so any NHS allocation); otherwise its exact text. People can then add
 * the cells up, and an import reads back the same pence.
 */
export function moneyCellValue(amount: Money): number | string {
  const text = amount.toString();
  const number = Number(text);
  if (!Number.isFinite(number)) return text;
  try {
    return Money.parse(String(number)).equals(amount) ? number : text;
  } catch {
    return text;
  }
}

/** A cell to write: text, money, a whole number, yes/no, or nothing. */
export type WorkbookCell = string | number | boolean | Money | null;

export interface WorkbookSheet {
  name: string;
  rows: readonly (readonly WorkbookCell[])[];
  /** Width of each column, in characters. */
  widths?: readonly number[];
  /** Bold the first row and keep it in view. */
  header?: boolean;
}

const MONEY_FORMAT = '#,##0.00';

/** An .xlsx workbook of the given sheets, money as numbers shown to the penny. */
export async function writeWorkbook(sheets: readonly WorkbookSheet[]): Promise<ArrayBuffer> {
  const ExcelJS = await loadExcel();
  const workbook: Workbook = new ExcelJS.Workbook();
  workbook.creator = 'CCG Assure';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, sheet.header ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
    sheet.rows.forEach((row, rowIndex) => {
      row.forEach((value, columnIndex) => {
        if (value === null) return;
        const cell = worksheet.getCell(rowIndex + 1, columnIndex + 1);
        if (value instanceof Money) {
          cell.value = moneyCellValue(value);
          cell.numFmt = MONEY_FORMAT;
        } else {
          cell.value = value;
        }
      });
    });
    if (sheet.header) worksheet.getRow(1).font = { bold: true };
    sheet.widths?.forEach((width, index) => {
      worksheet.getColumn(index + 1).width = width;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

/** Hands a file made in the browser to the person as a download (nothing is fetched). */
export function downloadFile(fileName: string, contents: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type }));
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

/** "02V", "2015/16", "xlsx" → "financial-plan-02v-2015-16.xlsx". */
export function planFileName(ccg: string, financialYear: string, extension: 'xlsx' | 'csv', kind = 'financial-plan'): string {
  return `${kind}-${ccg.toLowerCase()}-${parseFinancialYear(financialYear).urlSegment}.${extension}`;
}
