import { generateOneTimePassword, ONE_TIME_PASSWORD_ALPHABET } from './one-time-password';
import { isCommonPassword } from './common-passwords';

describe('one-time passwords', () => {
  it('are four groups of four unambiguous characters', () => {
    for (let i = 0; i < 200; i++) {
      const password = generateOneTimePassword();
      expect(password).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      for (const character of password.replaceAll('-', '')) expect(ONE_TIME_PASSWORD_ALPHABET).toContain(character);
    }
  });

  it('leave out characters that are easily confused', () => {
    for (const confusable of ['0', 'O', '1', 'I', 'L', '5', 'S']) expect(ONE_TIME_PASSWORD_ALPHABET).not.toContain(confusable);
  });

  it('do not repeat (1,000 drawn, all different)', () => {
    const drawn = new Set(Array.from({ length: 1000 }, generateOneTimePassword));
    expect(drawn.size).toBe(1000);
  });
});

describe('the common-password list (decision 0020)', () => {
  it.each(['password', 'PASSWORD', 'qwerty', '123456789012', 'passwordpassword'])('lists %j, whatever its case', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(['oxen quietly juggle lamps', 'password1!x', 'K7QM-3HXA-9TWD-PC4R'])('does not list %j', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});
