import { ASSESSMENT_TRANSITIONS, applyAssessmentAction, availableAssessmentActions, DomainError, type AssessmentActionType, type AssessmentActorKind, type AssessmentState } from '@ccg-assure/domain';
import { Role } from '../auth/role';
import { hasAnyRole, type Viewer } from '../auth/viewer';
import { AppError, forbidden, unauthenticated } from '../server/app-error';

// Object-level rules for assurance (docs/decisions/0003: @Access on the resolver says which roles may call a
// field at all; these say whose assurance). Issue 7: only NHS England assessors rate, decide, publish and run
// special measures; a CCG's own users (any role held for that CCG) read its assessments, drafts too, and
// respond with comments; everyone else, signed in or not, reads published assessments only. Who may move an
// assessment is the domain's assessment lifecycle (ASSESSMENT_TRANSITIONS); this file says which of its actor
// kinds a viewer holds.

export const isAssessor = (viewer: Viewer | null): boolean => viewer !== null && hasAnyRole(viewer, [Role.ASSESSOR]);

/** One of the CCG's own users: holds any role for that CCG. */
const isOwnUserOf = (viewer: Viewer | null, ccgCode: string): boolean => viewer !== null && viewer.roles.some((assignment) => assignment.organisationCode === ccgCode);

/** Drafts, comments and the full special measures record: assessors and the CCG's own users. */
export const canReadDraftsOf = (viewer: Viewer | null, ccgCode: string): boolean => isAssessor(viewer) || isOwnUserOf(viewer, ccgCode);

const notYourCcg = (ccgCode: string) => new AppError('FORBIDDEN', 'NOT_YOUR_CCG', `Your roles do not cover the assurance of CCG ${ccgCode}; its published assurance is public.`, { ccg: ccgCode });

/** A draft: UNAUTHENTICATED for the public, FORBIDDEN NOT_YOUR_CCG for other signed-in users. */
export function assertCanReadDraftsOf(viewer: Viewer | null, ccgCode: string): void {
  if (canReadDraftsOf(viewer, ccgCode)) return;
  if (viewer === null) throw unauthenticated('Sign in to read an assessment that is not yet published.');
  throw notYourCcg(ccgCode);
}

export function assertAssessor(viewer: Viewer): void {
  if (!isAssessor(viewer)) throw forbidden('Only NHS England assessors do this.');
}

/** The lifecycle's actor kinds the viewer holds for an assessment of the CCG (none for the public). */
export function assessmentActorKinds(viewer: Viewer | null, ccgCode: string): AssessmentActorKind[] {
  return [...(isAssessor(viewer) ? (['ASSESSOR'] as const) : []), ...(isOwnUserOf(viewer, ccgCode) ? (['CCG_USER'] as const) : [])];
}

/** The actions the viewer may take now on an assessment of the CCG in `status` (the lifecycle's availableAssessmentActions). */
export const assessmentActionsFor = (viewer: Viewer | null, assessment: { ccgCode: string; status: AssessmentState }): AssessmentActionType[] =>
  availableAssessmentActions(assessment.status, assessmentActorKinds(viewer, assessment.ccgCode));

const refusalOf = (action: AssessmentActionType, ccgCode: string) => (action === 'COMMENT' ? notYourCcg(ccgCode) : forbidden('Only NHS England assessors do this.'));

/**
 * Before anything is read, for an action only assessors may take in the lifecycle (every action but COMMENT):
 * FORBIDDEN for anyone else, whatever the assessment's state.
 */
export function assertMayTakeAssessmentAction(viewer: Viewer, action: AssessmentActionType): void {
  const actors = ASSESSMENT_TRANSITIONS.filter((move) => move.action === action).flatMap((move) => move.actors);
  if (actors.every((actor) => actor === 'ASSESSOR') && !isAssessor(viewer)) throw forbidden('Only NHS England assessors do this.');
}

/**
 * The lifecycle's move for `action` on an assessment in `status` (null: the quarter is not assessed yet), by the
 * viewer: the state it moves to. Refusals keep the API's codes: CONFLICT ASSESSMENT_PUBLISHED for a change to a
 * published assessment (the table has no such move), FORBIDDEN for a viewer whose actor kinds may not make it.
 */
export function moveAssessment(viewer: Viewer, assessment: { id: string; ccgCode: string; status: AssessmentState } | { id: null; ccgCode: string; status: null }, action: AssessmentActionType): AssessmentState {
  try {
    return applyAssessmentAction(assessment.status, { type: action }, assessmentActorKinds(viewer, assessment.ccgCode));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'ACTION_NOT_PERMITTED') throw refusalOf(action, assessment.ccgCode);
    if (error.code === 'INVALID_TRANSITION' && assessment.status === 'PUBLISHED') {
      throw new AppError('CONFLICT', 'ASSESSMENT_PUBLISHED', 'The assessment is published: it is read-only.', { assessmentId: assessment.id, status: assessment.status, ...error.details });
    }
    throw new AppError('CONFLICT', error.code, error.message, { assessmentId: assessment.id, ...error.details });
  }
}
