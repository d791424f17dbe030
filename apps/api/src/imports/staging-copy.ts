import { once } from 'node:events';
import type { PoolClient } from 'pg';
import type { CopyStreamQuery } from 'pg-copy-streams';
import { startStagingCopy, type StagingTable } from './staging.queries';

/** A staged value: text, a number, or NULL. */
export type StagedValue = string | number | null;

/** Characters gathered before one write to the COPY stream: few writes, memory bounded. */
const CHUNK_CHARS = 256 * 1024;

/** The characters COPY's text format escapes: backslash, tab, line feed and carriage return. */
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One value in COPY's text format (PostgreSQL manual, COPY, "Text Format"): NULL as \N; a backslash, tab, line feed
 * or carriage return escaped, so any text arrives exactly as read (U+0000 never does: every kind refuses it first).
 */
export function copyTextValue(value: StagedValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (character) => ESCAPES[character]) : value;
}

/**
 * Streams an import's rows into its staging table with `COPY ... FROM STDIN` on the import's own connection, inside
 * its transaction (decision 0033): rows are gathered into chunks of about CHUNK_CHARS and written as the server takes
 * them (the stream's backpressure), so memory stays bounded however large the file. While it is open the connection
 * runs nothing else; `end` or `abort` frees it.
 */
export class StagingCopy {
  private chunk = '';
  private failure: Error | null = null;

  private constructor(private readonly stream: CopyStreamQuery) {
    // An error of the server (or the connection) is kept and thrown by the next write or by `end`.
    stream.on('error', (error: Error) => (this.failure ??= error));
  }

  /** Starts the COPY into the table (created in this transaction). */
  static open(client: PoolClient, staging: StagingTable): StagingCopy {
    return new StagingCopy(startStagingCopy(client, staging));
  }

  /** Adds one row: its line number, then its values in the staging table's column order. True when `write` is due. */
  add(line: number, values: readonly StagedValue[]): boolean {
    let row = String(line);
    for (const value of values) row += '\t' + copyTextValue(value);
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
    this.stream.destroy(new Error('the import stopped before its rows were all staged'));
    await closed;
  }
}
