import type { EntityManager } from 'typeorm';
import { ODS_CODE, ok, parseCount, parseFinancialYearLabel, refuse, refuseNulCell, type ApplyContext, type ImportCounts, type ImportKind } from '../import-kind';
import { addMemberships, ccgHierarchyStaging, upsertLevels, upsertPopulations } from './ccg-hierarchy.queries';
import { actorParams } from './shared.queries';

interface HierarchyRow {
  year: string;
  validFrom: string;
  validTo: string;
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
  staging: ccgHierarchyStaging,
  parseRow(row) {
    const nul = refuseNulCell<never>(row);
    if (nul) return nul;
    const year = parseFinancialYearLabel(row.year);
    if (!year) return refuse(`year "${row.year}" is not a financial year such as 2016/17`);
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
      year: year.label,
      validFrom: year.start,
      validTo: year.end,
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
  stage: (row) => [
    row.year,
    row.validFrom,
    row.validTo,
    row.ccgCode,
    row.ccgName,
    row.stpCode,
    row.stpName,
    row.subregionCode,
    row.subregionName,
    row.regionCode,
    row.regionName,
    row.registeredPatients,
  ],
  async apply(manager: EntityManager, context: ApplyContext): Promise<ImportCounts> {
    const actor = actorParams(context);
    let inserted = 0;
    let updated = 0;
    for (const upsert of upsertLevels) {
      const result = await upsert.one(manager, actor);
      inserted += result.inserted;
      updated += result.updated;
    }
    for (const memberships of addMemberships) {
      await memberships.addRelated.run(manager, []);
      inserted += (await memberships.add.one(manager, actor)).n;
    }
    const population = await upsertPopulations.one(manager, actor);
    return { inserted: inserted + population.inserted, updated: updated + population.updated, deleted: 0 };
  },
};
