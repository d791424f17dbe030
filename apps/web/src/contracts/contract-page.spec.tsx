import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { scorecardMock } from '../providers/scorecard.fixtures';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { ApplySanctionLedgerActionMutation, ContractQuery, DismissBreachProposalMutation, ProviderContractsQuery, RecordFineIncomeUseMutation } from './contracts.operations';
import { contract, contractMock, errorMock, ledger, ledgerEntry, providerSeriesMock, totals } from './contracts.fixtures';

jest.setTimeout(20_000);

const signedIn = viewerMock(demoCommissioningManager);

describe('a contract', () => {
  it('shows the provider, lead and associates, value, monitored indicators as tiles and charts, and the ledger files', async () => {
    renderApp('/contracts/c1', [signedIn, contractMock(contract()), providerSeriesMock]);
    expect(await screen.findByRole('heading', { level: 1, name: /Leeds Teaching Hospitals NHS Trust: Acute services 2017\/18/ })).toBeInTheDocument();
    expect(screen.getByText('NHS Leeds North CCG (02V)')).toBeInTheDocument();
    expect(screen.getByText('NHS Leeds West CCG (03C)')).toBeInTheDocument();
    expect(screen.getByText('£520,000,000.00')).toBeInTheDocument();
    expect(screen.getByText(/Illustrative demonstration contract/)).toBeInTheDocument();
    const tile = screen.getByRole('group', { name: 'A&E: four-hour wait, all department types' });
    expect(within(tile).getByText('Red: fails standard')).toBeInTheDocument();
    expect(within(tile).getByText(/95\.0% \(the national standard\)/)).toBeInTheDocument();
    expect(within(tile).getByRole('img', { name: 'Consistently fails the target' })).toBeInTheDocument();
    expect(await screen.findByRole('group', { name: /A&E: four-hour wait, all department types, Leeds Teaching Hospitals NHS Trust: statistical process control chart/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^CSV/ })).toHaveAttribute('href', '/reports/contracts/c1/sanctions.csv');
    expect(screen.getByRole('link', { name: /^Excel \(xlsx\)/ })).toHaveAttribute('href', '/reports/contracts/c1/sanctions.xlsx');
    expect(screen.getByText('No sanction or withholding is recorded for this contract.')).toBeInTheDocument();
  });

  it('dismisses a breach only with a reason', async () => {
    const dismissed = { ...contract(), breachProposals: [{ ...contract().breachProposals[0], status: 'DISMISSED' as const, dismissedReason: 'Known winter pressure' }] };
    renderApp('/contracts/c1', [
      signedIn,
      { ...contractMock(contract()), maxUsageCount: 1 },
      providerSeriesMock,
      {
        request: { query: DismissBreachProposalMutation, variables: { input: { proposalId: 'b1', reason: 'Known winter pressure' } } },
        result: { data: { dismissBreachProposal: { id: 'b1', status: 'DISMISSED', dismissedReason: 'Known winter pressure' } } },
      },
      { request: { query: ContractQuery, variables: { id: 'c1' } }, result: { data: { contract: dismissed } } },
    ]);
    const breach = await screen.findByRole('group', { name: 'A&E: four-hour wait, all department types, March 2018' });
    expect(within(breach).getByText('The threshold is not met')).toBeInTheDocument();
    await userEvent.click(within(breach).getByRole('button', { name: /^Dismiss/ }));
    await waitFor(() => expect(document.activeElement).toBe(within(breach).getByRole('heading', { name: 'Dismiss this breach?' })));
    await userEvent.click(within(breach).getByRole('button', { name: 'Yes, dismiss the breach' }));
    const summary = within(breach).getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Give the reason for dismissing the breach' })).toHaveAttribute('href', '#dismiss-reason');
    await userEvent.type(within(breach).getByLabelText(/Reason for dismissing/), 'Known winter pressure');
    await userEvent.click(within(breach).getByRole('button', { name: 'Yes, dismiss the breach' }));
    expect(await screen.findByText('No breach is waiting for a decision.')).toBeInTheDocument();
  });

  it('shows the latest open breach of each indicator first, the earlier months folded under it', async () => {
    const latest = contract().breachProposals[0];
    const earlier = { ...latest, id: 'b0', period: '2018-02-01', periodLabel: 'February 2018' };
    renderApp('/contracts/c1', [signedIn, contractMock(contract({ breachProposals: [earlier, latest] })), providerSeriesMock]);
    const region = await screen.findByRole('region', { name: 'Breaches to decide' });
    const cards = within(region).getAllByRole('group');
    expect(cards.map((card) => card.getAttribute('aria-labelledby')).filter((id) => id?.startsWith('breach-'))).toEqual(['breach-b1', 'breach-b0']);
    expect(within(region).getByText('One earlier month of A&E: four-hour wait, all department types to decide')).toBeInTheDocument();
  });

  it('offers an associate’s reader no buttons', async () => {
    const readOnly = contract({ viewerMayAct: false, sanctionLedger: ledger({ viewerMayAct: false, entries: [ledgerEntry()] }) });
    renderApp('/contracts/c1', [signedIn, contractMock(readOnly), providerSeriesMock]);
    await screen.findByText(/You read this contract/);
    expect(screen.queryByRole('button', { name: /Propose a notice|Dismiss|Apply|Waive|Record the sanction/ })).not.toBeInTheDocument();
  });

  it('renders each ledger entry’s moves from its availableActions, and asks the reason for waiving', async () => {
    const withEntries = contract({
      sanctionLedger: ledger({
      entries: [
        ledgerEntry(),
        ledgerEntry({ id: 'e2', period: '2018-02-01', status: 'APPLIED', amount: '1200.00', availableActions: ['RECORD_INCOME_USE'] }),
        ledgerEntry({ id: 'e3', period: '2018-01-01', status: 'WAIVED', reason: 'Data error', availableActions: [] }),
      ],
      totals: totals({ calculated: '124080.00', applied: '1200.00', unallocated: '1200.00', unallocatedEntries: 1 }),
      }),
    });
    renderApp('/contracts/c1', [
      signedIn,
      contractMock(withEntries),
      providerSeriesMock,
      {
        request: { query: ApplySanctionLedgerActionMutation, variables: { input: { entryId: 'e1', expectedVersion: 1, action: 'WAIVE', reason: 'Agreed at the meeting', note: null } } },
        result: { data: { applySanctionLedgerAction: ledgerEntry({ status: 'WAIVED', reason: 'Agreed at the meeting', availableActions: [], version: 2 }) } },
      },
    ]);
    const calculated = await screen.findByRole('group', { name: /, March 2018: £124,080\.00$/ });
    expect(within(calculated).getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Apply: A&E four-hour breaches beyond the tolerance, March 2018',
      'Waive: A&E four-hour breaches beyond the tolerance, March 2018',
    ]);
    expect(within(calculated).getByText('1034 × £120.00')).toBeInTheDocument();
    const applied = screen.getByRole('group', { name: /, February 2018: £1,200\.00$/ });
    expect(within(applied).getAllByRole('button').map((button) => button.textContent)).toEqual(['Record how the income is used: A&E four-hour breaches beyond the tolerance, February 2018']);
    expect(within(applied).getByText('Not yet recorded')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: /, January 2018/ })).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'Applied, use not yet recorded (1 sum) £1,200.00' })).toBeInTheDocument();

    await userEvent.click(within(calculated).getByRole('button', { name: /^Waive/ }));
    await userEvent.click(within(calculated).getByRole('button', { name: 'Yes, waive' }));
    expect(within(calculated).getByRole('link', { name: 'Give the reason for waiving the sanction' })).toBeInTheDocument();
    await userEvent.type(within(calculated).getByLabelText(/Reason for waiving/), 'Agreed at the meeting');
    await userEvent.click(within(calculated).getByRole('button', { name: 'Yes, waive' }));
    expect(await within(calculated).findByText('Recorded: waive.')).toBeInTheDocument();
  });

  it('asks how an applied sum’s income is used and says what the API refused', async () => {
    const withEntries = contract({ sanctionLedger: ledger({ entries: [ledgerEntry({ status: 'APPLIED', availableActions: ['RECORD_INCOME_USE'] })] }) });
    renderApp('/contracts/c1', [
      signedIn,
      contractMock(withEntries),
      providerSeriesMock,
      errorMock(RecordFineIncomeUseMutation, { input: { entryId: 'e1', expectedVersion: 1, incomeUse: 'OFFSET_IN_YEAR_PRESSURE', note: 'Winter pressures' } }, 'CONFLICT', 'STALE_VERSION'),
    ]);
    const entry = await screen.findByRole('group', { name: /, March 2018: £124,080\.00$/ });
    await userEvent.click(within(entry).getByRole('button', { name: /^Record how the income is used/ }));
    await userEvent.click(within(entry).getByRole('button', { name: 'Yes, record how the income is used' }));
    const summary = within(entry).getByRole('alert');
    expect(within(summary).getByText('Select how the income is used')).toBeInTheDocument();
    expect(within(summary).getByText('Say what the income pays for')).toBeInTheDocument();
    await userEvent.click(within(entry).getByRole('radio', { name: 'Offset against an in-year financial pressure' }));
    await userEvent.type(within(entry).getByLabelText(/What the income pays for/), 'Winter pressures');
    await userEvent.click(within(entry).getByRole('button', { name: 'Yes, record how the income is used' }));
    expect(await within(entry).findByText(/Someone else changed this entry in the meantime/)).toBeInTheDocument();
  });

  it('says when the contract is not the viewer’s to see', async () => {
    renderApp('/contracts/c9', [signedIn, errorMock(ContractQuery, { id: 'c9' }, 'FORBIDDEN', 'FORBIDDEN')]);
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot see this contract' })).toBeInTheDocument();
  });
});

