import { GraphQLError } from 'graphql';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, viewerMock } from '../testing/render-app';
import { answeredTo, assessor, financeOfficer, forecastOf, storedPlan, version } from './financial-plan.fixtures';
import { FinancialPlanQuery, RecordForecastOutturnMutation } from './financial-plans.operations';
import type { StoredPlan } from './financial-plan.fragment';

jest.setTimeout(30_000);

// The 2014/15 fixture plan, approved: planned spend £198m on a £200m allocation, so the 1% warning line is £2m over plan.
const approved = (options: Parameters<typeof storedPlan>[0] = {}) => storedPlan({ versions: [version({ number: 1, status: 'APPROVED' })], ...options });

const planQuery = (plan: StoredPlan) => ({
  request: { query: FinancialPlanQuery, variables: { ccg: '02V', financialYear: '2014/15' } },
  result: { data: { financialPlan: plan } },
});

const recording = (month: string, amount: string, result: { data: { recordForecastOutturn: StoredPlan } } | { errors: GraphQLError[] }) => ({
  request: { query: RecordForecastOutturnMutation, variables: { input: { planId: approved().id, month, amount } } },
  result,
});

async function openPlan(viewer = financeOfficer, mocks: Parameters<typeof renderApp>[1] = [planQuery(approved())]) {
  renderApp('/finance/plans/02V/2014-15', [viewerMock(viewer), ...answeredTo(viewer, mocks)]);
  await screen.findByRole('heading', { level: 1, name: /2014\/15 financial plan/ });
}

const form = () => screen.getByRole('region', { name: "Record a month's forecast outturn" });
const monthField = () => within(form()).getByRole('combobox', { name: 'Month' });
const amountField = () => within(form()).getByRole('textbox', { name: 'Forecast outturn for the whole of 2014/15' });

async function enter(month: string, amount: string) {
  await userEvent.selectOptions(monthField(), month);
  await userEvent.type(amountField(), amount);
  await userEvent.click(within(form()).getByRole('button', { name: 'Continue' }));
}

