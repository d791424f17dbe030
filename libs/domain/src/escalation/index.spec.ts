import { DomainError } from '../errors';
import {
  BOARD_KINDS,
  BOARD_KIND_LABELS,
  BOARD_KIND_SCOPES,
  ESCALATION_ITEM_KINDS,
  ESCALATION_ITEM_KIND_LABELS,
  ESCALATION_SEVERITIES,
  ESCALATION_SEVERITY_LABELS,
  STANDARD_BOARDS,
  compareEscalationSeverities,
  isBoardKind,
  isEscalationItemKind,
  isEscalationSeverity,
} from './index';
import * as escalation from './index';

describe('escalation public surface', () => {
  it('exports the boards, the route, both lifecycles and the pack order, each value defined', () => {
    expect(Object.keys(escalation).sort()).toEqual(
      [
        'BOARD_KINDS',
        'BOARD_KIND_LABELS',
        'BOARD_KIND_SCOPES',
        'BOARD_MEETING_ACTIONS',
        'BOARD_MEETING_ACTION_LABELS',
        'BOARD_MEETING_ACTOR_KINDS',
        'BOARD_MEETING_STATES',
        'BOARD_MEETING_STATE_LABELS',
        'BOARD_MEETING_STATUS_CHANGES',
        'BOARD_MEETING_TRANSITIONS',
        'DEFAULT_ESCALATION_ROUTES',
        'ESCALATION_ITEM_ACTIONS',
        'ESCALATION_ITEM_ACTION_LABELS',
        'ESCALATION_ITEM_ACTOR_KINDS',
        'ESCALATION_ITEM_KINDS',
        'ESCALATION_ITEM_KIND_LABELS',
        'ESCALATION_ITEM_STATES',
        'ESCALATION_ITEM_STATE_LABELS',
        'ESCALATION_ITEM_STATUS_CHANGES',
        'ESCALATION_ITEM_TRANSITIONS',
        'ESCALATION_MOVE_ACTIONS',
        'ESCALATION_MOVE_KINDS',
        'ESCALATION_MOVE_KIND_LABELS',
        'ESCALATION_SEVERITIES',
        'ESCALATION_SEVERITY_LABELS',
        'MEETING_DECISIONS',
        'MEETING_DECISION_ITEM_ACTIONS',
        'MEETING_DECISION_LABELS',
        'PACK_SECTIONS',
        'PACK_SECTION_LABELS',
        'PROVIDER_ESCALATION_ITEM_KINDS',
        'STANDARD_BOARDS',
        'TERMINAL_BOARD_MEETING_STATES',
        'availableBoardMeetingActions',
        'availableEscalationItemActions',
        'boardMeetingActionsFrom',
        'classifyMove',
        'compareEscalationSeverities',
        'entryBoardKind',
        'escalationItemActionsFrom',
        'isBoardKind',
        'isBoardMeetingState',
        'isEscalationItemKind',
        'isEscalationItemState',
        'isEscalationSeverity',
        'isMeetingDecision',
        'isOverdue',
        'itemActionForMeetingDecision',
        'nextBoardKinds',
        'orderPackItems',
        'previousBoardKinds',
        'requireBoardMeetingTransition',
        'requireEscalationItemTransition',
        'resolveRoutes',
        'validateEscalationRoute',
      ].sort(),
    );
    for (const value of Object.values(escalation)) expect(value).toBeDefined();
  });
});

describe('boards, item kinds and severities', () => {
  it('names the six kinds of board of seed 002 in the seed’s words', () => {
    expect(BOARD_KINDS).toHaveLength(6);
    expect(BOARD_KIND_LABELS.INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD).toBe('Integrated Performance and Delivery Board');
    for (const kind of BOARD_KINDS) expect(BOARD_KIND_LABELS[kind]).toMatch(/^[A-Z][a-z]/);
    expect(isBoardKind('GOVERNING_BODY')).toBe(true);
    expect(isBoardKind('CABINET')).toBe(false);
  });

  it('sets a Contract Management Board for each provider and the System Resilience Group for the system; the rest are the CCG’s', () => {
    expect(BOARD_KIND_SCOPES.CONTRACT_MANAGEMENT_BOARD).toBe('PROVIDER');
    expect(BOARD_KIND_SCOPES.SYSTEM_RESILIENCE_GROUP).toBe('SYSTEM');
    expect(BOARD_KINDS.filter((kind) => BOARD_KIND_SCOPES[kind] === 'CCG')).toEqual([
      'PROGRAMME_MANAGEMENT_DELIVERY_GROUP',
      'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD',
      'COMMISSIONING_EXECUTIVE_TEAM',
      'GOVERNING_BODY',
    ]);
  });

  it('describes the standard boards from the seed: monthly for the Integrated Board and each Contract Management Board', () => {
    expect(STANDARD_BOARDS.map((board) => board.kind)).toEqual([
      'PROGRAMME_MANAGEMENT_DELIVERY_GROUP',
      'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD',
      'COMMISSIONING_EXECUTIVE_TEAM',
      'GOVERNING_BODY',
      'CONTRACT_MANAGEMENT_BOARD',
    ]);
    for (const board of STANDARD_BOARDS) {
      expect(board.name).toBe(BOARD_KIND_LABELS[board.kind]);
      expect(board.source.basis).toBe('SEED');
      expect(board.termsOfReference.trim()).not.toBe('');
    }
    expect(STANDARD_BOARDS.filter((board) => board.frequency === 'Monthly').map((board) => board.kind)).toEqual(['INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD', 'CONTRACT_MANAGEMENT_BOARD']);
  });

  it('labels every item kind and recognises them', () => {
    for (const kind of ESCALATION_ITEM_KINDS) expect(ESCALATION_ITEM_KIND_LABELS[kind]).toMatch(/^[A-Z][a-z]/);
    expect(isEscalationItemKind('KPI_BREACH')).toBe(true);
    expect(isEscalationItemKind('RUMOUR')).toBe(false);
  });

  it('orders severities most serious first, in words', () => {
    expect(ESCALATION_SEVERITIES).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);
    expect(ESCALATION_SEVERITY_LABELS).toEqual({ CRITICAL: 'Critical', HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' });
    expect(['LOW', 'CRITICAL', 'MEDIUM', 'HIGH'].sort((a, b) => compareEscalationSeverities(a as 'LOW', b as 'LOW'))).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);
    expect(compareEscalationSeverities('HIGH', 'HIGH')).toBe(0);
    expect(isEscalationSeverity('MEDIUM')).toBe(true);
    expect(isEscalationSeverity('SEVERE')).toBe(false);
    expect(() => compareEscalationSeverities('SEVERE' as 'LOW', 'LOW')).toThrow(DomainError);
  });
});
