import { Money } from '../money';
import {
  applySanctionLedgerMove,
  availableSanctionLedgerActions,
  FINE_INCOME_USES,
  SANCTION_LEDGER_ACTIONS,
  SANCTION_LEDGER_ACTOR_KINDS,
  SANCTION_LEDGER_STATES,
  SANCTION_LEDGER_STATUS_CHANGES,
  SANCTION_LEDGER_TRANSITIONS,
  SanctionLedgerAction,
  SanctionLedgerMove,
  SanctionLedgerState,
  sanctionLedgerActionsFrom,
  summariseFineIncome,
  TERMINAL_SANCTION_LEDGER_STATES,
} from './sanction-ledger';

const BOTH = [...SANCTION_LEDGER_ACTOR_KINDS];
const moveFor = (action: SanctionLedgerAction): SanctionLedgerMove =>
  action === 'WAIVE'
    ? { type: 'WAIVE', reason: 'The provider declared a major incident that month.' }
    : action === 'RECORD_INCOME_USE'
      ? { type: 'RECORD_INCOME_USE', incomeUse: 'INVESTED_IN_FIX', note: 'Funds an extra streaming nurse in A&E.' }
      : { type: action };

/** The whole table, written out: (from, action) -> to. Anything not here is INVALID_TRANSITION. */
const EXPECTED: [SanctionLedgerState | null, SanctionLedgerAction, SanctionLedgerState][] = [
  [null, 'CALCULATE', 'CALCULATED'],
  ['CALCULATED', 'APPLY', 'APPLIED'],
  ['CALCULATED', 'WAIVE', 'WAIVED'],
  [null, 'WITHHOLD', 'WITHHELD'],
  ['WITHHELD', 'RETURN', 'RETURNED'],
  ['WITHHELD', 'RETAIN', 'APPLIED'],
  ['APPLIED', 'RECORD_INCOME_USE', 'APPLIED'],
];

describe('the sanctions ledger transition table', () => {
  it('is exactly the moves expected, each cited', () => {
    expect(SANCTION_LEDGER_TRANSITIONS.map((row) => [row.from, row.action, row.to])).toEqual(EXPECTED);
    for (const row of SANCTION_LEDGER_TRANSITIONS) {
      expect(['SEED', 'REF', 'PRODUCT']).toContain(row.source.basis);
      expect(row.source.text.length).toBeGreaterThan(10);
    }
    // seed 001: "be explicit about what we will fine for and ... how we will use any income gained"
    const income = SANCTION_LEDGER_TRANSITIONS.find((row) => row.action === 'RECORD_INCOME_USE');
    expect(income?.source).toMatchObject({ basis: 'SEED', text: expect.stringContaining('how we will use any income gained from fines') });
  });

  it('lets the lead commissioner’s commissioning manager and finance officer make every move', () => {
    for (const row of SANCTION_LEDGER_TRANSITIONS) expect([...row.actors].sort()).toEqual(['LEAD_COMMISSIONING_MANAGER', 'LEAD_FINANCE_OFFICER']);
  });

  const every: [SanctionLedgerState | null, SanctionLedgerAction][] = [null, ...SANCTION_LEDGER_STATES].flatMap((from) =>
    SANCTION_LEDGER_ACTIONS.map((action): [SanctionLedgerState | null, SanctionLedgerAction] => [from, action]),
  );

  it.each(every)('from %p, %s is made by each lead actor kind exactly when the table has it, and refused otherwise', (from, action) => {
    const expected = EXPECTED.find(([f, a]) => f === from && a === action);
    for (const kind of SANCTION_LEDGER_ACTOR_KINDS) {
      if (expected) {
        expect(applySanctionLedgerMove(from, moveFor(action), [kind])).toBe(expected[2]);
      } else {
        expect(() => applySanctionLedgerMove(from, moveFor(action), [kind])).toThrow(
          expect.objectContaining({ code: 'INVALID_TRANSITION', details: { from, action, allowed: sanctionLedgerActionsFrom(from) } }),
        );
      }
    }
  });

  it.each(EXPECTED)('from %p, %s is refused to someone holding no lead actor kind (an associate, an analyst)', (from, action) => {
    expect(() => applySanctionLedgerMove(from, moveFor(action), [])).toThrow(
      expect.objectContaining({ code: 'ACTION_NOT_PERMITTED', details: expect.objectContaining({ from, action, actorKinds: [] }) }),
    );
  });

  it('offers the viewer the moves of the state they may make, none to a reader', () => {
    expect(availableSanctionLedgerActions(null, BOTH)).toEqual(['CALCULATE', 'WITHHOLD']);
    expect(availableSanctionLedgerActions('CALCULATED', ['LEAD_FINANCE_OFFICER'])).toEqual(['APPLY', 'WAIVE']);
    expect(availableSanctionLedgerActions('WITHHELD', ['LEAD_COMMISSIONING_MANAGER'])).toEqual(['RETURN', 'RETAIN']);
    expect(availableSanctionLedgerActions('APPLIED', BOTH)).toEqual(['RECORD_INCOME_USE']);
    expect(availableSanctionLedgerActions('WAIVED', BOTH)).toEqual([]);
    expect(availableSanctionLedgerActions('RETURNED', BOTH)).toEqual([]);
    expect(availableSanctionLedgerActions('CALCULATED', [])).toEqual([]);
  });

  it('changes no status once final', () => {
    expect(TERMINAL_SANCTION_LEDGER_STATES).toEqual(['APPLIED', 'WAIVED', 'RETURNED']);
    for (const state of TERMINAL_SANCTION_LEDGER_STATES) expect(SANCTION_LEDGER_STATUS_CHANGES.filter((change) => change.from === state)).toEqual([]);
    expect(SANCTION_LEDGER_STATUS_CHANGES).toEqual([
      { from: 'CALCULATED', to: 'APPLIED' },
      { from: 'CALCULATED', to: 'WAIVED' },
      { from: 'WITHHELD', to: 'RETURNED' },
      { from: 'WITHHELD', to: 'APPLIED' },
    ]);
  });

  it.each([
    ['CALCULATED', { type: 'WAIVE', reason: '   ' }, 'REASON_REQUIRED'],
    ['CALCULATED', { type: 'WAIVE' }, 'REASON_REQUIRED'],
    ['APPLIED', { type: 'RECORD_INCOME_USE', incomeUse: 'BONUSES', note: 'x' }, 'UNKNOWN_INCOME_USE'],
    ['APPLIED', { type: 'RECORD_INCOME_USE', incomeUse: 'OFFSET_IN_YEAR_PRESSURE', note: '' }, 'INCOME_USE_NOTE_REQUIRED'],
    ['CALCULATED', { type: 'FINE' }, 'UNKNOWN_SANCTION_LEDGER_ACTION'],
  ] as const)('from %s refuses %p with %s', (from, move, code) => {
    expect(() => applySanctionLedgerMove(from, move as unknown as SanctionLedgerMove, BOTH)).toThrow(expect.objectContaining({ code }));
  });
});

