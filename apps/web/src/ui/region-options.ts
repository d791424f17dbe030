import { organisationName } from '@ccg-assure/domain';
import { formatDate } from './format';

/** A region as the organisations query gives it. */
export interface RegionNode {
  code: string;
  name: string;
  closeDate?: string | null;
}

/**
 * The NHS England regions as filter choices, "Any region" first: the name as the NHS writes it with the code beside
 * it ("North of England (Y54)"), a closed region marked with its last day so that regions of different eras are told
 * apart, and no region known only by its code (issue 20: a bare "W00" beside the named regions). The one home of
 * region choices for the providers, the report grid and the financial plans.
 */
export function regionOptions(nodes: readonly RegionNode[]): { value: string; label: string }[] {
  const regions = nodes
    .filter((node) => node.name !== node.code)
    .map((node) => {
      const name = organisationName(node.name.replace(/^NHS ENGLAND /, ''));
      return { value: node.code, label: node.closeDate ? `${name} (${node.code}, to ${formatDate(node.closeDate)})` : `${name} (${node.code})` };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  return [{ value: '', label: 'Any region' }, ...regions];
}
