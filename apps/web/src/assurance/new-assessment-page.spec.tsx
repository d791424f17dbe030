import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { enterDate } from '../testing/enter-date';
import { renderApp, viewerMock } from '../testing/render-app';
import { AssuranceTriggersQuery, CcgLifeQuery } from './assessment.operations';
import { assessorViewer } from './assurance.fixtures';

const lifeMock = (code: string, openDate: string | null, closeDate: string | null) => ({
  request: { query: CcgLifeQuery, variables: { code } },
  result: { data: { organisation: { __typename: 'Organisation', code, name: 'NHS LEEDS NORTH CCG', type: 'CCG', openDate, closeDate } } },
});
const evidenceMock = (ccg: string, scorecardAsOf: string | null) => ({
  request: { query: AssuranceTriggersQuery, variables: { ccg } },
  result: { data: { assuranceTriggers: { __typename: 'AssuranceTriggers', scorecardAsOf, providersConsidered: [], providersBasis: 'REGION', triggers: [] } } },
});

describe('starting an assessment', () => {
  afterEach(() => jest.useRealTimers());

  it('reads today in England: at 00:30 BST on 1 April it is already the new financial year', async () => {
    // 23:30 UTC on 31 March 2016 is 00:30 on 1 April in London.
    jest.useFakeTimers({ now: new Date('2016-03-31T23:30:00Z'), advanceTimers: true });
    renderApp('/assurance/assessments/new?ccg=02v', [viewerMock(assessorViewer)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Start an assessment' })).toBeInTheDocument();
    expect(screen.getByLabelText('Financial year')).toHaveValue('2016/17');
    const day = within(screen.getByRole('group', { name: 'Day of the assessment' }));
    expect(['Day', 'Month', 'Year'].map((name) => (day.getByRole('textbox', { name }) as HTMLInputElement).value)).toEqual(['1', '4', '2016']);
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['2016/17', '2015/16', '2014/15', '2013/14']);
  });

  it('offers only the framework years in which the CCG existed, defaulting to the latest year with evidence (issue 20)', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-06T12:00:00Z'), advanceTimers: true });
    renderApp('/assurance/assessments/new?ccg=02V', [viewerMock(assessorViewer), lifeMock('02V', '2013-04-01', '2018-03-31'), evidenceMock('02V', '2019-03-01')]);
    await waitFor(() => expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['2017/18', '2016/17', '2015/16', '2014/15', '2013/14']));
    expect(screen.getByLabelText(/^Financial year/)).toHaveValue('2017/18');
    expect(screen.getByText('The years in which NHS Leeds North CCG existed and an assurance framework was in force.')).toBeInTheDocument();
  });

  it('warns when the evidence is older than the quarter chosen', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-06T12:00:00Z'), advanceTimers: true });
    renderApp('/assurance/assessments/new?ccg=02V', [viewerMock(assessorViewer), lifeMock('02V', '2013-04-01', null), evidenceMock('02V', '2019-03-01')]);
    await waitFor(() => expect(screen.getByLabelText(/^Financial year/)).toHaveValue('2018/19'));
    await userEvent.click(screen.getByRole('radio', { name: /^Quarter 4/ }));
    expect(screen.queryByText('The evidence is older than this quarter')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText(/^Financial year/), '2026/27');
    await userEvent.click(screen.getByRole('radio', { name: /^Quarter 3/ }));
    expect(screen.getByText('The evidence is older than this quarter')).toBeInTheDocument();
    expect(screen.getByText(/The latest performance data for NHS Leeds North CCG's providers is for March 2019, before 2026\/27 Q3 began/)).toBeInTheDocument();
  });

  it('names the quarters of the year by their months', async () => {
    renderApp('/assurance/assessments/new?ccg=02V', [viewerMock(assessorViewer)]);
    expect(await screen.findByRole('radio', { name: 'Quarter 1: April to June' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Quarter 4: January to March' })).toBeInTheDocument();
    expect(screen.getByLabelText('CCG', { exact: true })).toHaveValue('02V');
  });

  it('asks for the day of the assessment as day, month and year (never the browser’s date order), each problem linked to the field to fix', async () => {
    jest.useFakeTimers({ now: new Date('2016-05-10T12:00:00Z'), advanceTimers: true });
    renderApp('/assurance/assessments/new?ccg=02V', [viewerMock(assessorViewer)]);
    await screen.findByRole('heading', { level: 1, name: 'Start an assessment' });
    expect(document.querySelector('input[type="date"]')).toBeNull();
    expect(screen.getByRole('group', { name: 'Day of the assessment' })).toHaveAccessibleDescription('The next assessment falls due from this day. For example, 10 5 2016');
    await userEvent.click(screen.getByRole('radio', { name: /^Quarter 4/ }));
    await enterDate('Day of the assessment', '16--31');
    await userEvent.click(screen.getByRole('button', { name: 'Start the assessment' }));
    expect(await screen.findByRole('link', { name: 'The day of the assessment must include a month' })).toHaveAttribute('href', '#new-assessed-on-month');
    await enterDate('Day of the assessment', '16-2-31');
    await userEvent.click(screen.getByRole('button', { name: 'Start the assessment' }));
    expect(await screen.findByRole('link', { name: 'Year must include 4 numbers' })).toHaveAttribute('href', '#new-assessed-on-year');
    await enterDate('Day of the assessment', '2016-2-30');
    await userEvent.click(screen.getByRole('button', { name: 'Start the assessment' }));
    expect(await screen.findByRole('link', { name: 'The day of the assessment must be a real date' })).toHaveAttribute('href', '#new-assessed-on');
    await enterDate('Day of the assessment', '2016-06-01');
    await userEvent.click(screen.getByRole('button', { name: 'Start the assessment' }));
    expect(await screen.findByRole('link', { name: 'The day of the assessment cannot be in the future' })).toHaveAttribute('href', '#new-assessed-on');
  });
});
