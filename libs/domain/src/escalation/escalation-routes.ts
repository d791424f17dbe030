import type { CitedSource } from '../assurance/cited-source';
import { SEED_DOCUMENTS } from '../assurance/cited-source';
import { DomainError } from '../errors';
import { BOARD_KINDS, BoardKind, isBoardKind } from './board-kinds';
import { ESCALATION_ITEM_KINDS, EscalationItemKind, PROVIDER_ESCALATION_ITEM_KINDS, isEscalationItemKind } from './escalation-item-kinds';

/** Where an item starts: 'RAISED' is the route's first row, from nowhere to the entry board. */
export type EscalationRouteOrigin = BoardKind | 'RAISED';

/**
 * One row of the escalation route: for an item of `itemKind` at a board of kind `from` (or just raised), the boards
 * it may go on to; the first is the usual next. A board with no row for the kind is the top of the route.
 */
export interface EscalationRoute {
  readonly itemKind: EscalationItemKind;
  readonly from: EscalationRouteOrigin;
  readonly to: readonly BoardKind[];
  readonly source: CitedSource;
}

/** A CCG's own row, as its administrator configures it: it replaces the default row for the same (itemKind, from). */
export interface EscalationRouteOverride {
  readonly itemKind: EscalationItemKind;
  readonly from: EscalationRouteOrigin;
  readonly to: readonly BoardKind[];
}

/** A row of a CCG's route: the default (seed 002) or the CCG's own (`configured`). */
export interface ResolvedEscalationRoute extends EscalationRoute {
  readonly configured: boolean;
}

/** How a move from one board to another reads against the route. */
export const ESCALATION_MOVE_KINDS = ['ESCALATION', 'DE_ESCALATION', 'OFF_ROUTE'] as const;
export type EscalationMoveKind = (typeof ESCALATION_MOVE_KINDS)[number];

/** Each move kind in words. */
export const ESCALATION_MOVE_KIND_LABELS: Readonly<Record<EscalationMoveKind, string>> = {
  ESCALATION: 'Escalated',
  DE_ESCALATION: 'De-escalated',
  OFF_ROUTE: 'Moved off the escalation route',
};

const seed = (text: string): CitedSource => ({ basis: 'SEED', document: SEED_DOCUMENTS.SHEFFIELD_PERFORMANCE_FRAMEWORK, text });

const PMDG: BoardKind = 'PROGRAMME_MANAGEMENT_DELIVERY_GROUP';
const IPDB: BoardKind = 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD';
const CET: BoardKind = 'COMMISSIONING_EXECUTIVE_TEAM';
const GB: BoardKind = 'GOVERNING_BODY';
const CMB: BoardKind = 'CONTRACT_MANAGEMENT_BOARD';
const SRG: BoardKind = 'SYSTEM_RESILIENCE_GROUP';

const ENTRY_SOURCES: Readonly<Record<EscalationItemKind, CitedSource>> = {
  KPI_BREACH: seed('Act as the first point of escalation for contract and provider performance issues in line with the agreed escalation process'),
  CONTRACT_NOTICE: seed('Act as the first point of escalation for contract and provider performance issues in line with the agreed escalation process'),
  TRAJECTORY_MISS: seed('Act as the first point of escalation for contract and provider performance issues in line with the agreed escalation process'),
  QUALITY_CONCERN: seed('Centralise and co-ordinate intelligence on all commissioner related issues for relating to providers'),
  ASSURANCE_TRIGGER: seed('Oversee upward reporting and relationships with Tri-partite organisations, especially NHS England and Monitor.'),
  FINANCIAL_WARNING: seed('to assess when the escalation process should be enacted due to concerns about contract performance, finance, service developments or performance'),
  PROGRAMME_EXCEPTION: seed('The Programme Management Delivery Group will continue to be used to oversee and be assured that the delivery of projects are on track'),
};

