/**
 * Silences `console.error` for each test of the calling `describe`: React reports what an error boundary caught to the
 * console, and these tests cause it on purpose.
 */
export function quietConsoleErrors(): void {
  let consoleError: typeof console.error;
  beforeEach(() => {
    consoleError = console.error;
    console.error = () => undefined;
  });
  afterEach(() => {
    console.error = consoleError;
  });
}