describe('proposing a notice from a scorecard tile', () => {
  it('offers "Propose a contract notice" on a failing tile under a contract the viewer may act on', async () => {
    renderApp('/providers/RR8', [
      signedIn,
      scorecardMock('RR8'),
      {
        request: { query: ProviderContractsQuery, variables: { provider: 'RR8' } },
        result: {
          data: {
            providerContracts: [
              { id: 'c9', title: 'Read only', financialYear: '2018/19', viewerMayAct: false, illustrative: true, leadCommissioner: { code: '03N', name: 'NHS SHEFFIELD CCG' }, monitoredIndicators: [{ indicator: { code: 'AE_4HR_ALL' } }] },
              { id: 'c1', title: 'Acute', financialYear: '2017/18', viewerMayAct: true, illustrative: true, leadCommissioner: { code: '02V', name: 'NHS LEEDS NORTH CCG' }, monitoredIndicators: [{ indicator: { code: 'AE_4HR_ALL' } }] },
            ],
          },
        },
      },
    ]);
    const tile = await screen.findByRole('group', { name: 'A&E: four-hour wait, all department types' });
    const link = await within(tile).findByRole('link', { name: 'Propose a contract notice about A&E: four-hour wait, all department types' });
    expect(link).toHaveAttribute('href', '/contracts/c1/propose?indicator=AE_4HR_ALL');
  });

  it('offers nothing to the public, who are never asked about contracts', async () => {
    renderApp('/providers/RR8', [viewerMock(null), scorecardMock('RR8')]);
    const tile = await screen.findByRole('group', { name: 'A&E: four-hour wait, all department types' });
    expect(within(tile).queryByRole('link', { name: /Propose a contract notice/ })).not.toBeInTheDocument();
  });
});
