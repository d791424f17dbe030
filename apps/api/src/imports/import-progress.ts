import type { DataSource } from 'typeorm';
import { ImportBatchEntity, type ImportPhase } from './import-batch.entity';

/** How often, at most, a running import writes its progress: about twice a second. */
export const PROGRESS_INTERVAL_MS = 500;

export interface ProgressState {
  phase: ImportPhase;
  rowsRead: number;
  bytesRead: number;
}

/**
 * Writes a running import's progress to its import_batch row on the pool's own connections (never the import's
 * transaction, which commits only at the end), so that any API process can answer importProgress. Rows and bytes
 * are written at most every PROGRESS_INTERVAL_MS; a change of phase is written at once. One write at a time: a
 * write asked for while another is under way writes the latest state when that one ends. Writes only while the row
 * is RUNNING, so a late write never overwrites the outcome. A failed write is dropped (progress is a courtesy; the
 * import goes on).
 */
export class ImportProgressWriter {
  private state: ProgressState = { phase: 'READING', rowsRead: 0, bytesRead: 0 };
  private lastWrite = Number.NEGATIVE_INFINITY;
  private writing: Promise<void> | null = null;
  private pending = false;
  private closed = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly batchId: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Rows and bytes read so far (written if the last write is old enough). */
  report(rowsRead: number, bytesRead: number): void {
    this.state = { ...this.state, rowsRead, bytesRead };
    if (this.now() - this.lastWrite >= PROGRESS_INTERVAL_MS) this.write();
  }

  /** A new phase, written at once. */
  phase(phase: ImportPhase, rowsRead: number, bytesRead: number): void {
    this.state = { phase, rowsRead, bytesRead };
    this.write();
  }

  /** Stops writing and waits for a write under way: call it before the import's transaction touches the row. */
  async close(): Promise<void> {
    this.closed = true;
    this.pending = false;
    await this.writing;
  }

  /** Waits until no write is under way or asked for (tests read the row after it). */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private write(): void {
    if (this.closed) return;
    if (this.writing) {
      this.pending = true;
      return;
    }
    this.lastWrite = this.now();
    const { phase, rowsRead, bytesRead } = this.state;
    this.writing = this.dataSource
      .getRepository(ImportBatchEntity)
      .update({ id: this.batchId, outcome: 'RUNNING' }, { phase, rowsRead, bytesRead: String(bytesRead) })
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.writing = null;
        if (this.pending) {
          this.pending = false;
          this.write();
        }
      });
  }
}
