import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The common passwords a new password may not be (decision 0020): the ranked `passwords-common` list that
 * @zxcvbn-ts/language-common ships (about 49,000 entries, all lower case). Matched case-insensitively and
 * exactly: `Password1` is refused because `password1` is listed; `password1!` is not. The set is built on first
 * use, so a process that never checks a password never holds it.
 */
let common: ReadonlySet<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((entry) => String(entry).toLowerCase()));
  return common.has(password.toLowerCase());
}
