import { DomainError } from '../errors';
import { BOARD_KINDS, type BoardKind } from './board-kinds';
import { ESCALATION_ITEM_KINDS, PROVIDER_ESCALATION_ITEM_KINDS } from './escalation-item-kinds';
import {
  DEFAULT_ESCALATION_ROUTES,
  ESCALATION_MOVE_KINDS,
  ESCALATION_MOVE_KIND_LABELS,
  classifyMove,
  entryBoardKind,
  nextBoardKinds,
  previousBoardKinds,
  resolveRoutes,
  validateEscalationRoute,
  type EscalationRouteOverride,
} from './escalation-routes';

const PMDG = 'PROGRAMME_MANAGEMENT_DELIVERY_GROUP';
const IPDB = 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD';
const CET = 'COMMISSIONING_EXECUTIVE_TEAM';
const GB = 'GOVERNING_BODY';
const CMB = 'CONTRACT_MANAGEMENT_BOARD';
const SRG = 'SYSTEM_RESILIENCE_GROUP';

function errorOf(run: () => unknown): DomainError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
}

describe('the default escalation route (seed 002)', () => {
  const routes = DEFAULT_ESCALATION_ROUTES;

  it('starts a programme exception at the Programme Management Delivery Group and every other kind at the Integrated Board', () => {
    expect(entryBoardKind(routes, 'PROGRAMME_EXCEPTION')).toBe(PMDG);
    for (const kind of ESCALATION_ITEM_KINDS.filter((k) => k !== 'PROGRAMME_EXCEPTION')) expect(entryBoardKind(routes, kind)).toBe(IPDB);
  });

  it('sends provider concerns from the Integrated Board to the provider’s Contract Management Board first, or CET, or the System Resilience Group; from those to CET', () => {
    expect(PROVIDER_ESCALATION_ITEM_KINDS).toEqual(['KPI_BREACH', 'CONTRACT_NOTICE', 'TRAJECTORY_MISS', 'QUALITY_CONCERN']);
    for (const kind of PROVIDER_ESCALATION_ITEM_KINDS) {
      expect(nextBoardKinds(routes, kind, IPDB)).toEqual([CMB, CET, SRG]);
      expect(nextBoardKinds(routes, kind, CMB)).toEqual([CET]);
      expect(nextBoardKinds(routes, kind, SRG)).toEqual([CET]);
      expect(nextBoardKinds(routes, kind, PMDG)).toEqual([]);
    }
  });

  it('takes a programme exception from the Programme Management Delivery Group to the Integrated Board and “ultimately CET”', () => {
    expect(nextBoardKinds(routes, 'PROGRAMME_EXCEPTION', PMDG)).toEqual([IPDB]);
    expect(nextBoardKinds(routes, 'PROGRAMME_EXCEPTION', IPDB)).toEqual([CET]);
    expect(nextBoardKinds(routes, 'PROGRAMME_EXCEPTION', CMB)).toEqual([]);
  });

  it('takes assurance triggers and financial warnings from the Integrated Board to CET', () => {
    for (const kind of ['ASSURANCE_TRIGGER', 'FINANCIAL_WARNING'] as const) {
      expect(nextBoardKinds(routes, kind, IPDB)).toEqual([CET]);
      expect(nextBoardKinds(routes, kind, CMB)).toEqual([]);
      expect(nextBoardKinds(routes, kind, SRG)).toEqual([]);
    }
  });

  it('takes every kind from CET to the Governing Body, the top of the route', () => {
    for (const kind of ESCALATION_ITEM_KINDS) {
      expect(nextBoardKinds(routes, kind, CET)).toEqual([GB]);
      expect(nextBoardKinds(routes, kind, GB)).toEqual([]);
    }
  });

  it('has one row for each (item kind, board) pair, each citing seed 002 in the seed’s words', () => {
    const keys = routes.map((row) => `${row.itemKind}|${row.from}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(routes).toHaveLength(7 * 2 + 4 * 3 + 1 * 2 + 2 * 1);
    for (const row of routes) {
      expect(row.source.basis).toBe('SEED');
      expect(row.source.document).toMatch(/^seeds\/002_8feeab0fd83ea177\.txt/);
      expect(row.source.text.length).toBeGreaterThan(20);
      expect(row.to).not.toContain(row.from);
      expect(() => validateEscalationRoute(row)).not.toThrow();
    }
  });

  it('reaches the Governing Body from the entry board of every kind, by the usual next boards, without a loop', () => {
    for (const kind of ESCALATION_ITEM_KINDS) {
      const path: BoardKind[] = [entryBoardKind(routes, kind)];
      while (nextBoardKinds(routes, kind, path[path.length - 1]).length > 0) {
        const next = nextBoardKinds(routes, kind, path[path.length - 1])[0];
        expect(path).not.toContain(next);
        path.push(next);
      }
      expect(path[path.length - 1]).toBe(GB);
    }
    expect(() => entryBoardKind(routes, 'KPI_BREACH')).not.toThrow();
  });

  it('de-escalates to the boards that escalate to the current one', () => {
    expect(previousBoardKinds(routes, 'KPI_BREACH', CET)).toEqual([IPDB, CMB, SRG]);
    expect(previousBoardKinds(routes, 'KPI_BREACH', CMB)).toEqual([IPDB]);
    expect(previousBoardKinds(routes, 'KPI_BREACH', IPDB)).toEqual([]);
    expect(previousBoardKinds(routes, 'KPI_BREACH', GB)).toEqual([CET]);
    expect(previousBoardKinds(routes, 'PROGRAMME_EXCEPTION', IPDB)).toEqual([PMDG]);
    expect(previousBoardKinds(routes, 'PROGRAMME_EXCEPTION', PMDG)).toEqual([]);
    expect(previousBoardKinds(routes, 'FINANCIAL_WARNING', CET)).toEqual([IPDB]);
  });
});

describe('classifyMove', () => {
  const routes = DEFAULT_ESCALATION_ROUTES;

  it.each([
    ['KPI_BREACH', IPDB, CET, 'ESCALATION'],
    ['KPI_BREACH', IPDB, CMB, 'ESCALATION'],
    ['KPI_BREACH', IPDB, SRG, 'ESCALATION'],
    ['KPI_BREACH', CMB, CET, 'ESCALATION'],
    ['KPI_BREACH', CET, GB, 'ESCALATION'],
    ['KPI_BREACH', CET, IPDB, 'DE_ESCALATION'],
    ['KPI_BREACH', CET, CMB, 'DE_ESCALATION'],
    ['KPI_BREACH', GB, CET, 'DE_ESCALATION'],
    ['KPI_BREACH', CMB, IPDB, 'DE_ESCALATION'],
    ['KPI_BREACH', IPDB, GB, 'OFF_ROUTE'],
    ['KPI_BREACH', CMB, SRG, 'OFF_ROUTE'],
    ['KPI_BREACH', CMB, CMB, 'OFF_ROUTE'],
    ['KPI_BREACH', IPDB, PMDG, 'OFF_ROUTE'],
    ['PROGRAMME_EXCEPTION', PMDG, IPDB, 'ESCALATION'],
    ['PROGRAMME_EXCEPTION', IPDB, PMDG, 'DE_ESCALATION'],
    ['PROGRAMME_EXCEPTION', IPDB, CMB, 'OFF_ROUTE'],
    ['PROGRAMME_EXCEPTION', PMDG, CET, 'OFF_ROUTE'],
    ['FINANCIAL_WARNING', IPDB, CMB, 'OFF_ROUTE'],
    ['FINANCIAL_WARNING', IPDB, CET, 'ESCALATION'],
    ['ASSURANCE_TRIGGER', CET, IPDB, 'DE_ESCALATION'],
  ] as const)('%s from %s to %s is %s', (kind, from, to, expected) => {
    expect(classifyMove(routes, kind, from, to)).toBe(expected);
  });

  it('reads every move between two boards as exactly one of the three kinds, and escalation and de-escalation as mirror images', () => {
    for (const kind of ESCALATION_ITEM_KINDS) {
      for (const from of BOARD_KINDS) {
        for (const to of BOARD_KINDS) {
          const move = classifyMove(routes, kind, from, to);
          expect(ESCALATION_MOVE_KINDS).toContain(move);
          if (move === 'ESCALATION') expect(classifyMove(routes, kind, to, from)).toBe('DE_ESCALATION');
        }
      }
    }
    for (const move of ESCALATION_MOVE_KINDS) expect(ESCALATION_MOVE_KIND_LABELS[move]).toMatch(/^[A-Z]/);
  });
});

describe('a CCG’s own route (resolveRoutes)', () => {
  it('is the default route, row for row, when the CCG configures nothing', () => {
    const resolved = resolveRoutes([]);
    expect(resolved.map(({ configured: _configured, ...row }) => row)).toEqual(DEFAULT_ESCALATION_ROUTES);
    expect(resolved.every((row) => !row.configured)).toBe(true);
    expect(resolveRoutes()).toEqual(resolved);
  });

  it('replaces the default row for the same item kind and board, in place, and keeps the rest', () => {
    const overrides: EscalationRouteOverride[] = [{ itemKind: 'KPI_BREACH', from: IPDB, to: [CET, CMB] }];
    const resolved = resolveRoutes(overrides);
    expect(resolved).toHaveLength(DEFAULT_ESCALATION_ROUTES.length);
    const index = DEFAULT_ESCALATION_ROUTES.findIndex((row) => row.itemKind === 'KPI_BREACH' && row.from === IPDB);
    expect(resolved[index]).toMatchObject({ itemKind: 'KPI_BREACH', from: IPDB, to: [CET, CMB], configured: true, source: { basis: 'PRODUCT' } });
    expect(nextBoardKinds(resolved, 'KPI_BREACH', IPDB)).toEqual([CET, CMB]);
    expect(nextBoardKinds(resolved, 'CONTRACT_NOTICE', IPDB)).toEqual([CMB, CET, SRG]);
    expect(classifyMove(resolved, 'KPI_BREACH', IPDB, SRG)).toBe('OFF_ROUTE');
    expect(classifyMove(resolved, 'CONTRACT_NOTICE', IPDB, SRG)).toBe('ESCALATION');
    expect(resolved.filter((row) => row.configured)).toHaveLength(1);
  });

  it('changes where a kind starts, and adds rows for pairs the default lacks after the default rows', () => {
    const resolved = resolveRoutes([
      { itemKind: 'FINANCIAL_WARNING', from: 'RAISED', to: [CET] },
      { itemKind: 'FINANCIAL_WARNING', from: SRG, to: [GB] },
    ]);
    expect(entryBoardKind(resolved, 'FINANCIAL_WARNING')).toBe(CET);
    expect(resolved[resolved.length - 1]).toMatchObject({ itemKind: 'FINANCIAL_WARNING', from: SRG, to: [GB], configured: true });
    expect(resolved).toHaveLength(DEFAULT_ESCALATION_ROUTES.length + 1);
    expect(previousBoardKinds(resolved, 'FINANCIAL_WARNING', GB)).toEqual([CET, SRG]);
  });

  it('lets a CCG make a board the top of the route with no boards after it', () => {
    const resolved = resolveRoutes([{ itemKind: 'QUALITY_CONCERN', from: CET, to: [] }]);
    expect(nextBoardKinds(resolved, 'QUALITY_CONCERN', CET)).toEqual([]);
    expect(classifyMove(resolved, 'QUALITY_CONCERN', CET, GB)).toBe('OFF_ROUTE');
  });

  it('does not change the default table or the CCG’s rows it was given', () => {
    const override = { itemKind: 'KPI_BREACH', from: CMB, to: [GB] } as EscalationRouteOverride;
    const before = JSON.stringify(DEFAULT_ESCALATION_ROUTES);
    const resolved = resolveRoutes([override]);
    (resolved.find((row) => row.configured)?.to as BoardKind[]).push(SRG);
    expect(JSON.stringify(DEFAULT_ESCALATION_ROUTES)).toBe(before);
    expect(override.to).toEqual([GB]);
  });

  it('refuses two rows for the same pair', () => {
    const error = errorOf(() => resolveRoutes([
      { itemKind: 'KPI_BREACH', from: CMB, to: [GB] },
      { itemKind: 'KPI_BREACH', from: CMB, to: [CET] },
    ]));
    expect(error?.code).toBe('DUPLICATE_ESCALATION_ROUTE');
    expect(error?.details).toEqual({ itemKind: 'KPI_BREACH', from: CMB });
  });

  it.each([
    [{ itemKind: 'GOSSIP', from: IPDB, to: [CET] }, 'itemKind'],
    [{ itemKind: 'KPI_BREACH', from: 'CABINET', to: [CET] }, 'from'],
    [{ itemKind: 'KPI_BREACH', from: IPDB, to: 'COMMISSIONING_EXECUTIVE_TEAM' }, 'to'],
    [{ itemKind: 'KPI_BREACH', from: IPDB, to: [CET, 'CABINET'] }, 'to'],
    [{ itemKind: 'KPI_BREACH', from: IPDB, to: [CET, CET] }, 'to'],
    [{ itemKind: 'KPI_BREACH', from: IPDB, to: [IPDB] }, 'to'],
    [{ itemKind: 'KPI_BREACH', from: 'RAISED', to: [] }, 'to'],
  ])('refuses a bad row %j as INVALID_ESCALATION_ROUTE naming %s', (row, field) => {
    const error = errorOf(() => resolveRoutes([row as unknown as EscalationRouteOverride]));
    expect(error?.code).toBe('INVALID_ESCALATION_ROUTE');
    expect(Object.keys(error?.details?.fields as object)).toEqual([field]);
  });

  it('refuses to start an item whose route names no entry board', () => {
    const noEntry = DEFAULT_ESCALATION_ROUTES.filter((row) => !(row.itemKind === 'KPI_BREACH' && row.from === 'RAISED'));
    const error = errorOf(() => entryBoardKind(noEntry, 'KPI_BREACH'));
    expect(error?.code).toBe('NO_ENTRY_BOARD');
    expect(error?.details).toEqual({ itemKind: 'KPI_BREACH' });
  });
});
