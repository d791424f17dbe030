import type { Readable } from 'node:stream';

/** One data row of a CSV file, with its 1-based line number in the file (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Streams an RFC 4180 CSV (commas, double-quoted fields with "" escapes, LF or CRLF, optional BOM)
 * row by row, in memory bounded by the longest row. Yields the header first as line 1.
 */
export async function* readCsv(stream: Readable): AsyncGenerator<CsvRow> {
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let afterQuote = false;
  let line = 1;
  let rowLine = 1;
  let first = true;
  let sawAnything = false;
  for await (const chunk of stream) {
    let text = typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      sawAnything = true;
      if (inQuotes) {
        if (char === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            // Closing quote; if it ends the chunk, the next chunk's first character may still
            // make it the first half of a "" escape (handled below).
            inQuotes = false;
            afterQuote = true;
          }
        } else {
          if (char === '\n') line++;
          field += char;
        }
        continue;
      }
      if (afterQuote && char === '"') {
        // The "" escape split across two chunks.
        field += '"';
        inQuotes = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (char === '"' && field === '') {
        inQuotes = true;
      } else if (char === ',') {
        cells.push(field);
        field = '';
      } else if (char === '\n') {
        cells.push(field.endsWith('\r') ? field.slice(0, -1) : field);
        yield { line: rowLine, cells };
        cells = [];
        field = '';
        line++;
        rowLine = line;
      } else {
        field += char;
      }
    }
  }
  if (sawAnything && (cells.length > 0 || field !== '')) {
    cells.push(field.endsWith('\r') ? field.slice(0, -1) : field);
    yield { line: rowLine, cells };
  }
}
