import { Role } from '../auth/role';
import { hasAnyRole, type Viewer } from '../auth/viewer';
import { AppError, forbidden, unauthenticated } from '../server/app-error';

// Object-level rules for assurance (docs/decisions/0003: @Access on the resolver says which roles may call a
// field at all; these say whose assurance). Issue 7: only NHS England assessors rate, decide, publish and run
// special measures; a CCG's own users (any role held for that CCG) read its assessments, drafts too, and
// respond with comments; everyone else, signed in or not, reads published assessments only.

export const isAssessor = (viewer: Viewer | null): boolean => viewer !== null && hasAnyRole(viewer, [Role.ASSESSOR]);

/** One of the CCG's own users: holds any role for that CCG. */
export const isOwnUserOf = (viewer: Viewer | null, ccgCode: string): boolean => viewer !== null && viewer.roles.some((assignment) => assignment.organisationCode === ccgCode);

/** Drafts, comments and the full special measures record: assessors and the CCG's own users. */
export const canReadDraftsOf = (viewer: Viewer | null, ccgCode: string): boolean => isAssessor(viewer) || isOwnUserOf(viewer, ccgCode);

const notYourCcg = (ccgCode: string) => new AppError('FORBIDDEN', 'NOT_YOUR_CCG', `Your roles do not cover the assurance of CCG ${ccgCode}; its published assurance is public.`, { ccg: ccgCode });

/** A draft: UNAUTHENTICATED for the public, FORBIDDEN NOT_YOUR_CCG for other signed-in users. */
export function assertCanReadDraftsOf(viewer: Viewer | null, ccgCode: string): void {
  if (canReadDraftsOf(viewer, ccgCode)) return;
  if (viewer === null) throw unauthenticated('Sign in to read an assessment that is not yet published.');
  throw notYourCcg(ccgCode);
}

export function assertCanCommentOn(viewer: Viewer, ccgCode: string): void {
  if (!isOwnUserOf(viewer, ccgCode)) throw notYourCcg(ccgCode);
}

export function assertAssessor(viewer: Viewer): void {
  if (!isAssessor(viewer)) throw forbidden('Only NHS England assessors do this.');
}
