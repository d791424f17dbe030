import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { enterDate } from '../testing/enter-date';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { AgreeRemedialActionPlanMutation, ApplyContractNoticeActionMutation, RecordContractWithholdingMutation } from './contracts.operations';
import { aeAll, ledgerEntry, notice, noticeMock, providerSeriesMock } from './contracts.fixtures';
import { offeredNoticeActions } from './notice-actions';
import { trajectoryMonths } from './remedial-plan-form';

jest.setTimeout(20_000);

const signedIn = viewerMock(demoCommissioningManager);
const nextSteps = () => {
  const section = screen.queryByRole('region', { name: 'Next steps' });
  return section ? within(section).queryAllByRole('button').map((button) => button.textContent) : [];
};

describe('the moves offered on a notice', () => {
  it('are those the API lists that the GC9 table allows from the status', () => {
    expect(offeredNoticeActions({ status: 'ISSUED', availableActions: ['HOLD_MEETING', 'WITHDRAW', 'CLOSE'] })).toEqual(['HOLD_MEETING', 'WITHDRAW']);
    expect(offeredNoticeActions({ status: 'CLOSED', availableActions: [] })).toEqual([]);
  });

  it('the trajectory runs six months from its first', () => {
    expect(trajectoryMonths('2018-10')).toEqual(['2018-10-01', '2018-11-01', '2018-12-01', '2019-01-01', '2019-02-01', '2019-03-01']);
    expect(trajectoryMonths('October')).toBeNull();
  });
});

