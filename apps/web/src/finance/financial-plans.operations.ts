import { graphql } from '../gql';

/** A person who changed a plan: who started, changed, submitted or decided a version, or approved a flex. */
export const PlanActorFieldsFragment = graphql(`
  fragment PlanActorFields on PlanActor {
    username
    displayName
  }
`);

/** One rule's result: its percentage, the amount required and planned, the shortfall, and any flex applied. */
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

/** A plan's compliance as the API computes it: the same fields the what-if check compares, to the penny. */
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

/** One version of a plan: its figures, their compliance, and who moved it on when. */
export const FinancialPlanVersionFieldsFragment = graphql(`
  fragment FinancialPlanVersionFields on FinancialPlanVersion {
    number
    status
    allocation
    lines {
      category
      amount
    }
    priorYearRunningCosts
    betterCareFundMinimum
    compliance {
      ...PlanComplianceFields
    }
    createdBy {
      ...PlanActorFields
    }
    createdAt
    updatedBy {
      ...PlanActorFields
    }
    updatedAt
    submittedBy {
      ...PlanActorFields
    }
    submittedAt
    decidedBy {
      ...PlanActorFields
    }
    decidedAt
    returnReason
  }
`);

/** An approved exception to one of the year's rules for the plan; superseded by a later flex of the same rule. */
export const PlanFlexFieldsFragment = graphql(`
  fragment PlanFlexFields on PlanFlex {
    id
    rule
    percentage
    reason
    approvedBy {
      ...PlanActorFields
    }
    approvedOn
    recordedAt
    supersededAt
  }
`);

/** One month's forecast outturn against the approved plan, with the variance and warning the API works out. */
export const ForecastOutturnFieldsFragment = graphql(`
  fragment ForecastOutturnFields on ForecastOutturn {
    month
    forecastOutturn
    plannedSpend
    variance
    warningThreshold
    warning
    recordedAt
  }
`);

/** The financial warning the latest forecast raised. */
export const FinancialWarningFieldsFragment = graphql(`
  fragment FinancialWarningFields on FinancialWarning {
    month
    adverseVariance
    threshold
    thresholdPercent
  }
`);

/**
 * Everything the plan editor shows: the latest version, every version for the history, flexes and
 * forecasts, and what the signed-in viewer may do to the plan now (its lifecycle's available actions).
 */
export const FinancialPlanFieldsFragment = graphql(`
  fragment FinancialPlanFields on FinancialPlan {
    id
    ccg {
      code
      name
    }
    financialYear
    status
    availableActions
    compliant
    version
    illustrative
    illustrativeNote
    latestVersion {
      ...FinancialPlanVersionFields
    }
    versions {
      ...FinancialPlanVersionFields
    }
    flexes {
      ...PlanFlexFields
    }
    forecasts {
      ...ForecastOutturnFields
    }
    forecastWarningThresholdPercent
    financialWarning {
      ...FinancialWarningFields
    }
    updatedAt
  }
`);

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
    organisations(filter: { type: REGION }, first: 200) {
      edges {
        node {
          code
          name
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
