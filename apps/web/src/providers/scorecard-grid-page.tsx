import { organisationName } from '@ccg-assure/domain';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import { useViewer } from '../auth/viewer';
import { mayReadContracts } from '../contracts/contract-access';
import type { ScorecardOrder, ScorecardStatus, ScorecardSummaryQuery as ScorecardSummaryResult } from '../gql/graphql';
import { fetchAllPages } from '../ui/all-pages';
import { DownloadCsvButton } from '../ui/download-csv-button';
import { csvNumber, formatValue, monthLabel, shortMonthLabel } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, TableContainer, TextInput } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { AssuranceIcon, IconKey, VariationIcon } from '../ui/spc-icons';
import { assuranceLabel, variationLabel } from '../ui/spc-labels';
import { FilterSelect } from '../ui/filter-select';
import { CcgProvidersQuery, ScorecardSummaryQuery } from './scorecard.operations';
import { FiguresNotice } from './figures-notice';
import { RagTag, ragWords, sideOf } from './scorecard-labels';
import { useRegionOptions } from './use-regions';

/** Rows a download fetches a page at a time (within the API's query cost limit). */
const DOWNLOAD_PAGE_SIZE = 100;
const PAGE_SIZE = 50;

type Summary = ScorecardSummaryResult['scorecardSummary'];
type Row = Summary['edges'][number]['node'];
type Cell = Row['cells'][number];
type GridIndicator = Summary['indicators'][number];

const STATUS_OPTIONS: { value: ScorecardStatus | ''; label: string }[] = [
  { value: '', label: 'Any' },
  { value: 'FAILING', label: 'Failing a standard' },
  { value: 'IMPROVING', label: 'Improving (special cause improvement)' },
  { value: 'DETERIORATING', label: 'Deteriorating (special cause concern)' },
];

/** Which organisations the report lists: NHS trusts, or GP practices (a CCG's: those registered with it). */
const SHOW_OPTIONS = [
  { value: '', label: 'NHS trusts' },
  { value: 'practices', label: 'GP practices' },
];

function isStatus(value: string | null): value is ScorecardStatus {
  return value === 'FAILING' || value === 'IMPROVING' || value === 'DETERIORATING';
}

/** The sort in the address: "name", "code" or "value:AE_4HR_ALL", and "asc" or "desc". */
function readOrder(sort: string | null, dir: string | null): ScorecardOrder {
  const direction = dir === 'desc' ? 'DESC' : 'ASC';
  if (sort === 'code') return { field: 'CODE', direction };
  if (sort?.startsWith('value:')) return { field: 'VALUE', indicator: sort.slice('value:'.length), direction };
  return { field: 'NAME', direction };
}

function sortKey(order: ScorecardOrder): string {
  return order.field === 'VALUE' ? `value:${order.indicator}` : order.field.toLowerCase();
}

