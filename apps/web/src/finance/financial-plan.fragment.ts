import { graphql } from '../gql';
import type { FinancialPlanFieldsFragment as FinancialPlanFields, FinancialPlanVersionFieldsFragment as FinancialPlanVersionFields } from '../gql/graphql';

/**
 * A person who changed a plan: who started, changed, submitted or decided a version, or approved a flex.
 * @public Spread by name in the operations; codegen reads it, no module imports the document.
 */
export const PlanActorFieldsFragment = graphql(`
  fragment PlanActorFields on PlanActor {
    username
    displayName
  }
`);

/**
 * One version of a plan: its figures, their compliance, and who moved it on when.
 * @public Spread by name in the operations; codegen reads it, no module imports the document.
 */
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

/**
 * An approved exception to one of the year's rules for the plan; superseded by a later flex of the same rule.
 * @public Spread by name in the operations; codegen reads it, no module imports the document.
 */
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

/**
 * One month's forecast outturn against the approved plan, with the variance and warning the API works out.
 * @public Spread by name in the operations; codegen reads it, no module imports the document.
 */
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

/**
 * The financial warning the latest forecast raised.
 * @public Spread by name in the operations; codegen reads it, no module imports the document.
 */
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
 * @public Spread by name in the operations; codegen reads it, no module imports the document.
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

/** A plan as the API last answered it (the FinancialPlanFields fragment). */
export type StoredPlan = FinancialPlanFields;

/** One version of a stored plan (the FinancialPlanVersionFields fragment). */
export type StoredVersion = FinancialPlanVersionFields;
