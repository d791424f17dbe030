import { evaluatePlanCompliance, Money } from '@ccg-assure/domain';
import ExcelJS from 'exceljs';
import { blankPlan, importPlanFile, planWorkbook } from './plan-files';
import type { PlanSheetContent } from './plan-sheet';
import { moneyCellValue, readSpreadsheetFile, type PickedFile } from './spreadsheet-files';

const m = (text: string) => Money.parse(text);

const leeds2014: PlanSheetContent = {
  ccg: '02V',
  financialYear: '2014/15',
  allocation: m('200000000.00'),
  priorYearRunningCosts: null,
  betterCareFundMinimum: null,
  lines: {
    ACUTE: m('120000000.00'),
    MENTAL_HEALTH: m('20000000.00'),
    COMMUNITY: m('16000000.00'),
    PRIMARY_CARE: m('8000000.00'),
    PRESCRIBING: m('24000000.00'),
    CONTINUING_CARE: m('2000000.01'),
    RUNNING_COSTS: m('3000000.00'),
    CONTINGENCY: m('1000000.00'),
    NON_RECURRENT_FUND: m('4000000.00'),
  },
};
const lines = Object.entries(leeds2014.lines).map(([category, amount]) => ({ category: category as keyof typeof leeds2014.lines, amount: amount as Money }));
const compliance = evaluatePlanCompliance({ financialYear: '2014/15', allocation: m('200000000.00'), lines });

const picked = (name: string, bytes: ArrayBuffer | Uint8Array): PickedFile => {
  const buffer = bytes instanceof Uint8Array ? bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) : bytes;
  return { name, size: buffer.byteLength, arrayBuffer: async () => buffer as ArrayBuffer };
};

async function loadWorkbook(bytes: ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook;
}

describe('exporting a plan to .xlsx', () => {
  it('writes the lines as numbers to the penny in the template layout, with their percentages and the compliance', async () => {
    const workbook = await loadWorkbook(await planWorkbook({ ...leeds2014, compliance }));
    const plan = workbook.getWorksheet('Plan');
    expect(plan?.getCell('A7').value).toBe('Acute');
    expect(plan?.getCell('B7').value).toBe(120000000);
    expect(plan?.getCell('B7').numFmt).toBe('#,##0.00');
    expect(plan?.getCell('C7').value).toBe('60.00%');
    expect(plan?.getCell('A12').value).toBe('Continuing care');
    expect(plan?.getCell('B12').value).toBe(2000000.01);
    expect(plan?.getCell('B2').value).toBe('02V');
    expect(plan?.getCell('B3').value).toBe('2014/15');
    expect([plan?.getCell('A18').value, plan?.getCell('B18').value]).toEqual(['Planned spend', 198000000.01]);
    const rules = workbook.getWorksheet('Compliance');
    expect(rules?.getRow(4).values).toEqual([undefined, 'Non-recurrent fund', 'at least 2.5% of allocation', 5000000, 4000000, 1000000, 'No', 'No']);
  });

  it('imports back exactly what it exported (the round trip)', async () => {
    const bytes = await planWorkbook({ ...leeds2014, compliance });
    const reading = await importPlanFile(picked('financial-plan-02v-2014-15.xlsx', bytes), { ccg: '02V', financialYear: '2014/15' });
    expect(reading).toMatchObject({ ok: true, lineCount: 9, draft: { allocation: '200000000.00', lines: { ACUTE: '120000000.00', CONTINUING_CARE: '2000000.01', BETTER_CARE_FUND: '' } } });
  });

  it('writes money as text when a spreadsheet number could not hold it exactly', () => {
    expect(moneyCellValue(m('250000000.10'))).toBe(250000000.1);
    expect(moneyCellValue(m('12345678901234567.89'))).toBe('12345678901234567.89');
  });
});

describe('importing a plan file', () => {
  it('reads a blank .xlsx template and reports its empty allocation by cell', async () => {
    const bytes = await planWorkbook(blankPlan('02V', '2014/15'));
    expect(await importPlanFile(picked('template.xlsx', bytes), { ccg: '02V', financialYear: '2014/15' })).toEqual({
      ok: false,
      problems: [{ cell: 'B4', message: "Cell B4: the allocation is empty: enter the CCG's allocation in pounds" }],
    });
  });

  it('reads a number cell typed with three decimals as an error at its cell, and a formula by its saved result', async () => {
    const workbook = await loadWorkbook(await planWorkbook({ ...leeds2014 }));
    const plan = workbook.getWorksheet('Plan');
    if (!plan) throw new Error('no Plan sheet');
    plan.getCell('B7').value = 12.345;
    plan.getCell('B8').value = { formula: 'B9+1', result: 16000001 };
    const bytes = (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
    expect(await importPlanFile(picked('plan.xlsx', bytes), { ccg: '02V', financialYear: '2014/15' })).toEqual({
      ok: false,
      problems: [{ cell: 'B7', message: "Cell B7: '12.345' has more than two decimal places" }],
    });
  });

  it('names a date typed in an amount cell by its calendar date, as the spreadsheet holds it', async () => {
    const workbook = await loadWorkbook(await planWorkbook({ ...leeds2014 }));
    const plan = workbook.getWorksheet('Plan');
    if (!plan) throw new Error('no Plan sheet');
    // A workbook date has no time zone: 1 April 2014 is 2014-04-01 wherever the file is read.
    plan.getCell('B14').value = new Date(Date.UTC(2014, 3, 1));
    plan.getCell('B14').style = { numFmt: 'dd/mm/yyyy' };
    const bytes = (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
    expect(await importPlanFile(picked('plan.xlsx', bytes), { ccg: '02V', financialYear: '2014/15' })).toEqual({
      ok: false,
      problems: [{ cell: 'B14', message: 'Cell B14: a date (2014-04-01) is not an amount in pounds' }],
    });
  });

  it('says so when the file is not a spreadsheet it can read', async () => {
    const text = new TextEncoder().encode('not a zip');
    expect(await importPlanFile(picked('plan.xlsx', text), { ccg: '02V', financialYear: '2014/15' })).toEqual({ ok: false, problems: [{ cell: null, message: 'plan.xlsx could not be read as an Excel workbook (.xlsx)' }] });
    expect(await readSpreadsheetFile(picked('plan.pdf', text), 'Plan')).toEqual({ ok: false, message: 'plan.pdf is not an .xlsx or .csv file: use the template' });
    expect(await readSpreadsheetFile(picked('plan.csv', new Uint8Array([0xff, 0xfe, 0x41])), 'Plan')).toEqual({ ok: false, message: 'plan.csv is not UTF-8 text: save it from your spreadsheet as "CSV UTF-8"' });
    expect(await readSpreadsheetFile(picked('plan.csv', new TextEncoder().encode('Field,Value\nCCG code,"02V\n')), 'Plan')).toEqual({ ok: false, message: 'plan.csv could not be read as CSV. Row 2: a quoted field is never closed (a " is missing)' });
  });
});
