import type { Role } from './role';

/** The signed-in user as the server knows them for one request. */
export interface Viewer {
  userId: string;
  username: string;
  displayName: string;
  /**
   * The account holds a one-time password: every root field but `me`, `changePassword` and `signOut` is refused
   * with PASSWORD_CHANGE_REQUIRED (access.ts). Absent means false.
   */
  mustChangePassword?: boolean;
  /** The session this request came with (absent outside a session, as in tests that build a viewer). */
  sessionId?: string;
  roles: { role: Role; organisationCode: string }[];
}

export function hasAnyRole(viewer: Viewer, roles: readonly Role[]): boolean {
  return viewer.roles.some((assignment) => roles.includes(assignment.role));
}

/** Organisations for which the viewer holds one of the roles: the basis of object-level checks. */
export function organisationsWithRole(viewer: Viewer, roles: readonly Role[]): string[] {
  return viewer.roles.filter((assignment) => roles.includes(assignment.role)).map((assignment) => assignment.organisationCode);
}
