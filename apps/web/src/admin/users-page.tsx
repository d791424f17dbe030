import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import { ROLE_LABELS } from '../auth/role-labels';
import type { AccountStatus, Role, UserAccountFilter, UserAccountsQuery as UserAccountsQueryResult } from '../gql/graphql';
import { FilterSelect } from '../ui/filter-select';
import { Loading } from '../ui/loading';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { ACCOUNT_STATUS_LABELS, ACCOUNT_STATUSES, AccountStatusTag } from './account-labels';
import { OrganisationField, useOrganisationChoices } from './organisation-field';
import { UserAccountsQuery } from './user-accounts.operations';
import { TableContainer } from '../ui/nhs';

export const USERS_PAGE_SIZE = 25;

interface Filters {
  search: string;
  organisation: string;
  role: string;
  status: string;
}

const FILTER_KEYS: (keyof Filters)[] = ['search', 'organisation', 'role', 'status'];
const ROLES = Object.keys(ROLE_LABELS) as Role[];

function readFilters(params: URLSearchParams): Filters {
  return { search: params.get('search') ?? '', organisation: params.get('organisation') ?? '', role: params.get('role') ?? '', status: params.get('status') ?? '' };
}

/** The address's filters as the API's: unknown values are left out rather than sent. */
export function toUserAccountFilter(filters: Filters): UserAccountFilter {
  return {
    search: filters.search.trim() || null,
    organisationCode: filters.organisation.trim().toUpperCase() || null,
    role: (ROLES as string[]).includes(filters.role) ? (filters.role as Role) : null,
    status: (ACCOUNT_STATUSES as string[]).includes(filters.status) ? (filters.status as AccountStatus) : null,
  };
}

type AccountRow = UserAccountsQueryResult['userAccounts']['nodes'][number];

const organisationLabel = (organisation: { code: string; name: string }) => `${organisationName(organisation.name)} (${organisation.code})`;

