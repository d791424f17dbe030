import { graphql } from '../gql';

/** What the outcome panel shows of an import (the upload endpoint answers the same fields as JSON). @public Spread by name in the operations; codegen reads it, no module imports the document. */
export const ImportBatchFieldsFragment = graphql(`
  fragment ImportBatchFields on ImportBatch {
    id
    kind
    fileName
    outcome
    phase
    startedAt
    finishedAt
    durationSeconds
    rowsRead
    bytesRead
    rowsRejected
    inserted
    updated
    deleted
    actorUsername
  }
`);

/** A running upload's progress, polled about twice a second while the file streams. */
export const ImportProgressQuery = graphql(`
  query ImportProgress($uploadId: ID!) {
    importProgress(uploadId: $uploadId) {
      id
      outcome
      phase
      rowsRead
      bytesRead
    }
  }
`);

/** A page of the import history. */
export const ImportBatchPageQuery = graphql(`
  query ImportBatchPage($first: Int, $after: String, $kind: ImportKind, $outcome: ImportOutcome) {
    importBatchPage(first: $first, after: $after, kind: $kind, outcome: $outcome) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ImportBatchFields
      }
    }
  }
`);

/** One import: its bad rows and a page of the values it changed. */
export const ImportBatchQuery = graphql(`
  query ImportBatch($id: ID!, $first: Int, $after: String) {
    importBatch(id: $id) {
      ...ImportBatchFields
      fileSha256
      errors {
        line
        reason
      }
      changes(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          action
          entityType
          entityId
          before
          after
        }
      }
    }
  }
`);
