import { todayInEngland } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useViewer } from '../auth/viewer';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/page-title';
import { ccgPath, isAssessor, publicPath, viewerOrganisations } from './assurance-access';
import { AssuranceOrganisationQuery } from './assurance-workspace.operations';
import { EnglandReportLink } from './england-report-link';
import { WorkspacePage } from './workspace-page';

/**
 * `/assurance`: the workspace for an NHS England assessor; a CCG's own users go to their CCG's page;
 * anyone else can look up a CCG's published assurance.
 */
export function AssurancePage() {
  const { viewer } = useViewer();
  if (isAssessor(viewer)) return <WorkspacePage />;
  const own = viewerOrganisations(viewer)[0];
  return <OwnCcgLanding code={own?.code ?? null} />;
}

function OwnCcgLanding({ code }: { code: string | null }) {
  const { data, loading } = useQuery(AssuranceOrganisationQuery, { variables: { code: code ?? '' }, skip: !code });
  if (code && loading && !data) return <Loading label="Finding your CCG" />;
  if (code && data?.organisation.type === 'CCG') return <Navigate to={ccgPath(code)} replace />;
  return <FindCcg />;
}

function FindCcg() {
  usePageTitle('Assurance');
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [today] = useState(() => todayInEngland(new Date()));
  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = code.trim();
    if (!/^[A-Za-z0-9]{3,5}$/.test(trimmed)) {
      setError('Enter a CCG’s ODS code, for example 02V');
      return;
    }
    navigate(publicPath(trimmed));
  }
  return (
    <>
      <h1 className="nhsuk-heading-l">Assurance</h1>
      <p className="nhsuk-lede-text">NHS England rates each CCG on the domains of the assurance framework and decides its overall category; the weakest go into special measures.</p>
      <div className="nhsuk-inset-text">
        <p>Assessments are made by NHS England assessors; a CCG’s own users read theirs and respond. Anyone can read published assurance.</p>
      </div>
      <form onSubmit={submit} noValidate className="ccg-search">
        <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor="public-ccg">
            A CCG’s published assurance
          </label>
          <div className="nhsuk-hint" id="public-ccg-hint">
            Its ODS code, for example 02V
          </div>
          {error && (
            <span className="nhsuk-error-message" id="public-ccg-error">
              <span className="nhsuk-u-visually-hidden">Error: </span>
              {error}
            </span>
          )}
          <input
            className={`nhsuk-input nhsuk-input--width-5${error ? ' nhsuk-input--error' : ''}`}
            id="public-ccg"
            name="ccg"
            value={code}
            aria-describedby={`public-ccg-hint${error ? ' public-ccg-error' : ''}`}
            onChange={(event) => setCode(event.currentTarget.value)}
          />
        </div>
        <button type="submit" className="nhsuk-button">
          Show
        </button>
      </form>
      <EnglandReportLink asOf={today} />
    </>
  );
}
