import type { EntityManager } from 'typeorm';
import type { ApplyContext, ImportCounts, ImportKind } from '../import-kind';
import { odsStagingColumns, parseOdsRow, stageOdsRow, type OdsRow } from './ods-trusts.kind';
import { upsertOrganisations } from './shared-sql';

/**
 * The ODS commissioners list (`eccg`): every CCG since 2013 with open and close dates, plus the
 * later sub-ICB locations and commissioning hubs. Its groupings are those of the snapshot
 * (2025-era), not of the CCG years, so the CCG hierarchy file supplies CCG relationships instead.
 */
export const odsCommissionersKind: ImportKind<OdsRow> = {
  name: 'eccg',
  description: 'ODS commissioners list (eccg)',
  requiredColumns: ['org_code', 'name', 'national_grouping', 'high_level_health_geography', 'postcode', 'open_date', 'close_date'],
  stagingColumns: odsStagingColumns,
  uniqueKey: ['code'],
  parseRow: parseOdsRow,
  stage: stageOdsRow,
  async apply(manager: EntityManager, context: ApplyContext): Promise<ImportCounts> {
    const organisations = await upsertOrganisations(
      manager,
      `SELECT code, name, CASE WHEN name ~ '\\mCCG$' THEN 'CCG' ELSE 'OTHER' END::varchar AS type, open_date, close_date, postcode FROM ${context.staging}`,
      context,
    );
    return { inserted: organisations.inserted, updated: organisations.updated, deleted: 0 };
  },
};
