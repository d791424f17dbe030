import { DomainError } from '../errors';
import { assertBuddyingApplies } from './buddying';

const codeOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'NOT_A_DOMAIN_ERROR';
  }
};

describe('assertBuddyingApplies', () => {
  it.each([
    ['OUTSTANDING', 'BUDDY_ONLY_FOR_LIMITED_ASSURANCE'],
    ['GOOD', 'BUDDY_ONLY_FOR_LIMITED_ASSURANCE'],
    ['LIMITED_ASSURANCE', null],
    ['NOT_ASSURED', 'BUDDY_ONLY_FOR_LIMITED_ASSURANCE'],
  ] as const)('a CCG whose latest category is %s: %s', (latestCategory, expected) => {
    expect(codeOf(() => assertBuddyingApplies({ ccg: '02V', buddyCcg: '03C', latestCategory }))).toBe(expected);
  });

  it('refuses a CCG never assessed, and says so in the details', () => {
    expect(() => assertBuddyingApplies({ ccg: '02V', buddyCcg: '03C', latestCategory: null })).toThrow(
      expect.objectContaining({ code: 'BUDDY_ONLY_FOR_LIMITED_ASSURANCE', details: { ccg: '02V', currentCategory: null } }),
    );
  });

  it('refuses a CCG as its own buddy, whatever its category', () => {
    expect(codeOf(() => assertBuddyingApplies({ ccg: '02V', buddyCcg: '02V', latestCategory: 'LIMITED_ASSURANCE' }))).toBe('BUDDY_IS_SAME_CCG');
  });
});
