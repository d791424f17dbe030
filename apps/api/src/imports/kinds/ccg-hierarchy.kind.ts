import type { EntityManager } from 'typeorm';
import { ODS_CODE, ok, parseCount, refuse, type ApplyContext, type ImportCounts, type ImportKind } from '../import-kind';
import { addRelationships, upsertOrganisations } from './shared-sql';

interface HierarchyRow {
  year: string;
  ccgCode: string;
  ccgName: string;
  stpCode: string;
  stpName: string;
  subregionCode: string;
  subregionName: string;
  regionCode: string;
  regionName: string;
  registeredPatients: number;
}

const FINANCIAL_YEAR = /^(\d{4})\/(\d{2})$/;
const ONS_CODE = /^E\d{8}$/;
/** NHS England's London sub-regions carry a lower-case suffix in this file (Q71a, Q71c...), as published. */
const SUBREGION_CODE = /^[A-Z0-9]{3,6}[a-z]?$/;

/**
 * The CCG hierarchy by financial year (`year, ccg_code, ccg_name, stp_code, stp_name,
 * subregion_code, subregion_name, region_code, region_name, registered_patients`): period-correct
 * CCG names, each CCG's STP, NHS England sub-region and region for that year (effective-dated
 * relationships), and its registered population that year.
 */
export const ccgHierarchyKind: ImportKind<HierarchyRow> = {
  name: 'ccg-hierarchy',
  description: 'CCG hierarchy by financial year',
  requiredColumns: ['year', 'ccg_code', 'ccg_name', 'stp_code', 'stp_name', 'subregion_code', 'subregion_name', 'region_code', 'region_name', 'registered_patients'],
  stagingColumns: [
    { name: 'year', type: 'varchar(7)' },
    { name: 'valid_from', type: 'date' },
    { name: 'valid_to', type: 'date' },
    { name: 'ccg_code', type: 'varchar(12)' },
    { name: 'ccg_name', type: 'text' },
    { name: 'stp_code', type: 'varchar(12)' },
    { name: 'stp_name', type: 'text' },
    { name: 'subregion_code', type: 'varchar(12)' },
    { name: 'subregion_name', type: 'text' },
    { name: 'region_code', type: 'varchar(12)' },
    { name: 'region_name', type: 'text' },
    { name: 'registered_patients', type: 'integer' },
  ],
  uniqueKey: ['year', 'ccg_code'],
  parseRow(row) {
    const year = FINANCIAL_YEAR.exec(row.year);
    if (!year || (Number(year[1]) + 1) % 100 !== Number(year[2])) return refuse(`year "${row.year}" is not a financial year such as 2016/17`);
    for (const column of ['ccg_code', 'region_code'] as const) {
      if (!ODS_CODE.test(row[column])) return refuse(`${column} "${row[column]}" is not an ODS code`);
    }
    if (!SUBREGION_CODE.test(row.subregion_code)) return refuse(`subregion_code "${row.subregion_code}" is not an ODS code`);
    if (!ONS_CODE.test(row.stp_code)) return refuse(`stp_code "${row.stp_code}" is not an ONS code such as E54000005`);
    for (const column of ['ccg_name', 'stp_name', 'subregion_name', 'region_name'] as const) {
      if (!row[column]) return refuse(`${column} is empty`);
    }
    const registeredPatients = parseCount(row.registered_patients);
    if (registeredPatients === null) return refuse(`registered_patients "${row.registered_patients}" is not a whole number`);
    return ok({
      year: row.year,
      ccgCode: row.ccg_code,
      ccgName: row.ccg_name,
      stpCode: row.stp_code,
      stpName: row.stp_name,
      subregionCode: row.subregion_code,
      subregionName: row.subregion_name,
      regionCode: row.region_code,
      regionName: row.region_name,
      registeredPatients,
    });
  },
  stage: (row) => {
    const start = Number(row.year.slice(0, 4));
    return [row.year, `${start}-04-01`, `${start + 1}-03-31`, row.ccgCode, row.ccgName, row.stpCode, row.stpName, row.subregionCode, row.subregionName, row.regionCode, row.regionName, row.registeredPatients];
  },
  async apply(manager: EntityManager, context: ApplyContext): Promise<ImportCounts> {
    const s = context.staging;
    // The latest year's name of each organisation in the file; dates and postcode kept as known.
    const latest = (code: string, name: string, type: string) => `
      SELECT DISTINCT ON (x.${code}) x.${code} AS code, x.${name} AS name, '${type}'::varchar AS type, o.open_date, o.close_date, o.postcode
      FROM ${s} x LEFT JOIN organisation o ON o.code = x.${code} ORDER BY x.${code}, x.year DESC`;
    let inserted = 0;
    let updated = 0;
    for (const [code, name, type] of [
      ['region_code', 'region_name', 'REGION'],
      ['subregion_code', 'subregion_name', 'AREA_TEAM'],
      ['stp_code', 'stp_name', 'STP'],
      ['ccg_code', 'ccg_name', 'CCG'],
    ]) {
      const result = await upsertOrganisations(manager, latest(code, name, type), context);
      inserted += result.inserted;
      updated += result.updated;
    }
    for (const [kind, related, type] of [
      ['IN_STP', 'stp_code', 'STP'],
      ['IN_AREA_TEAM', 'subregion_code', 'AREA_TEAM'],
      ['IN_REGION', 'region_code', 'REGION'],
    ]) {
      inserted += await addRelationships(
        manager,
        `SELECT ccg_code AS organisation_code, '${kind}'::varchar AS kind, ${related} AS related_code, valid_from, valid_to FROM ${s}`,
        type,
        context,
      );
    }
    const [population] = await manager.query(
      `WITH before AS (SELECT p.* FROM organisation_population p JOIN ${s} x ON x.ccg_code = p.organisation_code AND x.year = p.financial_year),
       upserted AS (
         INSERT INTO organisation_population (organisation_code, financial_year, registered_patients, source)
         SELECT ccg_code, year, registered_patients, $4::text FROM ${s}
         ON CONFLICT (organisation_code, financial_year) DO UPDATE SET registered_patients = EXCLUDED.registered_patients, source = EXCLUDED.source
         WHERE organisation_population.registered_patients <> EXCLUDED.registered_patients
         RETURNING organisation_code, financial_year, registered_patients
       ),
       audited AS (
         INSERT INTO audit_event (actor_user_id, actor_username, action, entity_type, entity_id, before, after, request_id)
         SELECT $1::uuid, $2, CASE WHEN b.organisation_code IS NULL THEN 'CREATE_POPULATION' ELSE 'UPDATE_POPULATION' END, 'organisation_population',
                u.organisation_code || '/' || u.financial_year,
                CASE WHEN b.organisation_code IS NULL THEN NULL ELSE jsonb_build_object('registeredPatients', b.registered_patients) END,
                jsonb_build_object('registeredPatients', u.registered_patients), $3
         FROM upserted u LEFT JOIN before b ON b.organisation_code = u.organisation_code AND b.financial_year = u.financial_year
         RETURNING action
       )
       SELECT count(*) FILTER (WHERE action = 'CREATE_POPULATION')::int AS inserted, count(*) FILTER (WHERE action = 'UPDATE_POPULATION')::int AS updated FROM audited`,
      [context.actor.userId, context.actor.username, context.actor.requestId, context.fileName],
    );
    return { inserted: inserted + population.inserted, updated: updated + population.updated, deleted: 0 };
  },
};
