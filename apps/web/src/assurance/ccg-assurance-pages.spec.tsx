import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, viewerMock } from '../testing/render-app';
import { ALL_GOOD, assessmentFixture, assessorViewer, ccgAssuranceFixture, ccgViewer, episodeFixture, seenBy } from './assurance.fixtures';
import { AssuranceOrganisationQuery, AssuranceWorkspaceQuery } from './assurance-workspace.operations';
import { CcgAssuranceQuery, PublishedAssuranceQuery } from './ccg-assurance.operations';
import type { WorkspaceEntry } from './workspace-page';

const published = assessmentFixture({ id: 'a1', quarter: 1, ratings: { ...ALL_GOOD, PLANNING: 'OUTSTANDING' }, decided: 'GOOD', status: 'PUBLISHED' });
const draft = assessmentFixture({ id: 'a2', quarter: 2, ratings: { ...ALL_GOOD, FINANCIAL_MANAGEMENT: 'NOT_ASSURED' } });

describe('public assurance page', () => {
  it('shows published assessments only, signed out, with no sign-in asked', async () => {
    // Even if a draft reached the page it would not be shown.
    const assurance = { ...ccgAssuranceFixture([draft, published]), includesDrafts: false };
    renderApp('/public/assurance/02v', [viewerMock(null), { request: { query: PublishedAssuranceQuery, variables: { ccg: '02V' } }, result: { data: { publishedAssurance: assurance } } }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Published assurance NHS Leeds North CCG (02V)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Latest assessment: 2015/16 Q1' })).toBeInTheDocument();
    expect(screen.queryByText(/2015\/16 Q2/)).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Sign in' })).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: /ratings by component/ })).toHaveAccessibleDescription(/1 assessment from 2015\/16 Q1 to 2015\/16 Q1/);
    expect(screen.getByRole('link', { name: 'Annual assurance report 2015/16' })).toHaveAttribute('href', '/assurance/reports/02V/2015-16');
    expect(screen.queryByText(/responses/i)).not.toBeInTheDocument();
    expect(screen.queryByText('Read as at')).not.toBeInTheDocument();
  });

  it('says the date illustrative records are read at, and marks nothing overdue that the API does not (issue 20.7)', async () => {
    const assurance = { ...ccgAssuranceFixture([{ ...published, illustrative: true }]), includesDrafts: false, asOf: '2016-01-31', assessmentOverdue: false };
    renderApp('/public/assurance/02V', [viewerMock(null), { request: { query: PublishedAssuranceQuery, variables: { ccg: '02V' } }, result: { data: { publishedAssurance: assurance } } }]);
    const row = (await screen.findByText('Read as at')).closest('div') as HTMLElement;
    expect(row).toHaveTextContent('31 January 2016: illustrative records are read at the date of the latest of them, not today');
    expect(screen.queryByText('Overdue')).not.toBeInTheDocument();
  });

  it('offers no change to special measures, even to an assessor who reads it', async () => {
    const episode = episodeFixture('IN_PROGRESS', ['REPORT_PROGRESS', 'EXIT', 'ESCALATE']);
    const assurance = { ...ccgAssuranceFixture([published], episode), includesDrafts: false };
    renderApp('/public/assurance/02V', [viewerMock(assessorViewer), { request: { query: PublishedAssuranceQuery, variables: { ccg: '02V' } }, result: { data: { publishedAssurance: assurance } } }]);
    expect(await screen.findByTestId('special-measures-episode')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Next steps' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Exit special measures' })).not.toBeInTheDocument();
    expect(screen.queryByText('Add an action to the plan')).not.toBeInTheDocument();
  });
});

