import { Readable } from 'node:stream';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, roles } from '../auth/access';
import { Role } from '../auth/role';
import { hasAnyRole, type Viewer } from '../auth/viewer';
import { AppError } from '../server/app-error';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageSize } from '../server/pagination';
import type { RequestContext } from '../server/request-context';
import { ImportBatch, ImportBatchConnection, ImportChangeConnection, ImportDataInput, ImportKindName, ImportOutcome, type ImportPhase } from './import.type';
import type { ImportBatchView, ImportChangeView } from './import.service';
import { importKinds } from './kinds';

@Resolver(() => ImportBatch)
export class ImportsResolver {
  @Mutation(() => ImportBatch, {
    description:
      'Imports a small national data file sent as text, all or nothing: a file with any bad row saves nothing and lists every bad row; the same file again changes nothing. ' +
      'For small files only: the whole request must fit the 1 MB limit of /graphql. Larger files go to POST /imports/<kind>?fileName=<name> (text/csv body, header x-ccg-upload: 1, the session cookie), which answers the same ImportBatch as JSON. Analysts and administrators.',
  })
  @Access(roles(Role.ANALYST, Role.ADMIN))
  async importData(@Arg('input', () => ImportDataInput, { description: 'The file.' }) input: ImportDataInput, @Ctx() context: RequestContext): Promise<ImportBatch> {
    const viewer = context.viewer as Viewer;
    const report = await context.services.imports.run({
      kind: importKinds[input.kind],
      fileName: input.fileName,
      stream: Readable.from([Buffer.from(input.content, 'utf8')]),
      actor: { userId: viewer.userId, username: viewer.username, requestId: context.requestId },
    });
    return toImportBatch(await context.services.imports.batch(report.batchId));
  }

  @Query(() => [ImportBatch], {
    description: 'The import history, newest first. Analysts and administrators.',
    deprecationReason: 'Use importBatchPage, which pages (first, after), filters by kind and outcome and counts; this list form stays for existing clients.',
  })
  @Access(roles(Role.ANALYST, Role.ADMIN))
  async importBatches(
    @Ctx() context: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many (1 to 200; default 50).' }) first?: number,
  ): Promise<ImportBatch[]> {
    return (await context.services.imports.history(first ?? 50)).map(toImportBatch);
  }

  @Query(() => ImportBatchConnection, { description: 'A page of the import history, newest first, optionally of one kind or outcome. Analysts and administrators.' })
  @Access(roles(Role.ANALYST, Role.ADMIN))
  async importBatchPage(
    @Ctx() context: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: `How many imports (1 to ${MAX_PAGE_SIZE}; default 50).` }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which to start (from pageInfo.endCursor).' }) after?: string,
    @Arg('kind', () => ImportKindName, { nullable: true, description: 'Only imports of this kind of file.' }) kind?: ImportKindName,
    @Arg('outcome', () => ImportOutcome, { nullable: true, description: 'Only imports with this outcome.' }) outcome?: ImportOutcome,
  ): Promise<ImportBatchConnection> {
    const page = await context.services.imports.historyPage({ kind, outcome }, pageSize(first), idOfCursor(after));
    const nodes = page.rows.map(toImportBatch);
    return {
      nodes,
      edges: nodes.map((node) => ({ cursor: encodeCursor(node.id), node })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].id) : null },
      totalCount: page.totalCount,
    };
  }

  @Query(() => ImportBatch, { nullable: true, description: 'One import of the history; null when there is none with this id. Analysts and administrators.' })
  @Access(roles(Role.ANALYST, Role.ADMIN))
  async importBatch(@Arg('id', () => ID, { description: 'Identifier of the import.' }) id: string, @Ctx() context: RequestContext): Promise<ImportBatch | null> {
    const batch = await context.services.imports.findBatch(id);
    return batch && toImportBatch(batch);
  }

  @Query(() => ImportBatch, {
    nullable: true,
    description:
      'The import of a file being uploaded with the header x-ccg-upload-id: <uploadId>, as far as it has gone (rows and bytes read, phase; written about twice a second), then its outcome. ' +
      'Null until the import has started (it may wait for another import of the same kind), and for an upload of someone else: an analyst sees only their own uploads, an administrator everyone’s. Analysts and administrators.',
  })
  @Access(roles(Role.ANALYST, Role.ADMIN))
  async importProgress(@Arg('uploadId', () => ID, { description: 'The upload id the client chose (a UUID).' }) uploadId: string, @Ctx() context: RequestContext): Promise<ImportBatch | null> {
    const viewer = context.viewer as Viewer;
    const batch = await context.services.imports.progress(uploadId, { userId: viewer.userId, isAdmin: hasAnyRole(viewer, [Role.ADMIN]) });
    return batch && toImportBatch(batch);
  }

  @FieldResolver(() => ImportChangeConnection, {
    description: 'The changes the import made to the data held (values added, corrected or removed; organisations added or updated), read from the audit trail, in the order it made them. Empty for a refused import.',
  })
  async changes(
    @Root() batch: ImportBatch,
    @Ctx() context: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: `How many changes (1 to ${MAX_PAGE_SIZE}; default 50).` }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which to start (from pageInfo.endCursor).' }) after?: string,
  ): Promise<ImportChangeConnection> {
    const page = await context.services.imports.changes(batch.outcome === ImportOutcome.REJECTED ? null : batch.requestId, pageSize(first), idOfCursor(after));
    const nodes = page.rows.map(toImportChange);
    return {
      nodes,
      edges: nodes.map((node) => ({ cursor: encodeCursor(node.id), node })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].id) : null },
      totalCount: page.totalCount,
    };
  }
}

/** The id a cursor of these pages points at; BAD_USER_INPUT (CURSOR_INVALID) for anything else. */
function idOfCursor(cursor: string | null | undefined): string | null {
  const id = decodeCursor(cursor);
  if (id !== null && !/^\d{1,18}$/.test(id)) throw new AppError('BAD_USER_INPUT', 'CURSOR_INVALID', 'The cursor is not one this server gave out.');
  return id;
}

const toImportChange = (view: ImportChangeView) => ({
  id: view.id,
  action: view.action,
  entityType: view.entityType,
  entityId: view.entityId,
  before: view.before,
  after: view.after,
});

/** An entry of the import history as GraphQL (and the upload endpoint) shows it. */
export const toImportBatch = (view: ImportBatchView): ImportBatch => ({
  id: view.id,
  kind: view.kind as ImportKindName,
  fileName: view.fileName,
  fileSha256: view.fileSha256,
  outcome: view.outcome as ImportOutcome,
  startedAt: view.startedAt,
  finishedAt: view.finishedAt,
  durationSeconds: view.finishedAt ? Math.max(0, view.finishedAt.getTime() - view.startedAt.getTime()) / 1000 : null,
  rowsRead: view.rowsRead,
  bytesRead: Number(view.bytesRead),
  phase: view.outcome === 'RUNNING' ? (view.phase as ImportPhase | null) : null,
  rowsRejected: view.rowsRejected,
  inserted: view.inserted,
  updated: view.updated,
  deleted: view.deleted,
  errors: view.errors,
  actorUsername: view.actorUsername,
  requestId: view.requestId,
});
