import { In, type DataSource, type FindOptionsSelect } from 'typeorm';
import { AppError } from '../server/app-error';
import { OrganisationPopulationEntity } from './organisation-population.entity';
import { containsPattern, inRegionCondition } from './organisation-region';
import { OrganisationRelationshipEntity } from './organisation-relationship.entity';
import { OrganisationEntity } from './organisation.entity';

/** An organisation as the services hand it on. */
export type OrganisationView = Pick<OrganisationEntity, 'code' | 'name' | 'type' | 'openDate' | 'closeDate' | 'postcode'>;
/** The columns of a view, and no more: the row's timestamps are not read (parsing them was a tenth of a page's cost). */
const VIEW_COLUMNS = ['code', 'name', 'type', 'openDate', 'closeDate', 'postcode'] as const satisfies readonly (keyof OrganisationView)[];
const VIEW_SELECT: FindOptionsSelect<OrganisationEntity> = Object.fromEntries(VIEW_COLUMNS.map((column) => [column, true]));
/** One relationship between two organisations, with its dates. */
export type RelationshipView = Pick<OrganisationRelationshipEntity, 'organisationCode' | 'kind' | 'relatedCode' | 'validFrom' | 'validTo' | 'source'>;
/** An organisation's registered population in one financial year. */
export type PopulationView = Pick<OrganisationPopulationEntity, 'organisationCode' | 'financialYear' | 'registeredPatients'>;

export interface OrganisationFilter {
  type?: string | null;
  search?: string | null;
  region?: string | null;
}

export interface OrganisationPage {
  rows: OrganisationView[];
  hasNextPage: boolean;
  /** How many match the filter in all; null when not asked for (withTotalCount false). */
  totalCount: number | null;
}

/** Reads organisations, their relationships and populations. */
export class OrganisationsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A page of organisations ordered by code, after the cursor code, matching the filter: one statement, and a count
   * of all that match only when `withTotalCount` (issue 19 point 6).
   */
  async list(filter: OrganisationFilter, size: number, afterCode: string | null, withTotalCount = true): Promise<OrganisationPage> {
    const matching = this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o');
    if (filter.type) matching.andWhere('o.type = :type', { type: filter.type });
    if (filter.search?.trim()) matching.andWhere('(lower(o.name) LIKE :search OR lower(o.code) LIKE :search)', { search: containsPattern(filter.search) });
    if (filter.region) matching.andWhere(inRegionCondition('o.code', ':region'), { region: filter.region });
    const totalCount = withTotalCount ? await matching.getCount() : null;
    const page = matching.clone();
    if (afterCode !== null) page.andWhere('o.code > :afterCode', { afterCode });
    const rows = await page
      .select(VIEW_COLUMNS.map((column) => `o.${column}`))
      .orderBy('o.code')
      .limit(size + 1)
      .getMany();
    return { rows: rows.slice(0, size), hasNextPage: rows.length > size, totalCount };
  }

  async byCodes(codes: readonly string[]): Promise<OrganisationView[]> {
    if (codes.length === 0) return [];
    return this.dataSource.getRepository(OrganisationEntity).find({ select: VIEW_SELECT, where: { code: In([...codes]) } });
  }

  /** The organisation with the ODS code; NOT_FOUND (ORGANISATION_NOT_FOUND) when there is none. */
  async get(code: string): Promise<OrganisationView> {
    const [row] = await this.byCodes([code]);
    if (!row) throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `No organisation has the ODS code "${code}".`);
    return row;
  }

  /** Relationships in both directions (the organisation's own, and those pointing at it). */
  async relationshipsOf(codes: readonly string[]): Promise<RelationshipView[]> {
    if (codes.length === 0) return [];
    return this.dataSource
      .getRepository(OrganisationRelationshipEntity)
      .createQueryBuilder('r')
      .where('r.organisationCode IN (:...codes) OR r.relatedCode IN (:...codes)', { codes })
      .orderBy('r.kind')
      .addOrderBy('r.validFrom', 'ASC', 'NULLS FIRST')
      .addOrderBy('r.relatedCode')
      .addOrderBy('r.organisationCode')
      .getMany();
  }

  async populationsOf(codes: readonly string[]): Promise<PopulationView[]> {
    if (codes.length === 0) return [];
    return this.dataSource.getRepository(OrganisationPopulationEntity).find({ where: { organisationCode: In([...codes]) }, order: { financialYear: 'ASC' } });
  }
}
