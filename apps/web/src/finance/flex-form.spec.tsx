import { GraphQLError } from 'graphql';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, viewerMock } from '../testing/render-app';
import { answeredTo, assessor, financeOfficer, flex, storedPlan, version } from './financial-plan.fixtures';
import { FinancialPlanQuery, RecordPlanFlexMutation } from './financial-plans.operations';
import { readApprovalDate } from './flex-form';
import type { StoredPlan } from './financial-plan.fragment';

jest.setTimeout(30_000);

// The 2014/15 fixture plan holds its non-recurrent fund at 2% of allocation against the rule's 2.5%: short by £1m.
const submitted = () => storedPlan({ versions: [version({ number: 1, status: 'SUBMITTED' })] });
const REASON = 'Agreed with the area team: the fund is held at 2% while the CCG repays its deficit.';

const planQuery = (plan: StoredPlan) => ({
  request: { query: FinancialPlanQuery, variables: { ccg: '02V', financialYear: '2014/15' } },
  result: { data: { financialPlan: plan } },
});

async function openPlan(viewer = assessor, mocks: Parameters<typeof renderApp>[1] = [planQuery(submitted())]) {
  renderApp('/finance/plans/02V/2014-15', [viewerMock(viewer), ...answeredTo(viewer, mocks)]);
  await screen.findByRole('heading', { level: 1, name: /2014\/15 financial plan/ });
}

const form = () => screen.getByRole('region', { name: 'Record a flex' });
const ruleField = () => within(form()).getByRole('combobox', { name: 'Rule' });
const percentageField = () => within(form()).getByRole('textbox', { name: 'Percentage for this plan' });
const reasonField = () => within(form()).getByRole('textbox', { name: 'Why was it approved?' });
const dateField = (part: 'Day' | 'Month' | 'Year') => within(form()).getByRole('textbox', { name: part });
const summary = () => screen.getByText((_, element) => element?.id === 'compliance-summary');

