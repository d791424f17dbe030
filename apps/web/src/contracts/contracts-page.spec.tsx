import { screen, within } from '@testing-library/react';
import { demoAdmin, demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { CcgContractsQuery, FineIncomeReportQuery } from './contracts.operations';
import { errorMock, ILLUSTRATIVE_NOTE, leedsNorth, leedsWest, rr8, totals } from './contracts.fixtures';

jest.setTimeout(20_000);

const listed = (id: string, year: string, lead = leedsNorth) => ({
  id,
  title: `Acute services ${year} (illustrative)`,
  reference: null,
  financialYear: year,
  contractValue: '520000000.00',
  illustrative: true,
  illustrativeNote: ILLUSTRATIVE_NOTE,
  viewerMayAct: lead.code === '02V',
  provider: rr8,
  leadCommissioner: lead,
  associates: [leedsWest],
  notices: [{ id: 'n1', status: 'ISSUED' }, { id: 'n2', status: 'CLOSED' }],
  breachProposals: [{ id: 'b1' }],
});

const contractsMock = (ccg: string, contracts: ReturnType<typeof listed>[]) => ({ request: { query: CcgContractsQuery, variables: { ccg } }, result: { data: { contracts } } });

describe('a CCG’s contracts', () => {
  it('lists the contracts of the commissioning manager’s CCG, says which are illustrative, and filters by year', async () => {
    renderApp('/contracts?year=2017/18', [viewerMock(demoCommissioningManager), contractsMock('02V', [listed('c2', '2017/18'), listed('c1', '2016/17')])]);
    const table = await screen.findByRole('table', { name: 'One contract in 2017/18' });
    const row = within(table).getByRole('row', { name: /Leeds Teaching Hospitals NHS Trust \(RR8\)/ });
    expect(within(row).getByRole('link', { name: 'Leeds Teaching Hospitals NHS Trust (RR8)' })).toHaveAttribute('href', '/contracts/c2');
    expect(within(row).getByText('Illustrative')).toBeInTheDocument();
    expect(within(row).getByText('£520,000,000.00')).toBeInTheDocument();
    expect(within(row).getByText('Lead commissioner')).toBeInTheDocument();
    // One notice is open (ISSUED); the closed one is not counted.
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['2017/18', 'Lead commissioner', '£520,000,000.00', '1', '1']);
    expect(screen.getByText(ILLUSTRATIVE_NOTE)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'How 02V’s fine income of 2017/18 is used' })).toHaveAttribute('href', '/contracts/fine-income?ccg=02V&year=2017%2F18');
    expect(screen.getByRole('navigation', { name: 'Areas' })).toHaveTextContent('Contracts');
  });

  it('says so when the CCG has no contracts', async () => {
    renderApp('/contracts', [viewerMock(demoCommissioningManager), contractsMock('02V', [])]);
    expect(await screen.findByText(/02V leads no contract and is associate to none/)).toBeInTheDocument();
  });

  it('says when the contracts could not be loaded', async () => {
    renderApp('/contracts', [viewerMock(demoCommissioningManager), errorMock(CcgContractsQuery, { ccg: '02V' }, 'FORBIDDEN', 'FORBIDDEN')]);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The contracts could not be loaded')).toBeInTheDocument();
    expect(within(alert).getByText('Your role does not allow this.')).toBeInTheDocument();
  });

  it('tells someone without a contracts role that contracts are not for them, and hides the area', async () => {
    renderApp('/contracts', [viewerMock(demoAdmin)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'You do not have access to contracts' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Areas' })).not.toHaveTextContent('Contracts');
  });
});

describe('the fine income report', () => {
  it('shows the CCG’s applied sums by how their income is used, per contract', async () => {
    const byUse = [{ use: 'INVESTED_IN_FIX' as const, amount: '124080.00', entries: 1 }];
    renderApp('/contracts/fine-income?ccg=02V&year=2017/18', [
      viewerMock(demoCommissioningManager),
      {
        request: { query: FineIncomeReportQuery, variables: { ccg: '02V', financialYear: '2017/18' } },
        result: {
          data: {
            fineIncomeReport: {
              ccg: '02V',
              financialYear: '2017/18',
              totals: totals({ applied: '124080.00', byUse }),
              contracts: [{ contractId: 'c2', title: 'Acute services 2017/18 (illustrative)', providerCode: 'RR8', role: 'LEAD', illustrative: true, totals: totals({ applied: '124080.00', byUse }) }],
            },
          },
        },
      },
    ]);
    const overall = await screen.findByRole('table', { name: 'All contracts of 02V, 2017/18' });
    expect(within(overall).getByRole('row', { name: 'Applied: Reinvested in fixing the problem £124,080.00' })).toBeInTheDocument();
    const byContract = screen.getByRole('table', { name: 'By contract' });
    expect(within(byContract).getByRole('link', { name: 'Acute services 2017/18 (illustrative)' })).toHaveAttribute('href', '/contracts/c2');
    expect(within(byContract).getByText('Illustrative')).toBeInTheDocument();
  });
});
