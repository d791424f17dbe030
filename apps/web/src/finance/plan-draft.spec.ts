import { emptyDraft, readAmount, readPlan, saveProblems } from './plan-draft';

describe('readAmount', () => {
  it.each([
    ['250000000', '250000000.00'],
    ['1250000.5', '1250000.50'],
    [' £1,250,000.50 ', '1250000.50'],
    ['0', '0.00'],
  ])('reads %j exactly as %s', (text, wire) => {
    const reading = readAmount(text, 'Acute');
    expect(reading.state === 'valid' ? reading.amount.toString() : reading).toBe(wire);
  });

  it.each([
    ['12.345', 'TOO_MANY_DECIMALS', 'Acute must be pounds and pence, with no more than 2 numbers after the decimal point'],
    ['abc', 'NOT_AN_AMOUNT', 'Acute must be an amount in pounds, like 1250000 or 1250000.50'],
    ['1,25,000', 'NOT_AN_AMOUNT', 'Acute must be an amount in pounds, like 1250000 or 1250000.50'],
    ['1e6', 'NOT_AN_AMOUNT', 'Acute must be an amount in pounds, like 1250000 or 1250000.50'],
    ['-5', 'NEGATIVE', 'Acute must be £0 or more'],
  ])('refuses %j (%s): %s', (text, reason, message) => {
    expect(readAmount(text, 'Acute')).toEqual({ state: 'invalid', reason, message });
  });

  it('treats an empty field as no amount, not zero and not an error', () => {
    expect(readAmount('   ', 'Acute')).toEqual({ state: 'empty' });
  });
});

describe('readPlan', () => {
  it('waits for the prior-year running costs and the Better Care Fund minimum in 2015/16, without an error', () => {
    const reading = readPlan({ ...emptyDraft('2015/16'), allocation: '400000000' });
    expect(reading).toMatchObject({ problems: [], compliance: null, pending: { kind: 'NEEDS_INPUT', fields: ['prior-year-running-costs', 'better-care-fund-minimum'] } });
  });

  it('fails 2015/16 running costs by 2% of the prior year when they fell only 8% (the domain answer, in the browser)', () => {
    const draft = emptyDraft('2015/16');
    const reading = readPlan({
      ...draft,
      allocation: '400000000',
      priorYearRunningCosts: '5000000',
      betterCareFundMinimum: '8800000',
      lines: { ...draft.lines, ACUTE: '370600000', RUNNING_COSTS: '4600000', BETTER_CARE_FUND: '8800000', CONTINGENCY: '2000000', NON_RECURRENT_FUND: '10000000' },
    });
    const runningCosts = reading.compliance?.rules.find((rule) => rule.rule === 'RUNNING_COSTS');
    expect([runningCosts?.required.toString(), runningCosts?.shortfall.toString(), runningCosts?.met]).toEqual(['4500000.00', '100000.00', false]);
    expect(reading.compliance?.rules.filter((rule) => !rule.met).map((rule) => rule.rule)).toEqual(['RUNNING_COSTS']);
  });
});

describe('saveProblems', () => {
  it('asks for the allocation first, before what cannot be read', () => {
    const draft = emptyDraft('2014/15');
    expect(saveProblems(readPlan({ ...draft, lines: { ...draft.lines, ACUTE: '12.345' } }))).toEqual([
      { field: 'allocation', message: 'Enter the allocation' },
      { field: 'line-ACUTE', message: 'Acute must be pounds and pence, with no more than 2 numbers after the decimal point' },
    ]);
  });

  it('names each amount the year still needs by its field, in the order of the form', () => {
    expect(saveProblems(readPlan({ ...emptyDraft('2015/16'), allocation: '400000000' }))).toEqual([
      { field: 'prior-year-running-costs', message: 'Enter the prior-year running costs' },
      { field: 'better-care-fund-minimum', message: 'Enter the Better Care Fund minimum contribution' },
    ]);
    expect(saveProblems(readPlan({ ...emptyDraft('2015/16'), allocation: '400000000', priorYearRunningCosts: '5000000' }))).toEqual([
      { field: 'better-care-fund-minimum', message: 'Enter the Better Care Fund minimum contribution' },
    ]);
  });
});
