import { ASSURANCE_CATEGORY_CODES, compareIsoDates, type AssuranceCategory } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import { organisationName } from '../ui/organisation-name';
import type { AssuranceWorkspaceQuery as WorkspaceResult } from '../gql/graphql';
import { DownloadCsvButton } from '../ui/download-csv-button';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/page-title';
import { assessmentPath, ccgPath, newAssessmentPath } from './assurance-access';
import { formatDate } from '../ui/format';
import { CATEGORY_NAMES, SPECIAL_MEASURES_STATE_LABELS, months } from './assurance-labels';
import { AssuranceWorkspaceQuery } from './assurance-workspace.operations';
import { CategoryTag } from './category-proposal';
import { EnglandReportLink } from './england-report-link';
import { FilterSelect } from '../ui/filter-select';
import { Pagination } from '../ui/nhs';

/** CCGs a page of the workspace shows (issue 20: 221 CCGs on one page were too many to use). */
export const WORKSPACE_PAGE_SIZE = 25;

export type WorkspaceEntry = WorkspaceResult['assuranceWorkspace']['entries'][number];

interface Filters {
  search: string;
  category: string;
  due: string;
  measures: string;
}

function readFilters(params: URLSearchParams): Filters {
  return { search: params.get('search') ?? '', category: params.get('category') ?? '', due: params.get('due') ?? '', measures: params.get('measures') ?? '' };
}

/** The entries the filters keep, in the API's order (overdue first, then by due date, then never assessed). */
export function filterEntries(entries: readonly WorkspaceEntry[], filters: Filters): WorkspaceEntry[] {
  const search = filters.search.trim().toLowerCase();
  return entries.filter((entry) => {
    if (search && !entry.ccg.name.toLowerCase().includes(search) && !entry.ccg.code.toLowerCase().includes(search)) return false;
    if (filters.category === 'NONE' ? entry.currentCategory !== null : filters.category && entry.currentCategory !== filters.category) return false;
    if (filters.due === 'overdue' && !entry.overdue) return false;
    if (filters.due === 'draft' && !entry.draftAssessmentId) return false;
    if (filters.measures === 'yes' && !entry.specialMeasuresState) return false;
    if (filters.measures === 'no' && entry.specialMeasuresState) return false;
    return true;
  });
}

function specialMeasuresText(entry: WorkspaceEntry): string {
  if (!entry.specialMeasuresState) return 'None';
  const state = SPECIAL_MEASURES_STATE_LABELS[entry.specialMeasuresState];
  if (entry.specialMeasuresOverdue) return `${state}; overdue: open more than 12 months`;
  if (entry.specialMeasuresMonthsRemaining !== null) return `${state}; ${entry.specialMeasuresMonthsRemaining === 0 ? 'less than a month' : months(entry.specialMeasuresMonthsRemaining)} left`;
  return state;
}

const CSV_COLUMNS = ['CCG code', 'CCG', 'Current category', 'Last assessed', 'Last quarter', 'Next assessment due', 'Assessment overdue', 'Draft in progress', 'Special measures', 'Illustrative'];

function csvRows(entries: readonly WorkspaceEntry[]) {
  return entries.map((entry) => [
    entry.ccg.code,
    organisationName(entry.ccg.name),
    entry.currentCategory ? CATEGORY_NAMES[entry.currentCategory] : 'Not assessed',
    entry.lastAssessedOn,
    entry.lastQuarterLabel,
    entry.nextAssessmentDue,
    entry.overdue ? 'Yes' : 'No',
    entry.draftAssessmentId ? 'Yes' : 'No',
    specialMeasuresText(entry),
    entry.illustrative ? 'Yes' : 'No',
  ]);
}

/**
 * `/assurance` for an NHS England assessor: every CCG with its current category, next assessment due
 * (overdue first) and special measures, filtered in the address, exported as CSV.
 */
