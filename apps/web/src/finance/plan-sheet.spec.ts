import { Money } from '@ccg-assure/domain';
import { planCsv, blankPlan } from './plan-files';
import { planSheetRows, readPlanSheet, templateRowOf, type PlanSheetContent } from './plan-sheet';
import { cellReference, parseCsv, type SheetCell, type SheetGrid } from './sheet-cells';

const leeds2014 = { ccg: '02V', financialYear: '2014/15' };

/** The template's rows as a CSV would give them, with column B replaced where `values` says (by row label). */
function sheet(values: Record<string, string | SheetCell>, content: PlanSheetContent = blankPlan('02V', '2014/15')): SheetGrid {
  return planSheetRows(content).map((row) => {
    const label = String(row[0]);
    const given = values[label];
    const valueCell: SheetCell =
      given === undefined ? (row[1] === null ? { kind: 'empty' } : { kind: 'text', text: String(row[1]) }) : typeof given === 'string' ? (given === '' ? { kind: 'empty' } : { kind: 'text', text: given }) : given;
    return [{ kind: 'text', text: label }, valueCell];
  });
}

function gridOf(csv: string): SheetGrid {
  const reading = parseCsv(csv);
  if (!reading.ok) throw new Error(reading.message);
  return reading.grid;
}

const plan2014 = {
  Allocation: '200000000',
  Acute: '120000000',
  'Mental health': '20000000',
  Community: '16000000',
  'Primary care': '8000000',
  Prescribing: '24000000',
  'Continuing care': '2000000',
  'Running costs': '3000000',
  Contingency: '1000000',
  'Non-recurrent fund': '4000000.00',
};

describe('cell references', () => {
  it.each([
    [0, 0, 'A1'],
    [6, 1, 'B7'],
    [0, 25, 'Z1'],
    [9, 26, 'AA10'],
  ])('row %d, column %d is %s', (row, column, reference) => expect(cellReference(row, column)).toBe(reference));
});

describe('the template', () => {
  it('puts the CCG code in B2, the year in B3, the allocation in B4 and Acute in B7', () => {
    expect([templateRowOf('ccg'), templateRowOf('financialYear'), templateRowOf('allocation'), templateRowOf('ACUTE'), templateRowOf('NON_RECURRENT_FUND')]).toEqual([2, 3, 4, 7, 17]);
    const rows = planSheetRows(blankPlan('02V', '2015/16'));
    expect(rows[0]).toEqual(['Field', 'Value', '% of allocation', 'Notes']);
    expect(rows[1].slice(0, 2)).toEqual(['CCG code', '02V']);
    expect(rows[6].slice(0, 2)).toEqual(['Acute', null]);
  });

  it('as CSV, reads back as an empty plan that needs its allocation', () => {
    const csv = planCsv(blankPlan('02V', '2014/15'));
    expect(csv.split('\r\n')[1]).toBe('CCG code,02V,,"The CCG\'s ODS code, like 02V"');
    expect(readPlanSheet(gridOf(csv), leeds2014)).toEqual({ ok: false, problems: [{ cell: 'B4', message: "Cell B4: the allocation is empty: enter the CCG's allocation in pounds" }] });
  });
});

