import { Link } from 'react-router';
import { RequireSignIn } from '../auth/require-sign-in';
import { useViewer } from '../auth/viewer';
import { AttentionView } from '../attention/attention-view';
import { AREAS, areaShown } from '../layout/layout';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/page-title';
import { PublicHomePage } from './public-home-page';

const AREA_PURPOSES: Record<string, string> = {
  '/providers': 'Provider performance against national standards, from published NHS data.',
  '/attention': 'Every provider and indicator you cover, most severe first: SPC icons, RAG, funnel position and trend together.',
  '/finance': "CCG financial plans checked against each year's planning rules.",
  '/assurance': 'CCG assurance ratings and special measures.',
  '/contracts': 'Provider contracts: breaches, contract performance notices, remedial action plans, sanctions and fine income.',
};

function HomePage() {
  usePageTitle('Home');
  const { viewer } = useViewer();
  // A commissioning manager starts the day on what needs attention (issue 18 point 5); other roles keep this page.
  if (viewer?.roles.some((assignment) => assignment.role === 'COMMISSIONING_MANAGER')) {
    return (
      <>
        <h1 className="nhsuk-heading-l">Welcome, {viewer.displayName}</h1>
        <AttentionView headingLevel={2} />
      </>
    );
  }
  return (
    <>
      <h1 className="nhsuk-heading-l">Welcome, {viewer?.displayName}</h1>
      <p className="nhsuk-lede-text">Performance management and assurance for NHS commissioning.</p>
      <ul className="nhsuk-list">
        {AREAS.filter((area) => areaShown(area, viewer ?? null)).map((area) => (
          <li key={area.path}>
            <Link className="nhsuk-link" to={area.path}>
              {area.label}
            </Link>
            : {AREA_PURPOSES[area.path]}
          </li>
        ))}
      </ul>
    </>
  );
}

/** `/`: the signed-in home, or the public home for a visitor who is not signed in (never a bare redirect to sign in). */
export function HomeRoute() {
  const { viewer, loading } = useViewer();
  if (loading) return <Loading label="Checking your sign-in" />;
  return viewer ? (
    <RequireSignIn>
      <HomePage />
    </RequireSignIn>
  ) : (
    <PublicHomePage />
  );
}
