import type { AssuranceCategory } from '@ccg-assure/domain';
import { Link } from 'react-router';
import { organisationName } from '../ui/organisation-name';
import { DownloadCsvButton } from '../ui/download-csv-button';
import { assessmentPath, ccgPath } from './assurance-access';
import { formatDate } from '../ui/format';
import { CATEGORY_CONSEQUENCES, CATEGORY_NAMES, SPECIAL_MEASURES_STATE_LABELS, months } from './assurance-labels';
import type { StoredAssessment } from './assessment.fragment';
import type { CcgAssurance } from './ccg-assurance.fragment';
import { CategoryTag } from './category-proposal';
import type { ChartedAssessment } from './ratings-chart';
import { TableContainer } from '../ui/nhs';
import { RaiseEscalationLink } from '../escalation/raise-link';

/** Published assessments, as the ratings chart takes them (drafts are never charted). */
export function chartedAssessments(assessments: readonly StoredAssessment[]): ChartedAssessment[] {
  return assessments
    .filter((a) => a.status === 'PUBLISHED')
    .map((a) => ({
      id: a.id,
      periodLabel: a.quarterLabel,
      periodStart: a.periodStart,
      assessedOn: a.assessedOn,
      framework: a.framework.id,
      category: a.decidedCategory as AssuranceCategory | null,
      ratings: a.ratings.map((r) => ({ domain: r.domain.code, rating: r.rating as AssuranceCategory | null })),
    }));
}

/** True when anything shown rests on illustrative demonstration data. */
export function anyIllustrative(assurance: CcgAssurance): boolean {
  return assurance.assessments.some((a) => a.illustrative) || assurance.specialMeasuresEpisodes.some((e) => e.illustrative);
}

/** The CCG's standing: current category and what follows, the last and next assessments, special measures and buddy. */
export function AssuranceSummary({ assurance, linkBuddy = true, raiseLinks = false }: { assurance: CcgAssurance; linkBuddy?: boolean; raiseLinks?: boolean }) {
  const latest = assurance.assessments.find((a) => a.status === 'PUBLISHED');
  const episode = assurance.specialMeasures;
  return (
    <dl className="nhsuk-summary-list ccg-assurance-summary">
      {anyIllustrative(assurance) && (
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Read as at</dt>
          <dd className="nhsuk-summary-list__value">
            {formatDate(assurance.asOf)}: illustrative records are read at the date of the latest of them, not today, so that due dates and the 12-month clock show the
            process they illustrate.
          </dd>
        </div>
      )}
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Current category</dt>
        <dd className="nhsuk-summary-list__value">
          {assurance.currentCategory ? (
            <>
              <CategoryTag category={assurance.currentCategory} />
              <span className="ccg-block nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">{CATEGORY_CONSEQUENCES[assurance.currentCategory]}</span>
              {raiseLinks && (assurance.currentCategory === 'LIMITED_ASSURANCE' || assurance.currentCategory === 'NOT_ASSURED') && (
                <RaiseEscalationLink
                  kind="ASSURANCE_TRIGGER"
                  ccg={assurance.ccg.code}
                  text={`NHS England rated the CCG ${CATEGORY_NAMES[assurance.currentCategory]}${latest ? ` in its ${latest.quarterLabel} assessment` : ''}.`}
                  about="the CCG’s assurance rating"
                />
              )}
            </>
          ) : (
            'Not assessed yet: no assessment has been published.'
          )}
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Last assessed</dt>
        <dd className="nhsuk-summary-list__value">{assurance.lastAssessedOn ? `${formatDate(assurance.lastAssessedOn)}${latest ? ` (${latest.quarterLabel})` : ''}` : 'Never'}</dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Next assessment due</dt>
        <dd className="nhsuk-summary-list__value">
          {assurance.nextAssessmentDue ? (
            <>
              {assurance.assessmentOverdue && (
                <>
                  <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>{' '}
                </>
              )}
              {formatDate(assurance.nextAssessmentDue)}
            </>
          ) : (
            'Not set'
          )}
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Special measures</dt>
        <dd className="nhsuk-summary-list__value">
          {episode ? (
            <>
              {SPECIAL_MEASURES_STATE_LABELS[episode.state]}
              {episode.clock && (episode.clock.overdue ? '; open more than 12 months (overdue)' : `; ${episode.clock.monthsRemaining === 0 ? 'less than a month' : months(episode.clock.monthsRemaining)} of the 12 left`)}{' '}
              (<a href="#special-measures-heading">details</a>)
            </>
          ) : (
            'None'
          )}
        </dd>
      </div>
      {assurance.buddy && (
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Buddy CCG</dt>
          <dd className="nhsuk-summary-list__value">
            {linkBuddy ? <Link to={ccgPath(assurance.buddy.ccg.code)}>{organisationName(assurance.buddy.ccg.name)}</Link> : organisationName(assurance.buddy.ccg.name)} ({assurance.buddy.ccg.code}), since{' '}
            {formatDate(assurance.buddy.assignedOn)}
          </dd>
        </div>
      )}
    </dl>
  );
}

