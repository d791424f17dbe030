import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read out or copied: no 0/O, 1/I/L, 5/S. */
export const ONE_TIME_PASSWORD_ALPHABET = 'ABCDEFGHJKMNPQRTUVWXYZ2346789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/**
 * A one-time password: four groups of four characters from an unambiguous alphabet of 29, drawn with the
 * operating system's cryptographic randomness (29^16, about 2^77 possibilities), for example `K7QM-3HXA-9TWD-PC4R`.
 * It is shown once to the administrator and stored only as an argon2 hash.
 */
export function generateOneTimePassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < GROUPS; group++) {
    let text = '';
    for (let i = 0; i < GROUP_LENGTH; i++) text += ONE_TIME_PASSWORD_ALPHABET[randomInt(ONE_TIME_PASSWORD_ALPHABET.length)];
    groups.push(text);
  }
  return groups.join('-');
}
