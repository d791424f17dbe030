import type { EntityManager } from 'typeorm';
import { ODS_CODE, ok, parseDate, refuse, refuseNulCell, type ApplyContext, type ImportCounts, type ImportKind, type RowResult } from '../import-kind';
import { addTrustAreaTeams, addTrustRegions, odsStaging, upsertTrusts } from './ods.queries';
import { actorParams } from './shared.queries';

export interface OdsRow {
  code: string;
  name: string;
  region: string | null;
  areaTeam: string | null;
  postcode: string | null;
  openDate: string | null;
  closeDate: string | null;
}

/** Parses the columns every ODS extract shares (etr, eccg). */
export function parseOdsRow(row: Record<string, string>): RowResult<OdsRow> {
  const nul = refuseNulCell<never>(row);
  if (nul) return nul;
  if (!ODS_CODE.test(row.org_code)) return refuse(`org_code "${row.org_code}" is not an ODS code (3 to 6 capital letters or digits)`);
  if (!row.name) return refuse('name is empty');
  if (row.name.length > 200) return refuse('name is longer than 200 characters');
  const openDate = row.open_date ? parseDate(row.open_date) : null;
  if (row.open_date && !openDate) return refuse(`open_date "${row.open_date}" is not a date (YYYY-MM-DD)`);
  const closeDate = row.close_date ? parseDate(row.close_date) : null;
  if (row.close_date && !closeDate) return refuse(`close_date "${row.close_date}" is not a date (YYYY-MM-DD)`);
  if (openDate && closeDate && closeDate < openDate) return refuse(`close_date ${closeDate} is before open_date ${openDate}`);
  const grouping = row.national_grouping || null;
  const area = row.high_level_health_geography || null;
  if (grouping && !ODS_CODE.test(grouping)) return refuse(`national_grouping "${grouping}" is not an ODS code`);
  if (area && !ODS_CODE.test(area)) return refuse(`high_level_health_geography "${area}" is not an ODS code`);
  return ok({ code: row.org_code, name: row.name, region: grouping, areaTeam: area, postcode: row.postcode || null, openDate, closeDate });
}

export const ODS_COLUMNS = ['org_code', 'name', 'national_grouping', 'high_level_health_geography', 'postcode', 'open_date', 'close_date'];

export const stageOdsRow = (row: OdsRow) => [row.code, row.name, row.region, row.areaTeam, row.postcode, row.openDate, row.closeDate];

/**
 * The ODS NHS trusts list (`etr`). Names are as at the file's snapshot: load the snapshot of the
 * period you report on last (first start loads 2025, then 2016, so the 2016-19 A&E data shows
 * 2016 names). Each trust's region and area team are recorded as relationships.
 */
export const odsTrustsKind: ImportKind<OdsRow> = {
  name: 'etr',
  description: 'ODS NHS trusts list (etr)',
  requiredColumns: ODS_COLUMNS,
  staging: odsStaging,
  parseRow: parseOdsRow,
  stage: stageOdsRow,
  async apply(manager: EntityManager, context: ApplyContext): Promise<ImportCounts> {
    const actor = actorParams(context);
    const organisations = await upsertTrusts.one(manager, actor);
    let added = 0;
    for (const relationships of [addTrustRegions, addTrustAreaTeams]) {
      await relationships.addRelated.run(manager, []);
      added += (await relationships.add.one(manager, actor)).n;
    }
    return { inserted: organisations.inserted + added, updated: organisations.updated, deleted: 0 };
  },
};
