import { compareIsoDates, organisationName } from '@ccg-assure/domain';
import { formatDate } from './format';

/** A region as the organisations query gives it, with the dated memberships that tell its era. */
export interface RegionNode {
  code: string;
  name: string;
  closeDate?: string | null;
  /** Its members with their dates (CCGs by year; trusts carry no dates). */
  members?: readonly { validFrom?: string | null; validTo?: string | null }[];
}

/** The dated periods of a region's membership. */
const periodsOf = (node: RegionNode) =>
  (node.members ?? []).flatMap((member) => (member.validFrom ? [{ from: member.validFrom, to: member.validTo ?? null }] : []));

const covers = (period: { from: string; to: string | null }, day: string) => compareIsoDates(period.from, day) <= 0 && (period.to === null || compareIsoDates(day, period.to) <= 0);

/**
 * The day whose regions are offered: `on` if some region's membership covers it, else the nearest day that one
 * does (the first after it, or the last before it); with no `on`, the latest day of any dated membership.
 */
function eraDay(nodes: readonly RegionNode[], on: string | null): string | null {
  const periods = nodes.flatMap(periodsOf);
  if (periods.length === 0) return null;
  if (on && periods.some((period) => covers(period, on))) return on;
  const starts = periods.map((period) => period.from).sort(compareIsoDates);
  const later = on ? starts.find((start) => compareIsoDates(start, on) > 0) : undefined;
  if (later) return later;
  const open = periods.find((period) => period.to === null);
  return open ? open.from : periods.map((period) => period.to as string).sort(compareIsoDates).pop() ?? null;
}

/**
 * The NHS England regions as filter choices, "Any region" first: the name as the NHS writes it with the code beside
 * it ("North of England (Y54)"), a closed region marked with its last day, and no region known only by its code
 * (issue 20: a bare "W00" beside the named regions). The one home of region choices for the providers, the report
 * grid and the financial plans.
 *
 * Only the regions of one era are offered, never the 2016 regions beside the 2019 ones (issue 20.7): those whose
 * dated memberships cover `on` (the start of the year the page shows), or, without `on`, the latest era in the data.
 * The structure changed in April 2017 and April 2018 (South of England split, then the North and the Midlands and
 * East), and a trust's region is recorded in both eras, so mixing them would offer overlapping choices. Regions with
 * no dated membership at all are offered only when no region has one.
 */
export function regionOptions(nodes: readonly RegionNode[], on: string | null = null): { value: string; label: string }[] {
  const day = eraDay(nodes, on);
  const regions = nodes
    .filter((node) => node.name !== node.code)
    .filter((node) => day === null || periodsOf(node).some((period) => covers(period, day)))
    .map((node) => {
      const name = organisationName(node.name.replace(/^NHS ENGLAND /, ''));
      return { value: node.code, label: node.closeDate ? `${name} (${node.code}, to ${formatDate(node.closeDate)})` : `${name} (${node.code})` };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  return [{ value: '', label: 'Any region' }, ...regions];
}
