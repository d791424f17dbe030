import type { DataSource } from 'typeorm';
import { AppError } from '../server/app-error';

export interface OrganisationRow {
  code: string;
  name: string;
  type: string;
  openDate: string | null;
  closeDate: string | null;
  postcode: string | null;
}

export interface RelationshipRow {
  organisationCode: string;
  kind: string;
  relatedCode: string;
  validFrom: string | null;
  validTo: string | null;
  source: string;
}

export interface PopulationRow {
  organisationCode: string;
  financialYear: string;
  registeredPatients: number;
}

export interface OrganisationFilter {
  type?: string | null;
  search?: string | null;
  region?: string | null;
}

const COLUMNS = `o.code, o.name, o.type, o.open_date AS "openDate", o.close_date AS "closeDate", o.postcode`;

/** Reads organisations, their relationships and populations. */
export class OrganisationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of organisations ordered by code, after the cursor code, matching the filter. */
  async list(filter: OrganisationFilter, size: number, afterCode: string | null): Promise<{ rows: OrganisationRow[]; hasNextPage: boolean; totalCount: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.type) {
      params.push(filter.type);
      where.push(`o.type = $${params.length}`);
    }
    if (filter.search?.trim()) {
      params.push(`%${filter.search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(lower(o.name) LIKE $${params.length} OR lower(o.code) LIKE $${params.length})`);
    }
    if (filter.region) {
      // Directly in the region, or in one of its area teams (any year).
      params.push(filter.region);
      where.push(`EXISTS (SELECT 1 FROM organisation_relationship r WHERE r.organisation_code = o.code AND (
        (r.kind = 'IN_REGION' AND r.related_code = $${params.length}) OR
        (r.kind = 'IN_AREA_TEAM' AND EXISTS (SELECT 1 FROM organisation_relationship a WHERE a.organisation_code = r.related_code AND a.kind = 'IN_REGION' AND a.related_code = $${params.length}))))`);
    }
    const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM organisation o ${filtered}`, params);
    const pageParams = [...params];
    let page = filtered;
    if (afterCode !== null) {
      pageParams.push(afterCode);
      page = `${filtered ? `${filtered} AND` : 'WHERE'} o.code > $${pageParams.length}`;
    }
    pageParams.push(size + 1);
    const rows: OrganisationRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM organisation o ${page} ORDER BY o.code LIMIT $${pageParams.length}`, pageParams);
    return { rows: rows.slice(0, size), hasNextPage: rows.length > size, totalCount: n };
  }

  async byCodes(codes: readonly string[]): Promise<OrganisationRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM organisation o WHERE o.code = ANY($1)`, [codes]);
  }

  async get(code: string): Promise<OrganisationRow> {
    const [row] = await this.byCodes([code]);
    if (!row) throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `No organisation has the ODS code "${code}".`);
    return row;
  }

  /** Relationships in both directions (the organisation's own, and those pointing at it). */
  async relationshipsOf(codes: readonly string[]): Promise<RelationshipRow[]> {
    return this.dataSource.query(
      `SELECT organisation_code AS "organisationCode", kind, related_code AS "relatedCode", valid_from AS "validFrom", valid_to AS "validTo", source
       FROM organisation_relationship WHERE organisation_code = ANY($1) OR related_code = ANY($1)
       ORDER BY kind, valid_from NULLS FIRST, related_code, organisation_code`,
      [codes],
    );
  }

  async populationsOf(codes: readonly string[]): Promise<PopulationRow[]> {
    return this.dataSource.query(
      `SELECT organisation_code AS "organisationCode", financial_year AS "financialYear", registered_patients AS "registeredPatients"
       FROM organisation_population WHERE organisation_code = ANY($1) ORDER BY financial_year`,
      [codes],
    );
  }
}
