import { listFinancialRuleSets, Money, parseFinancialYear } from '@ccg-assure/domain';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import type { FinancialPlanFilter, FinancialPlansQuery as FinancialPlansQueryResult, FinancialPlanStatus } from '../gql/graphql';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/page-title';
import { FinancialPlanRegionsQuery, FinancialPlansQuery } from './financial-plans.operations';
import { RULE_LABELS, shortfallVerb, STATUS_LABELS } from './plan-labels';
import { plansCsv, plansWorkbook, type PlanRow } from './plans-export';
import { downloadFile, XLSX_TYPE } from './spreadsheet-files';
import { CellLabel } from './cell-label';
import { StatusTag } from './status-tag';
import { planPath, planYearFromSegment } from './stored-plan';
import { organisationName } from '../ui/organisation-name';
import { regionOptions } from '../ui/region-options';
import { FilterSelect } from '../ui/filter-select';
import { TableContainer } from '../ui/nhs';

const PAGE_SIZE = 50;
/** The API's largest page, for exports of every matching plan. */
const EXPORT_PAGE_SIZE = 200;
const STATUSES: FinancialPlanStatus[] = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'];

interface Filters {
  region: string;
  year: string;
  status: string;
  compliant: string;
  warning: string;
  search: string;
}

const FILTER_KEYS: (keyof Filters)[] = ['region', 'year', 'status', 'compliant', 'warning', 'search'];

function readFilters(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as unknown as Filters;
}

const yesNo = (value: string) => (value === 'yes' ? true : value === 'no' ? false : null);

/** The address's filters as the API's: unknown values are left out rather than sent. */
export function toApiFilter(filters: Filters): FinancialPlanFilter {
  return {
    region: filters.region || null,
    financialYear: planYearFromSegment(filters.year)?.label ?? null,
    status: (STATUSES as string[]).includes(filters.status) ? (filters.status as FinancialPlanStatus) : null,
    compliant: yesNo(filters.compliant),
    financialWarning: yesNo(filters.warning),
    search: filters.search.trim() || null,
  };
}

