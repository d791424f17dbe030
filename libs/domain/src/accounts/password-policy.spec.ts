import { domainErrorOf } from '../testing/domain-error-of';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems, requireAcceptablePassword } from './password-policy';

const COMMON = new Set(['passwordpassword', '123456789012']);
const context = { username: 'jo.bloggs', isCommon: (password: string) => COMMON.has(password.toLowerCase()) };

describe('password policy', () => {
  it.each([
    ['a passphrase of four words', 'oxen quietly juggle lamps', []],
    ['exactly 12 characters', 'a'.repeat(11) + 'b', []],
    ['11 characters', 'abcdefghijk', ['PASSWORD_TOO_SHORT']],
    ['empty', '', ['PASSWORD_TOO_SHORT']],
    ['exactly 128 characters', 'x'.repeat(PASSWORD_MAX_LENGTH), []],
    ['129 characters', 'x'.repeat(PASSWORD_MAX_LENGTH + 1), ['PASSWORD_TOO_LONG']],
    ['the username inside', 'my-jo.bloggs-password', ['PASSWORD_CONTAINS_USERNAME']],
    ['the username in other case', 'JO.BLOGGS is here now', ['PASSWORD_CONTAINS_USERNAME']],
    ['a common password', 'passwordpassword', ['PASSWORD_TOO_COMMON']],
    ['a common password in capitals (case-insensitive)', 'PasswordPassword', ['PASSWORD_TOO_COMMON']],
    ['short and the username', 'jo.bloggs1', ['PASSWORD_TOO_SHORT', 'PASSWORD_CONTAINS_USERNAME']],
  ])('%s: %j', (_name, password, expected) => {
    expect(passwordProblems(password, context)).toEqual(expected);
  });

  it('counts characters, not UTF-16 units: 12 emoji are 12 characters, 11 are too few', () => {
    expect(passwordProblems('🐴'.repeat(PASSWORD_MIN_LENGTH), context)).toEqual([]);
    expect(passwordProblems('🐴'.repeat(PASSWORD_MIN_LENGTH - 1), context)).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it('throws the first problem with the field and every problem found', () => {
    const error = domainErrorOf(() => requireAcceptablePassword('jo.bloggs1', context));
    expect(error.code).toBe('PASSWORD_TOO_SHORT');
    expect(error.details).toEqual({ fields: ['newPassword'], problems: ['PASSWORD_TOO_SHORT', 'PASSWORD_CONTAINS_USERNAME'] });
    expect(domainErrorOf(() => requireAcceptablePassword('passwordpassword', context, 'password')).details).toMatchObject({ fields: ['password'] });
  });

  it('accepts an acceptable password without throwing', () => {
    expect(() => requireAcceptablePassword('oxen quietly juggle lamps', context)).not.toThrow();
  });
});
