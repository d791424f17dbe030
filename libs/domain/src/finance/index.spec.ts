import * as finance from '.';

describe('finance public surface', () => {
  it('exports the rule sets, the enums and plan compliance', () => {
    expect(finance.listFinancialYears()).toEqual(['2013/14', '2014/15', '2015/16']);
    expect(finance.FINANCIAL_RULE_CODES).toContain('SURPLUS');
    expect(finance.PLAN_CATEGORIES).toContain('NON_RECURRENT_FUND');
    expect(typeof finance.evaluatePlanCompliance).toBe('function');
    expect([finance.FINANCE_ROUNDING, finance.QIPP_PERCENT_DECIMALS]).toEqual(['HALF_AWAY_FROM_ZERO', 2]);
    expect(finance.CCG_INFORMATION_BLOG).toMatch(/^seeds\/001_/);
  });

  it('exports the financial plan lifecycle', () => {
    expect(finance.FINANCIAL_PLAN_STATES).toEqual(['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED']);
    expect(finance.availableFinancialPlanActions('SUBMITTED', ['ASSESSOR'])).toContain('APPROVE');
    expect(finance.applyFinancialPlanAction('DRAFT', { type: 'SUBMIT' }, ['CCG_FINANCE'])).toBe('SUBMITTED');
    expect(finance.FINANCIAL_PLAN_VERSION_STATUS_CHANGES).toHaveLength(3);
  });
});
