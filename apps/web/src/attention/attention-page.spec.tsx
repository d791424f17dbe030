import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { regionsMock } from '../providers/scorecard.fixtures';
import { demoAdmin, demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { attentionMock, attentionRow, NO_FILTER } from './attention.fixtures';

const leeds = attentionRow();
const calm = attentionRow({
  provider: { code: 'RAE', name: 'BRADFORD TEACHING HOSPITALS NHS FOUNDATION TRUST' },
  rag: 'GREEN',
  variationType: 'COMMON_CAUSE',
  assuranceType: 'CONSISTENT_PASS',
  funnelPosition: 'WITHIN',
  funnelFavourable: null,
  trend: null,
  severity: { score: 0, level: 'NONE', reasons: [] },
  links: null,
});

describe('what needs attention', () => {
  it('shows each row with its severity, icons and words, and links to the chart, comparison, contract and escalation item', async () => {
    renderApp('/attention', [viewerMock(demoCommissioningManager), regionsMock, attentionMock({ filter: NO_FILTER }, [leeds, calm])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'What needs attention' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: /What needs attention/ });
    const row = within(table).getByRole('row', { name: /LEEDS TEACHING HOSPITALS/i });
    expect(row).toHaveTextContent('High (12)');
    expect(row).toHaveTextContent('special cause concern, will consistently fail the target, fails the target, worse than peers (beyond 99.8% limit), worsening');
    expect(row).toHaveTextContent('83.2%');
    expect(row).toHaveTextContent('Target: 95.0%');
    expect(within(row).getByText('Red: fails standard')).toBeInTheDocument();
    expect(within(row).getByRole('img', { name: 'Special cause variation – concern (low)' })).toBeInTheDocument();
    expect(within(row).getByRole('img', { name: 'Consistently fails the target' })).toBeInTheDocument();
    expect(row).toHaveTextContent('Below the 99.8% limit: worse than peers');
    expect(row).toHaveTextContent('Worsening: each of the last 3 values worse');
    expect(within(row).getByRole('link', { name: /^Chart/ })).toHaveAttribute('href', '/providers/RR8#AE_4HR_ALL');
    expect(within(row).getByRole('link', { name: /^Comparison/ })).toHaveAttribute('href', '/providers/compare?indicator=AE_4HR_ALL&period=2019-03-01&provider=RR8');
    expect(within(row).getByRole('link', { name: /^Contract/ })).toHaveAttribute('href', '/contracts/c-rr8');
    expect(within(row).getByRole('link', { name: /^Escalation item 1/ })).toHaveAttribute('href', '/escalation/items/item-1');
    const calmRow = within(table).getByRole('row', { name: /BRADFORD/i });
    expect(calmRow).toHaveTextContent('None (0)');
    expect(calmRow).toHaveTextContent('Too few values to say');
    expect(within(calmRow).queryByRole('link', { name: /^Contract/ })).toBeNull();
    expect(screen.getByTestId('attention-scope')).toHaveTextContent('Your default view. 02V has no contracts recorded for the year');
    expect(screen.getByRole('status')).toHaveTextContent('Showing 2 of 2 rows.');
    expect(document.title).toBe('What needs attention - CCG Assure');
  });

  it('combines the ticked checkboxes, AND across groups and OR within one, in one query', async () => {
    const filter = { ...NO_FILTER, indicators: null, variation: ['SPECIAL_CAUSE_CONCERN'], rag: ['RED'], funnelPosition: ['BELOW_998', 'BELOW_95'] };
    renderApp('/attention', [viewerMock(demoCommissioningManager), regionsMock, attentionMock({ filter: NO_FILTER }, [leeds, calm]), attentionMock({ filter }, [leeds])]);
    await screen.findByRole('table');
    const group = (name: string) => screen.getByRole('group', { name });
    await userEvent.click(within(group('Variation')).getByLabelText('Special cause concern'));
    await userEvent.click(within(group('RAG against the target in force')).getByLabelText('Red: fails the target'));
    const funnel = group('Funnel position among peers (adjusted for over-dispersion)');
    await userEvent.click(within(funnel).getByLabelText('Below the 99.8% limit'));
    await userEvent.click(within(funnel).getByLabelText('Below the 95% limit'));
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('Showing 1 of 1 row.')).toBeInTheDocument();
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([expect.stringContaining('(RR8)')]);
    expect(within(group('Variation')).getByLabelText('Special cause concern')).toBeChecked();
  });

  it('sorts by provider name when asked, through the API', async () => {
    renderApp('/attention?sort=provider', [viewerMock(demoCommissioningManager), regionsMock, attentionMock({ filter: NO_FILTER, sort: 'PROVIDER' }, [calm, leeds])]);
    await screen.findByRole('table');
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([expect.stringContaining('(RAE)'), expect.stringContaining('(RR8)')]);
    expect(screen.getByLabelText('Sort by')).toHaveValue('PROVIDER');
  });

  it('says what went wrong when the API refuses', async () => {
    renderApp('/attention?indicator=NO_SUCH', [
      viewerMock(demoCommissioningManager),
      regionsMock,
      {
        request: { query: (await import('./attention.operations')).AttentionQuery, variables: { filter: { ...NO_FILTER, indicators: ['NO_SUCH'] }, asOf: null, sort: 'SEVERITY', first: 50 } },
        result: { errors: [{ message: 'No indicator has the code "NO_SUCH".', extensions: { code: 'NOT_FOUND', reason: 'INDICATOR_NOT_FOUND' } }] },
      },
    ]);
    expect(await screen.findByRole('heading', { name: 'What needs attention could not be loaded' })).toBeInTheDocument();
  });
});

describe('the home page', () => {
  it("is the commissioning manager's attention view", async () => {
    renderApp('/', [viewerMock(demoCommissioningManager), regionsMock, attentionMock({ filter: NO_FILTER }, [leeds])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Demo Commissioning Manager' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'What needs attention' })).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /LEEDS TEACHING HOSPITALS/i })).toBeInTheDocument();
  });

  it('stays the list of areas for other roles', async () => {
    renderApp('/', [viewerMock(demoAdmin)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Demo Admin' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'What needs attention' })).toBeNull();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Providers' })).toHaveAttribute('href', '/providers');
  });
});
