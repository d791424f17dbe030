import { DomainError } from '../errors';
import type { AssuranceCategory } from './assurance-categories';

/**
 * Buddying: a CCG rated Limited assurance (requires improvement) may be paired with a strong CCG as a source
 * of support for its improvement plan [seed 003: Limited assurance, "possibly buddied with a strong CCG";
 * DOMAIN.md "Assurance framework"]. Only a CCG whose latest published category is Limited assurance is
 * buddied, and never with itself. Throws BUDDY_IS_SAME_CCG or BUDDY_ONLY_FOR_LIMITED_ASSURANCE.
 */
export function assertBuddyingApplies(input: { ccg: string; buddyCcg: string; latestCategory: AssuranceCategory | null }): void {
  const { ccg, buddyCcg, latestCategory } = input;
  if (buddyCcg === ccg) throw new DomainError('BUDDY_IS_SAME_CCG', 'A CCG cannot be its own buddy.', { ccg });
  if (latestCategory !== 'LIMITED_ASSURANCE') {
    throw new DomainError(
      'BUDDY_ONLY_FOR_LIMITED_ASSURANCE',
      `Buddying supports a Limited-assurance CCG; ${ccg}'s latest published category is ${latestCategory ?? 'none'}.`,
      { ccg, currentCategory: latestCategory },
    );
  }
}
