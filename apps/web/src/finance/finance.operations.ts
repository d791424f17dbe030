import { graphql } from '../gql';

/** The server's answer to the same what-if the page computes in the browser (nothing is stored). */
export const EvaluatePlanComplianceQuery = graphql(`
  query EvaluatePlanCompliance($input: FinancialPlanInput!) {
    evaluatePlanCompliance(input: $input) {
      financialYear
      compliant
      plannedSpend
      plannedSurplus
      qippRequirement
      qippPercentOfAllocation
      rules {
        rule
        percentage
        required
        planned
        shortfall
        met
        flexApplied
        flexReason
      }
    }
  }
`);
