import { useApolloClient, useMutation } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isAdministrator } from '../admin/require-administrator';
import { ROLE_LABELS } from '../auth/role-labels';
import { useViewer, type Viewer } from '../auth/viewer';
import { mayReadContracts } from '../contracts/contract-access';
import { mayUseEscalation } from '../escalation/escalation-access';
import { SignOutMutation } from '../auth/viewer.operations';
import { mayImport } from '../imports/import-access';
import { mayUsePerformanceReports } from '../performance-reports/performance-report-access';
import { Footer, Header, HeaderAccount, HeaderAccountButton, HeaderAccountItem, HeaderAccountLink, HeaderNavigation, HeaderNavigationItem, SkipLink } from '../ui/nhs';

/** The areas of the product, in the order people meet them. */
export const AREAS = [
  { path: '/providers', label: 'Providers', public: true },
  { path: '/attention', label: 'What needs attention', public: false },
  { path: '/finance', label: 'Finance', public: false },
  { path: '/assurance', label: 'Assurance', public: false },
  { path: '/contracts', label: 'Contracts', public: false, forContractReaders: true },
  { path: '/escalation', label: 'Escalation', public: false, forEscalationUsers: true },
  { path: '/performance-reports', label: 'Performance reports', public: false, forReportUsers: true },
] as const;

type Area = (typeof AREAS)[number];

/** Whether the viewer sees an area: public ones for everyone, the rest once signed in, contracts for those who may read them, escalation for a CCG's staff and administrators, performance reports for a CCG's staff, board members and administrators. */
export function areaShown(area: Area, viewer: Viewer | null): boolean {
  if (!viewer) return area.public;
  if ('forEscalationUsers' in area) return mayUseEscalation(viewer);
  if ('forReportUsers' in area) return mayUsePerformanceReports(viewer);
  return !('forContractReaders' in area) || mayReadContracts(viewer);
}

export function Layout({ children }: { children: ReactNode }) {
  const { viewer, loading } = useViewer();
  const signedOut = !loading && !viewer;
  const location = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [signOut, { loading: signingOut }] = useMutation(SignOutMutation);

  async function handleSignOut() {
    try {
      await signOut();
    } finally {
      // To the sign-in page first, then forget the session's data: a navigation after the refetch would pull back
      // a visitor who has already moved on (to the public home, say).
      navigate('/sign-in', { replace: true });
      await client.clearStore();
      await client.refetchQueries({ include: 'active' });
    }
  }

  return (
    <>
      <SkipLink href="#maincontent" />
      <Header
        service={{ text: 'CCG Assure', href: '/' }}
        account={
          viewer ? (
            <HeaderAccount label="Your account">
              <HeaderAccountItem icon>{viewer.displayName}</HeaderAccountItem>
              {viewer.roles.map((assignment) => (
                <HeaderAccountItem key={`${assignment.role}-${assignment.organisation.code}`}>
                  {ROLE_LABELS[assignment.role]}, {assignment.organisation.name} ({assignment.organisation.code})
                </HeaderAccountItem>
              ))}
              <HeaderAccountItem>
                <HeaderAccountLink to="/account/password">Change your password</HeaderAccountLink>
              </HeaderAccountItem>
              <HeaderAccountItem>
                <HeaderAccountLink to="/account/sessions">Your sessions</HeaderAccountLink>
              </HeaderAccountItem>
              <HeaderAccountItem>
                <HeaderAccountButton onSubmit={() => void handleSignOut()} disabled={signingOut}>
                  Sign out
                </HeaderAccountButton>
              </HeaderAccountItem>
            </HeaderAccount>
          ) : signedOut && location.pathname !== '/sign-in' ? (
            <HeaderAccount label="Your account">
              <HeaderAccountItem>
                <HeaderAccountLink to="/sign-in">Sign in</HeaderAccountLink>
              </HeaderAccountItem>
            </HeaderAccount>
          ) : null
        }
        navigation={
          (viewer || signedOut) && (
            <HeaderNavigation label="Areas">
              {AREAS.filter((area) => areaShown(area, viewer)).map((area) => (
                <HeaderNavigationItem key={area.path} to={area.path} current={location.pathname === area.path} active={location.pathname.startsWith(`${area.path}/`)}>
                  {area.label}
                </HeaderNavigationItem>
              ))}
              {mayImport(viewer) && (
                <HeaderNavigationItem to="/imports" current={location.pathname === '/imports'} active={location.pathname.startsWith('/imports/')}>
                  Imports
                </HeaderNavigationItem>
              )}
              {isAdministrator(viewer) && (
                <HeaderNavigationItem to="/admin/users" current={location.pathname === '/admin/users'} active={location.pathname.startsWith('/admin/')}>
                  Users
                </HeaderNavigationItem>
              )}
            </HeaderNavigation>
          )
        }
      />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Footer>Contains public sector information licensed under the Open Government Licence v3.0</Footer>
    </>
  );
}
