/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A CCG's financial plan for one year, to check against that year's planning rules. */
export type FinancialPlanInput = {
  /** The CCG's total allocation for the year; more than zero. */
  allocation: string;
  /** The CCG's nationally set minimum contribution to the Better Care Fund; needed when the year has a BETTER_CARE_FUND rule. */
  betterCareFundMinimum?: string | null | undefined;
  /** The financial year, as the NHS writes it, for example "2014/15"; financialRuleSets lists the years with rules. */
  financialYear: string;
  /** Approved flexes of the year’s rules, at most one a rule. */
  flexes?: Array<PlanFlexInput> | null | undefined;
  /** The plan's lines, at most 200. Categories with no line count as zero. */
  lines: Array<PlanLineInput>;
  /** The prior year's running costs; needed when the year has a RUNNING_COSTS rule. */
  priorYearRunningCosts?: string | null | undefined;
};

/** A financial planning rule. Which rules apply, and with which percentage, depends on the financial year (see financialRuleSets). */
export type FinancialRule =
  /** Better Care Fund contribution of at least the percentage (100% by the rule) of the CCG's nationally set minimum. */
  | 'BETTER_CARE_FUND'
  /** Contingency reserve of at least the percentage of allocation. */
  | 'CONTINGENCY'
  /** Fund for non-recurrent (transformational) spending of at least the percentage of allocation. */
  | 'NON_RECURRENT_FUND'
  /** Running costs at most the prior year's reduced by the percentage (10% by the rule: a cap of 90%). */
  | 'RUNNING_COSTS'
  /** Planned surplus (allocation less all plan lines) of at least the percentage of allocation. */
  | 'SURPLUS';

/** The category of a line of a CCG's financial plan: a programme area, running costs, the Better Care Fund, or one of the two reserves. */
export type PlanCategory =
  /** Acute: hospital services (elective and non-elective admissions, outpatients, A&E). */
  | 'ACUTE'
  /** The CCG's contribution to the Better Care Fund, pooled with the local authority. */
  | 'BETTER_CARE_FUND'
  /** Community health services. */
  | 'COMMUNITY'
  /** Contingency reserve held against in-year risk. */
  | 'CONTINGENCY'
  /** Continuing care: NHS continuing healthcare and funded nursing care. */
  | 'CONTINUING_CARE'
  /** Mental health services. */
  | 'MENTAL_HEALTH'
  /** Non-recurrent fund: money set aside for non-recurrent (transformational) spending only. */
  | 'NON_RECURRENT_FUND'
  /** Other programme spending not in the areas above. */
  | 'OTHER_PROGRAMME'
  /** Prescribing: primary care drugs. */
  | 'PRESCRIBING'
  /** Primary care commissioned by the CCG. */
  | 'PRIMARY_CARE'
  /** Running costs: the CCG's own administration. */
  | 'RUNNING_COSTS';

/** An approved exception to one of the year's rules for this plan: it replaces the rule's percentage, and the result says it was applied. */
export type PlanFlexInput = {
  /** The percentage that replaces the rule's (see financialRuleSets), from 0 to 100. For RUNNING_COSTS it is the required reduction; for BETTER_CARE_FUND the share of the minimum contribution required. */
  percentage: unknown;
  /** Why the flex was approved, and by whom; required. */
  reason: string;
  /** The rule flexed; it must be one of the year’s rules, flexed at most once. */
  rule: FinancialRule;
};

/** One line of a financial plan: an amount planned in one category. A category may have several lines; they are added up. */
export type PlanLineInput = {
  /** The amount planned, in pounds; not negative. */
  amount: string;
  /** The category of the line. */
  category: PlanCategory;
};

/** A role a user holds for one organisation. */
export type Role =
  /** A system administrator: manages users and reads the audit trail. */
  | 'ADMIN'
  /** A performance or business-intelligence analyst: loads national data returns. */
  | 'ANALYST'
  /** An NHS England assessor: rates CCGs and runs special measures. */
  | 'ASSESSOR'
  /** A governing body or board member: signs off performance reports. */
  | 'BOARD_MEMBER'
  /** A commissioning manager or contract lead: manages provider performance. */
  | 'COMMISSIONING_MANAGER'
  /** A CCG finance officer: prepares and submits the CCG's financial plans. */
  | 'FINANCE_OFFICER';

/** Credentials to sign in with. */
export type SignInInput = {
  /** Password. */
  password: string;
  /** Username, for example demo-commissioning-manager. */
  username: string;
};

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { me: { id: string, username: string, displayName: string, roles: Array<{ role: Role, organisation: { code: string, name: string } }> } | null };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { id: string } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type EvaluatePlanComplianceQueryVariables = Exact<{
  input: FinancialPlanInput;
}>;


export type EvaluatePlanComplianceQuery = { evaluatePlanCompliance: { financialYear: string, compliant: boolean, plannedSpend: string, plannedSurplus: string, qippRequirement: string, qippPercentOfAllocation: string, rules: Array<{ rule: FinancialRule, percentage: unknown, required: string, planned: string, shortfall: string, met: boolean, flexApplied: boolean, flexReason: string | null }> } };

export type ProvidersQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProvidersQuery = { organisations: { totalCount: number, edges: Array<{ cursor: string, node: { code: string, name: string, openDate: string | null, closeDate: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };


export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const EvaluatePlanComplianceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvaluatePlanCompliance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FinancialPlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluatePlanCompliance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"financialYear"}},{"kind":"Field","name":{"kind":"Name","value":"compliant"}},{"kind":"Field","name":{"kind":"Name","value":"plannedSpend"}},{"kind":"Field","name":{"kind":"Name","value":"plannedSurplus"}},{"kind":"Field","name":{"kind":"Name","value":"qippRequirement"}},{"kind":"Field","name":{"kind":"Name","value":"qippPercentOfAllocation"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"shortfall"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"flexApplied"}},{"kind":"Field","name":{"kind":"Name","value":"flexReason"}}]}}]}}]}}]} as unknown as DocumentNode<EvaluatePlanComplianceQuery, EvaluatePlanComplianceQueryVariables>;
export const ProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Providers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"type"},"value":{"kind":"EnumValue","value":"NHS_TRUST"}},{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"openDate"}},{"kind":"Field","name":{"kind":"Name","value":"closeDate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ProvidersQuery, ProvidersQueryVariables>;