/** Every assessment, newest quarter first, each linked to its page. */
export function AssessmentsTable({ assessments, linkTo = (a) => assessmentPath(a.id) }: { assessments: readonly StoredAssessment[]; linkTo?: (assessment: StoredAssessment) => string }) {
  if (assessments.length === 0) return <p className="nhsuk-body">No assessments yet.</p>;
  return (
    <table className="nhsuk-table-responsive">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Assessments, newest first</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            Quarter
          </th>
          <th scope="col" className="nhsuk-table__header">
            Status
          </th>
          <th scope="col" className="nhsuk-table__header">
            Overall category
          </th>
          <th scope="col" className="nhsuk-table__header">
            Assessed on
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {assessments.map((a) => (
          <tr key={a.id} className="nhsuk-table__row">
            <td className="nhsuk-table__cell">
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Quarter{' '}
              </span>
              {linkTo(a).startsWith('#') ? <a href={linkTo(a)}>{a.quarterLabel}</a> : <Link to={linkTo(a)}>{a.quarterLabel}</Link>}
              {a.illustrative && (
                <>
                  {' '}
                  <strong className="nhsuk-tag nhsuk-tag--yellow">Illustrative</strong>
                </>
              )}
            </td>
            <td className="nhsuk-table__cell">
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Status{' '}
              </span>
              {a.status === 'PUBLISHED' ? 'Published' : 'Draft'}
            </td>
            <td className="nhsuk-table__cell">
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Overall category{' '}
              </span>
              {a.decidedCategory ? CATEGORY_NAMES[a.decidedCategory] : 'Not decided'}
            </td>
            <td className="nhsuk-table__cell">
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Assessed on{' '}
              </span>
              {formatDate(a.assessedOn)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The 360-degree stakeholder survey: percentage of stakeholders answering positively, by year and question. */
export function SurveyResults({ assurance, headingLevel = 2 }: { assurance: CcgAssurance; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const results = assurance.stakeholderSurvey;
  return (
    <section aria-labelledby="survey" className="ccg-section">
      <H id="survey" className={headingLevel === 2 ? 'nhsuk-heading-m' : 'nhsuk-heading-s'} tabIndex={-1}>
        360-degree stakeholder survey
      </H>
      {results.length === 0 ? (
        <p className="nhsuk-body">No survey results have been imported for this CCG.</p>
      ) : (
        <>
          <TableContainer>
            <table className="nhsuk-table nhsuk-table--compact">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s">Stakeholders answering positively</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">
                    Year
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Question
                  </th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                    Positive
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {results.map((result) => (
                  <tr key={`${result.surveyYear}-${result.questionCode}`} className="nhsuk-table__row">
                    <td className="nhsuk-table__cell ccg-nowrap">{result.surveyYear}</td>
                    <td className="nhsuk-table__cell">{result.question}</td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{result.percentagePositive}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
          <DownloadCsvButton
            name={`Stakeholder survey ${assurance.ccg.code}`}
            columns={['Survey year', 'Question code', 'Question', 'Percentage positive']}
            rows={results.map((r) => [r.surveyYear, r.questionCode, r.question, r.percentagePositive])}
            what="survey results"
          />
        </>
      )}
    </section>
  );
}
