import { compareIsoDates, monthEnd, monthStart, requireIsoDate } from '../calendar/calendar-date';
import { DomainError } from '../errors';

/**
 * Which board receives a CCG's report for a month (seed 000 2.2: "the PCT Board" in 2012-13; NHS England after,
 * through the area team or, without one, the region). AREA_TEAM and REGION name the organisation; PCT_CLUSTER is
 * the 2012-13 PCT Cluster Board, which the data does not hold; NOT_KNOWN: no relationship covers the month.
 */
export const HIGHER_BOARD_KINDS = ['AREA_TEAM', 'REGION', 'PCT_CLUSTER', 'NOT_KNOWN'] as const;
export type HigherBoardKind = (typeof HIGHER_BOARD_KINDS)[number];

/** Each kind in words. */
export const HIGHER_BOARD_KIND_LABELS: Readonly<Record<HigherBoardKind, string>> = {
  AREA_TEAM: 'NHS England area team',
  REGION: 'NHS England region',
  PCT_CLUSTER: 'PCT Cluster Board',
  NOT_KNOWN: 'Not known',
};

/** The first month NHS England, not a PCT cluster, received CCGs' reports: CCGs took over on 1 April 2013. */
export const NHS_ENGLAND_FROM = '2013-04-01';

/** One of the CCG's organisation relationships, as stored (organisation_relationship). Dates yyyy-mm-dd; null: open. */
export interface OrganisationRelationshipRow {
  readonly kind: string;
  readonly relatedCode: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

export interface HigherBoard {
  readonly kind: HigherBoardKind;
  /** The higher organisation's code (AREA_TEAM, REGION); null when the data holds none (PCT_CLUSTER, NOT_KNOWN). */
  readonly organisationCode: string | null;
  /**
   * True when no row covers the month and the board is the last one recorded before it (the hierarchy file may
   * stop before a CCG closed: NHS Leeds North CCG's last row is 2016/17, its last month March 2018).
   */
  readonly lastKnown: boolean;
  /** Why this board, in words. */
  readonly explanation: string;
}

function coversMonth(row: OrganisationRelationshipRow, first: string, last: string): boolean {
  const from = row.validFrom === null ? null : requireIsoDate(row.validFrom, 'validFrom');
  const to = row.validTo === null ? null : requireIsoDate(row.validTo, 'validTo');
  return (from === null || compareIsoDates(from, last) <= 0) && (to === null || compareIsoDates(to, first) >= 0);
}

const undated = (row: OrganisationRelationshipRow) => row.validFrom === null && row.validTo === null;

/**
 * The row that speaks for the month: a dated row (the hierarchy file's, by financial year) before an undated one
 * (ODS's present-day membership, true of an unknown span); then the one in force latest: open-ended first, the
 * latest end, the latest start; then the code, so the answer never depends on the rows' order.
 */
function latestInMonth(rows: readonly OrganisationRelationshipRow[]): OrganisationRelationshipRow | undefined {
  return [...rows].sort((a, b) => {
    if (undated(a) !== undated(b)) return undated(a) ? 1 : -1;
    if (a.validTo !== b.validTo) return a.validTo === null ? -1 : b.validTo === null ? 1 : compareIsoDates(b.validTo, a.validTo);
    if (a.validFrom !== b.validFrom) return a.validFrom === null ? 1 : b.validFrom === null ? -1 : compareIsoDates(b.validFrom, a.validFrom);
    return a.relatedCode < b.relatedCode ? -1 : a.relatedCode > b.relatedCode ? 1 : 0;
  })[0];
}

/**
 * The higher board for a CCG's report for `month` (any day of it), from the CCG's relationship rows: the area team
 * it was in (IN_AREA_TEAM) during the month, else its region (IN_REGION); a row counts when it is in force on any
 * day of the month (both dates inclusive), and when two are, a dated row beats an undated one, then the one in force
 * latest wins. When no row covers the month, the last area team, else region, recorded before it (`lastKnown`): a
 * CCG stays where it was until the data says otherwise, and a later row never speaks for an earlier month. Months
 * before April 2013: the PCT Cluster Board, which the data does not name. Other kinds of relationship are ignored.
 * Throws INVALID_DATE.
 */
export function higherBoardFor(month: string, relationships: readonly OrganisationRelationshipRow[]): HigherBoard {
  const first = monthStart(month, 'month');
  if (compareIsoDates(first, NHS_ENGLAND_FROM) < 0) {
    return {
      kind: 'PCT_CLUSTER',
      organisationCode: null,
      lastKnown: false,
      explanation: 'Before April 2013 the PCT Cluster Board received the CCG’s report; the data holds no PCT clusters, so none is named.',
    };
  }
  if (!Array.isArray(relationships)) throw new DomainError('INVALID_RELATIONSHIPS', 'relationships must be a list', { relationships });
  const last = monthEnd(first);
  const ofKind = (kind: string) => relationships.filter((row) => row.kind === kind);
  const inForce = (kind: string) => latestInMonth(ofKind(kind).filter((row) => coversMonth(row, first, last)));
  const endedBefore = (kind: string) => latestInMonth(ofKind(kind).filter((row) => row.validTo !== null && compareIsoDates(requireIsoDate(row.validTo, 'validTo'), first) < 0));
  const areaTeam = inForce('IN_AREA_TEAM');
  if (areaTeam) return { kind: 'AREA_TEAM', organisationCode: areaTeam.relatedCode, lastKnown: false, explanation: 'The NHS England area team the CCG was in that month.' };
  const region = inForce('IN_REGION');
  if (region) {
    return {
      kind: 'REGION',
      organisationCode: region.relatedCode,
      lastKnown: false,
      explanation: 'The NHS England region the CCG was in that month (no area team recorded for it).',
    };
  }
  const lastAreaTeam = endedBefore('IN_AREA_TEAM');
  if (lastAreaTeam) {
    return {
      kind: 'AREA_TEAM',
      organisationCode: lastAreaTeam.relatedCode,
      lastKnown: true,
      explanation: `The last NHS England area team recorded for the CCG (to ${lastAreaTeam.validTo}); none is recorded for that month.`,
    };
  }
  const lastRegion = endedBefore('IN_REGION');
  if (lastRegion) {
    return {
      kind: 'REGION',
      organisationCode: lastRegion.relatedCode,
      lastKnown: true,
      explanation: `The last NHS England region recorded for the CCG (to ${lastRegion.validTo}); no area team or region is recorded for that month.`,
    };
  }
  return { kind: 'NOT_KNOWN', organisationCode: null, lastKnown: false, explanation: 'No area team or region is recorded for the CCG in or before that month.' };
}
