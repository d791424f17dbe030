import type { EntityManager } from 'typeorm';
import type { ApplyContext, ImportCounts, ImportKind } from '../import-kind';
import { odsStaging, upsertCommissioners } from './ods.queries';
import { ODS_COLUMNS, parseOdsRow, stageOdsRow, type OdsRow } from './ods-trusts.kind';
import { actorParams } from './shared.queries';

/**
 * The ODS commissioners list (`eccg`): every CCG since 2013 with open and close dates, plus the
 * later sub-ICB locations and commissioning hubs. Its groupings are those of the snapshot
 * (2025-era), not of the CCG years, so the CCG hierarchy file supplies CCG relationships instead.
 */
export const odsCommissionersKind: ImportKind<OdsRow> = {
  name: 'eccg',
  description: 'ODS commissioners list (eccg)',
  requiredColumns: ODS_COLUMNS,
  staging: odsStaging,
  parseRow: parseOdsRow,
  stage: stageOdsRow,
  async apply(manager: EntityManager, context: ApplyContext): Promise<ImportCounts> {
    const organisations = await upsertCommissioners.one(manager, actorParams(context));
    return { inserted: organisations.inserted, updated: organisations.updated, deleted: 0 };
  },
};