describe('recording a flex', () => {
  it('offers only the rules of the plan’s year, previews the compliance, records it, lists it and applies it to the compliance panel', async () => {
    const flexed = flex('NON_RECURRENT_FUND', '2', REASON, '2015-02-10');
    const recorded = storedPlan({ versions: [version({ number: 1, status: 'SUBMITTED', flexes: [flexed] })], flexes: [flexed] });
    await openPlan(assessor, [
      planQuery(submitted()),
      {
        request: { query: RecordPlanFlexMutation, variables: { input: { planId: recorded.id, rule: 'NON_RECURRENT_FUND', percentage: '2', reason: REASON, approvedOn: '2015-02-10' } } },
        result: { data: { recordPlanFlex: recorded } },
      },
    ]);
    expect(summary()).toHaveTextContent('This plan does not meet 1 of the 3 2014/15 rules: Non-recurrent fund short by £1,000,000.00.');
    expect(within(ruleField()).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Choose a rule',
      'Surplus (at least 1% of allocation)',
      'Contingency (at least 0.5% of allocation)',
      'Non-recurrent fund (at least 2.5% of allocation)',
    ]);

    await userEvent.selectOptions(ruleField(), 'Non-recurrent fund (at least 2.5% of allocation)');
    expect(percentageField()).toHaveAccessibleDescription('The percentage of allocation required of this plan, from 0 to 100 (the rule’s is 2.5).');
    await userEvent.type(percentageField(), '2.0');
    expect(within(form()).getByText(/With this flex:/).parentElement).toHaveTextContent('With this flex: This plan meets all 3 of the 2014/15 rules.');
    await userEvent.type(reasonField(), REASON);
    await userEvent.type(dateField('Day'), '10');
    await userEvent.type(dateField('Month'), '2');
    await userEvent.type(dateField('Year'), '2015');
    await userEvent.click(within(form()).getByRole('button', { name: 'Record the flex' }));

    expect(await within(form()).findByText('Recorded a flex of the non-recurrent fund rule: 2% for this plan. The compliance shown applies it.')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Approved flexes' })).toHaveTextContent(`Non-recurrent fund: 2% for this plan, approved by Demo Assessor on 10 February 2015. ${REASON}`);
    expect(summary()).toHaveTextContent('This plan meets all 3 of the 2014/15 rules.');
    expect(screen.getByText("The server's check of the saved version agrees with this one, to the penny.")).toBeInTheDocument();
    expect(percentageField()).toHaveValue('');
  });

  it('sends nothing while a field is missing or wrong, each problem linked to its field', async () => {
    await openPlan();
    await userEvent.type(percentageField(), '150');
    await userEvent.type(dateField('Day'), '31');
    await userEvent.type(dateField('Month'), '2');
    await userEvent.type(dateField('Year'), '2015');
    await userEvent.click(within(form()).getByRole('button', { name: 'Record the flex' }));
    const problems = within(form()).getByRole('alert');
    expect(within(problems).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Select the rule the flex applies to', '#flex-rule'],
      ['The percentage must be from 0 to 100', '#flex-percentage'],
      ['Enter why the flex was approved', '#flex-reason'],
      ['The approval date must be a real date, like 15 9 2014', '#flex-approved-on-day'],
    ]);
    await waitFor(() => expect(document.activeElement).toBe(problems));
    expect(reasonField()).toHaveAccessibleDescription(expect.stringContaining('Error: Enter why the flex was approved'));
  });

  it('shows a refusal by its reason next to the field, and keeps what was typed', async () => {
    const refused = new GraphQLError('The 2014/15 rules have no rule to flex.', { extensions: { code: 'BAD_USER_INPUT', reason: 'FLEX_RULE_NOT_IN_YEAR' } });
    await openPlan(assessor, [
      planQuery(submitted()),
      {
        request: { query: RecordPlanFlexMutation, variables: { input: { planId: submitted().id, rule: 'CONTINGENCY', percentage: '0.25', reason: 'Agreed.', approvedOn: null } } },
        result: { errors: [refused] },
      },
    ]);
    await userEvent.selectOptions(ruleField(), 'CONTINGENCY');
    await userEvent.type(percentageField(), '0.25%');
    await userEvent.type(reasonField(), 'Agreed.');
    await userEvent.click(within(form()).getByRole('button', { name: 'Record the flex' }));
    const problems = await within(form()).findByRole('alert');
    expect(within(problems).getByRole('link', { name: 'Select one of this year’s rules' })).toHaveAttribute('href', '#flex-rule');
    expect(ruleField()).toHaveAccessibleDescription('Error: Select one of this year’s rules');
    await waitFor(() => expect(document.activeElement).toBe(problems));
    expect(ruleField()).toHaveValue('CONTINGENCY');
    expect(percentageField()).toHaveValue('0.25%');
    expect(reasonField()).toHaveValue('Agreed.');
  });

  it('says which flex a new one of the same rule replaces', async () => {
    const earlier = flex('NON_RECURRENT_FUND', '2', REASON, '2014-11-03');
    await openPlan(assessor, [planQuery(storedPlan({ versions: [version({ number: 1, status: 'APPROVED', flexes: [earlier] })], flexes: [earlier] }))]);
    await userEvent.selectOptions(ruleField(), 'NON_RECURRENT_FUND');
    expect(within(form()).getByText('This replaces the flex of 2% approved on 3 November 2014.')).toBeInTheDocument();
  });

  it('takes today as the date in England: at 00:30 BST on 1 July 2025 (23:30 UTC on 30 June) a flex approved on 1 July is not in the future', async () => {
    // Only the clock is faked; timers stay real for Apollo and user events.
    jest.useFakeTimers({ now: new Date('2025-06-30T23:30:00Z'), doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'nextTick', 'hrtime', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'] });
    try {
      const flexed = flex('NON_RECURRENT_FUND', '2', REASON, '2025-07-01');
      const recorded = storedPlan({ versions: [version({ number: 1, status: 'SUBMITTED', flexes: [flexed] })], flexes: [flexed] });
      await openPlan(assessor, [
        planQuery(submitted()),
        {
          request: { query: RecordPlanFlexMutation, variables: { input: { planId: recorded.id, rule: 'NON_RECURRENT_FUND', percentage: '2', reason: REASON, approvedOn: '2025-07-01' } } },
          result: { data: { recordPlanFlex: recorded } },
        },
      ]);
      await userEvent.selectOptions(ruleField(), 'NON_RECURRENT_FUND');
      await userEvent.type(percentageField(), '2');
      await userEvent.type(reasonField(), REASON);
      await userEvent.type(dateField('Day'), '1');
      await userEvent.type(dateField('Month'), '7');
      await userEvent.type(dateField('Year'), '2025');
      await userEvent.click(within(form()).getByRole('button', { name: 'Record the flex' }));
      expect(await within(form()).findByText('Recorded a flex of the non-recurrent fund rule: 2% for this plan. The compliance shown applies it.')).toBeInTheDocument();
      expect(screen.getByRole('list', { name: 'Approved flexes' })).toHaveTextContent('approved by Demo Assessor on 1 July 2025.');
    } finally {
      jest.useRealTimers();
    }
  });

  it('is offered only to NHS England assessors', async () => {
    await openPlan(financeOfficer, [planQuery(submitted())]);
    expect(screen.queryByRole('region', { name: 'Record a flex' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Approved flexes' })).not.toBeInTheDocument();
  });
});

describe('the approval date', () => {
  it.each([
    [{ day: '', month: '', year: '' }, { state: 'empty' }],
    [{ day: '3', month: '11', year: '2014' }, { state: 'valid', isoDate: '2014-11-03' }],
    [{ day: '29', month: '2', year: '2015' }, { state: 'invalid', message: 'The approval date must be a real date, like 15 9 2014' }],
    [{ day: '1', month: '', year: '2015' }, { state: 'invalid', message: 'The approval date must be a real date, like 15 9 2014' }],
    [{ day: '11', month: '2', year: '2015' }, { state: 'invalid', message: 'The approval date must be today or in the past' }],
    [{ day: '10', month: '2', year: '2015' }, { state: 'valid', isoDate: '2015-02-10' }],
  ])('reads %j as %j when today is 10 February 2015', (parts, expected) => {
    expect(readApprovalDate(parts, '2015-02-10')).toEqual(expected);
  });

  it.each([
    [{ day: '0', month: '2', year: '2015' }],
    [{ day: '10', month: '13', year: '2015' }],
    [{ day: '100', month: '2', year: '2015' }],
    [{ day: '10', month: '2', year: '0000' }],
  ])('refuses %j as not a real date', (parts) => {
    expect(readApprovalDate(parts, '2015-02-10')).toEqual({ state: 'invalid', message: 'The approval date must be a real date, like 15 9 2014' });
  });
});