/** `/providers/grid`: the integrated performance report, every provider by every indicator. */
export function ScorecardGridPage() {
  usePageTitle('Integrated performance report');
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const region = params.get('region') ?? '';
  const ccg = params.get('ccg') ?? '';
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : null;
  const indicator = params.get('indicator') ?? '';
  const practices = params.get('show') === 'practices';
  const order = readOrder(params.get('sort'), params.get('dir'));
  const [draft, setDraft] = useState({ search, region, ccg, status: status ?? '', indicator, show: practices ? 'practices' : '' });
  const [loadingMore, setLoadingMore] = useState(false);
  const regionOptions = useRegionOptions();

  const filter = {
    search: search || null,
    region: region || null,
    ccg: ccg || null,
    status,
    indicator: status && indicator ? indicator : null,
    organisationType: practices ? ('GP_PRACTICE' as const) : null,
  };
  /** What the rows are, in words. */
  const noun = (n: number) => (practices ? `GP practice${n === 1 ? '' : 's'}` : `provider${n === 1 ? '' : 's'}`);
  const { data, previousData, loading, error, fetchMore } = useQuery(ScorecardSummaryQuery, { variables: { filter, first: PAGE_SIZE, orderBy: order } });
  const summary = (data ?? previousData)?.scorecardSummary;
  const client = useApolloClient();
  /** Every row of the report under these filters and this order, a page at a time (the whole set, not the page on screen). */
  const loadAllRows = async (): Promise<Row[]> =>
    fetchAllPages(async (after) => {
      const { data: page } = await client.query({ query: ScorecardSummaryQuery, variables: { filter, first: DOWNLOAD_PAGE_SIZE, orderBy: order, after }, fetchPolicy: 'no-cache' });
      if (!page) throw new Error('no answer');
      return { items: page.scorecardSummary.edges.map((edge) => edge.node), pageInfo: page.scorecardSummary.pageInfo };
    });

  function update(next: Record<string, string | null>) {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    update({
      search: draft.search.trim(),
      region: draft.region,
      ccg: draft.ccg.trim().toUpperCase(),
      status: draft.status,
      indicator: draft.status ? draft.indicator : null,
      show: draft.show || null,
    });
  }

  function sortBy(next: ScorecardOrder) {
    const same = sortKey(next) === sortKey(order);
    const direction = same ? (order.direction === 'ASC' ? 'desc' : 'asc') : next.field === 'VALUE' ? 'desc' : 'asc';
    update({ sort: sortKey(next), dir: direction });
  }

  async function showMore() {
    if (!summary?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: summary.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          scorecardSummary: { ...fetchMoreResult.scorecardSummary, edges: [...previous.scorecardSummary.edges, ...fetchMoreResult.scorecardSummary.edges] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  }

  const indicatorOptions = [{ value: '', label: 'Any indicator' }, ...(summary?.indicators ?? []).map((entry) => ({ value: entry.code, label: entry.name }))];

  return (
    <>
      <div className="nhsuk-back-link">
        <Link className="nhsuk-back-link__link" to="/providers">
          Providers
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">Integrated performance report</h1>
      <p className="nhsuk-lede-text">
        Every provider by every indicator{summary?.asOf ? `, latest data ${monthLabel(summary.asOf)}` : ''}: the value, the standard (RAG) and the Making Data Count variation and
        assurance verdicts. Select a value to see its chart.
      </p>
      {summary && <FiguresNotice indicators={summary.indicators} where="here" />}
      <form role="search" aria-label="Filter the report" onSubmit={submit} className="ccg-search ccg-filters">
        <TextInput id="grid-search" label="Provider name or ODS code" value={draft.search} onChange={(event) => setDraft({ ...draft, search: event.currentTarget.value })} width={20} />
        <FilterSelect id="grid-show" label="Show" value={draft.show} options={SHOW_OPTIONS} onChange={(value) => setDraft({ ...draft, show: value })} />
        <FilterSelect id="grid-region" label="Region" value={draft.region} options={regionOptions} onChange={(value) => setDraft({ ...draft, region: value })} />
        <TextInput
          id="grid-ccg"
          label="CCG (ODS code)"
          aria-describedby="grid-ccg-note"
          value={draft.ccg}
          onChange={(event) => setDraft({ ...draft, ccg: event.currentTarget.value })}
          width={5}
        />
        <FilterSelect id="grid-status" label="Status" value={draft.status} options={STATUS_OPTIONS} onChange={(value) => setDraft({ ...draft, status: value as ScorecardStatus | '' })} />
        {draft.status && <FilterSelect id="grid-indicator" label="On" value={draft.indicator} options={indicatorOptions} onChange={(value) => setDraft({ ...draft, indicator: value })} />}
        <Button type="submit" secondary>
          Apply filters
        </Button>
      </form>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour" id="grid-ccg-note">
        A CCG shows the providers it holds contracts with for the year (as lead or associate) where contracts are recorded, otherwise the providers in its NHS England region; with
        GP practices, the practices registered with it.
      </p>
      {ccg && !practices && <CcgBasis ccg={ccg} asOf={summary?.asOf ?? null} />}
      {error && (
        <ErrorSummary title="The report could not be loaded" headingLevel="h2">
          <p>{describeError(error)}</p>
        </ErrorSummary>
      )}
      {loading && !summary && <Loading label="Loading the report" />}
      {summary && (
        <>
          <p className="nhsuk-body" role="status" aria-live="polite">
            {loading ? 'Updating… ' : ''}
            {summary.totalCount === 0 ? `No ${noun(2)} match these filters.` : `Showing ${summary.edges.length} of ${summary.totalCount} ${noun(summary.totalCount)}.`}
          </p>
          <IconKey />
          {summary.edges.length > 0 && <GridTable summary={summary} order={order} onSort={sortBy} loadAllRows={loadAllRows} />}
          {summary.pageInfo.hasNextPage && (
            <Button type="button" secondary onClick={() => void showMore()} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : `Show more ${noun(2)}`}
            </Button>
          )}
        </>
      )}
    </>
  );
}

function SortHeader({ label, active, direction, onSort, numeric }: { label: string; active: boolean; direction: ScorecardOrder['direction']; onSort: () => void; numeric?: boolean }) {
  return (
    <th
      scope="col"
      className={`nhsuk-table__header${numeric ? ' ccg-grid__indicator-header' : ''}`}
      aria-sort={active ? (direction === 'DESC' ? 'descending' : 'ascending') : 'none'}
    >
      <button type="button" className="ccg-sort-button" onClick={onSort}>
        {label}
        <span className="ccg-sort-button__arrow" aria-hidden="true">
          {active ? (direction === 'DESC' ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}

function GridTable({ summary, order, onSort, loadAllRows }: { summary: Summary; order: ScorecardOrder; onSort: (order: ScorecardOrder) => void; loadAllRows: () => Promise<Row[]> }) {
  const rows = summary.edges.map((edge) => edge.node);
  const cellFor = (row: Row, code: string) => row.cells.find((cell) => cell.indicator.code === code) ?? null;
  const columns = ['ODS code', 'Provider', ...summary.indicators.flatMap(({ code }) => [`${code} period`, `${code} value`, `${code} standard`, `${code} RAG`, `${code} variation`, `${code} assurance`])];
  const csvRowsOf = (all: readonly Row[]) => all.map((row) => [
    row.provider.code,
    row.provider.name,
    ...summary.indicators.flatMap((entry) => {
      const cell = cellFor(row, entry.code);
      if (!cell || cell.value === null || cell.value === undefined) return [null, null, null, null, null, null];
      return [
        cell.period,
        csvNumber(cell.value, entry.unit),
        csvNumber(cell.threshold, entry.unit),
        ragWords(cell.rag),
        cell.variationType ? variationLabel(cell.variationType, sideOf(cell.variationType, entry.polarity)) : null,
        assuranceLabel(cell.assuranceType),
      ];
    }),
  ]);
  return (
    <>
      <TableContainer>
        <table className="nhsuk-table ccg-grid">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">
            {rows.length} providers by {summary.indicators.length} indicators{summary.asOf ? `, ${monthLabel(summary.asOf)}` : ''}
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <SortHeader label="Provider" active={order.field === 'NAME'} direction={order.direction} onSort={() => onSort({ field: 'NAME' })} />
              <SortHeader label="ODS code" active={order.field === 'CODE'} direction={order.direction} onSort={() => onSort({ field: 'CODE' })} />
              {summary.indicators.map((entry) => (
                <SortHeader
                  key={entry.code}
                  label={entry.name}
                  numeric
                  active={order.field === 'VALUE' && order.indicator === entry.code}
                  direction={order.direction}
                  onSort={() => onSort({ field: 'VALUE', indicator: entry.code })}
                />
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map((row) => (
              <tr key={row.provider.code} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__header ccg-grid__provider">
                  <Link className="nhsuk-link" to={`/providers/${encodeURIComponent(row.provider.code)}`}>
                    {row.provider.name}
                  </Link>
                </th>
                <td className="nhsuk-table__cell">{row.provider.code}</td>
                {summary.indicators.map((entry) => (
                  <td key={entry.code} className="nhsuk-table__cell ccg-grid__cell">
                    <GridCell cell={cellFor(row, entry.code)} indicator={entry} providerCode={row.provider.code} providerName={row.provider.name} asOf={summary.asOf ?? null} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>
      <DownloadCsvButton
        name="Integrated performance report"
        columns={columns}
        loadRows={async () => csvRowsOf(await loadAllRows())}
        what="report"
        holds={`The file holds every provider that matches these filters, in this order: ${summary.totalCount} row${summary.totalCount === 1 ? '' : 's'}, not only those shown.`}
      />
    </>
  );
}

function GridCell({ cell, indicator, providerCode, providerName, asOf }: { cell: Cell | null; indicator: GridIndicator; providerCode: string; providerName: string; asOf: string | null }) {
  if (!cell || cell.value === null || cell.value === undefined) return <span className="nhsuk-u-secondary-text-colour">No data</span>;
  const side = sideOf(cell.variationType, indicator.polarity);
  return (
    <div className="ccg-grid__cell-body">
      <Link className="nhsuk-link ccg-grid__value" to={`/providers/${encodeURIComponent(providerCode)}#${encodeURIComponent(indicator.code)}`}>
        {formatValue(cell.value, indicator.unit)}
        <span className="nhsuk-u-visually-hidden">
          {' '}
          – {providerName}, {indicator.name}: open the chart
        </span>
      </Link>
      {cell.period && cell.period !== asOf && <span className="nhsuk-body-s ccg-nowrap"> ({shortMonthLabel(cell.period)})</span>}
      <RagTag rag={cell.rag} />
      <span className="ccg-grid__icons">
        {cell.variationType && <VariationIcon type={cell.variationType} side={side} size={32} />}
        <AssuranceIcon type={cell.assuranceType} size={32} />
      </span>
    </div>
  );
}

/**
 * For a viewer who may read contracts: on what basis the CCG's providers were chosen (issue 15: "the region stays a
 * fallback only where a CCG has none, and the page says so"). The public is told the rule in the note above.
 */
function CcgBasis({ ccg, asOf }: { ccg: string; asOf: string | null }) {
  const { viewer } = useViewer();
  const { data } = useQuery(CcgProvidersQuery, { variables: { ccg, asOf }, skip: !mayReadContracts(viewer) });
  if (!data) return null;
  const { basis, ccg: organisation, providers } = data.ccgProviders;
  const name = `${organisationName(organisation.name)} (${organisation.code})`;
  return (
    <p className="nhsuk-body" role="status">
      {basis === 'CONTRACTS'
        ? `${name}: the ${providers.length} provider${providers.length === 1 ? '' : 's'} it holds contracts with for the year.`
        : `${name} has no contracts recorded for the year: the providers in its NHS England region are shown instead.`}
    </p>
  );
}
