import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { demoAdmin, demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { ContractManagementTermsQuery, SanctionScheduleQuery, UpdateContractManagementTermsMutation, UpdateSanctionRateMutation } from './contracts.operations';

jest.setTimeout(20_000);

function rate(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'SanctionScheduleEntry',
    id: 's1',
    code: 'RTT_52_WEEK_WAIT',
    financialYear: '2013/14',
    description: 'Referral to treatment: each patient waiting more than 52 weeks',
    unitValue: '5000.00',
    countUnit: 'BREACH',
    scope: 'NATIONAL',
    version: 1,
    updatedAt: '2026-12-01T09:00:00Z',
    sources: [{ basis: 'REF', document: 'NHS Standard Contract 2013/14, Schedule 4 Part B' }],
    ...overrides,
  };
}

const terms2013 = {
  __typename: 'ContractManagementTerms',
  financialYear: '2013/14',
  meetingWithinOperationalDays: 10,
  rapAgreeWithinOperationalDays: 5,
  investigationReportOperationalDays: 10,
  withholdingPercent: '2.0000',
  withholdingRetainedAfterMonths: 3,
  source: 'NHS Standard Contract 2013/14, GC9',
};
const termsMock = (rows: (typeof terms2013)[]) => ({ request: { query: ContractManagementTermsQuery }, result: { data: { contractManagementTerms: rows } }, maxUsageCount: 3 });

const scheduleMock = (financialYear: string, entries: ReturnType<typeof rate>[]) => ({ request: { query: SanctionScheduleQuery, variables: { financialYear } }, result: { data: { sanctionSchedule: entries } } });

