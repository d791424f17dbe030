import { CombinedGraphQLErrors } from '@apollo/client';

/** The stable codes the API puts in `extensions.code` and `extensions.reason` (never branch on messages). */
export interface ErrorCodes {
  code: string | null;
  reason: string | null;
  requestId: string | null;
  /** `extensions.details` as the API sent it (for example `fields`, the input field ids a refusal concerns). */
  details: Record<string, unknown> | null;
}

export function errorCodes(error: unknown): ErrorCodes {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
    return {
      code: typeof extensions.code === 'string' ? extensions.code : null,
      reason: typeof extensions.reason === 'string' ? extensions.reason : null,
      requestId: typeof extensions.requestId === 'string' ? extensions.requestId : null,
      details: typeof extensions.details === 'object' && extensions.details !== null ? (extensions.details as Record<string, unknown>) : null,
    };
  }
  return { code: null, reason: null, requestId: null, details: null };
}

/** A sentence for a person, chosen by code. */
export function describeError(error: unknown): string {
  const { code, requestId } = errorCodes(error);
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'You need to sign in again.';
    case 'FORBIDDEN':
      return 'Your role does not allow this.';
    case 'NOT_FOUND':
      return 'It was not found.';
    case 'BAD_USER_INPUT':
      return 'Some of what was entered is not valid.';
    case 'CONFLICT':
      return 'Someone else changed this in the meantime. Reload and try again.';
    case null:
      return 'The service could not be reached. Check your connection and try again.';
    default:
      return `Something went wrong on our side.${requestId ? ` Quote reference ${requestId} if you report it.` : ''}`;
  }
}
