import { addCalendarMonths, compareIsoDates, monthStart, todayInEngland } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import type { PerformanceReportOrganisationsQuery as OrganisationsResult } from '../gql/graphql';
import { monthLabel } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, FormGroup, problemFor, refusalProblem, TableContainer, type FormProblem } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { ReportStatusTag } from './report-labels';
import { PerformanceReportOrganisationsQuery, PerformanceReportsQuery, PreparePerformanceReportMutation, ReportCcgDatesQuery } from './performance-reports.operations';

type Role = NonNullable<OrganisationsResult['me']>['roles'][number];

/** A CCG whose reports the viewer works on, with the dates it was open (for the months a report may be for). */
export interface ReportCcg {
  code: string;
  name: string;
  openDate: string | null;
  closeDate: string | null;
}

/** CCGs were established on 1 April 2013: no report is for a month before it. */
const FIRST_CCG_MONTH = '2013-04-01';

/**
 * The CCGs whose reports the viewer reads: the CCGs they hold a role at, and the CCGs of an organisation they are a
 * board member of (an area team or region: the higher board that signs stage two).
 */
export function reportCcgsOf(roles: readonly Role[]): ReportCcg[] {
  const found = new Map<string, ReportCcg>();
  const add = (org: { code: string; name: string; type: string; openDate?: string | null; closeDate?: string | null }) => {
    if (org.type === 'CCG' && !found.has(org.code)) found.set(org.code, { code: org.code, name: org.name, openDate: org.openDate ?? null, closeDate: org.closeDate ?? null });
  };
  for (const role of roles) add(role.organisation);
  for (const role of roles) if (role.role === 'BOARD_MEMBER' && role.organisation.type !== 'CCG') for (const member of role.organisation.members) add(member.organisation);
  return [...found.values()];
}

/**
 * The months a report may be prepared for, latest first: the CCG was open on at least one day of the month (from
 * April 2013) and the month has ended by `today`. The API checks the same (CCG_NOT_OPEN_IN_MONTH, MONTH_NOT_ENDED).
 */
export function reportableMonths(ccg: Pick<ReportCcg, 'openDate' | 'closeDate'>, today: string): string[] {
  const opened = ccg.openDate && compareIsoDates(ccg.openDate, FIRST_CCG_MONTH) > 0 ? monthStart(ccg.openDate) : FIRST_CCG_MONTH;
  const lastEnded = addCalendarMonths(monthStart(today), -1);
  const last = ccg.closeDate && compareIsoDates(monthStart(ccg.closeDate), lastEnded) < 0 ? monthStart(ccg.closeDate) : lastEnded;
  const months: string[] = [];
  for (let month = last; compareIsoDates(month, opened) >= 0; month = addCalendarMonths(month, -1)) months.push(month);
  return months;
}

/** `/performance-reports`: a CCG's monthly performance reports by month, and "Prepare a report" for its analysts. */
export function PerformanceReportsPage() {
  usePageTitle('Performance reports');
  const [params, setParams] = useSearchParams();
  const organisations = useQuery(PerformanceReportOrganisationsQuery);
  const roles = organisations.data?.me?.roles ?? [];
  const ccgs = reportCcgsOf(roles);
  const chosen = ccgs.find((ccg) => ccg.code === params.get('ccg')) ?? ccgs[0] ?? null;
  const analystOf = ccgs.filter((ccg) => roles.some((role) => role.role === 'ANALYST' && role.organisation.code === ccg.code));

  if (organisations.loading && !organisations.data) return <Loading label="Loading your CCGs" />;
  return (
    <>
      <h1 className="nhsuk-heading-l">Performance reports</h1>
      <p className="nhsuk-body">
        The monthly integrated performance report: prepared by the CCG’s analysts from the data as it stands, signed off by the CCG’s board at a meeting, then received and signed by the higher board. Once both have signed it is{' '}
        <Link className="nhsuk-link" to="/published/performance-reports">
          published
        </Link>
        .
      </p>
      {organisations.error && (
        <ErrorSummary title="Your CCGs could not be loaded" headingLevel="h2">
          <p>{describeError(organisations.error)}</p>
        </ErrorSummary>
      )}
      {!organisations.error && ccgs.length === 0 && <p className="nhsuk-body">You hold no role at a CCG or at the higher organisation of one, so there are no reports for you here.</p>}
      {ccgs.length > 1 && chosen && (
        <FormGroup id="report-ccg-choice" label="CCG">
          {() => (
            <select className="nhsuk-select" id="report-ccg-choice" value={chosen.code} onChange={(event) => setParams({ ccg: event.currentTarget.value })}>
              {ccgs.map((ccg) => (
                <option key={ccg.code} value={ccg.code}>
                  {organisationName(ccg.name)} ({ccg.code})
                </option>
              ))}
            </select>
          )}
        </FormGroup>
      )}
      {analystOf.length > 0 && <PrepareReportForm ccgs={analystOf} initial={chosen && analystOf.includes(chosen) ? chosen : analystOf[0]} />}
      {chosen && <CcgReports ccg={chosen} />}
    </>
  );
}