describe('the national sanction rates', () => {
  it('lets an administrator change a rate, sent exactly with the version read', async () => {
    renderApp('/contracts/sanction-schedule?year=2013/14', [
      viewerMock(demoAdmin),
      termsMock([terms2013]),
      scheduleMock('2013/14', [rate()]),
      {
        request: { query: UpdateSanctionRateMutation, variables: { input: { id: 's1', expectedVersion: 1, unitValue: '1200.50', description: null } } },
        result: { data: { updateSanctionRate: rate({ unitValue: '1200.50', version: 2 }) } },
      },
    ]);
    const card = await screen.findByRole('region', { name: 'Referral to treatment: each patient waiting more than 52 weeks' });
    expect(within(card).getByText('£5,000.00 per breach')).toBeInTheDocument();
    expect(within(card).getByText('NHS Standard Contract 2013/14, Schedule 4 Part B')).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: 'Change the rate' }));
    const input = within(card).getByLabelText('New rate, per breach');
    await userEvent.clear(input);
    await userEvent.type(input, '1,200.5');
    await userEvent.click(within(card).getByRole('button', { name: 'Save the rate' }));
    expect(await within(card).findByText('The rate is now £1,200.50 per breach.')).toBeInTheDocument();
    expect(within(card).getByRole('status')).toHaveTextContent('The rate is now £1,200.50 per breach.');
    expect(within(card).getByText('£1,200.50 per breach')).toBeInTheDocument();
  });

  it('refuses a negative rate before sending, at the rate field', async () => {
    renderApp('/contracts/sanction-schedule?year=2013/14', [viewerMock(demoAdmin), termsMock([terms2013]), scheduleMock('2013/14', [rate()])]);
    const card = await screen.findByRole('region', { name: /Referral to treatment/ });
    await userEvent.click(within(card).getByRole('button', { name: 'Change the rate' }));
    const input = within(card).getByLabelText('New rate, per breach');
    await userEvent.clear(input);
    await userEvent.type(input, '-5');
    await userEvent.click(within(card).getByRole('button', { name: 'Save the rate' }));
    const summary = within(card).getByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getByRole('link', { name: 'The rate cannot be negative' })).toHaveAttribute('href', '#rate-s1');
  });

  it('says when someone else changed the rate meanwhile and shows the latest', async () => {
    renderApp('/contracts/sanction-schedule?year=2013/14', [
      viewerMock(demoAdmin),
      termsMock([terms2013]),
      scheduleMock('2013/14', [rate()]),
      {
        request: { query: UpdateSanctionRateMutation, variables: { input: { id: 's1', expectedVersion: 1, unitValue: '1200.00', description: null } } },
        result: { errors: [new GraphQLError('refused', { extensions: { code: 'CONFLICT', reason: 'STALE_VERSION', details: { fields: ['expectedVersion'] } } })] },
      },
      scheduleMock('2013/14', [rate({ unitValue: '2500.00', version: 2 })]),
    ]);
    const card = await screen.findByRole('region', { name: /Referral to treatment/ });
    await userEvent.click(within(card).getByRole('button', { name: 'Change the rate' }));
    const input = within(card).getByLabelText('New rate, per breach');
    await userEvent.clear(input);
    await userEvent.type(input, '1200');
    await userEvent.click(within(card).getByRole('button', { name: 'Save the rate' }));
    expect(await within(card).findByText(/Someone changed this rate since you opened the page/)).toBeInTheDocument();
    expect(await within(card).findByText('£2,500.00 per breach')).toBeInTheDocument();
  });

  it('is read-only for anyone but an administrator, and says when a year has no national sanctions', async () => {
    renderApp('/contracts/sanction-schedule?year=2013/14', [viewerMock(demoCommissioningManager), termsMock([terms2013]), scheduleMock('2013/14', [rate()]), scheduleMock('2014/15', [])]);
    const card = await screen.findByRole('region', { name: /Referral to treatment/ });
    expect(screen.getByText('Administrators change these rates and terms; you read them.')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Change the rate' })).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Contract year'), '2014/15');
    expect(await screen.findByText('No national sanctions are recorded for 2014/15.')).toBeInTheDocument();
  });

  it('shows the GC9 terms of the year and lets an administrator change them, the share withheld read exactly', async () => {
    const saved = { ...terms2013, withholdingPercent: '2.5000', source: 'NHS Standard Contract 2013/14, GC9 (varied)' };
    renderApp('/contracts/sanction-schedule?year=2013/14', [
      viewerMock(demoAdmin),
      { ...termsMock([terms2013]), maxUsageCount: 1 },
      scheduleMock('2013/14', [rate()]),
      {
        request: {
          query: UpdateContractManagementTermsMutation,
          variables: {
            input: {
              financialYear: '2013/14',
              meetingWithinOperationalDays: 10,
              investigationReportOperationalDays: 10,
              rapAgreeWithinOperationalDays: 5,
              withholdingPercent: '2.5',
              withholdingRetainedAfterMonths: 3,
              source: 'NHS Standard Contract 2013/14, GC9 (varied)',
            },
          },
        },
        result: { data: { updateContractManagementTerms: saved } },
      },
      termsMock([saved]),
    ]);
    const section = await screen.findByRole('region', { name: 'Contract management terms (GC9), 2013/14' });
    expect(await within(section).findByText('2.0000')).toBeInTheDocument();
    await userEvent.click(within(section).getByRole('button', { name: 'Change the terms' }));
    const percent = within(section).getByLabelText(/may be withheld/);
    await userEvent.clear(percent);
    await userEvent.type(percent, '101');
    await userEvent.click(within(section).getByRole('button', { name: 'Save the terms' }));
    expect(within(within(section).getByRole('alert')).getByRole('link', { name: 'Enter the share withheld as a percentage from 0 to 100' })).toHaveAttribute('href', '#terms-withholdingPercent');
    await userEvent.clear(percent);
    await userEvent.type(percent, '2.5');
    await userEvent.type(within(section).getByLabelText('Where the figures come from'), ' (varied)');
    await userEvent.click(within(section).getByRole('button', { name: 'Save the terms' }));
    expect(await within(section).findByText('NHS Standard Contract 2013/14, GC9 (varied)')).toBeInTheDocument();
    expect(within(section).getByText('2.5000')).toBeInTheDocument();
  });

  it('says when a year has no terms, and offers no change to a reader', async () => {
    renderApp('/contracts/sanction-schedule?year=2014/15', [viewerMock(demoCommissioningManager), termsMock([terms2013]), scheduleMock('2014/15', [])]);
    const section = await screen.findByRole('region', { name: 'Contract management terms (GC9), 2014/15' });
    expect(await within(section).findByText(/No contract management terms are recorded for 2014\/15/)).toBeInTheDocument();
    expect(within(section).queryByRole('button')).not.toBeInTheDocument();
  });
});
