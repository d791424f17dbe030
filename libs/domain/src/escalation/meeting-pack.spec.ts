import { DomainError } from '../errors';
import { PACK_SECTIONS, PACK_SECTION_LABELS, isOverdue, orderPackItems, type PackCandidate } from './meeting-pack';

const LAST_HELD = '2016-01-12T10:00:00Z';
const MEETS_ON = '2016-02-09';

/** An item raised at the board (arrived when raised) or moved in later. */
function item(id: string, severity: PackCandidate['severity'], raisedAt: string, options: { arrivedAt?: string; dueOn?: string | null } = {}): PackCandidate {
  return { id, severity, raisedAt, arrivedAtBoardAt: options.arrivedAt ?? raisedAt, dueOn: options.dueOn ?? null };
}

const ids = (items: readonly PackCandidate[]) => items.map((entry) => entry.id);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'NOT_A_DOMAIN_ERROR';
  }
}

describe('orderPackItems', () => {
  const items = [
    item('carried-low', 'LOW', '2015-11-02T09:00:00Z'),
    item('carried-critical', 'CRITICAL', '2015-12-01T09:00:00Z', { dueOn: '2016-03-31' }),
    item('new-medium', 'MEDIUM', '2016-01-20T09:00:00Z', { dueOn: '2016-02-09' }),
    item('new-high-late', 'HIGH', '2016-01-25T09:00:00Z', { dueOn: '2016-04-30' }),
    item('new-high-early', 'HIGH', '2016-02-01T09:00:00Z', { dueOn: '2016-02-15' }),
    item('escalated-critical', 'CRITICAL', '2015-10-05T09:00:00Z', { arrivedAt: '2016-01-14T16:30:00Z', dueOn: '2016-01-31' }),
    item('escalated-high', 'HIGH', '2016-01-13T09:00:00Z', { arrivedAt: '2016-01-28T11:00:00Z' }),
    item('moved-before-last', 'MEDIUM', '2015-09-01T09:00:00Z', { arrivedAt: '2015-12-15T09:00:00Z', dueOn: '2016-02-10' }),
  ];

  it('puts items raised at the board since its last held meeting in NEW, most serious first, then by due date', () => {
    expect(ids(orderPackItems(items, LAST_HELD, MEETS_ON).NEW)).toEqual(['new-high-early', 'new-high-late', 'new-medium']);
  });

  it('puts items that arrived from another board since then in ESCALATED_IN, whenever they were raised', () => {
    expect(ids(orderPackItems(items, LAST_HELD, MEETS_ON).ESCALATED_IN)).toEqual(['escalated-critical', 'escalated-high']);
  });

  it('carries over everything at the board before its last held meeting, moved there or raised there', () => {
    expect(ids(orderPackItems(items, LAST_HELD, MEETS_ON).CARRIED_OVER)).toEqual(['carried-critical', 'moved-before-last', 'carried-low']);
  });

  it('lists under DECISIONS_DUE the items due on or before the meeting’s date, whatever their section', () => {
    expect(ids(orderPackItems(items, LAST_HELD, MEETS_ON).DECISIONS_DUE)).toEqual(['escalated-critical', 'new-medium']);
    expect(ids(orderPackItems(items, LAST_HELD, '2016-02-10').DECISIONS_DUE)).toEqual(['escalated-critical', 'new-medium', 'moved-before-last']);
  });

  it('places every item in exactly one of NEW, ESCALATED_IN and CARRIED_OVER', () => {
    const sections = orderPackItems(items, LAST_HELD, MEETS_ON);
    const placed = [...sections.NEW, ...sections.ESCALATED_IN, ...sections.CARRIED_OVER];
    expect(ids(placed).sort()).toEqual(ids(items).sort());
  });

  it('treats everything as new or escalated in when the board has held no meeting yet', () => {
    const sections = orderPackItems(items, null, MEETS_ON);
    expect(sections.CARRIED_OVER).toEqual([]);
    expect(ids(sections.ESCALATED_IN)).toEqual(['escalated-critical', 'escalated-high', 'moved-before-last']);
    expect(sections.NEW).toHaveLength(5);
  });

  it('counts an item that arrived at the very instant the last meeting was held as carried over', () => {
    const sections = orderPackItems([item('on-the-dot', 'LOW', LAST_HELD)], LAST_HELD, MEETS_ON);
    expect(ids(sections.CARRIED_OVER)).toEqual(['on-the-dot']);
  });

  it('orders ties by the earliest arrival, then by id, so the same items give the same pack', () => {
    const tied = [
      item('b', 'HIGH', '2016-01-20T09:00:00Z'),
      item('c', 'HIGH', '2016-01-19T09:00:00Z'),
      item('a', 'HIGH', '2016-01-20T09:00:00Z'),
      item('due-none', 'HIGH', '2016-01-18T09:00:00Z', { dueOn: null }),
      item('due', 'HIGH', '2016-01-21T09:00:00Z', { dueOn: '2016-05-01' }),
    ];
    expect(ids(orderPackItems(tied, LAST_HELD, MEETS_ON).NEW)).toEqual(['due', 'due-none', 'c', 'a', 'b']);
    expect(ids(orderPackItems([...tied].reverse(), LAST_HELD, MEETS_ON).NEW)).toEqual(['due', 'due-none', 'c', 'a', 'b']);
  });

  it('reads instants as Dates or timestamps with their offset alike', () => {
    const british = [item('bst', 'LOW', '2016-06-01T00:30:00+01:00')];
    expect(ids(orderPackItems(british, new Date('2016-05-31T23:30:00Z'), '2016-06-07').CARRIED_OVER)).toEqual(['bst']);
    expect(ids(orderPackItems(british, '2016-05-31T23:29:00Z', '2016-06-07').NEW)).toEqual(['bst']);
    const asDates = [{ id: 'd', severity: 'LOW' as const, dueOn: null, raisedAt: new Date('2016-01-20T09:00:00Z'), arrivedAtBoardAt: new Date('2016-01-21T09:00:00Z') }];
    expect(ids(orderPackItems(asDates, LAST_HELD, MEETS_ON).ESCALATED_IN)).toEqual(['d']);
  });

  it('keeps the caller’s own objects, so the API can carry its fields through', () => {
    const rich = [{ ...item('x', 'LOW', '2016-01-20T09:00:00Z'), title: 'A&E four-hour standard failing' }];
    expect(orderPackItems(rich, LAST_HELD, MEETS_ON).NEW[0].title).toBe('A&E four-hour standard failing');
  });

  it('refuses a bad meeting date, due date or instant', () => {
    expect(codeOf(() => orderPackItems(items, LAST_HELD, '2016-02-30'))).toBe('INVALID_DATE');
    expect(codeOf(() => orderPackItems([item('x', 'LOW', '2016-01-20T09:00:00Z', { dueOn: '31/01/2016' })], LAST_HELD, MEETS_ON))).toBe('INVALID_DATE');
    expect(codeOf(() => orderPackItems([item('x', 'LOW', 'last Tuesday')], LAST_HELD, MEETS_ON))).toBe('INVALID_INSTANT');
    expect(codeOf(() => orderPackItems(items, new Date('nonsense'), MEETS_ON))).toBe('INVALID_INSTANT');
    expect(codeOf(() => orderPackItems([{ ...item('x', 'LOW', LAST_HELD), arrivedAtBoardAt: 42 as unknown as string }], LAST_HELD, MEETS_ON))).toBe('INVALID_INSTANT');
    expect(codeOf(() => orderPackItems([item('x', 'SEVERE' as 'LOW', LAST_HELD), item('y', 'LOW', LAST_HELD)], LAST_HELD, MEETS_ON))).toBe('UNKNOWN_ESCALATION_SEVERITY');
  });

  it('heads every section in words', () => {
    expect(PACK_SECTIONS).toEqual(['NEW', 'ESCALATED_IN', 'CARRIED_OVER', 'DECISIONS_DUE']);
    for (const section of PACK_SECTIONS) expect(PACK_SECTION_LABELS[section]).toMatch(/^[A-Z][a-z]/);
  });
});

describe('isOverdue', () => {
  it.each([
    ['2016-02-08', '2016-02-09', true],
    ['2016-02-09', '2016-02-09', false],
    ['2016-02-10', '2016-02-09', false],
    ['2015-12-31', '2016-01-01', true],
    ['2016-02-29', '2016-03-01', true],
    [null, '2016-02-09', false],
    [undefined, '2016-02-09', false],
  ] as const)('due %s, today %s: overdue %s', (due, today, expected) => {
    expect(isOverdue(due, today)).toBe(expected);
  });

  it('refuses a date that is not on the calendar', () => {
    expect(codeOf(() => isOverdue('2015-02-29', '2016-02-09'))).toBe('INVALID_DATE');
    expect(codeOf(() => isOverdue('2016-02-08', '2016-02-09T10:00:00Z'))).toBe('INVALID_DATE');
    expect(codeOf(() => isOverdue(null, 'today'))).toBe('INVALID_DATE');
  });
});
