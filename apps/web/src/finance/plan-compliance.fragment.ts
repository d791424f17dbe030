import { graphql } from '../gql';
import type { PlanComplianceFieldsFragment as PlanComplianceFields } from '../gql/graphql';

/**
 * One rule's result: its percentage, the amount required and planned, the shortfall, and any flex applied.
 * @public Spread by name in the operations; codegen reads it, no module imports the document.
 */
export const RuleComplianceFieldsFragment = graphql(`
  fragment RuleComplianceFields on RuleCompliance {
    rule
    percentage
    required
    planned
    shortfall
    met
    flexApplied
    flexReason
  }
`);

/**
 * A plan's compliance as the API computes it: the same fields the what-if check compares, to the penny.
 * @public Spread by name in the operations; codegen reads it, no module imports the document.
 */
export const PlanComplianceFieldsFragment = graphql(`
  fragment PlanComplianceFields on PlanCompliance {
    financialYear
    compliant
    plannedSpend
    plannedSurplus
    qippRequirement
    qippPercentOfAllocation
    rules {
      ...RuleComplianceFields
    }
  }
`);

/** A plan's compliance as the server worked it out (the PlanComplianceFields fragment), money as exact text. */
export type ServerCompliance = PlanComplianceFields;
