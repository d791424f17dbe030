import { ASSURANCE_FRAMEWORKS, financialYearOf, financialYearsBetween } from '@ccg-assure/domain';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { englandReportPath } from '../assurance/assurance-access';
import { Button, ErrorSummary, TextInput } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';

/**
 * The years of the assurance frameworks the product holds (from the first framework's first year to the year the
 * latest one came in): the years whose England annual reports can hold published assessments.
 */
export const PUBLIC_REPORT_YEARS = financialYearsBetween(
  financialYearOf(ASSURANCE_FRAMEWORKS[0].validFrom),
  financialYearOf(ASSURANCE_FRAMEWORKS[ASSURANCE_FRAMEWORKS.length - 1].validFrom),
).reverse();

/** A CCG's ODS code as people type it: three to five letters and digits ("02V"). */
const CCG_CODE = /^[A-Z0-9]{3,5}$/;

/**
 * `/` for a visitor who is not signed in: what is public (provider scorecards, published assurance ratings and the
 * annual reports), with signing in as one link among them (issue 20: "Give the public a home").
 */
export function PublicHomePage() {
  usePageTitle('CCG Assure');
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  function findCcg(event: FormEvent) {
    event.preventDefault();
    const ccg = code.trim().toUpperCase();
    if (!CCG_CODE.test(ccg)) {
      setError('Enter the CCG’s ODS code, for example 02V');
      setFocusRequest((n) => n + 1);
      return;
    }
    navigate(`/public/assurance/${encodeURIComponent(ccg)}`);
  }

  return (
    <>
      {error && <ErrorSummary headingLevel="h2" focusRequest={focusRequest} problems={[{ field: 'public-ccg', message: error }]} />}
      <h1 className="nhsuk-heading-l">CCG Assure</h1>
      <p className="nhsuk-lede-text">How NHS providers perform against national standards, and how NHS England rated clinical commissioning groups (CCGs). Everything on these pages is published and open to everyone.</p>

      <h2 className="nhsuk-heading-m">Provider performance</h2>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>
          <Link to="/providers">Provider scorecards</Link>: each NHS trust’s A&E performance against the national standard, with statistical process control charts.
        </li>
        <li>
          <Link to="/providers/grid">All providers on one page</Link>: the latest month for every provider, sortable and downloadable.
        </li>
        <li>
          <Link to="/providers/compare">Compare providers</Link>: every provider on a funnel plot for one month.
        </li>
      </ul>

      <h2 className="nhsuk-heading-m">CCG performance reports</h2>
      <p className="nhsuk-body">
        <Link to="/published/performance-reports">Published performance reports</Link>: each CCG’s monthly report on its providers, finances and assurance, once signed off by the CCG’s board and by NHS England.
      </p>

      <h2 className="nhsuk-heading-m">CCG assurance ratings</h2>
      <form onSubmit={findCcg} noValidate aria-label="Find a CCG’s published assurance">
        <TextInput
          id="public-ccg"
          label="A CCG’s published assurance"
          hint="Its ODS code, for example 02V for NHS Leeds North CCG"
          width={5}
          autoComplete="off"
          spellCheck={false}
          value={code}
          error={error ?? undefined}
          onChange={(event) => {
            setCode(event.currentTarget.value);
            setError(null);
          }}
        />
        <Button type="submit" secondary>
          Show its assurance
        </Button>
      </form>
      <p className="nhsuk-body">Annual assurance reports for England:</p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {PUBLIC_REPORT_YEARS.map((year) => (
          <li key={year.label}>
            <Link to={englandReportPath(year)}>{year.label}</Link>
          </li>
        ))}
      </ul>

      <h2 className="nhsuk-heading-m">Staff of CCGs, support units and NHS England</h2>
      <p className="nhsuk-body">
        <Link to="/sign-in">Sign in</Link> to work on financial plans, assessments and imports.
      </p>
    </>
  );
}
