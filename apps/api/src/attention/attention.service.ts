import {
  analyseFunnelPlot,
  assessAttentionSeverity,
  compareBySeverity,
  describeTrend,
  financialYearOf,
  matchesAttentionFilter,
  type AssuranceType,
  type AttentionFilter,
  type AttentionSeverity,
  type AttentionSignals,
  type AttentionTrend,
  type ComparisonPolarity,
  type FunnelPosition,
  type ImprovementDirection,
  type PointType,
  type RagStatus,
  type TargetSource,
} from '@ccg-assure/domain';
import type { DataSource } from 'typeorm';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { CONTRACT_READER_ROLES, mayReadContract } from '../contracts/contract-access';
import { OrganisationType } from '../organisations/organisation-type';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { inRegionCondition } from '../organisations/organisation-region';
import type { OrganisationView } from '../organisations/organisations.service';
import { GridOrganisationType } from '../scorecards/scorecard-enums';
import { PROVIDER_TYPE } from '../scorecards/scorecard-grid';
import type { ScorecardLoaders } from '../scorecards/scorecard-scores';
import { latestPeriodWithData } from '../scorecards/scorecards.queries';
import type { ScorecardsService } from '../scorecards/scorecards.service';
import { AppError } from '../server/app-error';
import { attentionScores, contractsOfCcgsWith, openEscalationItemsAbout, peerCounts } from './attention.queries';

/** Which rows the attention view shows: a scope (at most one of ccg and region; providers narrow it) and the signal filters. */
export interface AttentionQueryFilter extends AttentionFilter {
  ccg?: string | null;
  region?: string | null;
  providers?: readonly string[] | null;
  indicators?: readonly string[] | null;
  /** NHS trusts (the default) or GP practices (with `ccg`: those registered with it as at asOf). */
  organisationType?: GridOrganisationType | null;
}

export type AttentionSort = 'SEVERITY' | 'PROVIDER';

export interface AttentionQuery {
  filter: AttentionQueryFilter;
  asOf: string | null;
  sort: AttentionSort;
  size: number;
  /** The row key (`provider|indicator`) after which the page starts. */
  afterKey: string | null;
}

/** Whose providers the view covers, and how they were found. */
export interface AttentionScopeView {
  kind: 'CCG' | 'REGION' | 'PROVIDERS' | 'ENGLAND';
  /** The CCG or region; null for PROVIDERS and ENGLAND. */
  organisationCode: string | null;
  /** For a CCG: CONTRACTS (those it holds for the year of asOf) or REGION (its NHS England region, the fallback). */
  basis: 'CONTRACTS' | 'REGION' | null;
  /** True when no scope was asked for and this is the viewer's default (their CCG, else their region, else England). */
  isDefault: boolean;
}

export interface AttentionRowView {
  key: string;
  providerCode: string;
  indicatorCode: string;
  period: { type: string; startDate: string; endDate: string; label: string };
  value: number;
  numerator: number;
  denominator: number;
  target: number | null;
  targetSource: TargetSource | null;
  rag: RagStatus | null;
  improvementDirection: ImprovementDirection;
  variationType: PointType;
  assuranceType: AssuranceType | null;
  funnelPosition: FunnelPosition | null;
  funnelFavourable: boolean | null;
  trend: AttentionTrend | null;
  severity: AttentionSeverity;
  /** Null for a viewer who may read no contracts or escalation items (the public); else the links they may follow. */
  links: { contractId: string | null; escalationItemIds: string[] } | null;
}

export interface AttentionView {
  asOf: string | null;
  scope: AttentionScopeView;
  rows: AttentionRowView[];
  hasNextPage: boolean;
  totalCount: number;
}

const POLARITY_OF: Record<ImprovementDirection, ComparisonPolarity> = { INCREASE: 'HIGHER_IS_BETTER', DECREASE: 'LOWER_IS_BETTER', NEUTRAL: 'NEUTRAL' };
const NAME_ORDER = new Intl.Collator('en-GB');

/**
 * What needs attention (issue 18 point 5, decision 0032): every provider and indicator in scope with its stored
 * verdicts (decision 0021: nothing here recomputes SPC or RAG), its funnel position under the adjusted limits of its
 * indicator and period (computed here, once per indicator and period the rows show, over every NHS trust's value
 * that period, as providerComparison computes it), its trend from the stored points, its severity, and, for a viewer
 * who may read them, its contract and open escalation items. Filtered (AND across kinds, OR within), sorted, paged.
 * A fixed number of statements however many rows.
 */
