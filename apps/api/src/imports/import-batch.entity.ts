import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What the import of one file reported about a bad row. */
export interface RowError {
  line: number;
  reason: string;
}

/** One import of a national data file, refused or not (table `import_batch`): the import history. */
@Entity({ name: 'import_batch' })
export class ImportBatchEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** The import kind's name, for example `ae`. */
  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ type: 'text', name: 'file_name' })
  fileName!: string;

  /** SHA-256 of the file, hex. */
  @Column({ type: 'char', length: 64, name: 'file_sha256' })
  fileSha256!: string;

  @Column({ type: 'timestamptz', name: 'started_at', insert: false, update: false })
  startedAt!: Date;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  /** SUCCEEDED, UNCHANGED or REJECTED; RUNNING while it runs, INTERRUPTED when a crash cut it short (a CHECK constraint). */
  @Column({ type: 'varchar', length: 20 })
  outcome!: string;

  @Column({ type: 'integer', name: 'rows_read' })
  rowsRead!: number;

  @Column({ type: 'integer', name: 'rows_rejected' })
  rowsRejected!: number;

  @Column({ type: 'integer' })
  inserted!: number;

  @Column({ type: 'integer' })
  updated!: number;

  @Column({ type: 'integer' })
  deleted!: number;

  /** The first bad rows of a refused file, in file order. */
  @Column({ type: 'jsonb' })
  errors!: RowError[];

  @Column({ type: 'uuid', name: 'actor_user_id', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text', name: 'actor_username', nullable: true })
  actorUsername!: string | null;

  /** The id the uploading client chose (header x-ccg-upload-id) to watch its progress; unique. */
  @Column({ type: 'uuid', name: 'upload_id', nullable: true })
  uploadId!: string | null;

  /** Bytes of the file read so far (all of them once it ends); bigint, read as text. */
  @Column({ type: 'bigint', name: 'bytes_read', default: 0 })
  bytesRead!: string;

  /** READING, CHECKING or SAVING while RUNNING; null otherwise (a CHECK constraint). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phase!: ImportPhase | null;

  /** The request that ran the import: its audit rows (the values it changed) carry the same request id. */
  @Column({ type: 'text', name: 'request_id', nullable: true })
  requestId!: string | null;
}

/** Where a running import stands: rows streaming in, checks after the last row, then the merge. */
export type ImportPhase = 'READING' | 'CHECKING' | 'SAVING';
