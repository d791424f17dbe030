import { useApolloClient, useMutation } from '@apollo/client/react';
import { Footer, Header, SkipLink } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../auth/role-labels';
import { useViewer } from '../auth/viewer';
import { SignOutMutation } from '../auth/viewer.operations';

/** The areas of the product, in the order people meet them. */
export const AREAS = [
  { path: '/providers', label: 'Providers', public: true },
  { path: '/finance', label: 'Finance', public: false },
  { path: '/assurance', label: 'Assurance', public: false },
] as const;

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
      await client.clearStore();
      await client.refetchQueries({ include: 'active' });
      navigate('/sign-in', { replace: true });
    }
  }

  return (
    <>
      <SkipLink href="#maincontent" />
      <Header service={{ text: 'CCG Assure', href: '/' }}>
        {viewer && (
          <Header.Account aria-label="Your account">
            <Header.AccountItem icon>{viewer.displayName}</Header.AccountItem>
            {viewer.roles.map((assignment) => (
              <Header.AccountItem key={`${assignment.role}-${assignment.organisation.code}`}>
                {ROLE_LABELS[assignment.role]}, {assignment.organisation.name} ({assignment.organisation.code})
              </Header.AccountItem>
            ))}
            <Header.AccountItem formProps={{ onSubmit: (event) => { event.preventDefault(); void handleSignOut(); } }} type="submit" disabled={signingOut}>
              Sign out
            </Header.AccountItem>
          </Header.Account>
        )}
        {signedOut && location.pathname !== '/sign-in' && (
          <Header.Account aria-label="Your account">
            <Header.AccountItem asElement={NavLink} to="/sign-in" href="/sign-in">
              Sign in
            </Header.AccountItem>
          </Header.Account>
        )}
        {(viewer || (signedOut && location.pathname !== '/sign-in')) && (
          <Header.Navigation aria-label="Areas">
            {AREAS.filter((area) => viewer || area.public).map((area) => (
              <Header.NavigationItem
                key={area.path}
                asElement={NavLink}
                to={area.path}
                href={area.path}
                current={location.pathname === area.path}
                active={location.pathname.startsWith(`${area.path}/`)}
              >
                {area.label}
              </Header.NavigationItem>
            ))}
          </Header.Navigation>
        )}
      </Header>
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Footer>
        <Footer.Meta>
          <Footer.Copyright>Contains public sector information licensed under the Open Government Licence v3.0</Footer.Copyright>
        </Footer.Meta>
      </Footer>
    </>
  );
}
