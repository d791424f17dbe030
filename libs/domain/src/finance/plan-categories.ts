/**
 * The categories of a CCG financial plan line (DOMAIN.md "Computation rules / Financial plan compliance").
 * Programme areas first, then running costs, the Better Care Fund and the two reserves. The API and the
 * web app build their enums from this list.
 */
export const PLAN_CATEGORIES = [
  'ACUTE',
  'MENTAL_HEALTH',
  'COMMUNITY',
  'PRIMARY_CARE',
  'PRESCRIBING',
  'CONTINUING_CARE',
  'OTHER_PROGRAMME',
  'RUNNING_COSTS',
  'BETTER_CARE_FUND',
  'CONTINGENCY',
  'NON_RECURRENT_FUND',
] as const;
export type PlanCategory = (typeof PLAN_CATEGORIES)[number];

/** The commissioned services themselves: what QIPP savings come out of. */
export const PROGRAMME_CATEGORIES = [
  'ACUTE',
  'MENTAL_HEALTH',
  'COMMUNITY',
  'PRIMARY_CARE',
  'PRESCRIBING',
  'CONTINUING_CARE',
  'OTHER_PROGRAMME',
] as const satisfies readonly PlanCategory[];

/** The two reserves, set aside rather than spent on recurrent services; left out of `P` in the QIPP formula. */
export const RESERVE_CATEGORIES = ['CONTINGENCY', 'NON_RECURRENT_FUND'] as const satisfies readonly PlanCategory[];

export function isPlanCategory(value: string): value is PlanCategory {
  return (PLAN_CATEGORIES as readonly string[]).includes(value);
}
