import { useQuery } from '@apollo/client/react';
import { regionOptions } from '../ui/region-options';
import { RegionsQuery } from './scorecard.operations';

/** The NHS England regions of the latest era in the data as select options, "Any region" first (see regionOptions). */
export function useRegionOptions(): { value: string; label: string }[] {
  const { data } = useQuery(RegionsQuery);
  return regionOptions((data?.organisations.edges ?? []).map(({ node }) => node));
}
