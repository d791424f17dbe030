import * as sanctions from '.';

describe('sanctions public surface', () => {
  it('exports the arithmetic, the ledger table and the income summary, and no schedule values (they are data)', () => {
    expect(typeof sanctions.calculateContractSanctions).toBe('function');
    expect(typeof sanctions.calculateFourHourSanction).toBe('function');
    expect(typeof sanctions.calculateContractWithholding).toBe('function');
    expect(sanctions.SANCTION_LEDGER_STATES).toEqual(['CALCULATED', 'APPLIED', 'WAIVED', 'WITHHELD', 'RETURNED']);
    expect(sanctions.FINE_INCOME_USES).toEqual(['INVESTED_IN_FIX', 'OFFSET_IN_YEAR_PRESSURE']);
    expect(Object.keys(sanctions)).not.toContain('SANCTION_SCHEDULES');
  });
});
