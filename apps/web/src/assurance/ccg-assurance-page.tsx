import { parseFinancialYear, todayInEngland } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import { useViewer } from '../auth/viewer';
import { organisationName } from '../ui/organisation-name';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/page-title';
import { assessmentPath, isAssessor, newAssessmentPath, publicPath, reportPath } from './assurance-access';
import { CcgAssuranceQuery } from './ccg-assurance.operations';
import { AssessmentComments } from './assessment-comments';
import { assessmentOffers } from './assessment-offers';
import { AssessmentsTable, AssuranceSummary, SurveyResults, anyIllustrative, chartedAssessments } from './ccg-assurance-parts';
import { Breadcrumbs } from './breadcrumbs';
import { BuddyCcg } from './buddy-ccg';
import { IllustrativeNotice } from './illustrative-notice';
import { RatingsChart } from './ratings-chart';
import { SpecialMeasuresSection } from './special-measures-section';

/**
 * `/assurance/ccgs/:code`: a CCG's assurance for NHS England assessors and the CCG's own users, drafts
 * included: its standing, ratings by domain over time, special measures with the 12-month clock and the
 * improvement plan, its assessments and responses, and survey results. What the viewer may do is what the
 * API's availableActions say: assessors continue a draft and move special measures on, the CCG's own users
 * respond with comments. Starting an assessment, proposing special measures and pairing a Limited-assurance
 * CCG with a buddy have no record yet to carry availableActions: they are offered to assessors.
 */
export function CcgAssurancePage() {
  const { code = '' } = useParams();
  const ccg = code.toUpperCase();
  const { viewer } = useViewer();
  const [today] = useState(() => todayInEngland(new Date()));
  const { data, loading, error, refetch } = useQuery(CcgAssuranceQuery, { variables: { ccg }, fetchPolicy: 'cache-and-network' });
  const assurance = data?.ccgAssurance;
  const name = assurance ? organisationName(assurance.ccg.name) : ccg;
  usePageTitle(`${name} assurance`);
  const assessor = isAssessor(viewer);

  if (loading && !data) return <Loading label="Loading the CCG’s assurance" />;
  if (!assurance) {
    const { code: errorCode } = errorCodes(error);
    return (
      <>
        <h1 className="nhsuk-heading-l">{ccg} assurance</h1>
        {errorCode === 'FORBIDDEN' ? (
          <p className="nhsuk-body">
            You can see the assurance of your own CCG only. Anyone can read <Link to={publicPath(ccg)}>its published assurance</Link>.
          </p>
        ) : errorCode === 'NOT_FOUND' ? (
          <p className="nhsuk-body">There is no CCG with the code {ccg}.</p>
        ) : (
          <>
            <p className="nhsuk-body">{describeError(error)}</p>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void refetch()}>
              Try again
            </button>
          </>
        )}
      </>
    );
  }

  const draft = assurance.assessments.find((a) => assessmentOffers(a).rate);
  const latest = assurance.assessments[0];
  const publishedYears = [...new Set(assurance.assessments.filter((a) => a.status === 'PUBLISHED').map((a) => a.financialYear))].map(parseFinancialYear);

  return (
    <>
      {assessor && <Breadcrumbs items={[{ to: '/assurance', text: 'Assurance workspace' }]} />}
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">Assurance</span>
        {name} ({assurance.ccg.code})
      </h1>
      {anyIllustrative(assurance) && <IllustrativeNotice what="Some of what is shown here (marked Illustrative)" />}
      <AssuranceSummary assurance={assurance} raiseLinks />
      <ul className="nhsuk-list ccg-related-links">
        {draft ? (
          <li>
            <Link to={assessmentPath(draft.id)}>Continue the draft {draft.quarterLabel} assessment</Link>
          </li>
        ) : (
          assessor && (
            <li>
              <Link to={newAssessmentPath(ccg)}>Start an assessment</Link>
            </li>
          )
        )}
        <li>
          <Link to={publicPath(ccg)}>Public assurance page</Link>: what anyone can read, published assessments only
        </li>
        {publishedYears.map((year) => (
          <li key={year.label}>
            <Link to={reportPath(ccg, year)}>Annual assurance report {year.label}</Link>
          </li>
        ))}
        {publishedYears.length === 0 && (
          <li className="nhsuk-u-secondary-text-colour">No annual report yet: no assessment has been published.</li>
        )}
      </ul>

      <section aria-labelledby="ratings-heading" className="ccg-section">
        <h2 id="ratings-heading" className="nhsuk-heading-m">
          Ratings by domain over time
        </h2>
        <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">Published assessments, oldest quarter first. Drafts are not charted.</p>
        <RatingsChart subject={name} assessments={chartedAssessments(assurance.assessments)} csvName={`Assurance ratings ${ccg}`} />
      </section>

      {assessor && <BuddyCcg assurance={assurance} />}

      <SpecialMeasuresSection
        ccg={ccg}
        open={assurance.specialMeasures}
        episodes={assurance.specialMeasuresEpisodes}
        currentCategory={assurance.currentCategory}
        changes={{ today, mayPropose: assessor, onChanged: () => refetch() }}
      />

      <section aria-labelledby="assessments-heading" className="ccg-section">
        <h2 id="assessments-heading" className="nhsuk-heading-m">
          Assessments
        </h2>
        <AssessmentsTable assessments={assurance.assessments} />
      </section>

      {latest && <AssessmentComments assessment={latest} canComment={assessmentOffers(latest).comment} />}

      <SurveyResults assurance={assurance} />
    </>
  );
}
