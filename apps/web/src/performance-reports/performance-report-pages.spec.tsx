import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InMemoryCache } from '@apollo/client';
import { GraphQLError } from 'graphql';
import { renderApp, viewerMock } from '../testing/render-app';
import { ccgDatesMock, demoAnalyst, demoBoardMember, leedsNorth, organisationsMock, report, reportMock } from './performance-report.fixtures';
import { reportableMonths } from './performance-reports-page';
import {
  ApplyPerformanceReportActionMutation,
  PerformanceReportQuery,
  PerformanceReportsQuery,
  PreparePerformanceReportMutation,
  PublishedPerformanceReportQuery,
  UpdateReportCommentaryMutation,
} from './performance-reports.operations';
import { signOffProblems } from './report-sign-off';

jest.setTimeout(20_000);

const listMock = (reports = [report()]) => ({ request: { query: PerformanceReportsQuery, variables: { ccg: '02V' } }, result: { data: { performanceReports: reports } } });

describe('the months a report may be prepared for', () => {
  it('are the months the CCG was open in that have ended, latest first: none after a CCG closed, none before April 2013', () => {
    const months = reportableMonths({ openDate: '2013-04-01', closeDate: '2018-03-31' }, '2026-05-10');
    expect(months[0]).toBe('2018-03-01');
    expect(months[months.length - 1]).toBe('2013-04-01');
    expect(months).toHaveLength(60);
  });

  it('end with the last month that has ended for a CCG still open', () => {
    expect(reportableMonths({ openDate: null, closeDate: null }, '2026-05-10')[0]).toBe('2026-04-01');
    expect(reportableMonths({ openDate: '2026-03-15', closeDate: null }, '2026-05-10')).toEqual(['2026-04-01', '2026-03-01']);
  });
});

describe('the sign-off form’s checks', () => {
  it('ask a signature for the meeting and a real date after the month ended and not in the future, and a return for its reason', () => {
    const fields = { reason: '', meeting: '', signedOn: '' };
    expect(signOffProblems('SIGN_FOR_CCG', fields, '2018-03-01', '2026-05-10').map((problem) => problem.message)).toEqual(['Enter the meeting at which the report was signed off', 'Enter the date it was signed off']);
    expect(signOffProblems('SIGN_FOR_CCG', { ...fields, meeting: 'Governing Body', signedOn: '2018-03-31' }, '2018-03-01', '2026-05-10')[0].message).toBe('The date it was signed off must be after the month the report is for has ended');
    expect(signOffProblems('SIGN_FOR_CCG', { ...fields, meeting: 'Governing Body', signedOn: '2026-05-11' }, '2018-03-01', '2026-05-10')[0].message).toBe('The date it was signed off cannot be in the future');
    expect(signOffProblems('SIGN_FOR_CCG', { ...fields, meeting: 'Governing Body', signedOn: '2018-04-12' }, '2018-03-01', '2026-05-10')).toEqual([]);
    expect(signOffProblems('RETURN_TO_ANALYST', fields, '2018-03-01', '2026-05-10')).toEqual([{ field: 'signoff-reason', message: 'Say why it is returned' }]);
    expect(signOffProblems('SUBMIT_TO_CCG', fields, '2018-03-01', '2026-05-10')).toEqual([]);
  });
});

