import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError } from '@ccg-assure/domain';
import { AppError } from './app-error';
import { tokenLimitError } from './graphql-limits';
import type { Logger } from './logger';

/** Codes Apollo Server itself produces for malformed requests; passed through unchanged. */
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one place that turns thrown errors into what a client sees: expected errors keep their
 * stable code and reason; anything unexpected is logged with the request id and masked.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, logger: Logger, requestId?: string): GraphQLFormattedError {
  const unwrapped = unwrap(error);
  const { wrapped } = unwrapped;
  // graphql-js's token limit is a syntax error; it is the same refusal as the other limits.
  const original = (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && tokenLimitError(formatted.message)) || unwrapped.original;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  // A scalar's parse error arrives wrapped twice by graphql-js; its wrapper's message says which
  // variable and field held the bad value ("... at "input.allocation"; ..."), so it is kept.
  const message = (own: string) => (wrapped ? formatted.message : own);

  if (original instanceof AppError) {
    return { ...base, message: message(original.message), extensions: { code: original.code, reason: original.reason, ...detailsOf(original.details) } };
  }
  if (original instanceof DomainError) {
    return { ...base, message: message(original.message), extensions: { code: 'BAD_USER_INPUT', reason: original.code, ...detailsOf(original.details) } };
  }
  if (original instanceof ArgumentValidationError) {
    const fields = original.extensions.validationErrors as { property: string; constraints?: Record<string, string> }[] | undefined;
    return {
      ...base,
      message: 'Some of the values given are not valid.',
      extensions: {
        code: 'BAD_USER_INPUT',
        reason: 'VALIDATION_FAILED',
        fields: (fields ?? []).map((field) => ({ field: field.property, problems: Object.values(field.constraints ?? {}) })),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && requestErrorCodes.has(code)) {
    // No "Did you mean ...?" hints: they would map the schema for a stranger (graphql-armor masks them too).
    return { ...base, message: base.message.replace(/ ?Did you mean .*\?/g, ''), extensions: { code } };
  }
  logger.error('unexpected error', { requestId, error: original, path: formatted.path });
  return {
    ...base,
    message: `Something went wrong on our side. Quote reference ${requestId ?? 'unknown'} if you report it.`,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

/**
 * The error first thrown: resolvers' errors are wrapped in one GraphQLError, but a custom scalar's parse
 * error in a variable is wrapped in two (coerceInputValue, then getVariableValues), so follow the chain.
 */
function unwrap(error: unknown): { original: unknown; wrapped: boolean } {
  let original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  let wrapped = false;
  for (let depth = 0; depth < 5 && original instanceof GraphQLError && original.originalError; depth++) {
    original = original.originalError;
    wrapped = true;
  }
  return { original, wrapped };
}

/**
 * Details as thrown, with one shape for the input they concern: `details.fields`, the input field ids, so a
 * client never branches on label or message text. A refusal that names a single `field` gets `fields` too.
 */
function detailsOf(details: Record<string, unknown> | undefined) {
  if (!details) return {};
  const { field, fields } = details;
  if (fields === undefined && typeof field === 'string') return { details: { ...details, fields: [field] } };
  return { details };
}
