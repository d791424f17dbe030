import { GraphQLError } from 'graphql';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ViewerQuery as ViewerQueryResult } from '../gql/graphql';
import { renderApp, viewerMock } from '../testing/render-app';
import { EvaluatePlanComplianceQuery } from './finance.operations';

jest.setTimeout(20_000);

const demoFinanceOfficer: NonNullable<ViewerQueryResult['me']> = {
  id: '1',
  username: 'demo-finance-officer',
  displayName: 'Demo Finance Officer',
  mustChangePassword: false,
  roles: [{ role: 'FINANCE_OFFICER', organisation: { code: '02V', name: 'NHS LEEDS NORTH CCG' } }],
};

// 2014/15 planning guidance (seed 001 line 26): 2.5% non-recurrent. A = £200m with the fund held at 2% (£4m).
const plan2014: [string, string][] = [
  ['Acute', '120000000'],
  ['Mental health', '20000000'],
  ['Community', '16000000'],
  ['Primary care', '8000000'],
  ['Prescribing', '24000000'],
  ['Continuing care', '2000000'],
  ['Running costs', '3000000'],
  ['Contingency', '1000000'],
  ['Non-recurrent fund', '4000000'],
];

/** The API's input for plan2014, exactly as the page must send it: lines in category order, exact wire text. */
const serverInput2014 = {
  financialYear: '2014/15',
  allocation: '200000000.00',
  lines: [
    { category: 'ACUTE', amount: '120000000.00' },
    { category: 'MENTAL_HEALTH', amount: '20000000.00' },
    { category: 'COMMUNITY', amount: '16000000.00' },
    { category: 'PRIMARY_CARE', amount: '8000000.00' },
    { category: 'PRESCRIBING', amount: '24000000.00' },
    { category: 'CONTINUING_CARE', amount: '2000000.00' },
    { category: 'RUNNING_COSTS', amount: '3000000.00' },
    { category: 'CONTINGENCY', amount: '1000000.00' },
    { category: 'NON_RECURRENT_FUND', amount: '4000000.00' },
  ],
};

const ruleAnswer = (rule: string, percentage: string, required: string, planned: string, shortfall: string) => ({
  __typename: 'RuleCompliance',
  rule,
  percentage,
  required,
  planned,
  shortfall,
  met: shortfall === '0.00',
  flexApplied: false,
  flexReason: null,
});

/** What the API answers for plan2014 (see apps/api/src/finance/finance.int-spec.ts). */
const serverAnswer2014 = {
  __typename: 'PlanCompliance',
  financialYear: '2014/15',
  compliant: false,
  plannedSpend: '198000000.00',
  plannedSurplus: '2000000.00',
  qippRequirement: '1000000.00',
  qippPercentOfAllocation: '0.50',
  rules: [
    ruleAnswer('SURPLUS', '1', '2000000.00', '2000000.00', '0.00'),
    ruleAnswer('CONTINGENCY', '0.5', '1000000.00', '1000000.00', '0.00'),
    ruleAnswer('NON_RECURRENT_FUND', '2.5', '5000000.00', '4000000.00', '1000000.00'),
  ],
};

const serverMock = (result: { data?: Record<string, unknown>; errors?: GraphQLError[] }) => ({
  request: { query: EvaluatePlanComplianceQuery, variables: { input: serverInput2014 } },
  result,
});

async function openFinance(mocks: Parameters<typeof renderApp>[1] = []) {
  renderApp('/finance/check', [viewerMock(demoFinanceOfficer), ...mocks]);
  await screen.findByRole('heading', { name: 'Check a financial plan' });
}

async function enterPlan2014() {
  await userEvent.click(screen.getByRole('radio', { name: '2014/15' }));
  await userEvent.type(screen.getByRole('textbox', { name: /^Allocation/ }), '200000000');
  for (const [label, amount] of plan2014) await userEvent.type(screen.getByRole('textbox', { name: new RegExp(`^${label}`) }), amount);
}

const summary = () => document.getElementById('compliance-summary') as HTMLElement;
const ruleRow = (rule: string) => document.querySelector(`tr[data-rule="${rule}"]`) as HTMLElement;

