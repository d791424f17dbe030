import { CsvError, parse } from 'csv-parse';
import { pipeline, type Readable } from 'node:stream';
import { AppError } from '../server/app-error';

/** One data row of a CSV file, with its 1-based line number in the file (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * The longest row read, in bytes. The files imported have rows of a few hundred bytes; the bound keeps a
 * quote that is never closed from holding the rest of the file in memory (docs/security.md, "Reading CSV files").
 */
export const MAX_ROW_BYTES = 1_000_000;

/**
 * Streams an RFC 4180 CSV (commas, double-quoted fields with "" escapes and line breaks, rows ending in LF or
 * CRLF, an optional UTF-8 byte-order mark) row by row with csv-parse (docs/decisions/0019-csv-parsing.md), in
 * memory bounded by MAX_ROW_BYTES. Yields the header first as line 1, and a blank line as one empty cell.
 * A quote never closed, a row too long, or bytes that are not UTF-8 stop the reading with BAD_USER_INPUT
 * naming the line where the row starts: nothing is silently replaced.
 */
export async function* readCsv(stream: Readable): AsyncGenerator<CsvRow> {
  let nextLine = 1;
  /** The line each parsed row starts on, in order, until the loop below takes the row. */
  const rowLines: number[] = [];
  const parser = parse({
    // The byte-order mark is dropped before parsing (csv-parse's `bom` would decode fields as it goes).
    bom: false,
    // Latin-1 maps each byte to one character and back: fields reach decodeUtf8 as their exact bytes, whole,
    // so a character split across chunks stays intact and a byte that is not UTF-8 is an error, not U+FFFD.
    // The delimiter, quote and line ends are ASCII, which never occurs inside a UTF-8 multi-byte character.
    encoding: 'latin1',
    // A quote inside an unquoted field is text (as the browser's reader, papaparse, reads it).
    relax_quotes: true,
    // Rows of differing lengths are the importer's to report, row by row.
    relax_column_count: true,
    // LF or CRLF, mixed or not; a lone CR is text (not csv-parse's guess from the first line end).
    record_delimiter: ['\r\n', '\n'],
    // In characters of Latin-1, so in bytes.
    max_record_size: MAX_ROW_BYTES,
    // Runs as each row is parsed, which may be ahead of the rows taken by the loop below (the parser buffers
    // a few): so an error names the line of the row it stopped in, not of the last row taken.
    on_record: (record) => {
      const line = nextLine;
      const cells = record.map((field) => (NOT_ASCII.test(field) ? decodeUtf8(field, line) : field));
      // The next row starts after this row's line end and the line breaks inside its quoted fields
      // (csv-parse's own count, info.lines, also counts a lone CR).
      nextLine += 1;
      for (const cell of cells) if (cell.includes('\n')) nextLine += cell.split('\n').length - 1;
      rowLines.push(line);
      return cells;
    },
  });
  // Errors of the source reach the loop below through the parser; stopping the loop early ends both.
  pipeline(stream, withoutByteOrderMark, parser, () => undefined);
  try {
    for await (const cells of parser as AsyncIterable<string[]>) yield { line: rowLines.shift() as number, cells };
  } catch (error) {
    if (error instanceof CsvError) throw csvRefusal(error, nextLine);
    throw error;
  }
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The bytes of the file without a leading UTF-8 byte-order mark, which may arrive split across chunks. */
async function* withoutByteOrderMark(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let start: Buffer | null = Buffer.alloc(0);
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (start === null) {
      yield bytes;
      continue;
    }
    start = Buffer.concat([start, bytes]);
    if (start.length < UTF8_BOM.length && UTF8_BOM.subarray(0, start.length).equals(start)) continue;
    const rest = start.subarray(start.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? UTF8_BOM.length : 0);
    start = null;
    if (rest.length > 0) yield rest;
  }
  if (start !== null && start.length > 0) yield start;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A byte above 0x7F, as Latin-1 reads it: a field without one reads the same in UTF-8 and skips decoding (most fields). */
const NOT_ASCII = /[\u0080-\u00ff]/;

function decodeUtf8(field: string, line: number): string {
  try {
    return utf8.decode(Buffer.from(field, 'latin1'));
  } catch {
    throw new AppError('BAD_USER_INPUT', 'IMPORT_CSV_NOT_UTF8', `Line ${line}: the file is not UTF-8 text; save it from your spreadsheet as "CSV UTF-8".`, { line });
  }
}

/** The parser's error as BAD_USER_INPUT at the line where the row it stopped in starts. */
function csvRefusal(error: CsvError, line: number): AppError {
  const problem =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted field is never closed (a " is missing)'
      : error.code === 'CSV_MAX_RECORD_SIZE'
        ? `the row is longer than ${MAX_ROW_BYTES.toLocaleString('en-GB')} bytes (is a quote never closed?)`
        : `the file is not valid CSV (${error.code})`;
  return new AppError('BAD_USER_INPUT', 'IMPORT_CSV_INVALID', `Line ${line}: ${problem}.`, { line });
}
