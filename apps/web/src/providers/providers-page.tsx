import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import type { ProvidersByStatusQuery as ProvidersByStatusResult, ScorecardStatus } from '../gql/graphql';
import { fetchAllPages } from '../ui/all-pages';
import { DownloadCsvButton } from '../ui/download-csv-button';
import { formatDate, monthLabel } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, TableContainer, TextInput } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { FilterSelect } from '../ui/filter-select';
import { ProvidersByStatusQuery, ProvidersQuery } from './providers.operations';
import { useRegionOptions } from './use-regions';

const PAGE_SIZE = 50;
/** Rows a download fetches a page at a time (within the API's query cost limit). */
const DOWNLOAD_PAGE_SIZE = 100;

const STATUS_OPTIONS: { value: ScorecardStatus | ''; label: string }[] = [
  { value: '', label: 'Any' },
  { value: 'FAILING', label: 'Failing a standard' },
  { value: 'IMPROVING', label: 'Improving (special cause improvement)' },
  { value: 'DETERIORATING', label: 'Deteriorating (special cause concern)' },
];

const STATUS_COLUMN: Record<ScorecardStatus, string> = {
  FAILING: 'Failing',
  IMPROVING: 'Improving on',
  DETERIORATING: 'Deteriorating on',
};

interface ProviderRow {
  code: string;
  name: string;
  openDate?: string | null;
  closeDate?: string | null;
  /** In status mode: the indicators the provider is in that state on (the API's verdicts). */
  matching?: string[];
}

function isStatus(value: string | null): value is ScorecardStatus {
  return value === 'FAILING' || value === 'IMPROVING' || value === 'DETERIORATING';
}

type StatusSummary = NonNullable<ProvidersByStatusResult>['scorecardSummary'];

/** The providers of a scorecard summary page, each with the indicators it is in the chosen state on (the API's verdicts). */
function statusRows(summary: StatusSummary, status: ScorecardStatus): ProviderRow[] {
  const names = new Map(summary.indicators.map((indicator) => [indicator.code, indicator.name]));
  const matches = (cell: StatusSummary['edges'][number]['node']['cells'][number]) =>
    status === 'FAILING' ? cell.rag === 'RED' : status === 'IMPROVING' ? cell.variationType === 'SPECIAL_CAUSE_IMPROVEMENT' : cell.variationType === 'SPECIAL_CAUSE_CONCERN';
  return summary.edges.map(({ node }) => ({
    ...node.provider,
    matching: node.cells.filter(matches).map((cell) => names.get(cell.indicator.code) ?? cell.indicator.code),
  }));
}

