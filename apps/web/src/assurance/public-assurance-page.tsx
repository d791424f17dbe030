import { parseFinancialYear } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import { organisationName } from '../ui/organisation-name';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/page-title';
import { reportPath } from './assurance-access';
import { formatDate } from '../ui/format';
import { CATEGORY_NAMES } from './assurance-labels';
import { PublishedAssuranceQuery } from './ccg-assurance.operations';
import { AssessmentView } from './assessment-view';
import type { CcgAssurance } from './ccg-assurance.fragment';
import { AssessmentsTable, AssuranceSummary, SurveyResults, chartedAssessments } from './ccg-assurance-parts';
import { IllustrativeNotice } from './illustrative-notice';
import { RatingsChart } from './ratings-chart';
import { SpecialMeasuresSection } from './special-measures-section';

/**
 * `/public/assurance/:code`, for anyone, signed in or not: a CCG's published assurance only (the API's
 * publishedAssurance; drafts are never shown, and special measures only once publicly notified).
 */
export function PublicAssurancePage() {
  const { code = '' } = useParams();
  const ccg = code.toUpperCase();
  const { data, loading, error, refetch } = useQuery(PublishedAssuranceQuery, { variables: { ccg }, fetchPolicy: 'cache-and-network' });
  const raw = data?.publishedAssurance;
  const name = raw ? organisationName(raw.ccg.name) : ccg;
  usePageTitle(`${name}: published assurance`);

  if (loading && !data) return <Loading label="Loading the published assurance" />;
  if (!raw) {
    return (
      <>
        <h1 className="nhsuk-heading-l">{ccg}: published assurance</h1>
        <p className="nhsuk-body">{errorCodes(error).code === 'NOT_FOUND' ? `There is no CCG with the code ${ccg}.` : describeError(error)}</p>
        {errorCodes(error).code !== 'NOT_FOUND' && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void refetch()}>
            Try again
          </button>
        )}
      </>
    );
  }

  // Published only, whatever arrives: a draft must never reach the public page.
  const assurance: CcgAssurance = { ...raw, assessments: raw.assessments.filter((a) => a.status === 'PUBLISHED'), specialMeasuresEpisodes: raw.specialMeasuresEpisodes.filter((e) => e.publiclyNotified) };
  const open = assurance.specialMeasures?.publiclyNotified ? assurance.specialMeasures : null;
  const [latest, ...earlier] = assurance.assessments;
  const years = [...new Set(assurance.assessments.map((a) => a.financialYear))].map(parseFinancialYear);
  const illustrative = assurance.assessments.some((a) => a.illustrative) || assurance.specialMeasuresEpisodes.some((e) => e.illustrative);

  return (
    <>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">Published assurance</span>
        {name} ({assurance.ccg.code})
      </h1>
      <p className="nhsuk-lede-text">How NHS England rates this clinical commissioning group on the assurance framework, as published. Only published assessments are shown.</p>
      {illustrative && <IllustrativeNotice what="Some of what is shown here (marked Illustrative)" />}
      <AssuranceSummary assurance={{ ...assurance, specialMeasures: open }} linkBuddy={false} />
      {years.length > 0 && (
        <ul className="nhsuk-list ccg-related-links">
          {years.map((year) => (
            <li key={year.label}>
              <Link to={reportPath(ccg, year)}>Annual assurance report {year.label}</Link>
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="ratings-heading" className="ccg-section">
        <h2 id="ratings-heading" className="nhsuk-heading-m">
          Ratings by domain over time
        </h2>
        <RatingsChart subject={name} assessments={chartedAssessments(assurance.assessments)} csvName={`Published assurance ratings ${ccg}`} />
      </section>

      {latest ? (
        <section aria-labelledby="latest-heading" className="ccg-section" id={`assessment-${latest.id}`}>
          <h2 id="latest-heading" className="nhsuk-heading-m">
            Latest assessment: {latest.quarterLabel}
            {latest.illustrative && (
              <>
                {' '}
                <strong className="nhsuk-tag nhsuk-tag--yellow ccg-heading-tag">Illustrative</strong>
              </>
            )}
          </h2>
          <AssessmentView assessment={latest} level={3} />
        </section>
      ) : (
        <p className="nhsuk-body">NHS England has not published an assessment of this CCG yet.</p>
      )}

      <SpecialMeasuresSection ccg={ccg} open={open} episodes={assurance.specialMeasuresEpisodes} currentCategory={assurance.currentCategory} />

      {earlier.length > 0 && (
        <section aria-labelledby="earlier-heading" className="ccg-section">
          <h2 id="earlier-heading" className="nhsuk-heading-m">
            Earlier assessments
          </h2>
          <AssessmentsTable assessments={earlier} linkTo={(a) => `#assessment-${a.id}`} />
          {earlier.map((assessment) => (
            <details key={assessment.id} className="nhsuk-details" id={`assessment-${assessment.id}`}>
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">
                  {assessment.quarterLabel}: {assessment.decidedCategory ? CATEGORY_NAMES[assessment.decidedCategory] : 'not decided'}, assessed {formatDate(assessment.assessedOn)}
                </span>
              </summary>
              <div className="nhsuk-details__text">
                <AssessmentView assessment={assessment} level={3} />
              </div>
            </details>
          ))}
        </section>
      )}

      <SurveyResults assurance={assurance} />
    </>
  );
}
