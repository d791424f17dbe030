/** The public error codes a client may branch on (`extensions.code`). */
export type PublicErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

/**
 * An expected failure of a use case: carries a public code and a stable, finer `reason`
 * (for example `INVALID_CREDENTIALS`). Thrown by services and resolvers; mapped to the
 * response in one place (`format-error.ts`).
 */
export class AppError extends Error {
  constructor(
    readonly code: PublicErrorCode,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'You need to sign in to do this.') =>
  new AppError('UNAUTHENTICATED', 'SIGN_IN_REQUIRED', message);

export const forbidden = (message = 'Your roles do not allow this.') => new AppError('FORBIDDEN', 'NOT_PERMITTED', message);
