import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import { useViewer } from '../auth/viewer';
import { organisationName } from '../ui/organisation-name';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/page-title';
import { ccgPath, isAssessor, publicPath } from './assurance-access';
import { formatDate } from '../ui/format';
import { AssessmentQuery } from './assessment.operations';
import { AssessmentComments } from './assessment-comments';
import { AssessmentForm } from './assessment-form';
import { assessmentOffers } from './assessment-offers';
import { AssessmentView } from './assessment-view';
import { Breadcrumbs } from './breadcrumbs';
import { IllustrativeNotice } from './illustrative-notice';

/**
 * `/assurance/assessments/:id`: the assessor's form while the viewer may rate it (its availableActions);
 * otherwise the assessment to read, with the CCG's responses and, when the viewer may comment, a form.
 */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(AssessmentQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [publishedHere, setPublishedHere] = useState(false);
  const assessment = data?.assessment;
  const title = assessment ? `${assessment.quarterLabel} assessment of ${organisationName(assessment.ccg.name)}` : 'Assessment';
  usePageTitle(title);

  if (loading && !data) return <Loading label="Loading the assessment" />;
  if (!assessment) {
    const { code } = errorCodes(error);
    return (
      <>
        <h1 className="nhsuk-heading-l">Assessment</h1>
        <p className="nhsuk-body">
          {code === 'NOT_FOUND' ? 'There is no such assessment.' : code === 'FORBIDDEN' ? 'You can read the assessments of your own CCG only.' : describeError(error)}
        </p>
        <p className="nhsuk-body">
          <Link to="/assurance">Back to assurance</Link>
        </p>
      </>
    );
  }

  const offers = assessmentOffers(assessment);
  // The workspace is the assessor's way in; the status is said in words and a tag, never used to decide what is offered.
  const fromWorkspace = isAssessor(viewer);
  const published = assessment.status === 'PUBLISHED';
  const name = organisationName(assessment.ccg.name);

  return (
    <>
      <Breadcrumbs items={[...(fromWorkspace ? [{ to: '/assurance', text: 'Assurance workspace' }] : []), { to: ccgPath(assessment.ccg.code), text: `${name} assurance` }]} />
      <div className="ccg-plan-title">
        <h1 className="nhsuk-heading-l nhsuk-u-margin-bottom-2">
          <span className="nhsuk-caption-l">
            {name} ({assessment.ccg.code})
          </span>
          {assessment.quarterLabel} assessment
        </h1>
        <strong className={`nhsuk-tag ccg-heading-tag ${published ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}>{published ? 'Published' : 'Draft'}</strong>
        {assessment.illustrative && <strong className="nhsuk-tag nhsuk-tag--yellow ccg-heading-tag">Illustrative</strong>}
      </div>
      <p className="nhsuk-body">
        {assessment.framework.name}. Assessed on {formatDate(assessment.assessedOn)}.
      </p>
      {assessment.illustrative && <IllustrativeNotice note={assessment.illustrativeNote} />}
      {publishedHere && published && (
        <div className="nhsuk-panel ccg-panel-success" role="status">
          <h2 className="nhsuk-panel__title">The assessment is published</h2>
          <div className="nhsuk-panel__body">
            It is read-only now. <Link to={publicPath(assessment.ccg.code)} className="ccg-panel-link">See the public assurance page</Link>
          </div>
        </div>
      )}
      {offers.rate ? (
        <AssessmentForm
          key={assessment.id}
          assessment={assessment}
          offers={offers}
          onReload={() => refetch()}
          onPublished={() => setPublishedHere(true)}
        />
      ) : (
        <>
          {published ? (
            <p className="nhsuk-body">
              Published assessments are read-only. Anyone can read this one on the <Link to={publicPath(assessment.ccg.code)}>public assurance page of {name}</Link>.
            </p>
          ) : (
            <div className="nhsuk-inset-text">
              <p>This assessment is a draft: NHS England may still change it. It is not public.</p>
            </div>
          )}
          <AssessmentView assessment={assessment} />
          <AssessmentComments assessment={assessment} canComment={offers.comment} />
        </>
      )}
    </>
  );
}
