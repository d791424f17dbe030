import { financialYearOf } from '@ccg-assure/domain';
import type { DataSource } from 'typeorm';
import { contractedProviders } from '../contracts/contracts.queries';
import type { IndicatorView } from '../indicators/indicators.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { containsPattern, inRegionCondition } from '../organisations/organisation-region';
import type { OrganisationView } from '../organisations/organisations.service';
import { AppError } from '../server/app-error';
import { GridOrganisationType, ScorecardOrderField, ScorecardStatus, SortDirection } from './scorecard-enums';
import { verdictsOf, type IndicatorVerdict, type ScorecardLoaders } from './scorecard-scores';
import { gridColumns, gridPageRows, gridPageRowsOfAll, latestPeriodWithData, practicesOfCcgAsAt, regionAsAt } from './scorecards.queries';

/** Which providers the grid shows. */
export interface GridFilter {
  region?: string | null;
  ccg?: string | null;
  status?: ScorecardStatus | null;
  indicator?: string | null;
  search?: string | null;
  /** NHS trusts (the default) or GP practices (with `ccg`: those registered with that CCG as at asOf). */
  organisationType?: GridOrganisationType | null;
}

export interface GridOrder {
  field: ScorecardOrderField;
  indicator?: string | null;
  direction?: SortDirection | null;
}

export interface GridQuery {
  filter: GridFilter;
  asOf: string | null;
  size: number;
  afterCode: string | null;
  orderBy: GridOrder | null;
  /** Whether to read the page's stored verdicts (the cells): false when the client asks for no rows. */
  withVerdicts: boolean;
  /** Whether to count every provider that matches (totalCount): false when the client does not ask for it. */
  withTotal: boolean;
}

/** One page of the grid: its date, its columns and the providers of the page, in order. */
export interface GridView {
  /** The asOf given, or else the latest period with data; null when there is no data. */
  asOf: string | null;
  columns: IndicatorView[];
  /** The providers of the page, in order. */
  providers: OrganisationView[];
  /** Each provider's stored verdicts as at asOf (see `withVerdicts`; empty when not asked for). */
  verdicts: Map<string, IndicatorVerdict[]>;
  hasNextPage: boolean;
  /** How many providers match in all; null when not asked for (`withTotal`). */
  totalCount: number | null;
  /** With a `ccg` filter, how its providers were found (see ccgScope); null without one. */
  ccgBasis: ProvidersBasisKind | null;
}

/** How a CCG's providers are found: its contracts for the year (issue 15), else its NHS England region (a fallback). */
export type ProvidersBasisKind = 'CONTRACTS' | 'REGION';

/** The providers the grid relates to a CCG, as at a date. */
export interface ProvidersOfCcgView {
  asOf: string | null;
  providerCodes: string[];
  /** CONTRACTS where the CCG holds contracts (lead or associate) for the financial year of asOf, else REGION. */
  basis: ProvidersBasisKind;
}

/** Names sort as people read them (case and accents second); one collator, far faster than localeCompare per pair. */
const NAME_ORDER = new Intl.Collator('en-GB');

/** The kind of organisation the grid and comparisons call providers. */
export const PROVIDER_TYPE = 'NHS_TRUST';

/**
 * The scorecard grid (integrated performance report): providers (or a CCG's GP practices) with values by indicators,
 * filtered, sorted and paged in the database from the stored scores' verdict columns (decision 0021, issue 19).
 * Asks the database a fixed number of statements however many providers: the date, the columns, the page (with its
 * total), and the page's verdicts in one statement when asked for; the page comes back whole, so GraphQL reads its
 * rows and cells as plain data (no resolver, loader or promise per row: issue 19).
 */
