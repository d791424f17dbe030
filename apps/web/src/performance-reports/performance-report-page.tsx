import { todayInEngland } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import { Loading } from '../ui/loading';
import { ErrorSummary } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { PerformanceReportQuery } from './performance-reports.operations';
import { SignOffPanel } from './report-sign-off';
import { ReportView } from './report-view';

/** `/performance-reports/:id`: one version of a report for the CCG's staff and its boards, with what the viewer may do to it. */
export function PerformanceReportPage() {
  const id = useParams().id ?? '';
  const { data, loading, error, refetch } = useQuery(PerformanceReportQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const report = data?.performanceReport;
  usePageTitle(report ? `${report.monthLabel} performance report, ${organisationName(report.ccg.name)}` : 'Performance report');
  const [today] = useState(() => todayInEngland(new Date()));
  // Changes wait for the server's first answer: a report shown from the cache meanwhile may be older than the server's,
  // and that answer, arriving after a save, would put the older version back, so the next save was refused as stale.
  const [answered, setAnswered] = useState(false);
  if (!loading && !answered) setAnswered(true);
  if (loading && !data) return <Loading label="Loading the report" />;
  if (!report) {
    return (
      <>
        <h1 className="nhsuk-heading-l">{error ? 'The report could not be loaded' : 'Report not found'}</h1>
        {error ? (
          <ErrorSummary title="There is a problem" headingLevel="h2">
            <p>{describeError(error)}</p>
          </ErrorSummary>
        ) : (
          <p className="nhsuk-body">There is no such report, or it belongs to a CCG whose reports you do not read.</p>
        )}
        <p className="nhsuk-body">
          <Link className="nhsuk-link" to="/performance-reports">
            Back to performance reports
          </Link>
        </p>
      </>
    );
  }
  const onChanged = () => refetch().catch(() => undefined);
  return (
    <>
      <div className="nhsuk-back-link ccg-no-print">
        <Link className="nhsuk-back-link__link" to={`/performance-reports?ccg=${encodeURIComponent(report.ccg.code)}`}>
          Performance reports
        </Link>
      </div>
      <ReportView
        report={report}
        editable={answered && report.availableActions.includes('EDIT')}
        versionPath={(version) => `/performance-reports/${version.id}`}
        onChanged={onChanged}
        actions={answered ? <SignOffPanel report={report} today={today} onChanged={onChanged} /> : <Loading label="Reading the latest version of the report" />}
      />
    </>
  );
}
