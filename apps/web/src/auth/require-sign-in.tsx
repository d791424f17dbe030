import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../ui/loading';
import { useViewer } from './viewer';

/** Where a user who signed in with a one-time password changes it; the one signed-in page open to them. */
export const CHANGE_PASSWORD_PATH = '/account/password';

/**
 * Pages for signed-in users: anyone else is sent to sign in and brought back afterwards. A user who signed in
 * with a one-time password is sent to change it first (the API refuses them everything else), then brought back.
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { viewer, loading } = useViewer();
  const location = useLocation();
  if (loading) return <Loading label="Checking your sign-in" />;
  const returnTo = `${location.pathname}${location.search}${location.hash}`;
  if (!viewer) return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  if (viewer.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={`${CHANGE_PASSWORD_PATH}?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  return children;
}
