import { useQuery } from '@apollo/client/react';
import { RegionsQuery } from './scorecard.operations';

/** NHS England regions (2016 and current ODS structures) as select options, "Any region" first. */
export function useRegionOptions(): { value: string; label: string }[] {
  const { data } = useQuery(RegionsQuery);
  const regions = (data?.organisations.edges ?? [])
    .map(({ node }) => ({ value: node.code, label: node.name === node.code ? node.code : `${titleCase(node.name)} (${node.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  return [{ value: '', label: 'Any region' }, ...regions];
}

/** ODS lists write some names in capitals: "NORTH OF ENGLAND" reads as "North of England". */
function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  const small = new Set(['OF', 'AND', 'THE']);
  return name
    .toLowerCase()
    .split(' ')
    .map((word, index) => (index > 0 && small.has(word.toUpperCase()) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}