function CcgReports({ ccg }: { ccg: ReportCcg }) {
  const { data, loading, error } = useQuery(PerformanceReportsQuery, { variables: { ccg: ccg.code }, fetchPolicy: 'cache-and-network' });
  const reports = data?.performanceReports ?? [];
  const name = `${organisationName(ccg.name)} (${ccg.code})`;
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading" className="nhsuk-heading-m">
        Reports of {name}
      </h2>
      {loading && !data ? (
        <Loading label="Loading the reports" />
      ) : error ? (
        <ErrorSummary title="The reports could not be loaded" headingLevel="h3">
          <p>{errorCodes(error).reason === 'NOT_YOUR_CCG' ? 'You do not read this CCG’s reports.' : describeError(error)}</p>
        </ErrorSummary>
      ) : reports.length === 0 ? (
        <p className="nhsuk-body">No report has been prepared for {name} yet.</p>
      ) : (
        <TableContainer>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Reports of {name}, latest month first</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {reports.map((report) => (
                <tr key={report.id}>
                  <td>
                    <Link className="nhsuk-link" to={`/performance-reports/${report.id}`}>
                      {report.monthLabel}
                      {report.version > 1 && <span className="nhsuk-u-visually-hidden">, version {report.version}</span>}
                    </Link>
                  </td>
                  <td>Version {report.version}</td>
                  <td>
                    <ReportStatusTag status={report.status} label={report.statusLabel} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
    </section>
  );
}

/** The refusals of preparing a report, by reason; the month's own refusals carry the API's words (details.fields.month). */
function prepareRefusal(error: unknown): FormProblem & { reportId?: string } {
  const { reason, details } = errorCodes(error);
  const fields = details?.fields as Record<string, unknown> | undefined;
  if ((reason === 'CCG_NOT_OPEN_IN_MONTH' || reason === 'MONTH_NOT_ENDED') && typeof fields?.month === 'string') return { field: 'prepare-month', message: fields.month };
  if (reason === 'MONTH_NOT_ENDED') return { field: 'prepare-month', message: 'A report is prepared for a month that has ended' };
  if (reason === 'CCG_NOT_OPEN_IN_MONTH') return { field: 'prepare-month', message: 'The CCG was not open in that month' };
  if (reason === 'REPORT_EXISTS') return { field: null, message: 'There is already a report for that month.', reportId: typeof details?.reportId === 'string' ? details.reportId : undefined };
  return refusalProblem(error, { NOT_A_CCG: { field: 'prepare-ccg', message: 'Choose a CCG' } }, 'Only an analyst of the CCG prepares its reports.');
}

function PrepareReportForm({ ccgs, initial }: { ccgs: ReportCcg[]; initial: ReportCcg }) {
  const navigate = useNavigate();
  const [today] = useState(() => todayInEngland(new Date()));
  const [ccgCode, setCcgCode] = useState(initial.code);
  const ccg = ccgs.find((candidate) => candidate.code === ccgCode) ?? initial;
  // The dates come from the organisation itself: the viewer's roles name the CCG without them.
  const dates = useQuery(ReportCcgDatesQuery, { variables: { ccg: ccg.code } });
  const months = dates.data ? reportableMonths(dates.data.organisation, today) : [];
  const [month, setMonth] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [existing, setExisting] = useState<string | null>(null);
  const [focus, setFocus] = useState(0);
  const [prepare, { loading }] = useMutation(PreparePerformanceReportMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setExisting(null);
    if (!month) {
      setProblems([{ field: 'prepare-month', message: 'Choose the month the report is for' }]);
      setFocus((n) => n + 1);
      return;
    }
    try {
      const result = await prepare({ variables: { input: { ccg: ccg.code, month } } });
      const id = result.data?.preparePerformanceReport.id;
      if (id) navigate(`/performance-reports/${id}`);
    } catch (error) {
      const refusal = prepareRefusal(error);
      setProblems([refusal]);
      setExisting(refusal.reportId ?? null);
      setFocus((n) => n + 1);
    }
  }

  return (
    <section aria-labelledby="prepare-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="prepare-heading" className="nhsuk-heading-m">
        Prepare a report
      </h2>
      <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h3">
        {existing && problems.every((problem) => problem.field === null) ? (
          <p>
            {problems[0]?.message}{' '}
            <Link className="nhsuk-link" to={`/performance-reports/${existing}`}>
              Open the existing report
            </Link>
          </p>
        ) : undefined}
      </ErrorSummary>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {ccgs.length > 1 ? (
          <FormGroup id="prepare-ccg" label="CCG" error={problemFor(problems, 'prepare-ccg')}>
            {({ describedBy }) => (
              <select
                className="nhsuk-select"
                id="prepare-ccg"
                aria-describedby={describedBy}
                value={ccgCode}
                onChange={(event) => {
                  setCcgCode(event.currentTarget.value);
                  setMonth('');
                }}
              >
                {ccgs.map((candidate) => (
                  <option key={candidate.code} value={candidate.code}>
                    {organisationName(candidate.name)} ({candidate.code})
                  </option>
                ))}
              </select>
            )}
          </FormGroup>
        ) : (
          <p className="nhsuk-body">
            For {organisationName(ccg.name)} ({ccg.code}).
          </p>
        )}
        <FormGroup id="prepare-month" label="Month" hint="Only months the CCG was open in and that have ended. The report is built from the data as it stands now." error={problemFor(problems, 'prepare-month')}>
          {({ describedBy, invalid }) => (
            <select className={`nhsuk-select${invalid ? ' nhsuk-select--error' : ''}`} id="prepare-month" aria-describedby={describedBy} value={month} onChange={(event) => setMonth(event.currentTarget.value)}>
              <option value="">{dates.loading ? 'Loading the months…' : 'Choose a month'}</option>
              {months.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {monthLabel(candidate)}
                </option>
              ))}
            </select>
          )}
        </FormGroup>
        <Button type="submit" disabled={loading}>
          {loading ? 'Preparing…' : 'Prepare the report'}
        </Button>
      </form>
    </section>
  );
}
