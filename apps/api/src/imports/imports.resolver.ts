import { Readable } from 'node:stream';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access, roles } from '../auth/access';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import type { RequestContext } from '../server/request-context';
import { ImportBatch, ImportDataInput, type ImportKindName, type ImportOutcome } from './import.type';
import type { ImportBatchView } from './import.service';
import { importKinds } from './kinds';

@Resolver()
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

  @Query(() => [ImportBatch], { description: 'The import history, newest first. Analysts and administrators.' })
  @Access(roles(Role.ANALYST, Role.ADMIN))
  async importBatches(
    @Ctx() context: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many (1 to 200; default 50).' }) first?: number,
  ): Promise<ImportBatch[]> {
    return (await context.services.imports.history(first ?? 50)).map(toImportBatch);
  }
}

/** An entry of the import history as GraphQL (and the upload endpoint) shows it. */
export const toImportBatch = (view: ImportBatchView): ImportBatch => ({
  id: view.id,
  kind: view.kind as ImportKindName,
  fileName: view.fileName,
  fileSha256: view.fileSha256,
  outcome: view.outcome as ImportOutcome,
  startedAt: view.startedAt,
  rowsRead: view.rowsRead,
  rowsRejected: view.rowsRejected,
  inserted: view.inserted,
  updated: view.updated,
  deleted: view.deleted,
  errors: view.errors,
  actorUsername: view.actorUsername,
});