/** NHS trusts from the ODS lists, searchable by name or code, by region, and by state on the scorecard. */
export function ProvidersPage() {
  usePageTitle('Providers');
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.get('search') ?? '';
  const region = searchParams.get('region') ?? '';
  const statusParam = searchParams.get('status');
  const status = isStatus(statusParam) ? statusParam : null;
  const [draft, setDraft] = useState({ search, region, status: status ?? '' });
  const [loadingMore, setLoadingMore] = useState(false);
  const regionOptions = useRegionOptions();

  const all = useQuery(ProvidersQuery, { variables: { search: search || null, region: region || null, first: PAGE_SIZE }, skip: Boolean(status) });
  const byStatus = useQuery(ProvidersByStatusQuery, {
    variables: { filter: { search: search || null, region: region || null, status }, first: PAGE_SIZE },
    skip: !status,
  });
  const active = status ? byStatus : all;
  const { loading, error } = active;

  let rows: ProviderRow[] | null = null;
  let totalCount = 0;
  let pageInfo: { hasNextPage: boolean; endCursor?: string | null } | null = null;
  let asOf: string | null = null;
  if (status && byStatus.data) {
    const summary = byStatus.data.scorecardSummary;
    rows = statusRows(summary, status);
    totalCount = summary.totalCount;
    pageInfo = summary.pageInfo;
    asOf = summary.asOf ?? null;
  } else if (!status && all.data) {
    rows = all.data.organisations.edges.map(({ node }) => node);
    totalCount = all.data.organisations.totalCount;
    pageInfo = all.data.organisations.pageInfo;
  }

  const client = useApolloClient();
  /** Every provider that matches the filter, a page at a time, as CSV rows (the whole set, not the page on screen). */
  async function allCsvRows() {
    const every = await fetchAllPages<ProviderRow>(async (after) => {
      if (status) {
        const { data } = await client.query({
          query: ProvidersByStatusQuery,
          variables: { filter: { search: search || null, region: region || null, status }, first: DOWNLOAD_PAGE_SIZE, after },
          fetchPolicy: 'no-cache',
        });
        if (!data) throw new Error('no answer');
        return { items: statusRows(data.scorecardSummary, status), pageInfo: data.scorecardSummary.pageInfo };
      }
      const { data } = await client.query({ query: ProvidersQuery, variables: { search: search || null, region: region || null, first: DOWNLOAD_PAGE_SIZE, after }, fetchPolicy: 'no-cache' });
      if (!data) throw new Error('no answer');
      return { items: data.organisations.edges.map(({ node }) => node), pageInfo: data.organisations.pageInfo };
    });
    return every.map(csvRow);
  }
  const csvRow = (row: ProviderRow) => [row.code, row.name, row.openDate, row.closeDate, ...(status ? [row.matching?.join('; ')] : [])];

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (draft.search.trim()) next.search = draft.search.trim();
    if (draft.region) next.region = draft.region;
    if (draft.status) next.status = draft.status;
    setSearchParams(next);
  }

  async function showMore() {
    if (!pageInfo?.endCursor) return;
    setLoadingMore(true);
    try {
      if (status) {
        await byStatus.fetchMore({
          variables: { after: pageInfo.endCursor },
          updateQuery: (previous, { fetchMoreResult }) => ({
            scorecardSummary: { ...fetchMoreResult.scorecardSummary, edges: [...previous.scorecardSummary.edges, ...fetchMoreResult.scorecardSummary.edges] },
          }),
        });
      } else {
        await all.fetchMore({
          variables: { after: pageInfo.endCursor },
          updateQuery: (previous, { fetchMoreResult }) => ({
            organisations: { ...fetchMoreResult.organisations, edges: [...previous.organisations.edges, ...fetchMoreResult.organisations.edges] },
          }),
        });
      }
    } finally {
      setLoadingMore(false);
    }
  }

  const statusLabel = status ? STATUS_OPTIONS.find((option) => option.value === status)?.label.toLowerCase() : null;
  const described = [search ? `matching “${search}”` : '', region ? `in ${regionOptions.find((option) => option.value === region)?.label ?? region}` : '', statusLabel ? `${statusLabel}${asOf ? ` in ${monthLabel(asOf)}` : ''}` : '']
    .filter(Boolean)
    .join(', ');
  const columns = ['ODS code', 'Name', 'Opened', 'Closed', ...(status ? [STATUS_COLUMN[status]] : [])];

  return (
    <>
      <h1 className="nhsuk-heading-l">Providers</h1>
      <p className="nhsuk-body">NHS trusts, from NHS Digital's organisation data service (ODS), with their 2016 names where they had one.</p>
      <ul className="nhsuk-list ccg-related-links">
        <li>
          <Link className="nhsuk-link" to="/providers/grid">
            Integrated performance report: every provider by every indicator
          </Link>
        </li>
        <li>
          <Link className="nhsuk-link" to="/providers/compare">
            Compare providers on an indicator (funnel plot and ranking)
          </Link>
        </li>
      </ul>
      <form role="search" aria-label="Providers" onSubmit={submit} className="ccg-search">
        <TextInput
          id="provider-search"
          label="Search by name or ODS code"
          hint="For example, Leeds or RR8"
          value={draft.search}
          onChange={(event) => setDraft({ ...draft, search: event.currentTarget.value })}
          width={20}
        />
        <FilterSelect id="provider-region" label="Region" value={draft.region} options={regionOptions} onChange={(value) => setDraft({ ...draft, region: value })} />
        <FilterSelect id="provider-status" label="Scorecard status" value={draft.status} options={STATUS_OPTIONS} onChange={(value) => setDraft({ ...draft, status: value as ScorecardStatus | '' })} />
        <Button type="submit" secondary>
          Search
        </Button>
      </form>
      {error && (
        <ErrorSummary title="Providers could not be loaded" headingLevel="h2">
          <p>{describeError(error)}</p>
        </ErrorSummary>
      )}
      {loading && !rows && <Loading label="Loading providers" />}
      {rows && (
        <>
          <p className="nhsuk-body" role="status" aria-live="polite">
            {totalCount === 0
              ? `No providers${described ? ` ${described}` : ''}.`
              : `Showing ${rows.length} of ${totalCount} provider${totalCount === 1 ? '' : 's'}${described ? ` ${described}` : ''}.`}
          </p>
          {rows.length > 0 && (
            <>
              <TableContainer>
                <table className="nhsuk-table">
                  <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Providers</caption>
                  <thead className="nhsuk-table__head">
                    <tr className="nhsuk-table__row">
                      {columns.map((column) => (
                        <th key={column} scope="col" className="nhsuk-table__header">
                          {column}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="nhsuk-table__body">
                    {rows.map((row) => (
                      <tr key={row.code} className="nhsuk-table__row">
                        <td className="nhsuk-table__cell">{row.code}</td>
                        <td className="nhsuk-table__cell">
                          <Link className="nhsuk-link" to={`/providers/${encodeURIComponent(row.code)}`}>
                            {row.name}
                          </Link>
                        </td>
                        <td className="nhsuk-table__cell ccg-nowrap">{formatDate(row.openDate)}</td>
                        <td className="nhsuk-table__cell ccg-nowrap">{formatDate(row.closeDate)}</td>
                        {status && <td className="nhsuk-table__cell">{row.matching?.join('; ')}</td>}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableContainer>
              <DownloadCsvButton
                name={`Providers${described ? ` ${described}` : ''}`}
                columns={columns}
                loadRows={allCsvRows}
                what="providers"
                holds={`The file holds every provider${described ? ` ${described}` : ''}: ${totalCount} row${totalCount === 1 ? '' : 's'}, not only those shown.`}
              />
            </>
          )}
          {pageInfo?.hasNextPage && (
            <Button type="button" secondary onClick={() => void showMore()} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Show more providers'}
            </Button>
          )}
        </>
      )}
    </>
  );
}
