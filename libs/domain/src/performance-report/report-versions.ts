import { DomainError } from '../errors';
import { PERFORMANCE_REPORT_ACTION_LABELS, PERFORMANCE_REPORT_TRANSITIONS, performanceReportActionsFrom, type PerformanceReportState } from './performance-report-lifecycle';

/**
 * The versions of one CCG's report for one month, as the version rules need them. `published`: the version was
 * signed by the higher board at some time (it stays true once the version is SUPERSEDED).
 */
export interface PerformanceReportVersionSummary {
  readonly version: number;
  readonly status: PerformanceReportState;
  readonly published: boolean;
}

/** What a correction does: the new version and what becomes of the corrected one. */
export interface PerformanceReportCorrection {
  /** The version corrected. */
  readonly supersedes: number;
  /** The new version's number: one more than the highest so far. */
  readonly version: number;
  /** The new version starts as a draft and goes through sign-off again. */
  readonly status: 'DRAFT';
  /** What the corrected version becomes now: SUPERSEDED at once, or still PUBLISHED until the correction is. */
  readonly correctedVersionStatus: PerformanceReportState;
  readonly reason: string;
}

function sortedVersions(versions: readonly PerformanceReportVersionSummary[]): PerformanceReportVersionSummary[] {
  const seen = new Set<number>();
  for (const entry of versions) {
    if (!Number.isInteger(entry.version) || entry.version < 1) {
      throw new DomainError('INVALID_REPORT_VERSION', `Version ${String(entry.version)} is not a whole number from 1`, { version: entry.version });
    }
    if (seen.has(entry.version)) throw new DomainError('DUPLICATE_REPORT_VERSION', `Version ${entry.version} appears twice`, { version: entry.version });
    seen.add(entry.version);
  }
  return [...versions].sort((a, b) => a.version - b.version);
}

/** The number the next version of a CCG's report for a month takes: 1 for the first, else one more than the highest. */
export function nextPerformanceReportVersion(versions: readonly PerformanceReportVersionSummary[]): number {
  const sorted = sortedVersions(versions);
  return sorted.length === 0 ? 1 : sorted[sorted.length - 1].version + 1;
}

/**
 * What correcting `version` does, given every version of its CCG and month. Only the latest version may be
 * corrected (a correction already started is corrected, not its predecessor): REPORT_VERSION_NOT_FOUND,
 * CORRECTION_ALREADY_STARTED (details: version, latest); INVALID_TRANSITION when the version's state cannot be
 * corrected (a draft is edited instead); REASON_REQUIRED (details.fields.reason). Who may correct is
 * requirePerformanceReportTransition's to check.
 */
export function planPerformanceReportCorrection(versions: readonly PerformanceReportVersionSummary[], version: number, reason: string | null | undefined): PerformanceReportCorrection {
  const sorted = sortedVersions(versions);
  const corrected = sorted.find((entry) => entry.version === version);
  if (!corrected) throw new DomainError('REPORT_VERSION_NOT_FOUND', `There is no version ${String(version)} of this report`, { version });
  const latest = sorted[sorted.length - 1];
  if (latest.version !== version) {
    throw new DomainError('CORRECTION_ALREADY_STARTED', `Version ${version} has already been corrected by version ${latest.version}`, { version, latest: latest.version });
  }
  const row = PERFORMANCE_REPORT_TRANSITIONS.find((candidate) => candidate.from === corrected.status && candidate.action === 'CORRECT');
  if (!row) {
    throw new DomainError('INVALID_TRANSITION', `CORRECT is not allowed when the performance report is ${corrected.status}`, {
      from: corrected.status,
      action: 'CORRECT',
      allowed: performanceReportActionsFrom(corrected.status),
    });
  }
  if (typeof reason !== 'string' || reason.trim() === '') {
    const message = `${PERFORMANCE_REPORT_ACTION_LABELS.CORRECT} needs a reason.`;
    throw new DomainError('REASON_REQUIRED', message, { action: 'CORRECT', fields: { reason: message } });
  }
  return { supersedes: version, version: latest.version + 1, status: 'DRAFT', correctedVersionStatus: row.to, reason: reason.trim() };
}

/**
 * The earlier versions that become SUPERSEDED (by SYSTEM) when `version` is published: any still PUBLISHED. A
 * version corrected before it was published was superseded when the correction started, so it is not listed.
 */
export function versionsSupersededByPublishing(versions: readonly PerformanceReportVersionSummary[], version: number): number[] {
  return sortedVersions(versions)
    .filter((entry) => entry.version < version && entry.status === 'PUBLISHED')
    .map((entry) => entry.version);
}

/**
 * The public version of a CCG's report for a month: the one PUBLISHED (signed at both stages and not yet replaced
 * by a published correction); the latest if the data holds more than one; null when none is.
 */
export function publicPerformanceReportVersion(versions: readonly PerformanceReportVersionSummary[]): PerformanceReportVersionSummary | null {
  const published = sortedVersions(versions).filter((entry) => entry.status === 'PUBLISHED');
  return published.length === 0 ? null : published[published.length - 1];
}

/**
 * Whether the public may read a version: the published one, and earlier published versions since superseded
 * (shown as superseded). A version never signed by the higher board is never public, superseded or not.
 */
export function isPubliclyReadableVersion(entry: PerformanceReportVersionSummary): boolean {
  return entry.status === 'PUBLISHED' || (entry.status === 'SUPERSEDED' && entry.published);
}
