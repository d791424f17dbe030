import { administersOrganisation, type AdministrationScope, type BoardMeetingActorKind, type EscalationItemActorKind } from '@ccg-assure/domain';
import type { Viewer } from '../auth/viewer';

// Who may see and act on boards and escalation items (issue 16 point 5; the design's "Access"). Nothing is public.
// Read: anyone with a role at the CCG, and NHS England's administrators. Raise: a role at the CCG. Act at a board:
// its members (its chair for decisions, off-route moves, closing and reopening). Configure boards, members and routes:
// an administrator who administers the CCG (the accounts area's rule: NHS England's, or the CCG's own).

/** The viewer holds some role at the CCG. */
export const holdsRoleAt = (viewer: Viewer | null, ccgCode: string): boolean => viewer?.roles.some((assignment) => assignment.organisationCode === ccgCode) ?? false;

/** The viewer may read the CCG's boards and items: a role at the CCG, or an administrator of every organisation. */
export const mayReadCcg = (viewer: Viewer | null, scope: AdministrationScope, ccgCode: string): boolean => holdsRoleAt(viewer, ccgCode) || scope.everyone;

/** The viewer may configure the CCG's boards, members and routes. */
export const mayConfigureCcg = (scope: AdministrationScope, ccgCode: string): boolean => administersOrganisation(scope, ccgCode);

/** A board's membership as the checks need it. */
export interface Membership {
  memberIds: readonly string[];
  chairId: string | null;
}

/** The item lifecycle's actor kinds the viewer holds for an item at a board. */
export function itemActorKinds(viewer: Viewer | null, item: { ccgCode: string; ownerUserId: string }, board: Membership): EscalationItemActorKind[] {
  if (!viewer) return [];
  const kinds: EscalationItemActorKind[] = [];
  if (holdsRoleAt(viewer, item.ccgCode)) kinds.push('CCG_STAFF');
  if (item.ownerUserId === viewer.userId) kinds.push('OWNER');
  if (board.memberIds.includes(viewer.userId)) kinds.push('BOARD_MEMBER');
  if (board.chairId === viewer.userId) kinds.push('BOARD_CHAIR');
  return kinds;
}

/** The meeting lifecycle's actor kinds the viewer holds at a board. */
export function meetingActorKinds(viewer: Viewer | null, board: Membership): BoardMeetingActorKind[] {
  if (!viewer) return [];
  const kinds: BoardMeetingActorKind[] = [];
  if (board.memberIds.includes(viewer.userId)) kinds.push('BOARD_MEMBER');
  if (board.chairId === viewer.userId) kinds.push('BOARD_CHAIR');
  return kinds;
}