describe('checking a financial plan', () => {
  it('shows an empty state and a plain notice that nothing is saved before an allocation is entered', async () => {
    await openFinance();
    expect(summary()).toHaveAttribute('aria-live', 'polite');
    expect(summary()).toHaveTextContent('Enter the allocation to see how the plan meets the 2015/16 rules.');
    expect(screen.getByText(/Nothing you enter here is saved/)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Rules' })).not.toBeInTheDocument();
  });

  it('asks for prior-year running costs and the Better Care Fund minimum only for a year whose rules need them', async () => {
    await openFinance();
    expect(screen.getByRole('textbox', { name: /^Prior-year running costs/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Better Care Fund minimum contribution/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: '2013/14' }));
    expect(screen.queryByRole('textbox', { name: /^Prior-year running costs/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /^Better Care Fund minimum contribution/ })).not.toBeInTheDocument();
  });

  it('shows a 2014/15 plan with a 2% fund short on the non-recurrent fund by £1,000,000.00, live as it is typed', async () => {
    await openFinance();
    await enterPlan2014();
    expect(summary()).toHaveTextContent('This plan does not meet 1 of the 3 2014/15 rules: Non-recurrent fund short by £1,000,000.00.');
    expect(within(ruleRow('NON_RECURRENT_FUND')).getByText('Not met')).toBeInTheDocument();
    expect(ruleRow('NON_RECURRENT_FUND')).toHaveTextContent(/Not met\s*short by £1,000,000\.00/);
    expect(ruleRow('NON_RECURRENT_FUND')).toHaveTextContent('at least 2.5% of allocation');
    expect(ruleRow('NON_RECURRENT_FUND')).toHaveTextContent('£5,000,000.00');
    expect(within(ruleRow('SURPLUS')).getByText('Met')).toBeInTheDocument();
    expect(within(ruleRow('CONTINGENCY')).getByText('Met')).toBeInTheDocument();
    expect(screen.getByText('QIPP requirement').nextElementSibling).toHaveTextContent('£1,000,000.00 (0.50% of allocation)');
    expect(screen.getByText('Planned surplus').nextElementSibling).toHaveTextContent('£2,000,000.00 (1.00% of allocation)');
    const lines = screen.getByRole('table', { name: 'Plan lines' });
    const cells = (name: RegExp) => within(within(lines).getByRole('row', { name })).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells(/Acute/)).toEqual(['£120,000,000.00', '60.00%']);
    expect(cells(/Non-recurrent fund/)).toEqual(['£4,000,000.00', '2.00%']);
    expect(cells(/Planned spend/)).toEqual(['£198,000,000.00', '99.00%']);
  });

  it('shows a bad amount as an error above its field and in the summary, and claims nothing until it reads (issue 20)', async () => {
    await openFinance();
    await enterPlan2014();
    const acute = screen.getByRole('textbox', { name: /^Acute/ });
    await userEvent.clear(acute);
    await userEvent.type(acute, '12.345');
    const problems = screen.getByRole('alert');
    const link = within(problems).getByRole('link', { name: 'Acute must be pounds and pence, with no more than 2 numbers after the decimal point' });
    expect(link).toHaveAttribute('href', '#line-ACUTE');
    expect(acute).toHaveAccessibleDescription(/Error: Acute must be pounds and pence/);
    // a line that cannot be read is never taken as £0: no headline, no rule results, no surplus
    expect(summary()).toHaveTextContent('This plan cannot be checked until this amount is corrected: Acute.');
    expect(summary()).not.toHaveTextContent(/meets|does not meet/);
    expect(screen.queryByText('Planned surplus')).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Rules' })).not.toBeInTheDocument();

    await userEvent.clear(acute);
    await userEvent.type(acute, 'abc');
    expect(within(screen.getByRole('alert')).getByRole('link', { name: 'Acute must be an amount in pounds, like 1250000 or 1250000.50' })).toBeInTheDocument();
    await userEvent.clear(acute);
    await userEvent.type(acute, '£120,000,000');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Planned surplus').nextElementSibling).toHaveTextContent('£2,000,000.00');
  });

  it('refuses a negative amount and a zero allocation by field, without breaking the panel', async () => {
    await openFinance();
    await userEvent.click(screen.getByRole('radio', { name: '2013/14' }));
    await userEvent.type(screen.getByRole('textbox', { name: /^Allocation/ }), '0');
    expect(screen.getByRole('alert')).toHaveTextContent('Allocation must be more than £0');
    expect(summary()).toHaveTextContent('Correct the allocation');
    await userEvent.type(screen.getByRole('textbox', { name: /^Allocation/ }), '1');
    await userEvent.type(screen.getByRole('textbox', { name: /^Contingency/ }), '-5');
    expect(screen.getByRole('alert')).toHaveTextContent('Contingency must be £0 or more');
    expect(summary()).toHaveTextContent('This plan cannot be checked until this amount is corrected: Contingency.');
    await userEvent.clear(screen.getByRole('textbox', { name: /^Contingency/ }));
    await userEvent.type(screen.getByRole('textbox', { name: /^Contingency/ }), '5');
    expect(summary()).toHaveTextContent('This plan does not meet 2 of the 3 2013/14 rules');
  });

  it('sends the plan to the server and shows that its answer agrees', async () => {
    await openFinance([serverMock({ data: { evaluatePlanCompliance: serverAnswer2014 } })]);
    await enterPlan2014();
    await userEvent.click(screen.getByRole('button', { name: 'Check with the server' }));
    expect(await screen.findByText(/The server's answer agrees with this check, to the penny/)).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: /^Acute/ }), '1');
    expect(await screen.findByText(/The plan has changed since the server checked it/)).toBeInTheDocument();
  });

  it('shows where the server disagrees', async () => {
    const different = { ...serverAnswer2014, rules: [...serverAnswer2014.rules.slice(0, 2), ruleAnswer('NON_RECURRENT_FUND', '2.5', '5000000.00', '4000000.00', '999999.99')] };
    await openFinance([serverMock({ data: { evaluatePlanCompliance: different } })]);
    await enterPlan2014();
    await userEvent.click(screen.getByRole('button', { name: 'Check with the server' }));
    expect(await screen.findByText(/The server's answer differs from this check/)).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /Non-recurrent fund: shortfall/ });
    expect(row).toHaveTextContent('1000000.00');
    expect(row).toHaveTextContent('999999.99');
  });

  it('says so when the server refuses the plan, by its reason', async () => {
    const refused = new GraphQLError('There are no financial planning rules for the year.', { extensions: { code: 'BAD_USER_INPUT', reason: 'UNKNOWN_FINANCIAL_YEAR' } });
    await openFinance([serverMock({ errors: [refused] })]);
    await enterPlan2014();
    await userEvent.click(screen.getByRole('button', { name: 'Check with the server' }));
    expect(await screen.findByText('The server refused the plan (UNKNOWN_FINANCIAL_YEAR).')).toBeInTheDocument();
  });

  it('sends nothing while the plan has a problem, and takes the officer to the error summary', async () => {
    await openFinance();
    await userEvent.click(screen.getByRole('button', { name: 'Check with the server' }));
    const problems = await screen.findByRole('alert');
    expect(problems).toHaveTextContent('Enter the allocation');
    await waitFor(() => expect(document.activeElement).toContainElement(problems));
  });

  it('lists the 2015/16 inputs that are missing when asked to check with the server, each linked to its field (issue 20)', async () => {
    await openFinance();
    await userEvent.click(screen.getByRole('radio', { name: '2015/16' }));
    await userEvent.type(screen.getByRole('textbox', { name: /^Allocation/ }), '200000000');
    await userEvent.click(screen.getByRole('button', { name: 'Check with the server' }));
    const problems = await screen.findByRole('alert');
    expect(within(problems).getByRole('link', { name: 'Enter the prior-year running costs' })).toHaveAttribute('href', '#prior-year-running-costs');
    expect(within(problems).getByRole('link', { name: 'Enter the Better Care Fund minimum contribution' })).toHaveAttribute('href', '#better-care-fund-minimum');
    await waitFor(() => expect(document.activeElement).toContainElement(problems));
    expect(screen.getByRole('textbox', { name: /^Prior-year running costs/ })).toHaveAccessibleDescription(/Error: Enter the prior-year running costs/);
  });
});