export async function gridPage(dataSource: DataSource, query: GridQuery, loaders: ScorecardLoaders): Promise<GridView> {
  const asOf = query.asOf ?? (await latestPeriodStart(dataSource));
  if (asOf === null) return { asOf: null, columns: [], providers: [], verdicts: new Map(), hasNextPage: false, totalCount: 0, ccgBasis: null };
  const { filter } = query;
  const order = query.orderBy ?? { field: ScorecardOrderField.NAME };
  if (order.field === ScorecardOrderField.VALUE && !order.indicator) {
    throw new AppError('BAD_USER_INPUT', 'ORDER_INDICATOR_REQUIRED', 'Sorting by VALUE needs the indicator to sort by (orderBy.indicator).');
  }
  const columns = await columnsAsAt(dataSource, asOf);
  for (const column of columns) loaders.indicator.prime(column.code, column);
  for (const code of [order.field === ScorecardOrderField.VALUE ? order.indicator : null, filter.indicator]) {
    if (code && !(await loaders.indicator.load(code))) throw new AppError('NOT_FOUND', 'INDICATOR_NOT_FOUND', `No indicator has the code "${code}".`);
  }
  const practices = filter.organisationType === GridOrganisationType.GP_PRACTICE;
  if (filter.ccg) checkCcg(await loaders.organisation.load(filter.ccg), filter.ccg);
  // A CCG's practices are those registered with it as at asOf (IN_CCG); its providers are found by ccgScope.
  const scope = filter.ccg && !practices ? await ccgScope(dataSource, filter.ccg, asOf) : null;
  const empty: GridView = { asOf, columns, providers: [], verdicts: new Map(), hasNextPage: false, totalCount: 0, ccgBasis: scope?.basis ?? null };
  if (scope?.basis === 'REGION' && scope.region === null) return empty;
  const statement = filter.status || order.field === ScorecardOrderField.VALUE ? gridPageRowsOfAll : gridPageRows;
  const rows = await statement.rows(dataSource.manager, [
    practices ? GridOrganisationType.GP_PRACTICE : PROVIDER_TYPE,
    asOf,
    filter.region ?? null,
    scope?.basis === 'REGION' ? scope.region : null,
    scope?.basis === 'CONTRACTS' ? scope.contracted : null,
    filter.search?.trim() ? containsPattern(filter.search) : null,
    practices ? (filter.ccg ?? null) : null,
    filter.status ?? null,
    filter.status ? (filter.indicator ?? null) : null,
    order.field,
    order.field === ScorecardOrderField.VALUE ? (order.indicator ?? null) : null,
    order.direction === SortDirection.DESC ? 'DESC' : 'ASC',
    query.afterCode,
    query.size + 1,
    query.withTotal,
  ]);
  const [first] = rows;
  if (!first?.cursorFound) throw new AppError('BAD_USER_INPUT', 'CURSOR_INVALID', 'The cursor is not one this server gave out for this filter, asOf and order.');
  const page: OrganisationView[] = [];
  for (const row of rows.slice(0, query.size)) {
    if (row.code === null || row.name === null || row.type === null) continue;
    page.push({ code: row.code, name: row.name, type: row.type, openDate: row.openDate, closeDate: row.closeDate, postcode: row.postcode });
  }
  for (const provider of page) loaders.organisation.prime(provider.code, provider);
  const verdicts = query.withVerdicts && page.length > 0 ? await verdictsOf(dataSource, page.map((p) => p.code), asOf) : new Map<string, IndicatorVerdict[]>();
  return { ...empty, providers: page, verdicts, hasNextPage: rows.length > query.size, totalCount: first.totalCount };
}

/**
 * Which providers are "a CCG's providers" as at `asOf` (issue 15 point 1): those it holds contracts with for the
 * financial year of asOf, as lead or associate; where it holds none that year, the NHS trusts of its NHS England
 * region as at asOf (the fallback the product had before contracts; null region: none).
 */
async function ccgScope(
  dataSource: DataSource,
  ccgCode: string,
  asOf: string,
): Promise<{ basis: 'CONTRACTS'; contracted: string[] } | { basis: 'REGION'; region: string | null }> {
  const contracted = (await contractedProviders.rows(dataSource.manager, [ccgCode, financialYearOf(asOf).label])).map((row) => row.providerCode);
  if (contracted.length > 0) return { basis: 'CONTRACTS', contracted };
  return { basis: 'REGION', region: await regionOfCcg(dataSource, ccgCode, asOf) };
}

/**
 * The providers the grid relates to a CCG (its `ccg` filter): those it holds contracts with for the financial year
 * of `asOf` (basis CONTRACTS), else the NHS trusts in its NHS England region (basis REGION), with a value on or
 * before asOf, in the grid's default order (by name). With asOf null, as at the latest period with data (null when
 * there is none). NOT_FOUND for an unknown code, BAD_USER_INPUT for an organisation that is not a CCG.
 */
