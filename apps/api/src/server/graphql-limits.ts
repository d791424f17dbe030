import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { AppError } from './app-error';

/**
 * What one GraphQL document may ask for (docs/decisions/0016-graphql-limits.md). The web app's heaviest
 * operation is measured by graphql-limits.spec.ts, which fails when any operation it sends comes near these.
 */
export const GRAPHQL_LIMITS = {
  /** Nesting of selections, fragments counted where they are spread; the web app's deepest operation is 7. */
  maxDepth: 12,
  /** Aliased fields in one operation; the web app uses none. */
  maxAliases: 15,
  /** Lexical tokens in the document, counted while parsing (a 1 MB document stops at the limit). */
  maxTokens: 5000,
  /** graphql-armor's cost (objects 2, scalars 1, each level x1.5, lists x a literal `first`); the web app's heaviest is 3250. */
  maxCost: 10000,
  /** Bytes of a JSON request to /graphql. */
  maxBodyBytes: 1024 * 1024,
} as const;

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

type Limit = 'depth' | 'aliases' | 'cost' | 'tokens';

const tooComplex = (limit: Limit, max: number, message: string) =>
  new AppError('BAD_USER_INPUT', QUERY_TOO_COMPLEX, `The query is too complex: ${message}`, { limit, max });

/** graphql-armor reports through this: a validation error carrying the AppError, so format-error.ts keeps its reason. */
const reportAs = (limit: Limit, max: number) => (context: ValidationContext | null, error: GraphQLError) => {
  const reason = error.message.replace(/^Syntax Error: /, '');
  context?.reportError(new GraphQLError(reason, { originalError: tooComplex(limit, max, reason) }));
};

/** Depth, alias and cost rules and the plugin that masks "Did you mean ..." suggestions. */
export function graphqlLimits(): { validationRules: ValidationRule[]; plugins: ApolloServerPlugin[]; parseOptions: ParseOptions } {
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: [reportAs('depth', GRAPHQL_LIMITS.maxDepth)] },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, propagateOnRejection: false, onReject: [reportAs('aliases', GRAPHQL_LIMITS.maxAliases)] },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, flattenFragments: true, propagateOnRejection: false, onReject: [reportAs('cost', GRAPHQL_LIMITS.maxCost)] },
    // Tokens are limited by graphql-js's own parser (parseOptions below), which throws a syntax error before
    // any document is built; armor's token plugin would parse the document a second time.
    maxTokens: { enabled: false },
    // Directives are bounded by the token limit.
    maxDirectives: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    validationRules: armor.validationRules as ValidationRule[],
    plugins: armor.plugins as ApolloServerPlugin[],
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
  };
}

/** graphql-js's message when `parseOptions.maxTokens` stops a document (16.x writes "more that"). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/** The token limit's syntax error as the one QUERY_TOO_COMPLEX refusal, or null for any other error. */
export function tokenLimitError(message: string): AppError | null {
  const match = TOKEN_LIMIT.exec(message);
  return match ? tooComplex('tokens', Number(match[1]), `it has more than ${match[1]} tokens.`) : null;
}
