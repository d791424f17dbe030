import { Link } from 'react-router';
import { useViewer } from '../auth/viewer';
import { AREAS } from '../layout/layout';
import { usePageTitle } from '../ui/page-title';

const AREA_PURPOSES: Record<string, string> = {
  '/providers': 'Provider performance against national standards, from published NHS data.',
  '/finance': "CCG financial plans checked against each year's planning rules.",
  '/assurance': 'CCG assurance ratings and special measures.',
};

export function HomePage() {
  usePageTitle('Home');
  const { viewer } = useViewer();
  return (
    <>
      <h1 className="nhsuk-heading-l">Welcome, {viewer?.displayName}</h1>
      <p className="nhsuk-lede-text">Performance management and assurance for NHS commissioning.</p>
      <ul className="nhsuk-list">
        {AREAS.map((area) => (
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