describe('fine income by use', () => {
  it('totals applied sums by their use exactly, and the rest by status', () => {
    const summary = summariseFineIncome([
      { status: 'APPLIED', amount: Money.parse('105196.50'), incomeUse: 'INVESTED_IN_FIX' },
      { status: 'APPLIED', amount: Money.parse('0.01'), incomeUse: 'INVESTED_IN_FIX' },
      { status: 'APPLIED', amount: Money.parse('200000.00'), incomeUse: 'OFFSET_IN_YEAR_PRESSURE' },
      { status: 'APPLIED', amount: Money.parse('5000.00'), incomeUse: null },
      { status: 'CALCULATED', amount: Money.parse('1000.00'), incomeUse: null },
      { status: 'WITHHELD', amount: Money.parse('166666.66'), incomeUse: null },
      { status: 'WAIVED', amount: Money.parse('250.00'), incomeUse: null },
      { status: 'RETURNED', amount: Money.parse('416666.66'), incomeUse: null },
    ]);
    expect(summary.applied.toString()).toBe('310196.51');
    expect(summary.byUse.map((row) => [row.use, row.amount.toString(), row.entries])).toEqual([
      ['INVESTED_IN_FIX', '105196.51', 2],
      ['OFFSET_IN_YEAR_PRESSURE', '200000.00', 1],
    ]);
    expect([summary.unallocated.toString(), summary.unallocatedEntries]).toEqual(['5000.00', 1]);
    expect([summary.calculated, summary.withheld, summary.waived, summary.returned].map(String)).toEqual(['1000.00', '166666.66', '250.00', '416666.66']);
    expect(FINE_INCOME_USES).toEqual(['INVESTED_IN_FIX', 'OFFSET_IN_YEAR_PRESSURE']);
  });

  it('lists every use at zero when there is no income', () => {
    const summary = summariseFineIncome([]);
    expect(summary.byUse.map((row) => [row.use, row.amount.toString(), row.entries])).toEqual([
      ['INVESTED_IN_FIX', '0.00', 0],
      ['OFFSET_IN_YEAR_PRESSURE', '0.00', 0],
    ]);
    expect(summary.applied.isZero()).toBe(true);
  });
});