describe('a contract performance notice', () => {
  it('reads as a letter with its frozen evidence, history and the PDF, and renders only the moves offered', async () => {
    renderApp('/contracts/notices/n1', [signedIn, noticeMock(notice('ISSUED', ['HOLD_MEETING', 'WITHDRAW', 'RECORD_RECOVERY'], { evidenceChangedSince: 3 }))]);
    expect(await screen.findByRole('heading', { level: 1, name: /Contract performance notice/ })).toBeInTheDocument();
    expect(screen.getByText('Contract performance notice issued', { selector: '.nhsuk-tag' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download the letter (PDF)' })).toHaveAttribute('href', '/reports/contract-notices/n1.pdf');
    expect(screen.getByText(/3 values have changed since/)).toBeInTheDocument();
    expect(screen.getByText('1 December 2026')).toBeInTheDocument();
    expect(screen.getByText('15 December 2026')).toBeInTheDocument();
    expect(screen.getByText(/NHS Leeds North CCG \(02V\), co-ordinating commissioner, on behalf of NHS Leeds West CCG/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Evidence as it stood on 1 December 2026 at 09:30$/ })).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'A&E: four-hour wait, all department types' })).getByText('Red: fails standard')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /\(evidence as issued\): statistical process control chart$/ })).toBeInTheDocument();
    // RECORD_RECOVERY is listed but the GC9 table does not allow it from ISSUED: it is not offered.
    expect(nextSteps()).toEqual(['Record the contract management meeting', 'Withdraw the notice']);
    expect(within(screen.getByRole('region', { name: 'History' })).getByText('Propose a notice')).toBeInTheDocument();
  });

  it('offers a reader no moves', async () => {
    renderApp('/contracts/notices/n1', [signedIn, noticeMock(notice('ISSUED', []))]);
    await screen.findByRole('heading', { level: 1, name: /Contract performance notice/ });
    expect(nextSteps()).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Agree a remedial action plan' })).not.toBeInTheDocument();
  });

  it('asks a reason before withdrawing, behind a confirmation that takes focus, and sends the version it read', async () => {
    const withdrawn = notice('WITHDRAWN', [], { version: 4 });
    renderApp('/contracts/notices/n1', [
      signedIn,
      { ...noticeMock(notice('ISSUED', ['HOLD_MEETING', 'WITHDRAW'])), maxUsageCount: 1 },
      {
        request: { query: ApplyContractNoticeActionMutation, variables: { input: { noticeId: 'n1', expectedVersion: 3, action: 'WITHDRAW', note: 'Data corrected by the trust', meetingOn: null, responseMeetingBy: null } } },
        result: { data: { applyContractNoticeAction: withdrawn } },
      },
      noticeMock(withdrawn),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Withdraw the notice' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Withdraw the notice?' })));
    expect(screen.getByText('The notice is withdrawn. Say why.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Yes, withdraw the notice' }));
    expect(screen.getByRole('link', { name: 'Give the reason' })).toHaveAttribute('href', '#notice-note');
    await userEvent.type(screen.getByLabelText(/^Reason/), 'Data corrected by the trust');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, withdraw the notice' }));
    expect(await screen.findByText('Recorded: withdraw the notice.')).toBeInTheDocument();
    expect(await screen.findByText('Withdrawn', { selector: '.nhsuk-tag' })).toBeInTheDocument();
  });

  it('puts a refused meeting date against its field (DATE_BEFORE_ISSUE names the field)', async () => {
    renderApp('/contracts/notices/n1', [
      signedIn,
      noticeMock(notice('ISSUED', ['HOLD_MEETING', 'WITHDRAW'])),
      {
        request: { query: ApplyContractNoticeActionMutation, variables: () => true },
        result: { errors: [new GraphQLError('refused', { extensions: { code: 'BAD_USER_INPUT', reason: 'DATE_BEFORE_ISSUE', details: { fields: ['meetingOn'] } } })] },
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Record the contract management meeting' }));
    await enterDate('Day the meeting was held', '2026-12-02');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, record the contract management meeting' }));
    expect(await screen.findByRole('link', { name: 'The meeting cannot be before the notice was issued' })).toHaveAttribute('href', '#notice-meetingOn');
  });

  it('says a stale notice changed meanwhile and shows the latest', async () => {
    renderApp('/contracts/notices/n1', [
      signedIn,
      noticeMock(notice('DRAFT', ['ISSUE', 'DISCARD'])),
      {
        request: { query: ApplyContractNoticeActionMutation, variables: () => true },
        result: { errors: [new GraphQLError('stale', { extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' } })] },
      },
    ]);
    expect(await screen.findByText('Not issued: this is a draft')).toBeInTheDocument();
    expect(nextSteps()).toEqual(['Issue the contract performance notice', 'Discard the draft']);
    await userEvent.click(screen.getByRole('button', { name: 'Issue the contract performance notice' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, issue the contract performance notice' }));
    expect(await screen.findByText(/Someone else changed this notice in the meantime/)).toBeInTheDocument();
  });

  it('agrees a remedial action plan with actions and a six-month trajectory, checking every field first', async () => {
    const months = ['2019-04-01', '2019-05-01', '2019-06-01', '2019-07-01', '2019-08-01', '2019-09-01'];
    const agreed = notice('RAP_AGREED', ['START_MONITORING'], {
      version: 4,
      remedialActionPlan: {
        id: 'p1',
        agreedOn: '2026-12-06',
        summary: 'Front-door streaming',
        actions: [{ id: 'a1', description: 'Open the evening unit', owner: 'COO', dueOn: '2027-01-31', status: 'NOT_STARTED', version: 1 }],
        trajectory: months.map((month, index) => ({ indicator: { code: aeAll.code, name: aeAll.name, unit: aeAll.unit }, month, value: 80 + index, actual: index < 2 ? 81 : null, met: index < 2 ? index === 0 : null })),
        misses: [],
      },
    });
    renderApp('/contracts/notices/n1', [
      signedIn,
      { ...noticeMock(notice('MEETING_HELD', ['AGREE_RAP', 'START_INVESTIGATION', 'WITHDRAW'])), maxUsageCount: 1 },
      {
        request: {
          query: AgreeRemedialActionPlanMutation,
          variables: (variables: { input: { trajectory: { month: string; value: number }[]; actions: unknown[]; summary: string; expectedVersion: number } }) =>
            variables.input.expectedVersion === 3 &&
            variables.input.summary === 'Front-door streaming' &&
            variables.input.actions.length === 1 &&
            variables.input.trajectory.map((point) => point.month).join() === months.join() &&
            variables.input.trajectory[5].value === 85,
        },
        result: { data: { agreeRemedialActionPlan: agreed } },
      },
      noticeMock(agreed),
      providerSeriesMock,
    ]);
    // The plan has its own form: the move is not among the buttons of the next steps.
    await screen.findByRole('heading', { level: 1, name: /Contract performance notice/ });
    expect(nextSteps()).toEqual(['Start a joint investigation', 'Withdraw the notice']);
    await userEvent.click(screen.getByRole('button', { name: 'Agree a remedial action plan' }));
    await userEvent.click(screen.getByRole('button', { name: 'Agree the plan' }));
    const summary = screen.getByRole('alert');
    expect(within(summary).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      '#plan-summary',
      '#plan-action-0-description',
      '#plan-action-0-owner',
      '#plan-action-0-dueOn',
      ...months.map((_, index) => `#plan-trajectory-AE_4HR_ALL-${index}`),
    ]);
    // The first month defaults to the one after the evidence (March 2019).
    expect(screen.getByLabelText(/First month of the trajectory/)).toHaveValue('2019-04');
    await userEvent.type(screen.getByLabelText(/Summary of the plan/), 'Front-door streaming');
    await userEvent.type(screen.getByLabelText(/Action 1: what will be done/), 'Open the evening unit');
    await userEvent.type(screen.getByLabelText(/Action 1: owner/), 'COO');
    // A date with a part left out is said at the field to fix.
    await enterDate('Action 1: due', '2027--31');
    await userEvent.click(screen.getByRole('button', { name: 'Agree the plan' }));
    expect(screen.getByRole('link', { name: 'The date action 1 is due must include a month' })).toHaveAttribute('href', '#plan-action-0-dueOn-month');
    await enterDate('Action 1: due', '2027-01-31');
    for (const [index, label] of ['April 2019', 'May 2019', 'June 2019', 'July 2019', 'August 2019', 'September 2019'].entries()) {
      await userEvent.type(screen.getByLabelText(`A&E: four-hour wait, all department types, ${label}`), String(80 + index));
    }
    await userEvent.click(screen.getByRole('button', { name: 'Agree the plan' }));
    expect(await screen.findByText('Remedial action plan agreed', { selector: '.nhsuk-tag' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Recovery trajectory, A&E: four-hour wait, all department types' });
    expect(within(table).getByRole('row', { name: 'April 2019 80.0% 81.0% Met' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'May 2019 81.0% 81.0% Missed' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'June 2019 82.0% No data yet' })).toBeInTheDocument();
    expect(await screen.findByRole('group', { name: /actual against trajectory: statistical process control chart$/ })).toBeInTheDocument();
  });

  it('offers the lead’s staff to raise a missed trajectory month to the CCG’s boards (issue 16)', async () => {
    const monitored = notice('MONITORING', ['REPORT_RAP_BREACH'], {
      remedialActionPlan: {
        id: 'p1',
        agreedOn: '2018-04-20',
        summary: 'Front-door streaming',
        actions: [],
        trajectory: [{ indicator: { code: aeAll.code, name: aeAll.name, unit: aeAll.unit }, month: '2018-05-01', value: 88, actual: 84.5, met: false }],
        misses: [{ indicator: { code: aeAll.code, name: aeAll.name }, month: '2018-05-01', committedValue: 88, actualValue: 84.5, proposedNextStep: 'REPORT_RAP_BREACH' }],
      },
    } as never);
    renderApp('/contracts/notices/n1', [signedIn, noticeMock(monitored), providerSeriesMock]);
    const raise = await screen.findByRole('link', { name: `Raise an escalation item about the missed trajectory for ${aeAll.name}, May 2018` });
    expect(Object.fromEntries(new URLSearchParams(raise.getAttribute('href')?.split('?')[1]))).toMatchObject({ kind: 'TRAJECTORY_MISS', ccg: '02V', provider: 'RR8', indicator: aeAll.code, period: '2018-05-01' });
  });

  it('records a month’s withholding once payment may be withheld, and says what the API refused', async () => {
    renderApp('/contracts/notices/n1', [
      signedIn,
      noticeMock(notice('WITHHOLDING_APPLIED', ['REPORT_EXCEPTION', 'ESCALATE', 'RESUME_MONITORING'])),
      {
        request: { query: RecordContractWithholdingMutation, variables: { input: { contractId: 'c1', noticeId: 'n1', month: '2018-03-01', note: null } } },
        result: { data: { recordContractWithholding: ledgerEntry({ kind: 'WITHHOLDING', basis: 'GC9', status: 'WITHHELD', amount: '866666.66', availableActions: ['RETURN', 'RETAIN'] }) } },
      },
      {
        request: { query: RecordContractWithholdingMutation, variables: { input: { contractId: 'c1', noticeId: 'n1', month: '2018-03-01', note: null } } },
        result: { errors: [new GraphQLError('again', { extensions: { code: 'CONFLICT', reason: 'ALREADY_IN_LEDGER' } })] },
      },
    ]);
    const section = await screen.findByRole('region', { name: 'Withhold payment' });
    expect(within(section).getByText(/Up to 2% of the monthly contract value/)).toBeInTheDocument();
    await userEvent.click(within(section).getByRole('button', { name: 'Record the month’s withholding' }));
    expect(within(section).getByRole('link', { name: 'Choose the month withheld' })).toHaveAttribute('href', '#withholding-month');
    // Only the months of the contract year (2017/18) are offered, in words.
    const monthOptions = within(within(section).getByRole('combobox', { name: /Month withheld/ })).getAllByRole('option').map((option) => option.textContent);
    expect(monthOptions).toEqual(['Choose a month', 'April 2017', 'May 2017', 'June 2017', 'July 2017', 'August 2017', 'September 2017', 'October 2017', 'November 2017', 'December 2017', 'January 2018', 'February 2018', 'March 2018']);
    await userEvent.selectOptions(within(section).getByLabelText(/Month withheld/), 'March 2018');
    await userEvent.click(within(section).getByRole('button', { name: 'Record the month’s withholding' }));
    expect(await within(section).findByText('Withheld £866,666.66 for March 2018.')).toBeInTheDocument();
    await userEvent.selectOptions(within(section).getByLabelText(/Month withheld/), 'March 2018');
    await userEvent.click(within(section).getByRole('button', { name: 'Record the month’s withholding' }));
    expect(await within(section).findByRole('link', { name: 'That month’s withholding is already in the ledger' })).toBeInTheDocument();
  });
});
