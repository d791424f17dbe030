import { GraphQLError } from 'graphql';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, viewerMock } from '../testing/render-app';
import { answeredTo, assessor, financeOfficer, forecastOf, storedPlan, version } from './financial-plan.fixtures';
import { FinancialPlanQuery, SetForecastWarningThresholdMutation } from './financial-plans.operations';
import type { StoredPlan } from './financial-plan.fragment';

jest.setTimeout(30_000);

// Approved, £198m planned on £200m; June's forecast of £202.5m is £4.5m over plan: above 1% (£2m), within 2.5% (£5m).
const warned = () =>
  storedPlan({
    versions: [version({ number: 1, status: 'APPROVED' })],
    forecasts: [forecastOf('2014-06', '202500000.00')],
    financialWarning: { __typename: 'FinancialWarning', month: '2014-06', adverseVariance: '4500000.00', threshold: '2000000.00', thresholdPercent: '1' } as StoredPlan['financialWarning'],
  });

const planQuery = (plan: StoredPlan) => ({
  request: { query: FinancialPlanQuery, variables: { ccg: '02V', financialYear: '2014/15' } },
  result: { data: { financialPlan: plan } },
});

const setting = (percentage: string, result: { data: { setForecastWarningThreshold: StoredPlan } } | { errors: GraphQLError[] }) => ({
  request: { query: SetForecastWarningThresholdMutation, variables: { input: { planId: warned().id, percentage } } },
  result,
});

async function openPlan(viewer = assessor, mocks: Parameters<typeof renderApp>[1] = [planQuery(warned())]) {
  renderApp('/finance/plans/02V/2014-15', [viewerMock(viewer), ...answeredTo(viewer, mocks)]);
  await screen.findByRole('heading', { level: 1, name: /2014\/15 financial plan/ });
}

const form = () => screen.getByRole('region', { name: 'Forecast warning threshold' });
const thresholdField = () => within(form()).getByRole('textbox', { name: 'Warning threshold, as a percentage of allocation' });

describe('setting the forecast warning threshold', () => {
  it('starts at the plan’s threshold (1% by default), and a higher one lifts the financial warning', async () => {
    const relaxed = storedPlan({
      versions: [version({ number: 1, status: 'APPROVED' })],
      forecasts: [forecastOf('2014-06', '202500000.00', '2.5')],
      forecastWarningThresholdPercent: '2.5',
    });
    await openPlan(assessor, [planQuery(warned()), setting('2.5', { data: { setForecastWarningThreshold: relaxed } })]);
    expect(thresholdField()).toHaveValue('1');
    expect(thresholdField()).toHaveAccessibleDescription('A forecast more than this over the approved plan raises a financial warning. The default is 1%. Now 1%: £2,000,000.00.');
    expect(screen.getByRole('heading', { name: 'Important: Financial warning' })).toBeInTheDocument();

    await userEvent.clear(thresholdField());
    await userEvent.type(thresholdField(), '2.50');
    await userEvent.click(within(form()).getByRole('button', { name: 'Set the threshold' }));
    expect(await within(form()).findByText('The warning threshold is now 2.5% of allocation (£5,000,000.00).')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Important: Financial warning' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: /forecast outturn by month/ })).getByRole('row', { name: /June 2014/ })).not.toHaveTextContent('Above threshold');
    expect(thresholdField()).toHaveValue('2.5');
  });

  it('sends nothing that is not a percentage from 0 to 100', async () => {
    await openPlan();
    await userEvent.clear(thresholdField());
    await userEvent.type(thresholdField(), 'one');
    await userEvent.click(within(form()).getByRole('button', { name: 'Set the threshold' }));
    const problems = within(form()).getByRole('alert');
    expect(within(problems).getByRole('link', { name: 'The warning threshold must be a number, like 1 or 2.5' })).toHaveAttribute('href', '#warning-threshold');
    await waitFor(() => expect(document.activeElement).toBe(problems));
  });

  it('shows a refusal by its reason and keeps the typed value', async () => {
    const refused = new GraphQLError('Only NHS England assessors review financial plans.', { extensions: { code: 'FORBIDDEN', reason: 'NOT_PERMITTED' } });
    await openPlan(assessor, [planQuery(warned()), setting('1.5', { errors: [refused] })]);
    await userEvent.clear(thresholdField());
    await userEvent.type(thresholdField(), '1.5');
    await userEvent.click(within(form()).getByRole('button', { name: 'Set the threshold' }));
    const problems = await within(form()).findByRole('alert');
    expect(problems).toHaveTextContent('There is a problemOnly NHS England assessors can set the warning threshold.');
    await waitFor(() => expect(document.activeElement).toBe(problems));
    expect(thresholdField()).toHaveValue('1.5');
  });

  it('is offered only to NHS England assessors', async () => {
    await openPlan(financeOfficer, [planQuery(warned())]);
    expect(screen.getByRole('region', { name: "Record a month's forecast outturn" })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Forecast warning threshold' })).not.toBeInTheDocument();
  });
});