describe("recording a month's forecast outturn", () => {
  it('confirms what will be recorded and how it measures against the plan, then shows it on the chart with the financial warning', async () => {
    const recorded = approved({
      forecasts: [forecastOf('2014-06', '202500000.00')],
      financialWarning: { __typename: 'FinancialWarning', month: '2014-06', adverseVariance: '4500000.00', threshold: '2000000.00', thresholdPercent: '1' } as StoredPlan['financialWarning'],
    });
    await openPlan(financeOfficer, [planQuery(approved()), recording('2014-06', '202500000.00', { data: { recordForecastOutturn: recorded } })]);
    expect(screen.getByText('No forecast outturn has been recorded for 2014/15 yet.')).toBeInTheDocument();

    await enter('June 2014', '£202,500,000');
    const confirm = screen.getByRole('heading', { name: 'Record £202,500,000.00 as the June 2014 forecast outturn?' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    expect(screen.getByText(/£4,500,000.00 over plan \(adverse\), against planned spend of £198,000,000.00/)).toBeInTheDocument();
    expect(screen.getByText('This is above the warning threshold of £2,000,000.00 (1% of allocation), so it raises a financial warning.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Yes, record the forecast' }));
    expect(await screen.findByText('Recorded the June 2014 forecast outturn: £202,500,000.00, £4,500,000.00 over plan (adverse), above the warning threshold.')).toBeInTheDocument();
    expect(screen.getByText(/The June 2014 forecast outturn is £4,500,000.00 over plan, above the threshold of £2,000,000.00 \(1% of allocation\)/)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /forecast outturn by month/ });
    expect(within(table).getByRole('row', { name: /June 2014/ })).toHaveTextContent('Above threshold');
    expect(monthField()).toHaveValue('');
    expect(within(monthField()).getByRole('option', { name: 'June 2014 (recorded)' })).toBeInTheDocument();
    // The warning can be raised to the CCG's boards, the raise form filled in with it (issue 16).
    const raise = screen.getByRole('link', { name: 'Raise an escalation item about the 2014/15 forecast warning' });
    const query = new URLSearchParams(raise.getAttribute('href')?.split('?')[1]);
    expect(query.get('kind')).toBe('FINANCIAL_WARNING');
    expect(query.get('text')).toBe('Forecast outturn warning on the 2014/15 plan: in June 2014 the forecast is £4,500,000.00 worse than plan, beyond the threshold of £2,000,000.00.');
  });

  it('says a month already recorded is replaced, and goes back to the form with the figures kept', async () => {
    await openPlan(financeOfficer, [planQuery(approved({ forecasts: [forecastOf('2014-05', '198500000.00')] }))]);
    await enter('May 2014 (recorded)', '199000000');
    expect(screen.getByText('It replaces the £198,500,000.00 recorded for May 2014.')).toBeInTheDocument();
    expect(screen.getByText('This is within the warning threshold of £2,000,000.00 (1% of allocation).')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Change it' }));
    expect(monthField()).toHaveValue('2014-05');
    expect(amountField()).toHaveValue('199000000');
    await waitFor(() => expect(document.activeElement).toBe(monthField()));
  });

  it('sends nothing without a month and a readable amount, and takes the officer to the error summary', async () => {
    await openPlan();
    await userEvent.type(amountField(), '12.345');
    await userEvent.click(within(form()).getByRole('button', { name: 'Continue' }));
    const problems = within(form()).getByRole('alert');
    expect(within(problems).getByRole('link', { name: 'Select the month the forecast was made in' })).toHaveAttribute('href', '#forecast-month');
    expect(within(problems).getByRole('link', { name: 'Forecast outturn must be pounds and pence, with no more than 2 numbers after the decimal point' })).toHaveAttribute('href', '#forecast-amount');
    await waitFor(() => expect(document.activeElement).toBe(problems));
    expect(amountField()).toHaveAccessibleDescription(expect.stringContaining('Error: Forecast outturn must be pounds and pence'));
    await userEvent.click(within(problems).getByRole('link', { name: 'Select the month the forecast was made in' }));
    expect(document.activeElement).toBe(monthField());
  });

  it.each([
    ['MONTH_OUTSIDE_FINANCIAL_YEAR', 'BAD_USER_INPUT', 'Select a month in the 2014/15 financial year, April 2014 to March 2015', '#forecast-month'],
    ['PLAN_NOT_APPROVED', 'CONFLICT', 'Forecasts are measured against the approved plan, and this plan has no approved version now. Reload the page to see where it is.', null],
  ])('shows the refusal %s in the error summary and keeps the typed values', async (reason, code, words, href) => {
    const refused = new GraphQLError('refused', { extensions: { code, reason } });
    await openPlan(financeOfficer, [planQuery(approved()), recording('2014-07', '199000000.00', { errors: [refused] })]);
    await enter('July 2014', '199,000,000');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, record the forecast' }));
    const problems = await within(form()).findByRole('alert');
    expect(problems).toHaveTextContent(`There is a problem${words}`);
    if (href) expect(within(problems).getByRole('link', { name: words })).toHaveAttribute('href', href);
    await waitFor(() => expect(document.activeElement).toBe(problems));
    expect(monthField()).toHaveValue('2014-07');
    expect(amountField()).toHaveValue('199,000,000');
  });

  it("is offered only to the CCG's finance officers, and only once the plan is approved", async () => {
    await openPlan(assessor, [planQuery(approved())]);
    expect(screen.getByRole('heading', { name: 'Forecast outturn against plan' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: "Record a month's forecast outturn" })).not.toBeInTheDocument();
  });

  it('is not offered to the finance officer before the plan is approved', async () => {
    await openPlan(financeOfficer, [planQuery(storedPlan({ versions: [version({ number: 1, status: 'SUBMITTED' })] }))]);
    expect(screen.queryByRole('region', { name: "Record a month's forecast outturn" })).not.toBeInTheDocument();
  });
});
