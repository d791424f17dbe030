import { useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import { formatInstant } from '../ui/format';
import { Loading } from '../ui/loading';
import { ErrorSummary, TableContainer } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { PublishedPerformanceReportQuery, PublishedPerformanceReportsQuery } from './performance-reports.operations';
import { ReportView } from './report-view';

/** The public address of a CCG's published report for a month (its first day), optionally of one version. */
export const publishedReportPath = (ccg: string, month: string, version?: number) =>
  `/published/performance-reports/${encodeURIComponent(ccg)}/${month}${version === undefined ? '' : `?version=${version}`}`;

/** `/published/performance-reports`: every published report, the latest month first (public). */
export function PublishedReportsPage() {
  usePageTitle('Published performance reports');
  const { data, loading, error } = useQuery(PublishedPerformanceReportsQuery, { variables: {}, fetchPolicy: 'cache-and-network' });
  const reports = data?.publishedPerformanceReports ?? [];
  return (
    <>
      <h1 className="nhsuk-heading-l">Published performance reports</h1>
      <p className="nhsuk-body">
        Each CCG’s monthly integrated performance report once it has been signed off by the CCG’s board and by the higher board (NHS England’s area team or region). Each is printable and has a PDF with its sign-off record.
      </p>
      {loading && !data ? (
        <Loading label="Loading the published reports" />
      ) : error ? (
        <ErrorSummary title="The published reports could not be loaded" headingLevel="h2">
          <p>{describeError(error)}</p>
        </ErrorSummary>
      ) : reports.length === 0 ? (
        <p className="nhsuk-body">No report has been published yet.</p>
      ) : (
        <TableContainer>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Published reports, latest month first</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">CCG</th>
                <th scope="col">Month</th>
                <th scope="col">Version</th>
                <th scope="col">Published</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {reports.map((report) => (
                <tr key={report.id}>
                  <td>
                    {organisationName(report.ccg.name)} ({report.ccg.code})
                  </td>
                  <td>
                    <Link className="nhsuk-link" to={publishedReportPath(report.ccg.code, report.month)}>
                      {report.monthLabel}
                      <span className="nhsuk-u-visually-hidden">, {organisationName(report.ccg.name)}</span>
                    </Link>
                  </td>
                  <td>Version {report.version}</td>
                  <td>{report.publishedAt ? formatInstant(report.publishedAt) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
    </>
  );
}

/** `/published/performance-reports/:ccg/:month`: the public version of a CCG's report for a month, or an earlier one by `?version=` (public). */
export function PublishedReportPage() {
  const { ccg = '', month = '' } = useParams();
  const [params] = useSearchParams();
  const asked = params.get('version');
  const version = asked && /^\d+$/.test(asked) ? Number(asked) : undefined;
  const { data, loading, error, refetch } = useQuery(PublishedPerformanceReportQuery, { variables: { ccg, month, ...(version === undefined ? {} : { version }) }, fetchPolicy: 'cache-and-network' });
  const report = data?.publishedPerformanceReport;
  usePageTitle(report ? `${report.monthLabel} performance report, ${organisationName(report.ccg.name)}` : 'Published performance report');
  if (loading && !data) return <Loading label="Loading the report" />;
  if (!report) {
    return (
      <>
        <h1 className="nhsuk-heading-l">{error ? 'The report could not be loaded' : 'No published report'}</h1>
        {error ? (
          <ErrorSummary title="There is a problem" headingLevel="h2">
            <p>{describeError(error)}</p>
          </ErrorSummary>
        ) : (
          <p className="nhsuk-body">There is no published report{version === undefined ? '' : ` version ${version}`} for that CCG and month.</p>
        )}
        <p className="nhsuk-body">
          <Link className="nhsuk-link" to="/published/performance-reports">
            All published reports
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <div className="nhsuk-back-link ccg-no-print">
        <Link className="nhsuk-back-link__link" to="/published/performance-reports">
          Published performance reports
        </Link>
      </div>
      <ReportView report={report} editable={false} versionPath={(other) => publishedReportPath(report.ccg.code, report.month, other.version)} onChanged={() => refetch().catch(() => undefined)} />
    </>
  );
}
