import { formatDate, formatInstantDate } from '../ui/format';
import { CATEGORY_NAMES, areaTerm } from './assurance-labels';
import type { StoredAssessment } from './assessment.fragment';
import { CategoryTag } from './category-proposal';
import { EvidenceList } from './evidence';

/**
 * An assessment to read: each domain's rating and narrative, the proposed category and why, the
 * decision and its rationale, the next assessment date, and the evidence. Headings start at `level`.
 */
export function AssessmentView({ assessment, level = 2 }: { assessment: StoredAssessment; level?: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  const headingClass = level === 2 ? 'nhsuk-heading-m' : 'nhsuk-heading-s';
  const term = areaTerm(assessment.framework);
  const general = assessment.evidence.filter((item) => !item.domain);
  return (
    <div className="ccg-assessment-view">
      <H className={headingClass}>Overall category</H>
      {assessment.decidedCategory ? (
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Decided</dt>
            <dd className="nhsuk-summary-list__value">
              <CategoryTag category={assessment.decidedCategory} />
              {assessment.decidedBy && <span className="ccg-block nhsuk-body-s nhsuk-u-margin-top-1">by {assessment.decidedBy.displayName}</span>}
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Proposed</dt>
            <dd className="nhsuk-summary-list__value">
              {assessment.proposal ? CATEGORY_NAMES[assessment.proposal.category] : 'None'}
              {assessment.differsFromProposal ? ' (the decision differs)' : ''}
            </dd>
          </div>
          {assessment.rationale && (
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Rationale</dt>
              <dd className="nhsuk-summary-list__value ccg-pre-line">{assessment.rationale}</dd>
            </div>
          )}
          {assessment.nextAssessmentDue && (
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Next assessment due</dt>
              <dd className="nhsuk-summary-list__value">{formatDate(assessment.nextAssessmentDue)}</dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="nhsuk-body">Not decided yet.</p>
      )}
      {assessment.proposal && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Why {CATEGORY_NAMES[assessment.proposal.category]} was proposed</span>
          </summary>
          <div className="nhsuk-details__text">
            <ol className="nhsuk-list ccg-proposal__reasons">
              {assessment.proposal.reasons.map((reason) => (
                <li key={reason.step} className={reason.fired ? 'ccg-proposal__reason--fired' : undefined}>
                  Step {reason.step}: {reason.explanation}
                </li>
              ))}
            </ol>
          </div>
        </details>
      )}

      <H className={headingClass}>Ratings by {term}</H>
      <dl className="nhsuk-summary-list ccg-ratings-list">
        {assessment.ratings.map((rating) => {
          const evidence = assessment.evidence.filter((item) => item.domain === rating.domain.code);
          return (
            <div className="nhsuk-summary-list__row" key={rating.domain.code}>
              <dt className="nhsuk-summary-list__key">{rating.domain.name}</dt>
              <dd className="nhsuk-summary-list__value">
                {rating.rating ? <CategoryTag category={rating.rating} /> : 'Not rated'}
                {rating.narrative && <p className="nhsuk-body ccg-pre-line nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">{rating.narrative}</p>}
                {evidence.length > 0 && <EvidenceList evidence={evidence} frameworkId={assessment.framework.id} showDomain={false} />}
              </dd>
            </div>
          );
        })}
      </dl>
      {general.length > 0 && (
        <>
          <H className={headingClass}>Evidence for the whole assessment</H>
          <EvidenceList evidence={general} frameworkId={assessment.framework.id} />
        </>
      )}
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
        {assessment.framework.name}: {assessment.framework.domains.length} {areaTerm(assessment.framework, true)}. Assessed on{' '}
        {formatDate(assessment.assessedOn)}
        {assessment.publishedAt ? `; published ${formatInstantDate(assessment.publishedAt)}${assessment.publishedBy ? ` by ${assessment.publishedBy.displayName}` : ''}` : ''}.
      </p>
    </div>
  );
}