describe('a CCG’s assurance page', () => {
  it('shows the standing, the chart of published ratings, the 12-month clock, and links to the public page', async () => {
    // The API answers the CCG's own users with no special measures steps and COMMENT on each assessment.
    const episode = episodeFixture('IN_PROGRESS', []);
    const assurance = ccgAssuranceFixture([seenBy(['CCG_USER'], draft), seenBy(['CCG_USER'], published)], episode);
    renderApp('/assurance/ccgs/02V', [viewerMock(ccgViewer), { request: { query: CcgAssuranceQuery, variables: { ccg: '02V' } }, result: { data: { ccgAssurance: assurance } } }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Assurance NHS Leeds North CCG (02V)' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Public assurance page' })).toHaveAttribute('href', '/public/assurance/02V');
    expect(screen.getByTestId('special-measures-clock')).toHaveTextContent('7 months remaining');
    // the draft is listed, but not charted
    expect(screen.getByRole('link', { name: '2015/16 Q2' })).toHaveAttribute('href', '/assurance/assessments/a2');
    expect(screen.getByRole('img', { name: /ratings by component/ })).toHaveAccessibleDescription(/^1 assessment/);
    // the CCG's own users read it, respond, and take no special measures steps
    expect(screen.queryByRole('button', { name: 'Exit special measures' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Start an assessment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Continue the draft/ })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Add a response')).toBeInTheDocument();
  });

  it('offers an assessor the special measures steps allowed now, and the draft to continue', async () => {
    const episode = episodeFixture('IN_PROGRESS', ['REPORT_PROGRESS', 'EXIT', 'ESCALATE']);
    renderApp('/assurance/ccgs/02V', [viewerMock(assessorViewer), { request: { query: CcgAssuranceQuery, variables: { ccg: '02V' } }, result: { data: { ccgAssurance: ccgAssuranceFixture([draft, published], episode) } } }]);
    const steps = await screen.findByRole('region', { name: 'Next steps' });
    expect(within(steps).getAllByRole('button').map((b) => b.textContent)).toEqual(['Record a progress report', 'Exit special measures', 'Escalate']);
    expect(screen.getByRole('link', { name: 'Continue the draft 2015/16 Q2 assessment' })).toHaveAttribute('href', '/assurance/assessments/a2');
    expect(screen.queryByLabelText('Add a response')).not.toBeInTheDocument();
  });
});

const entry = (code: string, name: string, extra: Partial<WorkspaceEntry>): WorkspaceEntry => ({
  __typename: 'AssuranceWorkspaceEntry',
  ccg: { __typename: 'Organisation', code, name },
  currentCategory: null,
  lastAssessedOn: null,
  lastQuarterLabel: null,
  nextAssessmentDue: null,
  overdue: false,
  draftAssessmentId: null,
  specialMeasuresState: null,
  specialMeasuresMonthsRemaining: null,
  specialMeasuresOverdue: false,
  illustrative: false,
  ...extra,
}) as WorkspaceEntry;

const workspaceMock = {
  request: { query: AssuranceWorkspaceQuery },
  result: {
    data: {
      assuranceWorkspace: {
        __typename: 'AssuranceWorkspace',
        asOf: '2016-02-15',
        entries: [
          entry('02V', 'NHS LEEDS NORTH CCG', { currentCategory: 'NOT_ASSURED', lastQuarterLabel: '2015/16 Q2', nextAssessmentDue: '2015-11-20', overdue: true, specialMeasuresState: 'IN_PROGRESS', specialMeasuresMonthsRemaining: 7, illustrative: true }),
          entry('03C', 'NHS LEEDS WEST CCG', { currentCategory: 'GOOD', lastQuarterLabel: '2015/16 Q3', nextAssessmentDue: '2016-06-20', draftAssessmentId: 'a9' }),
          entry('08A', 'NHS GREENWICH CCG', {}),
        ],
      },
    },
  },
};