export class AttentionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
  ) {}

  async attention(query: AttentionQuery, viewer: Viewer | null, loaders: ScorecardLoaders): Promise<AttentionView> {
    const { filter } = query;
    if (filter.ccg && filter.region) {
      throw new AppError('BAD_USER_INPUT', 'SCOPE_AMBIGUOUS', 'Give a CCG or a region, not both.', { fields: ['filter.ccg', 'filter.region'] });
    }
    const asOf = query.asOf ?? (await latestPeriodWithData.one(this.dataSource.manager, [])).start;
    const indicatorCodes = await this.checkedIndicators(filter.indicators ?? null, loaders);
    const scope = await this.scopeOf(filter, viewer, asOf, loaders);
    if (asOf === null) return { asOf, scope: scope.view, rows: [], hasNextPage: false, totalCount: 0 };

    const scores = scope.providerCodes.length === 0 ? [] : await attentionScores.rows(this.dataSource.manager, [scope.providerCodes, indicatorCodes, asOf]);
    const funnels = await this.funnelPositions(scores, scope.organisationType);
    let rows = scores.map((score): AttentionRowView => {
      const direction = score.improvementDirection as ImprovementDirection;
      const funnel = funnels.get(`${score.indicatorCode}|${score.periodStart}|${score.organisationCode}`) ?? null;
      const lastValues = (score.lastValues as (number | null)[]).filter((value): value is number => value !== null);
      const signals: AttentionSignals = {
        variationType: score.variationType as PointType,
        assuranceType: score.assuranceType as AssuranceType | null,
        rag: score.rag as RagStatus | null,
        funnelPosition: funnel?.position ?? null,
        funnelFavourable: funnel?.favourable ?? null,
        trend: describeTrend(lastValues, direction),
      };
      return {
        key: `${score.organisationCode}|${score.indicatorCode}`,
        providerCode: score.organisationCode,
        indicatorCode: score.indicatorCode,
        period: { type: score.periodType, startDate: score.periodStart, endDate: score.periodEnd, label: score.periodLabel },
        value: score.value,
        numerator: score.numerator,
        denominator: score.denominator,
        target: score.target,
        targetSource: score.targetSource as TargetSource | null,
        improvementDirection: direction,
        ...signals,
        severity: assessAttentionSeverity(signals),
        links: null,
      };
    });
    rows = rows.filter((row) => matchesAttentionFilter(row, filter));

    const names = new Map<string, string>();
    if (query.sort === 'PROVIDER') {
      const organisations = await loaders.organisation.loadMany([...new Set(rows.map((row) => row.providerCode))]);
      for (const organisation of organisations) if (organisation && !(organisation instanceof Error)) names.set(organisation.code, organisation.name);
    }
    const byKey = (a: AttentionRowView, b: AttentionRowView) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    rows.sort(
      query.sort === 'PROVIDER'
        ? (a, b) => NAME_ORDER.compare(names.get(a.providerCode) ?? a.providerCode, names.get(b.providerCode) ?? b.providerCode) || byKey(a, b)
        : (a, b) => compareBySeverity(a.severity, b.severity) || byKey(a, b),
    );

    let start = 0;
    if (query.afterKey !== null) {
      start = rows.findIndex((row) => row.key === query.afterKey) + 1;
      if (start === 0) throw new AppError('BAD_USER_INPUT', 'CURSOR_INVALID', 'The cursor is not one this server gave out for this filter, asOf and sort.', { fields: ['after'] });
    }
    const page = rows.slice(start, start + query.size);
    await this.addLinks(page, viewer, loaders);
    return { asOf, scope: scope.view, rows: page, hasNextPage: start + query.size < rows.length, totalCount: rows.length };
  }

  /** The indicators asked for, each known (NOT_FOUND otherwise); null for every indicator. */
  private async checkedIndicators(codes: readonly string[] | null, loaders: ScorecardLoaders): Promise<string[] | null> {
    if (!codes || codes.length === 0) return null;
    const unique = [...new Set(codes.map((code) => code.trim()))];
    const found = await loaders.indicator.loadMany(unique);
    const missing = unique.filter((_code, i) => !found[i] || found[i] instanceof Error);
    if (missing.length > 0) {
      throw new AppError('NOT_FOUND', 'INDICATOR_NOT_FOUND', `No indicator has the code ${missing.map((code) => `"${code}"`).join(', ')}.`, { fields: ['filter.indicators'], codes: missing });
    }
    return unique;
  }

  /**
   * The providers in scope: a CCG's (contracted for the year of asOf, else its region's: providersOfCcg), a region's,
   * or England's NHS trusts with a value on or before asOf; `providers` narrows any of them. With no CCG, region or
   * providers asked for, the viewer's CCG, else the viewer's region, else England.
   */
  private async scopeOf(
    filter: AttentionQueryFilter,
    viewer: Viewer | null,
    asOf: string | null,
    loaders: ScorecardLoaders,
  ): Promise<{ view: AttentionScopeView; providerCodes: string[]; organisationType: string }> {
    const practices = filter.organisationType === GridOrganisationType.GP_PRACTICE;
    const organisationType = practices ? GridOrganisationType.GP_PRACTICE : PROVIDER_TYPE;
    const providers = filter.providers && filter.providers.length > 0 ? [...new Set(filter.providers.map((code) => code.trim()))] : null;
    if (providers) {
      const found = await loaders.organisation.loadMany(providers);
      const missing = providers.filter((_code, i) => !found[i] || found[i] instanceof Error || (found[i] as OrganisationView).type !== organisationType);
      if (missing.length > 0) {
        const kind = practices ? 'GP practice' : 'NHS trust';
        throw new AppError('NOT_FOUND', 'PROVIDER_NOT_FOUND', `No ${kind} has the ODS code ${missing.map((code) => `"${code}"`).join(', ')}.`, { fields: ['filter.providers'], codes: missing });
      }
    }
    let ccg = filter.ccg?.trim() || null;
    let region = filter.region?.trim() || null;
    let isDefault = false;
    if (!ccg && !region && !providers) {
      isDefault = true;
      const held = (await loaders.organisation.loadMany([...new Set(viewer?.roles.map((assignment) => assignment.organisationCode) ?? [])])).filter(
        (organisation): organisation is OrganisationView => !!organisation && !(organisation instanceof Error),
      );
      ccg = held.find((organisation) => organisation.type === OrganisationType.CCG)?.code ?? null;
      region = ccg ? null : (held.find((organisation) => organisation.type === OrganisationType.REGION)?.code ?? null);
    }
    if (region) {
      const found = await loaders.organisation.load(region);
      if (!found) throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `No organisation has the ODS code "${region}".`, { fields: ['filter.region'] });
      if (found.type !== OrganisationType.REGION) throw new AppError('BAD_USER_INPUT', 'NOT_A_REGION', `${region} is not an NHS England region.`, { fields: ['filter.region'] });
    }
    const narrow = (codes: string[]) => (providers ? codes.filter((code) => providers.includes(code)) : codes);
    if (ccg && practices) {
      // A CCG's practices: those registered with it as at asOf (basis null: neither contracts nor region).
      const codes = await this.scorecards.practicesOfCcg(ccg, asOf);
      return { view: { kind: 'CCG', organisationCode: ccg, basis: null, isDefault }, providerCodes: narrow(codes), organisationType };
    }
    if (ccg) {
      const ofCcg = await this.scorecards.providersOfCcg(ccg, asOf);
      return { view: { kind: 'CCG', organisationCode: ccg, basis: ofCcg.basis, isDefault }, providerCodes: narrow(ofCcg.providerCodes), organisationType };
    }
    const kind = region ? 'REGION' : providers ? 'PROVIDERS' : 'ENGLAND';
    const codes = asOf === null ? [] : await this.providersWithValues(region, asOf, organisationType);
    return { view: { kind, organisationCode: region, basis: null, isDefault }, providerCodes: narrow(codes), organisationType };
  }

  /** Organisations of the type (NHS trusts or GP practices) with a value on or before asOf (a stored score then: their series' first month), in the region when given, by code. */
  private async providersWithValues(region: string | null, asOf: string, organisationType: string): Promise<string[]> {
    const query = this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .select('o.code', 'code')
      .where('o.type = :type', { type: organisationType })
      .andWhere('EXISTS (SELECT 1 FROM series_latest_score l WHERE l.organisation_code = o.code AND l.first_as_of <= :asOf)', { asOf });
    if (region) query.andWhere(inRegionCondition('o.code', ':region'), { region });
    return (await query.orderBy('o.code').getRawMany<{ code: string }>()).map((row) => row.code);
  }

  /**
   * Each row's funnel position under the adjusted limits (ADDITIVE_RANDOM_EFFECTS, providerComparison's default) of
   * its indicator and period, keyed `indicator|period|provider`: one statement for the peers of every (indicator,
   * period) among the rows, one funnel plot each. Only percentages have a funnel; a peer with no denominator cannot be
   * placed and is left out (so it has no position).
   */
  private async funnelPositions(
    scores: { indicatorCode: string; indicatorUnit: string; periodType: string; periodStart: string; improvementDirection: string }[],
    organisationType: string,
  ): Promise<Map<string, { position: FunnelPosition; favourable: boolean | null }>> {
    const groups = new Map<string, { indicator_code: string; period_type: string; period_start: string; polarity: ComparisonPolarity }>();
    for (const score of scores) {
      if (score.indicatorUnit !== 'PERCENTAGE') continue;
      const key = `${score.indicatorCode}|${score.periodStart}`;
      if (!groups.has(key)) {
        groups.set(key, {
          indicator_code: score.indicatorCode,
          period_type: score.periodType,
          period_start: score.periodStart,
          polarity: POLARITY_OF[score.improvementDirection as ImprovementDirection],
        });
      }
    }
    const positions = new Map<string, { position: FunnelPosition; favourable: boolean | null }>();
    if (groups.size === 0) return positions;
    const peers = await peerCounts.rows(this.dataSource.manager, [JSON.stringify([...groups.values()].map(({ polarity: _polarity, ...group }) => group)), organisationType]);
    const unitsByGroup = new Map<string, { key: string; numerator: number; denominator: number }[]>();
    for (const peer of peers) {
      if (!(peer.denominator > 0) || peer.numerator < 0 || peer.numerator > peer.denominator) continue;
      const key = `${peer.indicatorCode}|${peer.periodStart}`;
      const units = unitsByGroup.get(key) ?? [];
      if (units.length === 0) unitsByGroup.set(key, units);
      // In place: thousands of practices are peers of one funnel plot.
      units.push({ key: peer.organisationCode, numerator: peer.numerator, denominator: peer.denominator });
    }
    for (const [key, group] of groups) {
      const units = unitsByGroup.get(key);
      if (!units) continue;
      const plot = analyseFunnelPlot({ units, polarity: group.polarity, unit: 'PERCENTAGE', adjustment: 'ADDITIVE_RANDOM_EFFECTS', curvePoints: 2 });
      for (const point of plot.points) positions.set(`${key}|${point.key}`, { position: point.position, favourable: point.favourable });
    }
    return positions;
  }

  /**
   * The page's links, for a viewer who may read them: the contract for the row's financial year with that provider
   * that one of the viewer's CCGs holds (lead first) and the viewer may read (the contracts area's rule), and the
   * open escalation items of the viewer's CCGs about that provider and indicator or about the provider alone (a role
   * at the CCG reads its items: the escalation area's rule). Two statements for the whole page.
   */
  private async addLinks(page: AttentionRowView[], viewer: Viewer | null, loaders: ScorecardLoaders): Promise<void> {
    if (!viewer || page.length === 0) return;
    const held = (await loaders.organisation.loadMany([...new Set(viewer.roles.map((assignment) => assignment.organisationCode))])).filter(
      (organisation): organisation is OrganisationView => !!organisation && !(organisation instanceof Error) && organisation.type === OrganisationType.CCG,
    );
    const contractCcgs = held.filter((ccg) => viewer.roles.some((a) => a.organisationCode === ccg.code && CONTRACT_READER_ROLES.includes(a.role as Role))).map((ccg) => ccg.code);
    const itemCcgs = held.map((ccg) => ccg.code);
    if (contractCcgs.length === 0 && itemCcgs.length === 0) return;
    const providerCodes = [...new Set(page.map((row) => row.providerCode))];
    const years = [...new Set(page.map((row) => financialYearOf(row.period.startDate).label))];
    const contracts =
      contractCcgs.length === 0
        ? []
        : (await contractsOfCcgsWith.rows(this.dataSource.manager, [contractCcgs, providerCodes, years])).filter((contract) =>
            mayReadContract(viewer, { leadCommissionerCode: contract.leadCommissionerCode, associateCodes: contract.associateCodes }),
          );
    const items = itemCcgs.length === 0 ? [] : await openEscalationItemsAbout.rows(this.dataSource.manager, [itemCcgs, providerCodes]);
    for (const row of page) {
      const year = financialYearOf(row.period.startDate).label;
      row.links = {
        contractId: contracts.find((contract) => contract.providerCode === row.providerCode && contract.financialYear === year)?.id ?? null,
        escalationItemIds: items.filter((item) => item.providerCode === row.providerCode && (item.indicatorCode === null || item.indicatorCode === row.indicatorCode)).map((item) => item.id),
      };
    }
  }
}
