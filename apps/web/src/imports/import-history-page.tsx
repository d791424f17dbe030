import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import type { ImportKind, ImportOutcome } from '../gql/graphql';
import { FilterSelect } from '../ui/filter-select';
import { formatCount } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, TableContainer } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { formatDuration, IMPORT_KINDS, kindLabel, OUTCOME_LABELS } from './import-kinds';
import { formatInstant } from '../ui/format';
import { ImportBatchPageQuery } from './imports.operations';

const PAGE_SIZE = 50;
const OUTCOMES = Object.keys(OUTCOME_LABELS) as ImportOutcome[];

/** `/imports/history`: every import, newest first (who, when, kind, file, rows, outcome, duration), by kind and outcome. */
export function ImportHistoryPage() {
  usePageTitle('Import history');
  const [params, setParams] = useSearchParams();
  const kind = IMPORT_KINDS.find((choice) => choice.kind === params.get('kind'))?.kind ?? null;
  const outcome = OUTCOMES.find((value) => value === params.get('outcome')) ?? null;
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, loading, error, fetchMore } = useQuery(ImportBatchPageQuery, { variables: { first: PAGE_SIZE, kind, outcome }, fetchPolicy: 'cache-and-network' });
  const page = data?.importBatchPage;

  function setFilter(name: 'kind' | 'outcome', value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  }

  async function showMore() {
    if (!page?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: page.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          importBatchPage: { ...fetchMoreResult.importBatchPage, nodes: [...previous.importBatchPage.nodes, ...fetchMoreResult.importBatchPage.nodes] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <div className="ccg-report">
      <p className="nhsuk-body ccg-no-print">
        <Link to="/imports">Import a file</Link>
      </p>
      <h1 className="nhsuk-heading-l">Import history</h1>
      <div className="ccg-no-print ccg-search">
        <FilterSelect
          id="kind-filter"
          label="Kind of file"
          value={kind ?? ''}
          options={[{ value: '', label: 'Any kind' }, ...IMPORT_KINDS.map((choice) => ({ value: choice.kind, label: choice.label }))]}
          onChange={(value) => setFilter('kind', value as ImportKind | '')}
        />
        <FilterSelect
          id="outcome-filter"
          label="Outcome"
          value={outcome ?? ''}
          options={[{ value: '', label: 'Any outcome' }, ...OUTCOMES.map((value) => ({ value, label: OUTCOME_LABELS[value] }))]}
          onChange={(value) => setFilter('outcome', value)}
        />
      </div>
      {error && !page ? (
        <ErrorSummary title="The import history could not be loaded" headingLevel="h2">
          <p>{describeError(error)}</p>
        </ErrorSummary>
      ) : loading && !page ? (
        <Loading label="Loading the import history" />
      ) : !page || page.nodes.length === 0 ? (
        <p className="nhsuk-body">{kind || outcome ? 'No imports match these filters.' : 'No file has been imported yet.'}</p>
      ) : (
        <>
          <p className="nhsuk-body" role="status">
            Showing {formatCount(page.nodes.length)} of {formatCount(page.totalCount)} {page.totalCount === 1 ? 'import' : 'imports'}.
          </p>
          <TableContainer>
            <table className="nhsuk-table nhsuk-table--compact">
              <caption className="nhsuk-u-visually-hidden">Imports, newest first</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">When</th>
                  <th scope="col" className="nhsuk-table__header">Who</th>
                  <th scope="col" className="nhsuk-table__header">Kind</th>
                  <th scope="col" className="nhsuk-table__header">File</th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Rows</th>
                  <th scope="col" className="nhsuk-table__header">Outcome</th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Duration</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {page.nodes.map((batch) => (
                  <tr key={batch.id} className="nhsuk-table__row">
                    <td className="nhsuk-table__cell">
                      <Link to={`/imports/${batch.id}`}>{formatInstant(batch.startedAt)}</Link>
                    </td>
                    <td className="nhsuk-table__cell">{batch.actorUsername ?? 'the system'}</td>
                    <td className="nhsuk-table__cell">{kindLabel(batch.kind)}</td>
                    <td className="nhsuk-table__cell">{batch.fileName}</td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatCount(batch.rowsRead)}</td>
                    <td className="nhsuk-table__cell">
                      {OUTCOME_LABELS[batch.outcome]}
                      {batch.outcome === 'SUCCEEDED' && ` (${formatCount(batch.inserted)} added, ${formatCount(batch.updated)} changed, ${formatCount(batch.deleted)} removed)`}
                      {batch.outcome === 'REJECTED' && ` (${formatCount(batch.rowsRejected)} bad rows)`}
                    </td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatDuration(batch.durationSeconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
          {page.pageInfo.hasNextPage && (
            <Button type="button" secondary className="ccg-no-print" disabled={loadingMore} onClick={() => void showMore()}>
              {loadingMore ? 'Loading more imports' : 'Show more imports'}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