const PROVIDER_ONWARD = seed(
  'Escalate provider performance concerns through to the Contract Monitoring meetings and Contract Management Board as appropriate and in line with agreed escalation process supported with relevant intelligence; allowing CET to deal only with absolute exceptions that require CET sign-off; system resilience groups are now expected to have an oversight of many of the performance issues in the system',
);
const TO_CET = seed('This Board will provide assurance to CET that performance and delivery is being effectively dealt with, whilst allowing CET to deal only with absolute exceptions that require CET sign-off.');
const CMB_TO_CET = seed('The Terms of Reference for the group are to be finalised and approved at CET; Director response to issues of escalation and oversight of remedial actions (Appendix 2)');
const SRG_TO_CET = seed('it is suggested that this should ‘fit’ with existing performance approaches and not seek to duplicate functions performed elsewhere ... and therefore should be seen as an integral part of the overall CCG Performance Management Framework');
const PMDG_TO_IPDB = seed(
  'clear escalation routes for exceptions into the Integrated Performance and Delivery Board (see below) and ultimately CET; Act as the first point of escalation for non-delivery of projects and programmes as per Programme Management Framework which have not been resolved via the Programme Management Delivery Group',
);
const CET_TO_GB = seed('Provide assurance to CET and Governing Body as the hub of intelligence on ‘performance management’ internal and external.');

function defaultRoutes(): EscalationRoute[] {
  const rows: EscalationRoute[] = [];
  for (const itemKind of ESCALATION_ITEM_KINDS) {
    rows.push({ itemKind, from: 'RAISED', to: [itemKind === 'PROGRAMME_EXCEPTION' ? PMDG : IPDB], source: ENTRY_SOURCES[itemKind] });
    if (itemKind === 'PROGRAMME_EXCEPTION') {
      rows.push({ itemKind, from: PMDG, to: [IPDB], source: PMDG_TO_IPDB });
      rows.push({ itemKind, from: IPDB, to: [CET], source: PMDG_TO_IPDB });
    } else if (PROVIDER_ESCALATION_ITEM_KINDS.includes(itemKind)) {
      rows.push({ itemKind, from: IPDB, to: [CMB, CET, SRG], source: PROVIDER_ONWARD });
      rows.push({ itemKind, from: CMB, to: [CET], source: CMB_TO_CET });
      rows.push({ itemKind, from: SRG, to: [CET], source: SRG_TO_CET });
    } else {
      rows.push({ itemKind, from: IPDB, to: [CET], source: TO_CET });
    }
    rows.push({ itemKind, from: CET, to: [GB], source: CET_TO_GB });
  }
  return rows;
}

/**
 * The escalation route of seed 002, for every item kind: raised at the Integrated Performance and Delivery Board
 * (a programme exception at the Programme Management Delivery Group, then the Integrated Board); provider concerns
 * on to the provider's Contract Management Board, the Commissioning Executive Team or the System Resilience Group,
 * and from those to CET; other kinds from the Integrated Board to CET; from CET to the Governing Body, the top.
 * Interpretations (CMB and SRG reporting to CET) are set out in RULES.md.
 */
export const DEFAULT_ESCALATION_ROUTES: readonly EscalationRoute[] = defaultRoutes();

const CONFIGURED_SOURCE: CitedSource = {
  basis: 'PRODUCT',
  document: 'CCG Assure issue 16, boards and escalation: the product’s own rule where no paper speaks',
  text: 'a CCG’s administrator configures its own route; the CCG’s row replaces the default row for the same item kind and board',
};

/**
 * Checks one configured row: known item kind and boards, at least one board for a new item to start at, no board
 * twice, never back to the board it leaves. Throws INVALID_ESCALATION_ROUTE (details: fields, naming the field in
 * error, and the row).
 */
export function validateEscalationRoute(row: EscalationRouteOverride): EscalationRouteOverride {
  const refuse = (field: string, message: string): never => {
    throw new DomainError('INVALID_ESCALATION_ROUTE', message, { fields: { [field]: message }, row });
  };
  if (!isEscalationItemKind(row?.itemKind)) refuse('itemKind', `Unknown item kind ${String(row?.itemKind)}.`);
  if (row.from !== 'RAISED' && !isBoardKind(row.from)) refuse('from', `Unknown board kind ${String(row.from)}.`);
  if (!Array.isArray(row.to)) refuse('to', 'The boards to go on to must be a list.');
  const unknown = row.to.filter((kind) => !isBoardKind(kind));
  if (unknown.length > 0) refuse('to', `Unknown board kind ${unknown.map(String).join(', ')}.`);
  if (new Set(row.to).size !== row.to.length) refuse('to', 'A board kind is listed twice.');
  if (row.to.includes(row.from as BoardKind)) refuse('to', 'An item cannot be escalated to a board of the kind it is at.');
  if (row.from === 'RAISED' && row.to.length === 0) refuse('to', 'A new item needs a board to start at.');
  return { itemKind: row.itemKind, from: row.from, to: [...row.to] };
}

