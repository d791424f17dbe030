import type { CitedSource } from '../assurance/cited-source';
import { SEED_DOCUMENTS } from '../assurance/cited-source';

/**
 * The boards of a CCG's performance management, as seed 002 (NHS Sheffield CCG Performance Management Framework,
 * December 2015) sets them out: the Programme Management Delivery Group, the Integrated Performance and Delivery
 * Board, the Commissioning Executive Team and the Governing Body sit in the CCG; a Contract Management Board sits for
 * each provider; the System Resilience Group for the local health system.
 */
export const BOARD_KINDS = [
  'PROGRAMME_MANAGEMENT_DELIVERY_GROUP',
  'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD',
  'COMMISSIONING_EXECUTIVE_TEAM',
  'GOVERNING_BODY',
  'CONTRACT_MANAGEMENT_BOARD',
  'SYSTEM_RESILIENCE_GROUP',
] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

/** Each kind in words, as the seed names it. */
export const BOARD_KIND_LABELS: Readonly<Record<BoardKind, string>> = {
  PROGRAMME_MANAGEMENT_DELIVERY_GROUP: 'Programme Management Delivery Group',
  INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD: 'Integrated Performance and Delivery Board',
  COMMISSIONING_EXECUTIVE_TEAM: 'Commissioning Executive Team',
  GOVERNING_BODY: 'Governing Body',
  CONTRACT_MANAGEMENT_BOARD: 'Contract Management Board',
  SYSTEM_RESILIENCE_GROUP: 'System Resilience Group',
};

/**
 * What a board of the kind belongs to: the CCG itself, one provider (a Contract Management Board "for each
 * provider"), or the local health system (the System Resilience Group). A board of every kind is set up by a CCG;
 * the scope says what else names it (a provider's code, a system's name).
 */
export const BOARD_KIND_SCOPES: Readonly<Record<BoardKind, 'CCG' | 'PROVIDER' | 'SYSTEM'>> = {
  PROGRAMME_MANAGEMENT_DELIVERY_GROUP: 'CCG',
  INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD: 'CCG',
  COMMISSIONING_EXECUTIVE_TEAM: 'CCG',
  GOVERNING_BODY: 'CCG',
  CONTRACT_MANAGEMENT_BOARD: 'PROVIDER',
  SYSTEM_RESILIENCE_GROUP: 'SYSTEM',
};
export type BoardScope = (typeof BOARD_KIND_SCOPES)[BoardKind];

export function isBoardKind(value: unknown): value is BoardKind {
  return (BOARD_KINDS as readonly unknown[]).includes(value);
}

/** A board as seed 002 describes it: its usual frequency and main role, where the seed gives them. */
export interface StandardBoard {
  readonly kind: BoardKind;
  readonly name: string;
  /** In words, as the seed writes it ('Monthly'); null where the seed does not say. */
  readonly frequency: string | null;
  /** The board's main role, in the seed's words: the start of its terms of reference. */
  readonly termsOfReference: string;
  readonly source: CitedSource;
}

const seed = (text: string): CitedSource => ({ basis: 'SEED', document: SEED_DOCUMENTS.SHEFFIELD_PERFORMANCE_FRAMEWORK, text });

/**
 * The boards a CCG sets up to follow seed 002, in the order of the escalation route (a Contract Management Board is
 * set up once for each provider the CCG contracts with). The System Resilience Group is the local system's, not the
 * CCG's own, so it is not among them.
 */
export const STANDARD_BOARDS: readonly StandardBoard[] = [
  {
    kind: 'PROGRAMME_MANAGEMENT_DELIVERY_GROUP',
    name: 'Programme Management Delivery Group',
    frequency: null,
    termsOfReference: 'Oversee and be assured that the delivery of projects are on track, with clear escalation routes for exceptions into the Integrated Performance and Delivery Board and ultimately CET.',
    source: seed('The Programme Management Delivery Group will continue to be used to oversee and be assured that the delivery of projects are on track with clear escalation routes for exceptions into the Integrated Performance and Delivery Board (see below) and ultimately CET.'),
  },
  {
    kind: 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD',
    name: 'Integrated Performance and Delivery Board',
    frequency: 'Monthly',
    termsOfReference:
      'Co-ordination and triangulation of intelligence relating to provider performance, including dealing with escalation concerns relating to the provider performance and delivery of CCG projects and programmes.',
    source: seed(
      'Integrated Performance and Delivery Board | Monthly | Co-ordination and triangulation of intelligence relating to provider performance, including dealing with escalation concerns relating to the provider performance and delivery of CCG projects and programmes. (Appendix 2)',
    ),
  },
  {
    kind: 'COMMISSIONING_EXECUTIVE_TEAM',
    name: 'Commissioning Executive Team',
    frequency: null,
    termsOfReference: 'Deal only with absolute exceptions that require CET sign-off.',
    source: seed('This Board will provide assurance to CET that performance and delivery is being effectively dealt with, whilst allowing CET to deal only with absolute exceptions that require CET sign-off.'),
  },
  {
    kind: 'GOVERNING_BODY',
    name: 'Governing Body',
    frequency: null,
    termsOfReference: 'Receive assurance on performance management, internal and external.',
    source: seed('Provide assurance to CET and Governing Body as the hub of intelligence on ‘performance management’ internal and external.'),
  },
  {
    kind: 'CONTRACT_MANAGEMENT_BOARD',
    name: 'Contract Management Board',
    frequency: 'Monthly',
    termsOfReference:
      'Ensure that a robust and consistent approach is applied to formally review and provide assurance in relation to the overall contract performance in accordance with the NHS Standard Contract. Director response to issues of escalation and oversight of remedial actions.',
    source: seed(
      'Contract Management Board | Monthly | Ensure that a robust and consistent approach is applied to formally review and provide assurance in relation to the overall contract performance in accordance with the NHS Standard Contract Director response to issues of escalation and oversight of remedial actions (Appendix 2)',
    ),
  },
];
