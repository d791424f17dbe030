import { financialYearOf, monthEnd, monthStart } from '@ccg-assure/domain';
import type { EntityManager } from 'typeorm';
import { checkContractsAfterImport } from '../../contracts/contract-checks';
import { INDICATOR_CODE } from '../../indicators/indicator-code';
import { refreshScoresOutOfStep } from '../../scores/scores.service';
import { ODS_CODE, ok, parseDate, refuse, refuseNulCell, remembered, type ApplyContext, type ImportCounts, type ImportKind, type RowResult } from '../import-kind';
import { checkIndicatorValues, ensureIndicatorValuePeriods, indicatorsOfFile, indicatorValuesStaging, mergeIndicatorValues } from './indicator-values.queries';

interface IndicatorValueRow {
  indicatorCode: string;
  orgCode: string;
  periodStart: string;
  monthEnd: string;
  quarterEnd: string;
  yearEnd: string;
  quarterLabel: string;
  yearLabel: string;
  numerator: string;
  denominator: string;
}

/** The days and labels of the periods a period cell starts, for each period type; or why it starts none. */
type PeriodDays = Pick<IndicatorValueRow, 'periodStart' | 'monthEnd' | 'quarterEnd' | 'yearEnd' | 'quarterLabel' | 'yearLabel'>;

/** A period cell read by the domain's calendar (a file repeats a few periods over every row). */
const periodOf = remembered((text: string): RowResult<PeriodDays> => {
  const period = parseDate(text);
  if (!period) return refuse(`period "${text}" is not a date (YYYY-MM-DD)`);
  if (monthStart(period) !== period) return refuse(`period "${text}" is not the first day of a month`);
  const year = financialYearOf(period);
  const quarter = year.quarters.find((q) => q.start <= period && period <= q.end) ?? year.quarters[0];
  return ok({ periodStart: period, monthEnd: monthEnd(period), quarterEnd: quarter.end, yearEnd: year.end, quarterLabel: quarter.label, yearLabel: year.label });
});

/** A count or total as returns publish it: plain digits, at most four decimal places. */
const AMOUNT = /^\d{1,15}(\.\d{1,4})?$/;

/**
 * Values of any indicator an administrator has defined (`indicator_code, org_code, period, numerator,
 * denominator`), one row per indicator, organisation and period: RTT, cancer or diagnostics returns, or anything
 * else measured as a numerator over a denominator (decision 0031). `period` is the first day of the period, of the
 * indicator's period type (a month; a quarter from April, July, October or January; a year from 1 April).
 * The indicator and organisation must be known, and a percentage's numerator may not exceed its denominator.
 * New values are added and changed ones corrected (audited with before and after); values the file does not name
 * are kept. The stored scores of the series touched are recomputed in the import's transaction.
 */
export const indicatorValuesKind: ImportKind<IndicatorValueRow> = {
  name: 'indicator-values',
  description: 'values of any defined indicator (indicator_code, org_code, period, numerator, denominator)',
  requiredColumns: ['indicator_code', 'org_code', 'period', 'numerator', 'denominator'],
  staging: indicatorValuesStaging,
  parseRow(row) {
    const nul = refuseNulCell<never>(row);
    if (nul) return nul;
    if (!INDICATOR_CODE.test(row.indicator_code)) return refuse(`indicator_code "${row.indicator_code}" is not an indicator code (capital letters, digits and _, at most 40)`);
    if (!ODS_CODE.test(row.org_code)) return refuse(`org_code "${row.org_code}" is not an ODS code (3 to 6 capital letters or digits)`);
    const period = periodOf(row.period);
    if (!period.ok) return period;
    if (!AMOUNT.test(row.numerator)) return refuse(`numerator "${row.numerator}" is not a number of 0 or more (digits, at most four decimal places)`);
    if (!AMOUNT.test(row.denominator)) return refuse(`denominator "${row.denominator}" is not a number of 0 or more (digits, at most four decimal places)`);
    if (/^[0.]+$/.test(row.denominator)) return refuse('denominator is 0: a value needs a denominator above 0');
    return ok({ indicatorCode: row.indicator_code, orgCode: row.org_code, ...period.value, numerator: row.numerator, denominator: row.denominator });
  },
  stage: (row) => [row.indicatorCode, row.orgCode, row.periodStart, row.monthEnd, row.quarterEnd, row.yearEnd, row.quarterLabel, row.yearLabel, row.numerator, row.denominator],
  checkStaged: (manager: EntityManager) => checkIndicatorValues.rows(manager, []),
  async apply(manager: EntityManager, context: ApplyContext): Promise<ImportCounts> {
    const { time } = context;
    await time('periods', () => ensureIndicatorValuePeriods.run(manager, []));
    const { userId, username, requestId } = context.actor;
    const { inserted, updated } = await time('merge values and audit', () => mergeIndicatorValues.one(manager, [context.batchId, userId, username, requestId]));
    // The stored scores of the series these changes touched, in this transaction (decision 0021).
    const indicators = (await indicatorsOfFile.rows(manager, [])).map((row) => row.code);
    await time('stored scores', () => refreshScoresOutOfStep(manager, indicators));
    // Breach proposals of the contracts that monitor these indicators, from those stored scores (issue 15).
    await time('contract checks', () => checkContractsAfterImport(manager, { batchId: context.batchId, actor: context.actor }));
    return { inserted, updated, deleted: 0 };
  },
};