/**
 * A CCG's route: the default rows, each replaced by the CCG's own row for the same (itemKind, from) where it has
 * one, then the CCG's rows for pairs the default lacks, in the order given. Throws INVALID_ESCALATION_ROUTE for a
 * bad row, DUPLICATE_ESCALATION_ROUTE for two rows for the same pair.
 */
export function resolveRoutes(overrides: readonly EscalationRouteOverride[] = [], defaults: readonly EscalationRoute[] = DEFAULT_ESCALATION_ROUTES): ResolvedEscalationRoute[] {
  const own = new Map<string, EscalationRouteOverride>();
  for (const override of overrides) {
    const row = validateEscalationRoute(override);
    const key = `${row.itemKind}|${row.from}`;
    if (own.has(key)) throw new DomainError('DUPLICATE_ESCALATION_ROUTE', `Two routes for ${row.itemKind} from ${row.from}.`, { itemKind: row.itemKind, from: row.from });
    own.set(key, row);
  }
  const used = new Set<string>();
  const resolved: ResolvedEscalationRoute[] = defaults.map((route) => {
    const key = `${route.itemKind}|${route.from}`;
    const replacement = own.get(key);
    if (!replacement) return { ...route, configured: false };
    used.add(key);
    return { ...replacement, source: CONFIGURED_SOURCE, configured: true };
  });
  for (const [key, row] of own) if (!used.has(key)) resolved.push({ ...row, source: CONFIGURED_SOURCE, configured: true });
  return resolved;
}

/** The boards an item of the kind at `from` may go on to, the usual next first; [] at the top of the route. */
export function nextBoardKinds(routes: readonly EscalationRoute[], itemKind: EscalationItemKind, from: EscalationRouteOrigin): BoardKind[] {
  const route = routes.find((row) => row.itemKind === itemKind && row.from === from);
  return route ? [...route.to] : [];
}

/** The board kind a new item of the kind starts at. Throws NO_ENTRY_BOARD when the route names none. */
export function entryBoardKind(routes: readonly EscalationRoute[], itemKind: EscalationItemKind): BoardKind {
  const [entry] = nextBoardKinds(routes, itemKind, 'RAISED');
  if (!entry) throw new DomainError('NO_ENTRY_BOARD', `The escalation route names no board for a new ${itemKind} item.`, { itemKind });
  return entry;
}

/** De-escalation: the boards (in the order of the board kinds) whose next boards for the kind include `at`. */
export function previousBoardKinds(routes: readonly EscalationRoute[], itemKind: EscalationItemKind, at: BoardKind): BoardKind[] {
  const from = new Set(routes.filter((row) => row.itemKind === itemKind && row.from !== 'RAISED' && row.to.includes(at)).map((row) => row.from as BoardKind));
  return BOARD_KINDS.filter((kind) => from.has(kind));
}

/**
 * How a move from a board of kind `fromKind` to one of `toKind` reads: ESCALATION when the route goes from one to the
 * other, DE_ESCALATION when it goes the other way, otherwise OFF_ROUTE (including a move between two boards of the
 * same kind, such as two providers' Contract Management Boards).
 */
export function classifyMove(routes: readonly EscalationRoute[], itemKind: EscalationItemKind, fromKind: BoardKind, toKind: BoardKind): EscalationMoveKind {
  if (fromKind === toKind) return 'OFF_ROUTE';
  if (nextBoardKinds(routes, itemKind, fromKind).includes(toKind)) return 'ESCALATION';
  if (previousBoardKinds(routes, itemKind, fromKind).includes(toKind)) return 'DE_ESCALATION';
  return 'OFF_ROUTE';
}
