import { monthEnd, monthStart, PROVIDER_STANDARDS, type ProviderStandard } from '@ccg-assure/domain';
import type { EntityManager } from 'typeorm';
import { IndicatorEntity } from '../../indicators/indicator.entity';
import { checkContractsAfterImport } from '../../contracts/contract-checks';
import { refreshScoresOutOfStep } from '../../scores/scores.service';
import { ODS_CODE, ok, parseCount, parseDate, refuse, refuseNulCell, remembered, type ApplyContext, type ImportCounts, type ImportKind, type RowResult } from '../import-kind';
import { analyseTemporaryTable, createTemporaryTable } from '../staging.queries';
import {
  AE_INDICATORS,
  aeComputed,
  aeStaging,
  computeAeValues,
  deleteAeRowsNotInFile,
  ensureAeMonths,
  ensureAeOrganisations,
  insertAeRows,
  replaceAeValues,
  updateAeRows,
} from './ae-attendances.queries';
import { actorParams } from './shared.queries';

interface AeRow {
  period: string;
  periodEnd: string;
  orgCode: string;
  type: string;
  attendances: number;
  breaches: number;
  admissions: number;
}

const SOURCE = 'NHS England, A&E Attendances and Emergency Admissions (monthly return)';

/** A period cell's month (its first and last days), or why it is not one: a file repeats a few months over every row. */
const monthOf = remembered((text: string): RowResult<{ period: string; periodEnd: string }> => {
  const period = parseDate(text);
  if (!period) return refuse(`period "${text}" is not a date (YYYY-MM-DD)`);
  if (monthStart(period) !== period) return refuse(`period "${text}" is not the first day of a month`);
  return ok({ period, periodEnd: monthEnd(period) });
});

/**
 * The monthly A&E attendances return (`period, org_code, type, attendances, breaches, admissions`).
 * Keeps the raw rows and derives AE_4HR_ALL and AE_4HR_TYPE1 per organisation and month, with
 * numerator = attendances within 4 hours and denominator = attendances. A file replaces the
 * months it contains.
 */
export const aeAttendancesKind: ImportKind<AeRow> = {
  name: 'ae',
  description: 'monthly A&E attendances return',
  requiredColumns: ['period', 'org_code', 'type', 'attendances', 'breaches', 'admissions'],
  staging: aeStaging,
  parseRow(row) {
    const nul = refuseNulCell<never>(row);
    if (nul) return nul;
    const month = monthOf(row.period);
    if (!month.ok) return month;
    if (!ODS_CODE.test(row.org_code)) return refuse(`org_code "${row.org_code}" is not an ODS code (3 to 6 capital letters or digits)`);
    if (!['1', '2', 'other'].includes(row.type)) return refuse(`type "${row.type}" is not 1, 2 or other`);
    const attendances = parseCount(row.attendances);
    if (attendances === null) return refuse(`attendances "${row.attendances}" is not a whole number`);
    const breaches = parseCount(row.breaches);
    if (breaches === null) return refuse(`breaches "${row.breaches}" is not a whole number`);
    if (breaches > attendances) return refuse(`breaches (${breaches}) exceed attendances (${attendances})`);
    // Admissions may exceed attendances: one published row does (../shared/data/README.md).
    const admissions = parseCount(row.admissions);
    if (admissions === null) return refuse(`admissions "${row.admissions}" is not a whole number`);
    return ok({ period: month.value.period, periodEnd: month.value.periodEnd, orgCode: row.org_code, type: row.type, attendances, breaches, admissions });
  },
  stage: (row) => [row.period, row.periodEnd, row.orgCode, row.type, row.attendances, row.breaches, row.admissions],
  async apply(manager: EntityManager, context: ApplyContext): Promise<ImportCounts> {
    const { time } = context;
    await time('organisations, months and indicators', async () => {
      await ensureIndicators(manager);
      await ensureAeOrganisations.one(manager, actorParams(context));
      await ensureAeMonths.run(manager, []);
    });
    await time('merge raw rows', async () => {
      await deleteAeRowsNotInFile.run(manager, []);
      await updateAeRows.run(manager, [context.batchId]);
      await insertAeRows.run(manager, [context.batchId]);
    });
    // Indicator values for the file's months, recomputed from the raw rows, then merged.
    await time('compute values', async () => {
      await createTemporaryTable(manager, aeComputed);
      await computeAeValues.run(manager, []);
      await analyseTemporaryTable(manager, aeComputed);
    });
    const { userId, username, requestId } = context.actor;
    const { inserted, updated, deleted } = await time('merge values and audit', () => replaceAeValues.one(manager, [context.batchId, userId, username, requestId]));
    // The stored scores of the series these changes touched, in this transaction (decision 0021).
    await time('stored scores', () => refreshScoresOutOfStep(manager, AE_INDICATORS.map((indicator) => indicator.code)));
    // Breach proposals and missed trajectory months of the contracts this file touched, from those stored scores (issue 15).
    await time('contract checks', () => checkContractsAfterImport(manager, { batchId: context.batchId, actor: context.actor }));
    return { inserted, updated, deleted };
  },
};

/** The A&E indicators' definitions, as the domain's standards catalogue has them. */
async function ensureIndicators(manager: EntityManager): Promise<void> {
  const indicators = AE_INDICATORS.map(({ code }) => {
    const standard = latestStandard(code);
    return {
      code: standard.code,
      name: standard.name,
      description: standard.description,
      unit: standard.unit,
      polarity: standard.polarity,
      periodType: standard.periodType,
      numeratorDefinition: standard.numerator,
      denominatorDefinition: standard.denominator,
      source: SOURCE,
    };
  });
  await manager.getRepository(IndicatorEntity).upsert(indicators, ['code']);
}

/** The catalogue's newest version of a standard (a changed threshold is a new version, same definition). */
function latestStandard(code: string): ProviderStandard {
  const versions = PROVIDER_STANDARDS.filter((standard) => standard.code === code);
  const latest = versions[versions.length - 1];
  if (!latest) throw new Error(`${code} is not in the domain library's standards catalogue`);
  return latest;
}
