import { DomainError } from '../errors';

/**
 * What an escalation item is raised from (issue 16): a provider KPI failing (a scorecard tile), a contract
 * performance notice, a missed month of a recovery trajectory, an assurance trigger, a financial warning (the
 * forecast outturn), a quality concern (free text with its source), and an exception from the programme office.
 */
export const ESCALATION_ITEM_KINDS = [
  'KPI_BREACH',
  'CONTRACT_NOTICE',
  'TRAJECTORY_MISS',
  'ASSURANCE_TRIGGER',
  'FINANCIAL_WARNING',
  'QUALITY_CONCERN',
  'PROGRAMME_EXCEPTION',
] as const;
export type EscalationItemKind = (typeof ESCALATION_ITEM_KINDS)[number];

/** Each kind in words. */
export const ESCALATION_ITEM_KIND_LABELS: Readonly<Record<EscalationItemKind, string>> = {
  KPI_BREACH: 'Provider indicator failing',
  CONTRACT_NOTICE: 'Contract performance notice',
  TRAJECTORY_MISS: 'Recovery trajectory missed',
  ASSURANCE_TRIGGER: 'Assurance trigger',
  FINANCIAL_WARNING: 'Financial warning (forecast outturn)',
  QUALITY_CONCERN: 'Quality concern',
  PROGRAMME_EXCEPTION: 'Programme exception',
};

/**
 * The kinds that concern a provider: seed 002 sends "provider performance concerns" from the Integrated Board on to
 * contract monitoring and the provider's Contract Management Board.
 */
export const PROVIDER_ESCALATION_ITEM_KINDS: readonly EscalationItemKind[] = ['KPI_BREACH', 'CONTRACT_NOTICE', 'TRAJECTORY_MISS', 'QUALITY_CONCERN'];

export function isEscalationItemKind(value: unknown): value is EscalationItemKind {
  return (ESCALATION_ITEM_KINDS as readonly unknown[]).includes(value);
}

/** How serious an item is, most serious first (the order packs and maps use). */
export const ESCALATION_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
export type EscalationSeverity = (typeof ESCALATION_SEVERITIES)[number];

/** Each severity in words. */
export const ESCALATION_SEVERITY_LABELS: Readonly<Record<EscalationSeverity, string>> = {
  CRITICAL: 'Critical',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
};

export function isEscalationSeverity(value: unknown): value is EscalationSeverity {
  return (ESCALATION_SEVERITIES as readonly unknown[]).includes(value);
}

/** Orders severities most serious first: negative when `a` is more serious than `b`. Throws UNKNOWN_ESCALATION_SEVERITY. */
export function compareEscalationSeverities(a: EscalationSeverity, b: EscalationSeverity): number {
  return severityRank(a) - severityRank(b);
}

function severityRank(severity: EscalationSeverity): number {
  const rank = ESCALATION_SEVERITIES.indexOf(severity);
  if (rank < 0) throw new DomainError('UNKNOWN_ESCALATION_SEVERITY', `Unknown escalation severity ${String(severity)}`, { severity, allowed: [...ESCALATION_SEVERITIES] });
  return rank;
}
