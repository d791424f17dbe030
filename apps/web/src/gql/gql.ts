/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    me {\n      id\n      username\n      displayName\n      roles {\n        role\n        organisation {\n          code\n          name\n        }\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      id\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query EvaluatePlanCompliance($input: FinancialPlanInput!) {\n    evaluatePlanCompliance(input: $input) {\n      financialYear\n      compliant\n      plannedSpend\n      plannedSurplus\n      qippRequirement\n      qippPercentOfAllocation\n      rules {\n        rule\n        percentage\n        required\n        planned\n        shortfall\n        met\n        flexApplied\n        flexReason\n      }\n    }\n  }\n": typeof types.EvaluatePlanComplianceDocument,
    "\n  query Providers($search: String, $first: Int, $after: String) {\n    organisations(filter: { type: NHS_TRUST, search: $search }, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          code\n          name\n          openDate\n          closeDate\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ProvidersDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    me {\n      id\n      username\n      displayName\n      roles {\n        role\n        organisation {\n          code\n          name\n        }\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      id\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query EvaluatePlanCompliance($input: FinancialPlanInput!) {\n    evaluatePlanCompliance(input: $input) {\n      financialYear\n      compliant\n      plannedSpend\n      plannedSurplus\n      qippRequirement\n      qippPercentOfAllocation\n      rules {\n        rule\n        percentage\n        required\n        planned\n        shortfall\n        met\n        flexApplied\n        flexReason\n      }\n    }\n  }\n": types.EvaluatePlanComplianceDocument,
    "\n  query Providers($search: String, $first: Int, $after: String) {\n    organisations(filter: { type: NHS_TRUST, search: $search }, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          code\n          name\n          openDate\n          closeDate\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ProvidersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      username\n      displayName\n      roles {\n        role\n        organisation {\n          code\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      username\n      displayName\n      roles {\n        role\n        organisation {\n          code\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EvaluatePlanCompliance($input: FinancialPlanInput!) {\n    evaluatePlanCompliance(input: $input) {\n      financialYear\n      compliant\n      plannedSpend\n      plannedSurplus\n      qippRequirement\n      qippPercentOfAllocation\n      rules {\n        rule\n        percentage\n        required\n        planned\n        shortfall\n        met\n        flexApplied\n        flexReason\n      }\n    }\n  }\n"): (typeof documents)["\n  query EvaluatePlanCompliance($input: FinancialPlanInput!) {\n    evaluatePlanCompliance(input: $input) {\n      financialYear\n      compliant\n      plannedSpend\n      plannedSurplus\n      qippRequirement\n      qippPercentOfAllocation\n      rules {\n        rule\n        percentage\n        required\n        planned\n        shortfall\n        met\n        flexApplied\n        flexReason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Providers($search: String, $first: Int, $after: String) {\n    organisations(filter: { type: NHS_TRUST, search: $search }, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          code\n          name\n          openDate\n          closeDate\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Providers($search: String, $first: Int, $after: String) {\n    organisations(filter: { type: NHS_TRUST, search: $search }, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          code\n          name\n          openDate\n          closeDate\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;