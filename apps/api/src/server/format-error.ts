import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError } from '@ccg-assure/domain';
import { AppError } from './app-error';
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
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, reason: original.reason, ...detailsOf(original.details) } };
  }
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT', reason: original.code, ...detailsOf(original.details) } };
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
    return { ...base, extensions: { code } };
  }
  logger.error('unexpected error', { requestId, error: original, path: formatted.path });
  return {
    ...base,
    message: `Something went wrong on our side. Quote reference ${requestId ?? 'unknown'} if you report it.`,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

function detailsOf(details: Record<string, unknown> | undefined) {
  return details ? { details } : {};
}
