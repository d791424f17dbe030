import { ASSURANCE_FRAMEWORKS, tryParseFinancialYear, type AssuranceCategory, type FinancialYear } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import { organisationName } from '../ui/organisation-name';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/page-title';
import { englandReportPath, englandReportPdfPath, publicPath, reportPath, reportPdfPath } from './assurance-access';
import { formatDate } from '../ui/format';
import { CATEGORY_NAMES, SPECIAL_MEASURES_STATE_LABELS } from './assurance-labels';
import { CcgAssuranceReportQuery, EnglandAssuranceReportQuery } from './annual-report.operations';
import type { StoredAssessment } from './assessment.fragment';
import { CategoryTag } from './category-proposal';
import { IllustrativeNotice } from './illustrative-notice';
import { SpecialMeasuresClockPanel, SpecialMeasuresTimeline } from './special-measures-progress';
import { TableContainer } from '../ui/nhs';

/** The year before or after, or null past the ends of the calendar (an address may name the year 0001-02). */
function neighbour(year: FinancialYear, step: 'previous' | 'next'): FinancialYear | null {
  try {
    return year[step]();
  } catch {
    return null;
  }
}

/** The frame of a printable report: title, Print and Download PDF, the years either side; navigation hides in print. */
function ReportFrame({ title, caption, year, pdf, pathFor, children }: { title: string; caption: string; year: FinancialYear; pdf: string | null; pathFor: (year: FinancialYear) => string; children: ReactNode }) {
  const previous = neighbour(year, 'previous');
  const next = neighbour(year, 'next');
  return (
    <article className="ccg-report">
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">{caption}</span>
        {title}
      </h1>
      <div className="ccg-button-row ccg-no-print">
        {pdf && (
          <a className="nhsuk-button" href={pdf} download>
            Download PDF<span className="nhsuk-u-visually-hidden"> of the {title}</span>
          </a>
        )}
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => window.print()}>
          Print this report
        </button>
      </div>
      <nav className="ccg-no-print nhsuk-u-margin-bottom-4" aria-label="Other years">
        Other years: {previous && <Link to={pathFor(previous)}>{previous.label}</Link>}
        {previous && next && ' · '}
        {next && <Link to={pathFor(next)}>{next.label}</Link>}
      </nav>
      {children}
    </article>
  );
}

function ReportUnavailable({ error, year, what }: { error: unknown; year: FinancialYear; what: string }) {
  const { code } = errorCodes(error);
  return <p className="nhsuk-body">{code === 'NOT_FOUND' ? `Nothing was published for ${what} in ${year.label}, so there is no report for that year.` : describeError(error)}</p>;
}

