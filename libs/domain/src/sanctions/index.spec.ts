import * as sanctions from '.';

describe('sanctions public surface', () => {
  it('exports the schedules, the codes and the calculation', () => {
    expect(sanctions.listSanctionContractYears()).toEqual(['2013/14']);
    expect(sanctions.SANCTION_CODES).toHaveLength(5);
    expect(sanctions.SANCTION_SCHEDULES).toHaveLength(1);
    expect(sanctions.findSanctionSchedule('2013/14').contract).toBe('NHS Standard Contract 2013/14');
    expect(sanctions.calculateContractSanctions({ contractYear: '2013/14', counts: [] }).lines).toHaveLength(5);
  });
});
