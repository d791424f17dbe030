import { graphql } from '../gql';

export const FinancialPlanQuery = graphql(`
  query FinancialPlan($ccg: String!, $financialYear: String!) {
    financialPlan(ccg: $ccg, financialYear: $financialYear) {
      ...FinancialPlanFields
    }
  }
`);

/** The England and region view: each plan's status and compliance at a glance. */
export const FinancialPlansQuery = graphql(`
  query FinancialPlans($filter: FinancialPlanFilter, $first: Int, $after: String) {
    financialPlans(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ccg {
            code
            name
          }
          financialYear
          status
          compliant
          version
          illustrative
          latestVersion {
            number
            allocation
            submittedAt
            decidedAt
            compliance {
              plannedSpend
              plannedSurplus
              qippRequirement
              qippPercentOfAllocation
              rules {
                rule
                met
                shortfall
              }
            }
          }
          financialWarning {
            month
            adverseVariance
          }
          updatedAt
        }
      }
    }
  }
`);

/** NHS England regions, for the England view's region filter. */
export const FinancialPlanRegionsQuery = graphql(`
  query FinancialPlanRegions {
    organisations(filter: { type: REGION }, first: 50) {
      edges {
        node {
          code
          name
          closeDate
          members {
            validFrom
            validTo
          }
        }
      }
    }
  }
`);

export const CreateFinancialPlanDraftMutation = graphql(`
  mutation CreateFinancialPlanDraft($input: CreateFinancialPlanDraftInput!) {
    createFinancialPlanDraft(input: $input) {
      ...FinancialPlanFields
    }
  }
`);

export const UpdateFinancialPlanDraftMutation = graphql(`
  mutation UpdateFinancialPlanDraft($input: UpdateFinancialPlanDraftInput!) {
    updateFinancialPlanDraft(input: $input) {
      ...FinancialPlanFields
    }
  }
`);

export const SubmitFinancialPlanMutation = graphql(`
  mutation SubmitFinancialPlan($input: SubmitFinancialPlanInput!) {
    submitFinancialPlan(input: $input) {
      ...FinancialPlanFields
    }
  }
`);

export const ApproveFinancialPlanMutation = graphql(`
  mutation ApproveFinancialPlan($input: ApproveFinancialPlanInput!) {
    approveFinancialPlan(input: $input) {
      ...FinancialPlanFields
    }
  }
`);

export const ReturnFinancialPlanMutation = graphql(`
  mutation ReturnFinancialPlan($input: ReturnFinancialPlanInput!) {
    returnFinancialPlan(input: $input) {
      ...FinancialPlanFields
    }
  }
`);

/** A finance officer records a month's forecast outturn for the year against the approved plan. */
export const RecordForecastOutturnMutation = graphql(`
  mutation RecordForecastOutturn($input: RecordForecastOutturnInput!) {
    recordForecastOutturn(input: $input) {
      ...FinancialPlanFields
    }
  }
`);

/** An NHS England assessor records an approved exception to one of the year's rules for this plan. */
export const RecordPlanFlexMutation = graphql(`
  mutation RecordPlanFlex($input: RecordPlanFlexInput!) {
    recordPlanFlex(input: $input) {
      ...FinancialPlanFields
    }
  }
`);

/** An NHS England assessor sets the adverse variance, as a percentage of allocation, that raises a financial warning. */
export const SetForecastWarningThresholdMutation = graphql(`
  mutation SetForecastWarningThreshold($input: SetForecastWarningThresholdInput!) {
    setForecastWarningThreshold(input: $input) {
      ...FinancialPlanFields
    }
  }
`);
