import { graphql } from '../gql';

/** The server's answer to the same what-if the page computes in the browser (nothing is stored). */
export const EvaluatePlanComplianceQuery = graphql(`
  query EvaluatePlanCompliance($input: FinancialPlanInput!) {
    evaluatePlanCompliance(input: $input) {
      ...PlanComplianceFields
    }
  }
`);