describe('readPlanSheet', () => {
  it('reads a filled template into the editor draft, amounts as exact wire text', () => {
    const reading = readPlanSheet(sheet(plan2014), leeds2014);
    expect(reading).toMatchObject({ ok: true, lineCount: 9, draft: { financialYear: '2014/15', allocation: '200000000.00', lines: { ACUTE: '120000000.00', NON_RECURRENT_FUND: '4000000.00', BETTER_CARE_FUND: '' } } });
  });

  it('forgives £, thousands commas and spaces in text cells, and reads number cells by their shortest text', () => {
    const reading = readPlanSheet(sheet({ ...plan2014, Acute: ' £120,000,000.50 ', Community: { kind: 'number', text: '16000000.5' } }), leeds2014);
    expect(reading).toMatchObject({ ok: true, draft: { lines: { ACUTE: '120000000.50', COMMUNITY: '16000000.50' } } });
  });

  it('refuses an amount with more than two decimal places, by its cell', () => {
    expect(readPlanSheet(sheet({ ...plan2014, Acute: '12.345' }), leeds2014)).toEqual({ ok: false, problems: [{ cell: 'B7', message: "Cell B7: '12.345' has more than two decimal places" }] });
  });

  it('names every bad cell, in sheet order, and gives no plan at all', () => {
    const reading = readPlanSheet(
      sheet({ ...plan2014, Contingency: '-5', Acute: 'lots', Prescribing: { kind: 'number', text: '12.345' }, 'Running costs': { kind: 'other', description: 'a date (2014-04-01)' } }),
      leeds2014,
    );
    expect(reading).toEqual({
      ok: false,
      problems: [
        { cell: 'B7', message: "Cell B7: 'lots' is not an amount in pounds, like 1250000 or 1250000.50" },
        { cell: 'B11', message: "Cell B11: '12.345' has more than two decimal places" },
        { cell: 'B14', message: 'Cell B14: a date (2014-04-01) is not an amount in pounds' },
        { cell: 'B16', message: "Cell B16: '-5' is negative: amounts must be £0 or more" },
      ],
    });
  });

  it('refuses a file for another CCG or another year', () => {
    const reading = readPlanSheet(sheet({ ...plan2014, 'CCG code': '03R', 'Financial year': '2015-16' }), leeds2014);
    expect(reading).toEqual({
      ok: false,
      problems: [
        { cell: 'B2', message: "Cell B2: this file is for CCG '03R', not 02V" },
        { cell: 'B3', message: 'Cell B3: this file is for 2015/16, not 2014/15' },
      ],
    });
  });

  it('refuses a zero allocation, and 2015/16 without the prior-year running costs', () => {
    const grid = sheet({ ...plan2014, Allocation: '0', 'Financial year': '2015/16' }, blankPlan('02V', '2015/16'));
    const reading = readPlanSheet(grid, { ccg: '02V', financialYear: '2015/16' });
    expect(reading.ok ? [] : reading.problems.map((problem) => problem.message)).toEqual([
      'Cell B4: the allocation must be more than £0',
      'Cell B5: Prior-year running costs is empty: the 2015/16 rules need it',
      'Cell B6: Better Care Fund minimum contribution is empty: the 2015/16 rules need it',
    ]);
  });

  it('refuses rows it does not know and rows given twice, and a file without its key rows', () => {
    const grid: SheetGrid = [
      [{ kind: 'text', text: 'Acutee' }, { kind: 'text', text: '5' }],
      [{ kind: 'text', text: 'Acute' }, { kind: 'text', text: '5' }],
      [{ kind: 'text', text: 'ACUTE' }, { kind: 'text', text: '6' }],
      [{ kind: 'empty' }, { kind: 'text', text: '7' }],
    ];
    const reading = readPlanSheet(grid, leeds2014);
    expect(reading.ok ? [] : reading.problems.map((problem) => problem.message)).toEqual([
      'The file has no CCG code row: column A must name it, as in the template',
      'The file has no Financial year row: column A must name it, as in the template',
      'The file has no Allocation row: column A must name it, as in the template',
      "Cell A1: 'Acutee' is not a row of the plan template",
      'Cell A3: Acute appears again (first in row 2)',
      "Cell A4: the row has a value ('7') but no name in column A",
    ]);
  });

  it('skips the worked-out totals an export adds', () => {
    const content: PlanSheetContent = { ...blankPlan('02V', '2014/15'), allocation: Money.parse('100') };
    const grid = [...sheet({ ...plan2014 }, content), [{ kind: 'text', text: 'Planned spend' }, { kind: 'text', text: 'anything' }] as SheetCell[]];
    expect(readPlanSheet(grid, leeds2014).ok).toBe(true);
  });
});
