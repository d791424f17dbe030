import { useQuery } from '@apollo/client/react';
import { Button, ErrorSummary, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/page-title';
import { ProvidersQuery } from './providers.operations';

const PAGE_SIZE = 50;

/** NHS trusts from the ODS lists, searchable by name or code. */
export function ProvidersPage() {
  usePageTitle('Providers');
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.get('search') ?? '';
  const [draft, setDraft] = useState(search);
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, loading, error, fetchMore } = useQuery(ProvidersQuery, {
    variables: { search: search || null, first: PAGE_SIZE },
  });
  const connection = data?.organisations;

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = draft.trim();
    setSearchParams(next ? { search: next } : {});
  }

  async function showMore() {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          organisations: { ...fetchMoreResult.organisations, edges: [...previous.organisations.edges, ...fetchMoreResult.organisations.edges] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <>
      <h1 className="nhsuk-heading-l">Providers</h1>
      <p className="nhsuk-body">NHS trusts, from NHS Digital's organisation data service (ODS), with their 2016 names where they had one.</p>
      <form role="search" onSubmit={submit} className="ccg-search">
        <TextInput id="provider-search" label="Search by name or ODS code" hint="For example, Leeds or RR8" value={draft} onChange={(event) => setDraft(event.currentTarget.value)} width={20} />
        <Button type="submit" secondary>
          Search
        </Button>
      </form>
      {error && (
        <ErrorSummary>
          <ErrorSummary.Title>Providers could not be loaded</ErrorSummary.Title>
          <p>{describeError(error)}</p>
        </ErrorSummary>
      )}
      {loading && !connection && <Loading label="Loading providers" />}
      {connection && (
        <>
          <p className="nhsuk-body" role="status" aria-live="polite">
            {connection.totalCount === 0
              ? `No providers match “${search}”.`
              : `Showing ${connection.edges.length} of ${connection.totalCount} provider${connection.totalCount === 1 ? '' : 's'}${search ? ` matching “${search}”` : ''}.`}
          </p>
          {connection.edges.length > 0 && (
            <div className="nhsuk-table-container">
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Providers</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">ODS code</th>
                  <th scope="col" className="nhsuk-table__header">Name</th>
                  <th scope="col" className="nhsuk-table__header">Opened</th>
                  <th scope="col" className="nhsuk-table__header">Closed</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {connection.edges.map(({ node }) => (
                  <tr key={node.code} className="nhsuk-table__row">
                    <td className="nhsuk-table__cell">{node.code}</td>
                    <td className="nhsuk-table__cell">{node.name}</td>
                    <td className="nhsuk-table__cell ccg-nowrap">{node.openDate ?? ''}</td>
                    <td className="nhsuk-table__cell ccg-nowrap">{node.closeDate ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
          {connection.pageInfo.hasNextPage && (
            <Button type="button" secondary onClick={() => void showMore()} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Show more providers'}
            </Button>
          )}
        </>
      )}
    </>
  );
}
