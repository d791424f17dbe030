import { once } from 'node:events';
import type { CopyStreamQuery } from 'pg-copy-streams';

// Bulk writes with `COPY ... FROM STDIN` (decision 0033): an import's staging rows, and the stored scores a recompute
// writes. Generic over the table; the statement that starts each COPY lives in its area's *.queries.ts.

/** A value to copy: text, a number, a boolean, or NULL. */
export type CopyValue = string | number | boolean | null;

/** Characters gathered before one write to the COPY stream: few writes, memory bounded. */
const CHUNK_CHARS = 256 * 1024;

/** The characters COPY's text format escapes: backslash, tab, line feed and carriage return. */
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One value in COPY's text format (PostgreSQL manual, COPY, "Text Format"): NULL as \N; a backslash, tab, line feed
 * or carriage return escaped, so any text arrives exactly as given (PostgreSQL cannot store U+0000 in text at all: the
 * imports refuse it first). A number that is not finite is NULL, as JSON writes it.
 */
export function copyTextValue(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (character) => ESCAPES[character]) : value;
}

/**
 * Streams rows into a table with `COPY ... FROM STDIN` on the caller's connection, inside its transaction: rows are
 * gathered into chunks of about CHUNK_CHARS and written as the server takes them (the stream's backpressure), so
 * memory stays bounded however many rows; Node goes on preparing rows while the server stores the last chunk. While
 * it is open the connection runs nothing else; `end` or `abort` frees it.
 */
export class CopyWriter {
  private chunk = '';
  private failure: Error | null = null;

  /** `stream`: the COPY just started on the connection (its area's *.queries.ts starts it). */
  constructor(private readonly stream: CopyStreamQuery) {
    // An error of the server (or the connection) is kept and thrown by the next write or by `end`.
    stream.on('error', (error: Error) => (this.failure ??= error));
  }

  /** Adds one row, its values in the COPY's column order. True when `write` is due. */
  add(values: readonly CopyValue[]): boolean {
    let row = copyTextValue(values[0]);
    for (let index = 1; index < values.length; index++) row += '\t' + copyTextValue(values[index]);
    this.chunk += row + '\n';
    return this.chunk.length >= CHUNK_CHARS;
  }

  /** Sends the rows gathered so far, waiting while the server is behind. */
  async write(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.chunk.length === 0) return;
    const chunk = this.chunk;
    this.chunk = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
    if (this.failure) throw this.failure;
  }

  /** Sends the last rows and ends the COPY; the rows are then in the table. */
  async end(): Promise<void> {
    await this.write();
    const finished = once(this.stream, 'finish');
    this.stream.end();
    await finished.catch((error: unknown) => {
      throw this.failure ?? error;
    });
    if (this.failure) throw this.failure;
  }

  /** Cancels the COPY (the server discards its rows) and waits until the connection can run statements again. */
  async abort(): Promise<void> {
    if (this.stream.destroyed || this.stream.writableFinished) return;
    const closed = once(this.stream, 'close').catch(() => undefined);
    this.stream.destroy(new Error('stopped before every row was copied'));
    await closed;
  }
}