export function WorkspacePage() {
  usePageTitle('Assurance workspace');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const { data, loading, error, refetch } = useQuery(AssuranceWorkspaceQuery, { fetchPolicy: 'cache-and-network' });
  const entries = data?.assuranceWorkspace.entries ?? [];
  const shown = filterEntries(entries, filters);
  const filtered = Object.values(filters).some(Boolean);
  const pageCount = Math.max(1, Math.ceil(shown.length / WORKSPACE_PAGE_SIZE));
  const requested = Number(params.get('page') ?? '1');
  const page = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, pageCount) : 1;
  const onPage = shown.slice((page - 1) * WORKSPACE_PAGE_SIZE, page * WORKSPACE_PAGE_SIZE);
  const pageHref = (to: number) => {
    const next = new URLSearchParams(params);
    if (to > 1) next.set('page', String(to));
    else next.delete('page');
    return `?${next.toString()}`;
  };

  const setFilter = (key: keyof Filters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    // A new filter starts again at its first page.
    next.delete('page');
    setParams(next, { replace: true });
  };

  const overdue = entries.filter((entry) => entry.overdue).length;
  const inMeasures = entries.filter((entry) => entry.specialMeasuresState).length;
  const illustrative = entries.some((entry) => entry.illustrative);

  return (
    <>
      <h1 className="nhsuk-heading-l">Assurance workspace</h1>
      <p className="nhsuk-lede-text">Every CCG’s current category and when its next assessment is due, overdue first; special measures and their 12-month clocks.</p>
      {loading && !data && <Loading label="Loading the CCGs" />}
      {error && !data && (
        <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title">The workspace could not be loaded</h2>
          <div className="nhsuk-error-summary__body">
            <p>{describeError(error)}</p>
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={() => void refetch()}>
              Try again
            </button>
          </div>
        </div>
      )}
      {data && (
        <>
          {illustrative && (
            <div className="nhsuk-inset-text">
              <p>
                <strong className="nhsuk-tag nhsuk-tag--yellow">Illustrative</strong> Some assessments and special measures here are illustrative demonstration data, marked against their CCG: not real
                NHS England judgements.
              </p>
            </div>
          )}
          <ul className="nhsuk-list ccg-workspace-counts" aria-label="At a glance">
            <li>
              <strong>{entries.length}</strong> CCGs
            </li>
            <li>
              <strong>{overdue}</strong> with an assessment overdue
            </li>
            <li>
              <strong>{inMeasures}</strong> in special measures
            </li>
          </ul>
          <form className="ccg-plan-filters ccg-workspace-filters" role="search" aria-label="Filter the CCGs" onSubmit={(event) => event.preventDefault()}>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="workspace-search">
                CCG name or code
              </label>
              <input className="nhsuk-input nhsuk-input--width-20" id="workspace-search" name="search" type="search" value={filters.search} onChange={(event) => setFilter('search', event.currentTarget.value)} />
            </div>
            <FilterSelect
              id="workspace-category"
              label="Current category"
              value={filters.category}
              onChange={(value) => setFilter('category', value)}
              options={[{ value: '', label: 'Any' }, ...ASSURANCE_CATEGORY_CODES.map((code) => ({ value: code, label: CATEGORY_NAMES[code] })), { value: 'NONE', label: 'Not assessed' }]}
            />
            <FilterSelect
              id="workspace-due"
              label="Assessment"
              value={filters.due}
              onChange={(value) => setFilter('due', value)}
              options={[
                { value: '', label: 'Any' },
                { value: 'overdue', label: 'Overdue' },
                { value: 'draft', label: 'Draft in progress' },
              ]}
            />
            <FilterSelect
              id="workspace-measures"
              label="Special measures"
              value={filters.measures}
              onChange={(value) => setFilter('measures', value)}
              options={[
                { value: '', label: 'Any' },
                { value: 'yes', label: 'In special measures' },
                { value: 'no', label: 'Not in special measures' },
              ]}
            />
            {filtered && (
              <div className="ccg-plan-filters__actions">
                <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                  Clear filters
                </button>
              </div>
            )}
          </form>
          <div className="ccg-results-bar">
            <p className="nhsuk-body" role="status" aria-live="polite">
              {shown.length > WORKSPACE_PAGE_SIZE
                ? `CCGs ${(page - 1) * WORKSPACE_PAGE_SIZE + 1} to ${(page - 1) * WORKSPACE_PAGE_SIZE + onPage.length} of ${shown.length}${filtered ? ` matching the filters (of ${entries.length})` : ''}`
                : `Showing ${shown.length} of ${entries.length} CCGs${filtered ? ' matching the filters' : ''}`}
              , assessments overdue first (as at {formatDate(data.assuranceWorkspace.asOf)}).
            </p>
            <DownloadCsvButton
              name="Assurance workspace"
              columns={CSV_COLUMNS}
              rows={csvRows(shown)}
              what="CCGs"
              holds={`The file holds every CCG${filtered ? ' matching the filters' : ''} (${shown.length}), not only this page.`}
            />
          </div>
          <EnglandReportLink asOf={data.assuranceWorkspace.asOf} latestAssessedOn={entries.reduce<string | null>((latest, e) => (e.lastAssessedOn && (!latest || compareIsoDates(e.lastAssessedOn, latest) > 0) ? e.lastAssessedOn : latest), null)} />
          {shown.length === 0 ? (
            <p className="nhsuk-body">{entries.length === 0 ? 'There are no CCGs to assure.' : 'No CCG matches the filters.'}</p>
          ) : (
            <>
              <WorkspaceTable entries={onPage} />
              <Pagination current={page} count={pageCount} hrefFor={pageHref} label="Pages of CCGs" />
            </>
          )}
        </>
      )}
    </>
  );
}

