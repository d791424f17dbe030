import { DomainError } from '../errors';

/**
 * The password policy (issue 14; NCSC "Password administration for system owners", 2018; NIST SP 800-63B
 * 5.1.1.2): length rather than composition rules, no expiry, and a block list. A new password must be 12 to 128
 * characters (counted as Unicode code points), must not contain the username (case-insensitively) and must not be
 * a common password. The list of common passwords is the caller's (decision 0020): the domain takes a predicate.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_PROBLEMS = ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG', 'PASSWORD_CONTAINS_USERNAME', 'PASSWORD_TOO_COMMON'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

export interface PasswordContext {
  /** The account's username. */
  readonly username: string;
  /** Whether the password is on the list of common passwords (the API's list, case-insensitive exact match). */
  readonly isCommon: (password: string) => boolean;
}

/** Every way `password` breaks the policy, in the order of `PASSWORD_PROBLEMS`; empty when it is acceptable. */
export function passwordProblems(password: string, context: PasswordContext): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('PASSWORD_TOO_SHORT');
  if (length > PASSWORD_MAX_LENGTH) problems.push('PASSWORD_TOO_LONG');
  const username = context.username.trim().toLowerCase();
  if (username !== '' && password.toLowerCase().includes(username)) problems.push('PASSWORD_CONTAINS_USERNAME');
  if (context.isCommon(password)) problems.push('PASSWORD_TOO_COMMON');
  return problems;
}

const MESSAGES: Record<PasswordProblem, string> = {
  PASSWORD_TOO_SHORT: `The password must have at least ${PASSWORD_MIN_LENGTH} characters. A few words together make a long password that is easy to remember.`,
  PASSWORD_TOO_LONG: `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`,
  PASSWORD_CONTAINS_USERNAME: 'The password must not contain your username.',
  PASSWORD_TOO_COMMON: 'This password is one of the most common passwords, so it is easy to guess. Choose another.',
};

/**
 * Throws the first problem as a DomainError (code: the problem; details: fields [field], problems: every
 * problem found) unless the password is acceptable.
 */
export function requireAcceptablePassword(password: string, context: PasswordContext, field = 'newPassword'): void {
  const problems = passwordProblems(password, context);
  if (problems.length > 0) throw new DomainError(problems[0], MESSAGES[problems[0]], { fields: [field], problems });
}