/** `/admin/users`: the accounts the administrator may administer, searched, filtered and paged. */
export function UsersPage() {
  usePageTitle('Users');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const after = params.get('after');
  const [form, setForm] = useState<Filters>(filters);
  // The cursors of the pages before this one, so Previous can go back (the API pages forwards only).
  const [earlier, setEarlier] = useState<(string | null)[]>([]);
  const { choices } = useOrganisationChoices();
  const filter = toUserAccountFilter(filters);
  const { data, loading, error } = useQuery(UserAccountsQuery, { variables: { filter, first: USERS_PAGE_SIZE, after }, fetchPolicy: 'cache-and-network' });
  const connection = data?.userAccounts;
  const filtered = FILTER_KEYS.some((key) => filters[key]);

  function go(next: Filters, cursor: string | null) {
    const query = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = next[key].trim();
      if (value) query.set(key, value);
    }
    if (cursor) query.set('after', cursor);
    setParams(query);
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    setEarlier([]);
    go(form, null);
  }

  function nextPage() {
    if (!connection?.pageInfo.endCursor) return;
    setEarlier([...earlier, after]);
    go(filters, connection.pageInfo.endCursor);
  }

  function previousPage() {
    const back = earlier.length ? earlier[earlier.length - 1] : null;
    setEarlier(earlier.slice(0, -1));
    go(filters, back);
  }

  const pageNumber = after ? earlier.length + 1 : 1;
  const firstShown = (pageNumber - 1) * USERS_PAGE_SIZE + 1;

  return (
    <div className="ccg-report">
      <h1 className="nhsuk-heading-l">Users</h1>
      <p className="nhsuk-body">The people who can sign in to CCG Assure in the organisations you administer, with their roles.</p>
      <p className="ccg-no-print">
        <Link className="nhsuk-button" to="/admin/users/new" draggable={false}>
          Create a user
        </Link>
      </p>
      <p className="nhsuk-body ccg-no-print">
        Administrators also keep the reference data: <Link to="/contracts/sanction-schedule">national sanction rates and contract management terms</Link>, the{' '}
        <Link to="/standards">national standards</Link>, and the <Link to="/admin/indicators">indicators</Link> whose values analysts import.
      </p>

      <form onSubmit={apply} aria-label="Filter the users" className="ccg-plan-filters ccg-no-print">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="filter-search">
            Username, name or email
          </label>
          <input className="nhsuk-input nhsuk-input--width-20" id="filter-search" name="search" type="search" spellCheck={false} value={form.search} onChange={(event) => setForm({ ...form, search: event.currentTarget.value })} />
        </div>
        <OrganisationField id="filter-organisation" label="Organisation" hint="ODS code" width={5} choices={choices} emptyLabel="Any organisation" value={form.organisation} onChange={(organisation) => setForm({ ...form, organisation })} />
        <FilterSelect id="filter-role" label="Role" value={form.role} options={[{ value: '', label: 'Any role' }, ...ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))]} onChange={(role) => setForm({ ...form, role })} />
        <FilterSelect
          id="filter-status"
          label="Status"
          value={form.status}
          options={[{ value: '', label: 'Any status' }, ...ACCOUNT_STATUSES.map((status) => ({ value: status, label: ACCOUNT_STATUS_LABELS[status] }))]}
          onChange={(status) => setForm({ ...form, status })}
        />
        <div className="ccg-plan-filters__actions">
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Apply filters
          </button>
          {filtered && (
            <Link
              to="/admin/users"
              className="nhsuk-link ccg-plan-filters__clear"
              onClick={() => {
                setForm({ search: '', organisation: '', role: '', status: '' });
                setEarlier([]);
              }}
            >
              Clear filters
            </Link>
          )}
        </div>
      </form>

      {error && (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="users-error-title" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="users-error-title">
            The users could not be loaded
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{describeError(error)}</p>
          </div>
        </div>
      )}
      {loading && !data && <Loading label="Loading the users" />}
      {connection && (
        <>
          <p className="nhsuk-body" role="status" aria-live="polite">
            {connection.totalCount === 0
              ? filtered
                ? 'No users match these filters.'
                : 'There are no users you can administer yet.'
              : `${connection.totalCount} ${connection.totalCount === 1 ? 'user' : 'users'}${filtered ? ' match these filters' : ''}${
                  connection.totalCount > connection.nodes.length ? `: ${firstShown} to ${firstShown + connection.nodes.length - 1} shown` : ''
                }.`}
          </p>
          {connection.nodes.length > 0 && (
            <TableContainer>
              <table className="nhsuk-table nhsuk-table--compact">
                <caption className="nhsuk-u-visually-hidden">Users{filtered ? ', filtered' : ''}</caption>
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    <th scope="col" className="nhsuk-table__header">
                      Name
                    </th>
                    <th scope="col" className="nhsuk-table__header">
                      Username
                    </th>
                    <th scope="col" className="nhsuk-table__header">
                      Home organisation
                    </th>
                    <th scope="col" className="nhsuk-table__header">
                      Roles
                    </th>
                    <th scope="col" className="nhsuk-table__header">
                      Status
                    </th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {connection.nodes.map((account) => (
                    <UserRow key={account.id} account={account} />
                  ))}
                </tbody>
              </table>
            </TableContainer>
          )}
          {(after || connection.pageInfo.hasNextPage) && (
            <nav className="nhsuk-pagination ccg-no-print" role="navigation" aria-label="Pages of users">
              <ul className="nhsuk-list nhsuk-pagination__list">
                {after && (
                  <li className="nhsuk-pagination-item--previous">
                    <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={previousPage}>
                      Previous<span className="nhsuk-u-visually-hidden"> page of users</span>
                    </button>
                  </li>
                )}
                {connection.pageInfo.hasNextPage && (
                  <li className="nhsuk-pagination-item--next">
                    <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={nextPage}>
                      Next<span className="nhsuk-u-visually-hidden"> page of users</span>
                    </button>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </>
      )}
    </div>
  );
}

function UserRow({ account }: { account: AccountRow }) {
  return (
    <tr className="nhsuk-table__row">
      <th scope="row" className="nhsuk-table__header">
        <Link to={`/admin/users/${encodeURIComponent(account.id)}`}>{account.displayName}</Link>
      </th>
      <td className="nhsuk-table__cell">{account.username}</td>
      <td className="nhsuk-table__cell">{account.homeOrganisation ? organisationLabel(account.homeOrganisation) : 'None'}</td>
      <td className="nhsuk-table__cell">
        {account.roles.length === 0 ? (
          'None'
        ) : (
          <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
            {account.roles.map((assignment) => (
              <li key={`${assignment.role}-${assignment.organisation.code}`} className="nhsuk-u-margin-bottom-0">
                {ROLE_LABELS[assignment.role]}, {assignment.organisation.code}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="nhsuk-table__cell">
        <AccountStatusTag status={account.status} />
      </td>
    </tr>
  );
}