function WorkspaceTable({ entries }: { entries: readonly WorkspaceEntry[] }) {
  return (
    <table className="nhsuk-table-responsive ccg-workspace-table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">CCGs, assessments overdue first</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            CCG
          </th>
          <th scope="col" className="nhsuk-table__header">
            Current category
          </th>
          <th scope="col" className="nhsuk-table__header">
            Next assessment due
          </th>
          <th scope="col" className="nhsuk-table__header">
            Special measures
          </th>
          <th scope="col" className="nhsuk-table__header">
            <span className="nhsuk-u-visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {entries.map((entry) => (
          <WorkspaceRow key={entry.ccg.code} entry={entry} />
        ))}
      </tbody>
    </table>
  );
}

function WorkspaceRow({ entry }: { entry: WorkspaceEntry }) {
  const name = organisationName(entry.ccg.name);
  const heading = (text: string) => (
    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
      {text}{' '}
    </span>
  );
  return (
    <tr className="nhsuk-table__row" data-ccg={entry.ccg.code}>
      <td className="nhsuk-table__cell">
        {heading('CCG')}
        <span>
          <Link to={ccgPath(entry.ccg.code)} className="nhsuk-link">
            {name}
          </Link>{' '}
          <span className="ccg-nowrap">({entry.ccg.code})</span>
          {entry.illustrative && (
            <>
              {' '}
              <strong className="nhsuk-tag nhsuk-tag--yellow">Illustrative</strong>
            </>
          )}
        </span>
      </td>
      <td className="nhsuk-table__cell">
        {heading('Current category')}
        <span>
          {entry.currentCategory ? <CategoryTag category={entry.currentCategory as AssuranceCategory} /> : 'Not assessed'}
          {entry.lastQuarterLabel && <span className="nhsuk-body-s nhsuk-u-secondary-text-colour ccg-block">from {entry.lastQuarterLabel}</span>}
        </span>
      </td>
      <td className="nhsuk-table__cell">
        {heading('Next assessment due')}
        <span>
          {entry.overdue && (
            <>
              <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>{' '}
            </>
          )}
          {entry.nextAssessmentDue ? <span className="ccg-nowrap">{formatDate(entry.nextAssessmentDue)}</span> : 'Never assessed'}
        </span>
      </td>
      <td className="nhsuk-table__cell">
        {heading('Special measures')}
        <span>
          {entry.specialMeasuresOverdue && (
            <>
              <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>{' '}
            </>
          )}
          {specialMeasuresText(entry).replace('; overdue: open more than 12 months', ': open more than 12 months')}
        </span>
      </td>
      <td className="nhsuk-table__cell">
        {heading('Action')}
        {entry.draftAssessmentId ? (
          <Link to={assessmentPath(entry.draftAssessmentId)} className="nhsuk-link">
            Continue the draft<span className="nhsuk-u-visually-hidden"> assessment of {name}</span>
          </Link>
        ) : (
          <Link to={newAssessmentPath(entry.ccg.code)} className="nhsuk-link">
            Start an assessment<span className="nhsuk-u-visually-hidden"> of {name}</span>
          </Link>
        )}
      </td>
    </tr>
  );
}
