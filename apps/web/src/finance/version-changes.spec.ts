import type { FinancialRule } from '../gql/graphql';
import { versionChanges } from './version-changes';

type Version = Parameters<typeof versionChanges>[0];

const rule = (name: FinancialRule, met: boolean, shortfall = '0.00') => ({ rule: name, percentage: '1', required: '0.00', planned: '0.00', shortfall, met, flexApplied: false, flexReason: null });

const compliance = (compliant: boolean, qipp: string, percent: string, fundMet: boolean, fundShortfall = '0.00'): Version['compliance'] => ({
  financialYear: '2014/15',
  compliant,
  plannedSpend: '0.00',
  plannedSurplus: '0.00',
  qippRequirement: qipp,
  qippPercentOfAllocation: percent,
  rules: [rule('SURPLUS', true), rule('CONTINGENCY', true), rule('NON_RECURRENT_FUND', fundMet, fundShortfall)],
});

const version1: Version = {
  allocation: '200000000.00',
  priorYearRunningCosts: null,
  betterCareFundMinimum: null,
  lines: [
    { category: 'ACUTE', amount: '120000000.00' },
    { category: 'NON_RECURRENT_FUND', amount: '4000000.00' },
    { category: 'CONTINGENCY', amount: '1000000.00' },
  ],
  compliance: compliance(false, '1000000.00', '0.50', false, '1000000.00'),
};

describe('what changed between versions', () => {
  it('lists each changed figure with its change, exactly, and what it did to compliance and QIPP', () => {
    const version2: Version = {
      ...version1,
      allocation: '200000000.50',
      lines: [
        { category: 'ACUTE', amount: '119000000.00' },
        { category: 'NON_RECURRENT_FUND', amount: '5000000.00' },
        { category: 'CONTINGENCY', amount: '1000000.00' },
        { category: 'MENTAL_HEALTH', amount: '20000000.00' },
      ],
      compliance: compliance(true, '0.00', '0.00', true),
    };
    expect(versionChanges(version1, version2)).toEqual({
      figures: [
        { field: 'allocation', from: '£200,000,000.00', to: '£200,000,000.50', change: '+£0.50' },
        { field: 'line-ACUTE', from: '£120,000,000.00', to: '£119,000,000.00', change: '-£1,000,000.00' },
        { field: 'line-MENTAL_HEALTH', from: 'None', to: '£20,000,000.00', change: '' },
        { field: 'line-NON_RECURRENT_FUND', from: '£4,000,000.00', to: '£5,000,000.00', change: '+£1,000,000.00' },
      ],
      outcomes: ['The plan now meets every rule.', 'Non-recurrent fund: now met.', 'QIPP requirement £1,000,000.00 (0.50%) to £0.00 (0.00%).'],
    });
  });

  it('adds up several lines of one category before comparing, and finds nothing changed when the totals agree', () => {
    const split: Version = { ...version1, lines: [{ category: 'ACUTE', amount: '100000000.00' }, { category: 'ACUTE', amount: '20000000.00' }, ...version1.lines.slice(1)] };
    expect(versionChanges(version1, split)).toEqual({ figures: [], outcomes: [] });
  });

  it('says when a rule stops being met, with its shortfall', () => {
    const worse = { ...version1, compliance: compliance(false, '1000000.00', '0.50', false, '2000000.00') };
    const better = { ...version1, compliance: compliance(true, '1000000.00', '0.50', true) };
    expect(versionChanges(better, worse).outcomes).toEqual(['The plan no longer meets every rule.', 'Non-recurrent fund: now not met (short by £2,000,000.00).']);
  });
});
