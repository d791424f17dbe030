/**
 * A broken rule or invalid input found by the domain library. `code` is stable
 * (SCREAMING_SNAKE_CASE) so that the API and the web app can branch on it.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
