import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../ui/loading';
import { useViewer } from './viewer';

/** Pages for signed-in users: anyone else is sent to sign in and brought back afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { viewer, loading } = useViewer();
  const location = useLocation();
  if (loading) return <Loading label="Checking your sign-in" />;
  if (!viewer) {
    const returnTo = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  return children;
}