/** `/finance/plans`: every CCG's plan status and compliance at a glance, filtered, exportable (the England and region view). */
export function PlansPage() {
  usePageTitle('Financial plans: England and regions');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const [form, setForm] = useState<Filters>(filters);
  const [loadingMore, setLoadingMore] = useState(false);
  const [exporting, setExporting] = useState<null | 'csv' | 'xlsx'>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const client = useApolloClient();
  const filter = toApiFilter(filters);
  const { data, loading, error, fetchMore } = useQuery(FinancialPlansQuery, { variables: { filter, first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const regions = useQuery(FinancialPlanRegionsQuery);
  const connection = data?.financialPlans;
  const plans = connection?.edges.map((edge) => edge.node) ?? [];

  // The regions of the era of the plans shown: the chosen year's, else the latest year's among them.
  const shownYear = planYearFromSegment(filters.year)?.label ?? plans.map((plan) => plan.financialYear).sort().pop();
  const regionChoices = regionOptions(
    (regions.data?.organisations.edges ?? []).map(({ node }) => node),
    shownYear ? parseFinancialYear(shownYear).start : null,
  );
  if (filters.region && !regionChoices.some((option) => option.value === filters.region)) regionChoices.push({ value: filters.region, label: filters.region });

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = form[key].trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  }

  async function showMore() {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          financialPlans: { ...fetchMoreResult.financialPlans, edges: [...previous.financialPlans.edges, ...fetchMoreResult.financialPlans.edges] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  }

  /** Every plan that matches, page by page (the export holds them all, not just those shown). */
  async function allMatching(): Promise<PlanRow[]> {
    const found: PlanRow[] = [];
    let after: string | null = null;
    for (;;) {
      const result: { data?: FinancialPlansQueryResult } = await client.query({ query: FinancialPlansQuery, variables: { filter, first: EXPORT_PAGE_SIZE, after }, fetchPolicy: 'network-only' });
      const page = result.data?.financialPlans;
      if (!page) throw new Error('no answer');
      found.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return found;
      after = page.pageInfo.endCursor;
    }
  }

  async function exportPlans(kind: 'csv' | 'xlsx') {
    setExporting(kind);
    setExportError(null);
    try {
      const rows = await allMatching();
      const name = `financial-plans${filter.financialYear ? `-${parseFinancialYear(filter.financialYear).urlSegment}` : ''}${filter.region ? `-${filter.region.toLowerCase()}` : ''}`;
      if (kind === 'csv') downloadFile(`${name}.csv`, plansCsv(rows), 'text/csv;charset=utf-8');
      else downloadFile(`${name}.xlsx`, await plansWorkbook(rows), XLSX_TYPE);
    } catch (failure) {
      setExportError(`The plans could not be exported. ${describeError(failure)}`);
    } finally {
      setExporting(null);
    }
  }

  const filtered = FILTER_KEYS.some((key) => filters[key]);

  return (
    <>
      <div className="nhsuk-back-link">
        <Link className="nhsuk-back-link__link" to="/finance">
          Finance
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">Financial plans: England and regions</h1>
      <p className="nhsuk-body">Each CCG's plan for each year: where it stands and whether its latest version meets the year's rules, flexes applied.</p>

      <form onSubmit={apply} aria-label="Filter the plans" className="ccg-plan-filters">
        <FilterSelect id="filter-region" label="Region" value={form.region} options={regionChoices} onChange={(region) => setForm({ ...form, region })} />
        <FilterSelect
          id="filter-year"
          label="Financial year"
          value={form.year}
          options={[{ value: '', label: 'Any year' }, ...listFinancialRuleSets().map((set) => ({ value: parseFinancialYear(set.financialYear).urlSegment, label: set.financialYear }))]}
          onChange={(year) => setForm({ ...form, year })}
        />
        <FilterSelect
          id="filter-status"
          label="Status"
          value={form.status}
          options={[{ value: '', label: 'Any status' }, ...STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))]}
          onChange={(status) => setForm({ ...form, status })}
        />
        <FilterSelect
          id="filter-compliant"
          label="Compliance"
          value={form.compliant}
          options={[
            { value: '', label: 'Any' },
            { value: 'yes', label: 'Meets every rule' },
            { value: 'no', label: 'Does not meet every rule' },
          ]}
          onChange={(compliant) => setForm({ ...form, compliant })}
        />
        <FilterSelect
          id="filter-warning"
          label="Financial warning"
          value={form.warning}
          options={[
            { value: '', label: 'Any' },
            { value: 'yes', label: 'With a warning' },
            { value: 'no', label: 'Without a warning' },
          ]}
          onChange={(warning) => setForm({ ...form, warning })}
        />
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="filter-search">
            CCG name or code
          </label>
          <input className="nhsuk-input nhsuk-input--width-10" id="filter-search" name="search" type="search" value={form.search} onChange={(event) => setForm({ ...form, search: event.currentTarget.value })} />
        </div>
        <div className="ccg-plan-filters__actions">
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Apply filters
          </button>
          {filtered && (
            <Link
              to="/finance/plans"
              className="nhsuk-link ccg-plan-filters__clear"
              onClick={() => setForm({ region: '', year: '', status: '', compliant: '', warning: '', search: '' })}
            >
              Clear filters
            </Link>
          )}
        </div>
      </form>

      {error && (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="plans-error-title" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="plans-error-title">
            The plans could not be loaded
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{describeError(error)}</p>
          </div>
        </div>
      )}
      {loading && !data && <Loading label="Loading the plans" />}
      {connection && (
        <>
          <div className="ccg-results-bar">
            <p className="nhsuk-body nhsuk-u-margin-bottom-2" role="status" aria-live="polite">
              {connection.totalCount === 0
                ? filtered
                  ? 'No plans match these filters.'
                  : 'There are no financial plans yet.'
                : `${connection.totalCount} ${connection.totalCount === 1 ? 'plan' : 'plans'}${filtered ? ' match these filters' : ''}${plans.length < connection.totalCount ? `, ${plans.length} shown` : ''}.`}
            </p>
            <div className="ccg-button-row">
              <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={connection.totalCount === 0 || exporting !== null} onClick={() => void exportPlans('csv')}>
                {exporting === 'csv' ? 'Exporting…' : 'Download CSV'}
                <span className="nhsuk-u-visually-hidden"> of every matching plan</span>
              </button>
              <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={connection.totalCount === 0 || exporting !== null} onClick={() => void exportPlans('xlsx')}>
                {exporting === 'xlsx' ? 'Exporting…' : 'Download Excel (.xlsx)'}
                <span className="nhsuk-u-visually-hidden"> of every matching plan</span>
              </button>
            </div>
          </div>
          {exportError && (
            <p className="nhsuk-error-message" role="alert">
              {exportError}
            </p>
          )}
          {plans.length > 0 && (
            <TableContainer>
              {/* At phone width each row stacks into a card (app.css); explicit roles keep it a table to screen readers. */}
              <table className="nhsuk-table nhsuk-table--compact ccg-stack-table" role="table">
                <caption className="nhsuk-u-visually-hidden">Financial plans{filtered ? ', filtered' : ''}</caption>
                <thead className="nhsuk-table__head" role="rowgroup">
                  <tr className="nhsuk-table__row" role="row">
                    <th scope="col" role="columnheader" className="nhsuk-table__header">CCG</th>
                    <th scope="col" role="columnheader" className="nhsuk-table__header">Year</th>
                    <th scope="col" role="columnheader" className="nhsuk-table__header">Status</th>
                    <th scope="col" role="columnheader" className="nhsuk-table__header">Compliance</th>
                    <th scope="col" role="columnheader" className="nhsuk-table__header nhsuk-table__header--numeric">Planned surplus</th>
                    <th scope="col" role="columnheader" className="nhsuk-table__header nhsuk-table__header--numeric">QIPP requirement</th>
                    <th scope="col" role="columnheader" className="nhsuk-table__header">Financial warning</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body" role="rowgroup">
                  {plans.map((plan) => (
                    <PlanListRow key={plan.id} plan={plan} />
                  ))}
                </tbody>
              </table>
            </TableContainer>
          )}
          {connection.pageInfo.hasNextPage && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={loadingMore} onClick={() => void showMore()}>
              {loadingMore ? 'Loading more plans…' : 'Show more plans'}
            </button>
          )}
        </>
      )}
    </>
  );
}