describe('a CCG’s performance reports', () => {
  it('lists them by month with their status in words, and offers an analyst the months 02V was open in', async () => {
    renderApp('/performance-reports', [viewerMock(demoAnalyst), organisationsMock(), ccgDatesMock, listMock([report({ status: 'READY_FOR_CCG', statusLabel: 'Ready for the CCG' })])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Performance reports' })).toBeInTheDocument();
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('link', { name: 'March 2018' })).toHaveAttribute('href', '/performance-reports/r1');
    expect(within(table).getByText('Ready for the CCG')).toBeInTheDocument();
    expect(within(table).queryByText('READY_FOR_CCG')).not.toBeInTheDocument();
    await screen.findByRole('option', { name: 'March 2018' });
    const months = within(screen.getByLabelText('Month')).getAllByRole('option').map((option) => option.textContent);
    expect(months[1]).toBe('March 2018');
    expect(months).not.toContain('April 2018');
  });

  it('shows a board member the reports and no "Prepare a report"', async () => {
    renderApp('/performance-reports', [viewerMock(demoBoardMember), organisationsMock('BOARD_MEMBER'), listMock([])]);
    expect(await screen.findByText('No report has been prepared for NHS Leeds North CCG (02V) yet.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Prepare a report' })).not.toBeInTheDocument();
  });

  it('asks for a month first, then shows the API’s refusal of the month at the field, the summary taking focus', async () => {
    const user = userEvent.setup();
    const refusal = 'A report is prepared for a month that has ended.';
    renderApp('/performance-reports', [
      viewerMock(demoAnalyst),
      organisationsMock(),
      ccgDatesMock,
      listMock([]),
      {
        request: { query: PreparePerformanceReportMutation, variables: { input: { ccg: '02V', month: '2018-03-01' } } },
        result: { errors: [new GraphQLError('refused', { extensions: { code: 'BAD_USER_INPUT', reason: 'MONTH_NOT_ENDED', details: { fields: { month: refusal } } } })] },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Prepare the report' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Choose the month the report is for');
    await waitFor(() => expect(summary).toHaveFocus());
    await screen.findByRole('option', { name: 'March 2018' });
    await user.selectOptions(screen.getByLabelText(/^Month/), 'March 2018');
    await user.click(screen.getByRole('button', { name: 'Prepare the report' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(refusal));
    expect(screen.getByRole('link', { name: refusal })).toHaveAttribute('href', '#prepare-month');
  });
});

describe('a report', () => {
  it('shows every section with its content and commentary, the chart’s annotations marked and listed, carried-forward actions marked, and the history', async () => {
    renderApp('/performance-reports/r1', [viewerMock(demoAnalyst), reportMock(report())]);
    expect(await screen.findByRole('heading', { level: 1, name: /March 2018 performance report/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Provider scorecard' })).toBeInTheDocument();
    expect(screen.getByText('Red: fails standard')).toBeInTheDocument();
    expect(screen.getByText('The CCG expects to break even.')).toBeInTheDocument();
    const chart = screen.getByRole('region', { name: 'A&E: four-hour wait, all department types, Leeds Teaching Hospitals NHS Trust' });
    expect(within(chart).getByRole('img', { name: /^February 2018: 85\.5%, common cause, annotated$/ })).toBeInTheDocument();
    expect(within(chart).getAllByTestId('annotation-mark')).toHaveLength(1);
    expect(within(chart).getByText('Norovirus closed two wards.')).toBeInTheDocument();
    expect(within(chart).getByText(/on an earlier report/)).toBeInTheDocument();
    expect(screen.getByText('Carried forward from February 2018')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'History of version 1' })).getByText(/by Demo Analyst/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /as a PDF$/ })).toHaveAttribute('href', '/reports/performance-reports/r1.pdf');
  });

  it('shows each value in its indicator’s unit: a count whole, not as a percentage', async () => {
    const counted = report();
    const scorecard = counted.sections.find((section) => section.key === 'SCORECARD');
    if (!scorecard) throw new Error('the fixture has a scorecard');
    scorecard.scorecardRows = scorecard.scorecardRows.map((row) => ({ ...row, indicatorCode: 'TROLLEY_12HR', indicatorName: '12-hour trolley waits', unit: 'COUNT', value: 3, valueText: '3', target: 0, points: row.points.map((point) => ({ ...point, value: 3 })) }));
    renderApp('/performance-reports/r1', [viewerMock(demoAnalyst), reportMock(counted)]);
    const table = await screen.findByRole('table', { name: /Providers against the national standards/ });
    const cells = within(table).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toContain('3');
    expect(cells).toContain('0');
    expect(cells.some((text) => text?.includes('%'))).toBe(false);
  });

  it('lets the analyst write a section’s commentary on a draft, sending the report’s version as read', async () => {
    const user = userEvent.setup();
    const written = report({ rowVersion: 5 });
    written.sections[0] = { ...written.sections[0], commentary: 'Four-hour performance fell again.', commentaryUpdatedBy: 'Demo Analyst', commentaryUpdatedAt: '2026-05-10T09:10:00Z' };
    renderApp('/performance-reports/r1', [
      viewerMock(demoAnalyst),
      reportMock(report()),
      {
        request: { query: UpdateReportCommentaryMutation, variables: { input: { reportId: 'r1', expectedVersion: 4, section: 'SCORECARD', commentary: 'Four-hour performance fell again.' } } },
        result: { data: { updateReportCommentary: written } },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Write commentary on Provider scorecard' }));
    await user.type(screen.getByLabelText('Commentary on Provider scorecard'), 'Four-hour performance fell again.');
    await user.click(screen.getByRole('button', { name: 'Save the commentary' }));
    expect(await screen.findByText('The commentary on provider scorecard is saved.')).toBeInTheDocument();
    expect(screen.getByText('Four-hour performance fell again.')).toBeInTheDocument();
  });

  it('offers no change to a report shown from the cache until the server has answered (a late answer would undo a save)', async () => {
    const cache = new InMemoryCache();
    cache.writeQuery({ query: PerformanceReportQuery, variables: { id: 'r1' }, data: { performanceReport: report() } });
    renderApp('/performance-reports/r1', [viewerMock(demoAnalyst), { ...reportMock(report({ rowVersion: 5 })), delay: 300 }], { cache });
    await screen.findByRole('heading', { level: 1, name: /March 2018 performance report/ });
    expect(screen.queryByRole('button', { name: 'Write commentary on Provider scorecard' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Annotate a point/ })).not.toBeInTheDocument();
    expect(screen.getByText(/Reading the latest version of the report/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Write commentary on Provider scorecard' })).toBeInTheDocument();
    expect(screen.queryByText(/Reading the latest version of the report/)).not.toBeInTheDocument();
  });

  it('offers a reader who may not edit no forms and no sign-off', async () => {
    renderApp('/performance-reports/r1', [viewerMock(demoBoardMember), reportMock(report({ availableActions: [] }))]);
    await screen.findByRole('heading', { level: 1, name: /March 2018 performance report/ });
    expect(screen.queryByRole('button', { name: /commentary/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Annotate/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Sign-off: what you can do' })).not.toBeInTheDocument();
  });

  it('lets the CCG’s board member sign it only with the meeting and date, the summary taking focus, then shows the signature and that it is frozen', async () => {
    const user = userEvent.setup();
    const ready = report({ status: 'READY_FOR_CCG', statusLabel: 'Ready for the CCG', availableActions: ['RETURN_TO_ANALYST', 'SIGN_FOR_CCG'] });
    const signed = report({
      status: 'SIGNED_BY_CCG',
      statusLabel: 'Signed by the CCG',
      frozen: true,
      changedValuesSinceFrozen: 0,
      frozenValueCount: 3,
      rowVersion: 5,
      availableActions: [],
      ccgSignOff: { __typename: 'SignOff', by: 'Demo Board Member', at: '2026-05-10T10:00:00Z', meeting: 'Governing Body', signedOn: '2018-04-12', signedOnLabel: '12 April 2018', organisation: leedsNorth } as never,
    });
    renderApp('/performance-reports/r1', [
      viewerMock(demoBoardMember),
      reportMock(ready),
      {
        request: { query: ApplyPerformanceReportActionMutation, variables: { input: { reportId: 'r1', expectedVersion: 4, action: 'SIGN_FOR_CCG', meeting: 'Governing Body', signedOn: '2018-04-12' } } },
        result: { data: { applyPerformanceReportAction: signed } },
      },
    ]);
    const panel = within(await screen.findByRole('region', { name: 'Sign-off: what you can do' }));
    expect(panel.getAllByRole('button').map((button) => button.textContent)).toEqual(['Sign off for the CCG', 'Return to the analyst']);
    await user.click(panel.getByRole('button', { name: 'Sign off for the CCG' }));
    await user.click(panel.getByRole('button', { name: 'Sign off for the CCG' }));
    const summary = panel.getByRole('alert');
    expect(summary).toHaveTextContent('Enter the meeting at which the report was signed off');
    await waitFor(() => expect(summary).toHaveFocus());
    await user.type(panel.getByLabelText('Meeting'), 'Governing Body');
    await user.type(panel.getByLabelText('Day'), '12');
    await user.type(panel.getByLabelText('Month'), '4');
    await user.type(panel.getByLabelText('Year'), '2018');
    await user.click(panel.getByRole('button', { name: 'Sign off for the CCG' }));
    expect(await screen.findByText(/The report is signed off for the CCG/)).toBeInTheDocument();
    expect(screen.getByText('No value has changed since this report was signed.', { exact: false })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Sign-off record' })).getByText(/Demo Board Member for NHS Leeds North CCG, at Governing Body on 12 April 2018/)).toBeInTheDocument();
  });

  it('says how many values the data has changed since a frozen report was signed', async () => {
    renderApp('/performance-reports/r1', [viewerMock(demoAnalyst), reportMock(report({ status: 'SIGNED_BY_CCG', statusLabel: 'Signed by the CCG', frozen: true, changedValuesSinceFrozen: 3, frozenValueCount: 40, availableActions: ['CORRECT'] }))]);
    expect(await screen.findByText('3 values have changed since this report was signed.')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Sign-off: what you can do' })).getByRole('button', { name: 'Correct the report' })).toBeInTheDocument();
  });
});

describe('a published report', () => {
  it('marks a superseded version, links the version that replaced it, and offers its PDF, to a visitor who is not signed in', async () => {
    const superseded = report({
      status: 'SUPERSEDED',
      statusLabel: 'Superseded',
      frozen: true,
      publiclyReadable: true,
      availableActions: [],
      changedValuesSinceFrozen: 0,
      supersededBy: { __typename: 'PerformanceReportVersion', id: 'r2', version: 2, status: 'PUBLISHED', statusLabel: 'Published', publishedAt: '2026-05-12T10:00:00Z', publiclyReadable: true, correctionReason: 'Resubmitted A&E figures' } as never,
      versions: [
        { __typename: 'PerformanceReportVersion', id: 'r1', version: 1, status: 'SUPERSEDED', statusLabel: 'Superseded', publishedAt: '2026-05-11T10:00:00Z', publiclyReadable: true, correctionReason: null },
        { __typename: 'PerformanceReportVersion', id: 'r2', version: 2, status: 'PUBLISHED', statusLabel: 'Published', publishedAt: '2026-05-12T10:00:00Z', publiclyReadable: true, correctionReason: 'Resubmitted A&E figures' },
      ] as never,
    });
    renderApp('/published/performance-reports/02V/2018-03-01?version=1', [
      viewerMock(null),
      { request: { query: PublishedPerformanceReportQuery, variables: { ccg: '02V', month: '2018-03-01', version: 1 } }, result: { data: { publishedPerformanceReport: superseded } } },
    ]);
    expect(await screen.findByRole('heading', { name: /This version has been superseded/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Read version 2 (published)' })).toHaveAttribute('href', '/published/performance-reports/02V/2018-03-01?version=2');
    expect(within(screen.getByRole('region', { name: 'Versions' })).getByText('Version 1 (this version)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /as a PDF$/ })).toHaveAttribute('href', '/reports/performance-reports/r1.pdf');
    expect(screen.queryByRole('button', { name: /Annotate|commentary|Sign off/ })).not.toBeInTheDocument();
  });
});