/** Ratings of the year's published assessments: a row per quarter, a column per domain. */
function YearRatings({ assessments }: { assessments: readonly StoredAssessment[] }) {
  const frameworks = ASSURANCE_FRAMEWORKS.filter((f) => assessments.some((a) => a.framework.id === f.id));
  return (
    <>
      {frameworks.map((framework) => {
        const rows = assessments.filter((a) => a.framework.id === framework.id);
        return (
          <TableContainer key={framework.id}>
            <table className="nhsuk-table nhsuk-table--compact ccg-report-table">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s">Ratings by quarter ({framework.name})</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">
                    Quarter
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Overall category
                  </th>
                  {framework.domains.map((domain) => (
                    <th scope="col" className="nhsuk-table__header" key={domain.code}>
                      {domain.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {rows.map((a) => (
                  <tr className="nhsuk-table__row" key={a.id}>
                    <th scope="row" className="nhsuk-table__header ccg-nowrap">
                      {a.quarterLabel}
                    </th>
                    <td className="nhsuk-table__cell">{a.decidedCategory ? CATEGORY_NAMES[a.decidedCategory] : 'Not decided'}</td>
                    {framework.domains.map((domain) => {
                      const rating = a.ratings.find((r) => r.domain.code === domain.code)?.rating;
                      return (
                        <td className="nhsuk-table__cell" key={domain.code}>
                          {rating ? CATEGORY_NAMES[rating] : 'Not rated'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
        );
      })}
    </>
  );
}

/** `/assurance/reports/:ccg/:year`: a CCG's annual assurance report, from published data only; printable, with its PDF. */
export function CcgAnnualReportPage() {
  const params = useParams();
  const ccg = (params.ccg ?? '').toUpperCase();
  const year = tryParseFinancialYear(params.year);
  const { data, loading, error } = useQuery(CcgAssuranceReportQuery, { variables: { ccg, financialYear: year?.label ?? '' }, skip: !year });
  const report = data?.ccgAssuranceReport;
  const name = report ? organisationName(report.ccg.name) : ccg;
  const title = `Annual assurance report ${year?.label ?? ''}: ${name}`;
  usePageTitle(title);
  if (!year) return <p className="nhsuk-body">That is not a financial year. Years are written like 2015-16.</p>;
  return (
    <ReportFrame title={`${name} (${ccg})`} caption={`Annual assurance report ${year.label}`} year={year} pdf={report ? reportPdfPath(ccg, year) : null} pathFor={(y) => reportPath(ccg, y)}>
      {loading && !data && <Loading label="Loading the report" />}
      {!report && !loading && <ReportUnavailable error={error} year={year} what={ccg} />}
      {report && (
        <>
          <p className="nhsuk-body">
            Produced on {formatDate(report.generatedOn)} from published assessments only. <Link to={publicPath(ccg)} className="ccg-no-print">The CCG’s public assurance page</Link>
          </p>
          {report.illustrative && <IllustrativeNotice what="This report" />}
          <h2 className="nhsuk-heading-m">Category at the end of the year</h2>
          <p className="nhsuk-body">{report.latestCategory ? <CategoryTag category={report.latestCategory as AssuranceCategory} /> : 'No category was decided.'}</p>
          <h2 className="nhsuk-heading-m">Assessments</h2>
          <YearRatings assessments={report.assessments} />
          {report.assessments
            .filter((a) => a.rationale || a.ratings.some((r) => r.narrative))
            .map((a) => (
              <section key={a.id} aria-labelledby={`report-${a.id}`}>
                <h3 id={`report-${a.id}`} className="nhsuk-heading-s">
                  {a.quarterLabel}: why
                </h3>
                {a.rationale && <p className="nhsuk-body ccg-pre-line">Rationale for the decision: {a.rationale}</p>}
                <dl className="nhsuk-summary-list">
                  {a.ratings
                    .filter((r) => r.narrative)
                    .map((r) => (
                      <div className="nhsuk-summary-list__row" key={r.domain.code}>
                        <dt className="nhsuk-summary-list__key">{r.domain.name}</dt>
                        <dd className="nhsuk-summary-list__value ccg-pre-line">{r.narrative}</dd>
                      </div>
                    ))}
                </dl>
              </section>
            ))}
          <h2 className="nhsuk-heading-m">Special measures</h2>
          {report.specialMeasures.length === 0 ? (
            <p className="nhsuk-body">The CCG was not in special measures during the year.</p>
          ) : (
            report.specialMeasures.map((episode) => (
              <section key={episode.id} aria-label={`Special measures from ${formatDate(episode.enteredOn ?? episode.proposedOn)}`}>
                <p className="nhsuk-body">
                  {SPECIAL_MEASURES_STATE_LABELS[episode.state]} at the year end. Triggers: {episode.triggers.map((t) => t.description).join(' ')}
                </p>
                {episode.clock && <SpecialMeasuresClockPanel clock={{ ...episode.clock, closedOn: episode.closedOn }} />}
                <SpecialMeasuresTimeline episode={episode} />
                <p className="nhsuk-body">
                  Improvement plan: {episode.improvementPlan.completedActions} of {episode.improvementPlan.totalActions} actions completed
                  {episode.improvementPlan.overdueActions > 0 ? `, ${episode.improvementPlan.overdueActions} overdue` : ''}.
                </p>
              </section>
            ))
          )}
          <h2 className="nhsuk-heading-m">360-degree stakeholder survey</h2>
          {report.stakeholderSurvey.length === 0 ? (
            <p className="nhsuk-body">No survey results for the year.</p>
          ) : (
            <table className="nhsuk-table nhsuk-table--compact">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Stakeholders answering positively</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">
                    Question
                  </th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                    Positive
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {report.stakeholderSurvey.map((r) => (
                  <tr className="nhsuk-table__row" key={r.questionCode}>
                    <td className="nhsuk-table__cell">{r.question}</td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{r.percentagePositive}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </ReportFrame>
  );
}

/** `/assurance/reports/england/:year`: the England annual assurance report, from published data only; printable, with its PDF. */
export function EnglandAnnualReportPage() {
  const params = useParams();
  const year = tryParseFinancialYear(params.year);
  const { data, loading, error } = useQuery(EnglandAssuranceReportQuery, { variables: { financialYear: year?.label ?? '' }, skip: !year });
  const report = data?.englandAssuranceReport;
  usePageTitle(`England annual assurance report ${year?.label ?? ''}`);
  if (!year) return <p className="nhsuk-body">That is not a financial year. Years are written like 2015-16.</p>;
  return (
    <ReportFrame title="England" caption={`Annual assurance report ${year.label}`} year={year} pdf={report ? englandReportPdfPath(year) : null} pathFor={englandReportPath}>
      {loading && !data && <Loading label="Loading the report" />}
      {!report && !loading && <ReportUnavailable error={error} year={year} what="any CCG" />}
      {report && (
        <>
          <p className="nhsuk-body">Produced on {formatDate(report.generatedOn)} from published assessments only.</p>
          {report.illustrative && <IllustrativeNotice what="Some of this report (marked Illustrative)" />}
          <h2 className="nhsuk-heading-m">CCGs by category</h2>
          <p className="nhsuk-body">
            {report.ccgsAssessed} {report.ccgsAssessed === 1 ? 'CCG' : 'CCGs'} had a published assessment in {year.label}; {report.ccgsInSpecialMeasures}{' '}
            {report.ccgsInSpecialMeasures === 1 ? 'was' : 'were'} in special measures at some time in the year.
          </p>
          <table className="nhsuk-table nhsuk-table--compact ccg-report-counts">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">CCGs by their latest category of the year</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  Category
                </th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                  CCGs
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {report.categoryCounts.map((count) => (
                <tr className="nhsuk-table__row" key={count.category}>
                  <td className="nhsuk-table__cell">
                    <CategoryTag category={count.category as AssuranceCategory} />
                  </td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{count.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 className="nhsuk-heading-m">Each CCG</h2>
          <table className="nhsuk-table-responsive ccg-report-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">CCGs by code, with their latest category of the year</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  CCG
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Category
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Latest assessment
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Special measures
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {report.ccgs.map((entry) => (
                <tr className="nhsuk-table__row" key={entry.ccg.code}>
                  <td className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      CCG{' '}
                    </span>
                    <span>
                      <Link to={publicPath(entry.ccg.code)}>{organisationName(entry.ccg.name)}</Link> ({entry.ccg.code})
                      {entry.illustrative && (
                        <>
                          {' '}
                          <strong className="nhsuk-tag nhsuk-tag--yellow">Illustrative</strong>
                        </>
                      )}
                    </span>
                  </td>
                  <td className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      Category{' '}
                    </span>
                    {CATEGORY_NAMES[entry.category]}
                  </td>
                  <td className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      Latest assessment{' '}
                    </span>
                    {entry.quarterLabel}, {formatDate(entry.assessedOn)}
                  </td>
                  <td className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      Special measures{' '}
                    </span>
                    {entry.specialMeasuresState ? SPECIAL_MEASURES_STATE_LABELS[entry.specialMeasuresState] : 'None'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </ReportFrame>
  );
}