function PlanListRow({ plan }: { plan: PlanRow }) {
  const compliance = plan.latestVersion.compliance;
  const surplus = Money.parse(compliance.plannedSurplus);
  const failing = compliance.rules.filter((rule) => !rule.met);
  return (
    <tr className="nhsuk-table__row" role="row">
      <th scope="row" role="rowheader" className="nhsuk-table__header">
        <Link to={planPath(plan.ccg.code, plan.financialYear)}>
          {organisationName(plan.ccg.name)} ({plan.ccg.code})<span className="nhsuk-u-visually-hidden">, {plan.financialYear} plan</span>
        </Link>
        {plan.illustrative && (
          <>
            {' '}
            <strong className="nhsuk-tag nhsuk-tag--yellow">Illustrative</strong>
          </>
        )}
      </th>
      <td role="cell" className="nhsuk-table__cell ccg-nowrap">
        <CellLabel>Year</CellLabel>
        {plan.financialYear}
      </td>
      <td role="cell" className="nhsuk-table__cell">
        <CellLabel>Status</CellLabel>
        <StatusTag status={plan.status} />
        <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">Version {plan.latestVersion.number}</span>
      </td>
      <td role="cell" className="nhsuk-table__cell">
        <CellLabel>Compliance</CellLabel>
        {plan.compliant ? (
          <strong className="nhsuk-tag nhsuk-tag--green">Meets every rule</strong>
        ) : (
          <>
            <strong className="nhsuk-tag nhsuk-tag--red">Not met</strong>
            <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">
              {failing.map((rule) => `${RULE_LABELS[rule.rule]} ${shortfallVerb(rule.rule)} ${Money.parse(rule.shortfall).toDisplayString()}`).join('; ')}
            </span>
          </>
        )}
      </td>
      <td role="cell" className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">
        <CellLabel>Planned surplus</CellLabel>
        {surplus.isNegative() ? `Deficit ${surplus.abs().toDisplayString()}` : surplus.toDisplayString()}
      </td>
      <td role="cell" className="nhsuk-table__cell nhsuk-table__cell--numeric">
        <CellLabel>QIPP requirement</CellLabel>
        <span className="ccg-nowrap">{Money.parse(compliance.qippRequirement).toDisplayString()}</span>
        <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{compliance.qippPercentOfAllocation}% of allocation</span>
      </td>
      <td role="cell" className="nhsuk-table__cell">
        <CellLabel>Financial warning</CellLabel>
        {plan.financialWarning ? (
          <>
            <strong className="nhsuk-tag nhsuk-tag--red">Warning</strong>
            <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{Money.parse(plan.financialWarning.adverseVariance).toDisplayString()} over plan</span>
          </>
        ) : (
          'None'
        )}
      </td>
    </tr>
  );
}