export async function providersOfCcg(dataSource: DataSource, ccgCode: string, asOf: string | null): Promise<ProvidersOfCcgView> {
  checkCcg(await dataSource.getRepository(OrganisationEntity).findOneBy({ code: ccgCode }), ccgCode);
  const at = asOf ?? (await latestPeriodStart(dataSource));
  if (at === null) return { asOf: at, providerCodes: [], basis: 'REGION' };
  const scope = await ccgScope(dataSource, ccgCode, at);
  if (scope.basis === 'REGION' && scope.region === null) return { asOf: at, providerCodes: [], basis: 'REGION' };
  let providers = await providersAsAt(dataSource, { region: null, ccgRegion: scope.basis === 'REGION' ? scope.region : null, search: null }, at);
  if (scope.basis === 'CONTRACTS') providers = providers.filter((provider) => scope.contracted.includes(provider.code));
  sortByName(providers);
  return { asOf: at, providerCodes: providers.map((provider) => provider.code), basis: scope.basis };
}

/**
 * The GP practices registered with the CCG as at `asOf` (their IN_CCG relationship in force then) with a value on or
 * before it, by code; as at the latest period with data when null (none when there is none). NOT_FOUND for an
 * unknown code, BAD_USER_INPUT for an organisation that is not a CCG.
 */
export async function practicesOfCcg(dataSource: DataSource, ccgCode: string, asOf: string | null): Promise<string[]> {
  checkCcg(await dataSource.getRepository(OrganisationEntity).findOneBy({ code: ccgCode }), ccgCode);
  const at = asOf ?? (await latestPeriodStart(dataSource));
  if (at === null) return [];
  return (await practicesOfCcgAsAt.rows(dataSource.manager, [ccgCode, at])).map((row) => row.code);
}

/** By name as people read them, ties by code (the grid's default order). */
function sortByName(providers: OrganisationView[]): void {
  providers.sort((a, b) => NAME_ORDER.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The start of the latest period with any value. */
async function latestPeriodStart(dataSource: DataSource): Promise<string | null> {
  return (await latestPeriodWithData.one(dataSource.manager, [])).start;
}

/** The grid's columns: indicators with a value on or before asOf, by code (a typed statement: no query builder per request). */
function columnsAsAt(dataSource: DataSource, asOf: string): Promise<IndicatorView[]> {
  return gridColumns.rows(dataSource.manager, [asOf]);
}

/** The CCG's NHS England region as at `asOf` (see `regionAsAt`); null when it has none. */
async function regionOfCcg(dataSource: DataSource, code: string, asOf: string): Promise<string | null> {
  return (await regionAsAt.first(dataSource.manager, [code, asOf]))?.region ?? null;
}

/** Providers (NHS trusts) with a value on or before asOf, in the regions given and matching the search, by code. */
function providersAsAt(dataSource: DataSource, filter: { region: string | null; ccgRegion: string | null; search: string | null }, asOf: string): Promise<OrganisationView[]> {
  const query = dataSource
    .getRepository(OrganisationEntity)
    .createQueryBuilder('o')
    .where('o.type = :type', { type: PROVIDER_TYPE })
    .andWhere('EXISTS (SELECT 1 FROM series_latest_score l WHERE l.organisation_code = o.code AND l.first_as_of <= :asOf)', { asOf });
  if (filter.region) query.andWhere(inRegionCondition('o.code', ':region'), { region: filter.region });
  if (filter.ccgRegion) query.andWhere(inRegionCondition('o.code', ':ccgRegion'), { ccgRegion: filter.ccgRegion });
  if (filter.search?.trim()) query.andWhere('(lower(o.name) LIKE :search OR lower(o.code) LIKE :search)', { search: containsPattern(filter.search) });
  return query.orderBy('o.code').getMany();
}

/** NOT_FOUND for an unknown code, BAD_USER_INPUT for an organisation that is not a CCG. */
function checkCcg(ccg: { type: string } | null, code: string): void {
  if (!ccg) throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `No organisation has the ODS code "${code}".`);
  if (ccg.type !== 'CCG') throw new AppError('BAD_USER_INPUT', 'NOT_A_CCG', `${code} is not a CCG.`);
}