describe('assessor’s workspace', () => {
  it('shows the CCGs 25 to a page, with NHS pagination and an address per page; a filter starts again at page 1 (issue 20)', async () => {
    const many = Array.from({ length: 60 }, (_, i) => entry(`C${String(i + 1).padStart(2, '0')}`, `NHS TEST ${i + 1} CCG`, {}));
    const paged = { ...workspaceMock, result: { data: { assuranceWorkspace: { ...workspaceMock.result.data.assuranceWorkspace, entries: many } } } };
    renderApp('/assurance', [viewerMock(assessorViewer), paged]);
    const table = await screen.findByRole('table', { name: 'CCGs, assessments overdue first' });
    expect(within(table).getAllByRole('row')).toHaveLength(26);
    expect(screen.getByText(/^CCGs 1 to 25 of 60, assessments overdue first/)).toBeInTheDocument();
    const pages = screen.getByRole('navigation', { name: 'Pages of CCGs' });
    expect(within(pages).getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
    await userEvent.click(within(pages).getByRole('link', { name: 'Page 3' }));
    expect(await screen.findByText(/^CCGs 51 to 60 of 60/)).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getAllByRole('row').slice(1).map((row) => row.getAttribute('data-ccg'))).toEqual(many.slice(50).map((e) => e.ccg.code));
    expect(screen.getByText('The file holds every CCG (60), not only this page.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('CCG name or code'), 'test 1');
    expect(screen.getByText(/^Showing 11 of 60 CCGs matching the filters/)).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Pages of CCGs' })).toBeNull();
  });

  it('lists every CCG overdue first, with category, due date and special measures in words', async () => {
    renderApp('/assurance', [viewerMock(assessorViewer), workspaceMock]);
    const table = await screen.findByRole('table', { name: 'CCGs, assessments overdue first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-ccg'))).toEqual(['02V', '03C', '08A']);
    expect(rows[0]).toHaveTextContent('Not assured');
    expect(rows[0]).toHaveTextContent('Overdue 20 November 2015');
    expect(rows[0]).toHaveTextContent('Improvement under way; 7 months left');
    expect(within(rows[1]).getByRole('link', { name: /Continue the draft/ })).toHaveAttribute('href', '/assurance/assessments/a9');
    expect(within(rows[2]).getByRole('link', { name: /Start an assessment/ })).toHaveAttribute('href', '/assurance/assessments/new?ccg=08A');
    expect(screen.getByText(/Some assessments and special measures here are illustrative demonstration data/)).toBeInTheDocument();
  });

  it('filters by search, category and overdue, and exports what is shown', async () => {
    renderApp('/assurance', [viewerMock(assessorViewer), workspaceMock]);
    await screen.findByRole('table');
    await userEvent.type(screen.getByLabelText('CCG name or code'), 'leeds');
    expect(screen.getByText(/^Showing 2 of 3 CCGs matching the filters/)).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Assessment'), 'Overdue');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
    await userEvent.selectOptions(screen.getByLabelText('Current category'), 'Good');
    expect(screen.getByText('No CCG matches the filters.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Download CSV/ })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(4);
    expect(screen.getByRole('button', { name: /Download CSV/ })).toBeEnabled();
  });

  it('leads a CCG’s own user from /assurance to their CCG’s page', async () => {
    renderApp('/assurance', [
      viewerMock(ccgViewer),
      { request: { query: AssuranceOrganisationQuery, variables: { code: '02V' } }, result: { data: { organisation: { __typename: 'Organisation', code: '02V', name: 'NHS LEEDS NORTH CCG', type: 'CCG' } } } },
      { request: { query: CcgAssuranceQuery, variables: { ccg: '02V' } }, result: { data: { ccgAssurance: ccgAssuranceFixture([published]) } } },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Assurance NHS Leeds North CCG (02V)' })).toBeInTheDocument();
  });
});

describe('raising a poor rating to the CCG’s boards (issue 16)', () => {
  const limited = assessmentFixture({ id: 'a3', quarter: 1, ratings: { ...ALL_GOOD, PERFORMANCE: 'LIMITED_ASSURANCE', FINANCIAL_MANAGEMENT: 'LIMITED_ASSURANCE' }, decided: 'LIMITED_ASSURANCE', status: 'PUBLISHED' });
  const answer = (assurance: unknown) => ({ request: { query: CcgAssuranceQuery, variables: { ccg: '02V' } }, result: { data: { ccgAssurance: assurance } } });

  it('offers the CCG’s own staff a raise link filled in with the rating', async () => {
    renderApp('/assurance/ccgs/02V', [viewerMock(ccgViewer), answer(ccgAssuranceFixture([seenBy(['CCG_USER'], limited)]))]);
    const raise = await screen.findByRole('link', { name: 'Raise an escalation item about the CCG’s assurance rating' });
    expect(Object.fromEntries(new URLSearchParams(raise.getAttribute('href')?.split('?')[1]))).toEqual({
      kind: 'ASSURANCE_TRIGGER',
      ccg: '02V',
      text: 'NHS England rated the CCG Limited assurance (requires improvement) in its 2015/16 Q1 assessment.',
    });
  });

  it('offers no raise link to an assessor, nor for a Good rating', async () => {
    renderApp('/assurance/ccgs/02V', [viewerMock(assessorViewer), answer(ccgAssuranceFixture([limited]))]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Assurance NHS Leeds North CCG (02V)' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Raise an escalation item/ })).not.toBeInTheDocument();
  });
});
