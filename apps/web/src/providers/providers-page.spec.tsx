import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { ProvidersByStatusQuery, ProvidersQuery } from './providers.operations';
import { regionsMock, summaryRow } from './scorecard.fixtures';

const signedIn = viewerMock(demoCommissioningManager);
const trust = (code: string, name: string) => ({ cursor: code, node: { code, name, openDate: '1998-04-01', closeDate: null } });
const allMock = (variables: Record<string, unknown>, edges: ReturnType<typeof trust>[]) => ({
  request: { query: ProvidersQuery, variables },
  result: { data: { organisations: { totalCount: edges.length, edges, pageInfo: { hasNextPage: false, endCursor: null } } } },
});

const pageMock = (variables: Record<string, unknown>, edges: ReturnType<typeof trust>[], totalCount: number, endCursor: string | null) => ({
  request: { query: ProvidersQuery, variables },
  result: { data: { organisations: { totalCount, edges, pageInfo: { hasNextPage: endCursor !== null, endCursor } } } },
});

describe('providers page', () => {
  it('downloads every provider that matches, page after page, not only those shown (issue 20)', async () => {
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:providers');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const [leeds, guys, york] = [trust('RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST'), trust('RJ1', "GUY'S AND ST THOMAS' NHS FOUNDATION TRUST"), trust('RCB', 'YORK TEACHING HOSPITAL NHS FOUNDATION TRUST')];
    renderApp('/providers', [
      signedIn,
      regionsMock,
      pageMock({ search: null, region: null, first: 50 }, [leeds], 3, 'RR8'),
      pageMock({ search: null, region: null, first: 100, after: null }, [leeds, guys], 3, 'RJ1'),
      pageMock({ search: null, region: null, first: 100, after: 'RJ1' }, [york], 3, null),
    ]);
    expect(await screen.findByText('The file holds every provider: 3 rows, not only those shown.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV of the providers' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(createObjectURL.mock.calls[0][0]);
    });
    expect(text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(',')[0])).toEqual(['ODS code', 'RR8', 'RJ1', 'RCB']);
    click.mockRestore();
  });

  it('links each provider to its scorecard, and to the report and the comparison', async () => {
    renderApp('/providers', [signedIn, regionsMock, allMock({ search: null, region: null, first: 50 }, [trust('RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST')])]);
    expect(await screen.findByRole('link', { name: 'LEEDS TEACHING HOSPITALS NHS TRUST' })).toHaveAttribute('href', '/providers/RR8');
    expect(screen.getByRole('link', { name: /Integrated performance report/ })).toHaveAttribute('href', '/providers/grid');
    expect(screen.getByRole('link', { name: /Compare providers on an indicator/ })).toHaveAttribute('href', '/providers/compare');
  });

  it('filters by region through the organisations list', async () => {
    renderApp('/providers', [
      signedIn,
      regionsMock,
      allMock({ search: null, region: null, first: 50 }, [trust('RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST'), trust('RJ1', "GUY'S AND ST THOMAS' NHS FOUNDATION TRUST")]),
      allMock({ search: null, region: 'Y56', first: 50 }, [trust('RJ1', "GUY'S AND ST THOMAS' NHS FOUNDATION TRUST")]),
    ]);
    await screen.findByRole('table');
    // The regions arrive by their own query: wait for the option, not only the table.
    await screen.findByRole('option', { name: 'London (Y56)' });
    // The regions of the data's era only: the 2016 North of England is not offered beside the 2018 North West.
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(expect.arrayContaining(['London (Y56)', 'North West (Y62)']));
    expect(screen.queryByRole('option', { name: 'North of England (Y54)' })).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Region'), 'London (Y56)');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('Showing 1 of 1 provider in London (Y56).')).toBeInTheDocument();
  });

  it('lists the providers failing a standard from the scorecard summary, saying on which indicators', async () => {
    const byStatus = {
      request: { query: ProvidersByStatusQuery, variables: { filter: { search: 'leeds', region: null, status: 'FAILING' }, first: 50 } },
      result: {
        data: {
          scorecardSummary: {
            asOf: '2019-03-01',
            totalCount: 1,
            indicators: [
              { code: 'AE_4HR_ALL', name: 'A&E: four-hour wait, all department types' },
              { code: 'AE_4HR_TYPE1', name: 'A&E: four-hour wait, type 1 departments' },
            ],
            edges: [{ cursor: 'RR8', node: summaryRow('RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST', 89.4, 87.0) }],
            pageInfo: { hasNextPage: false, endCursor: null },
          },
        },
      },
    };
    renderApp('/providers?search=leeds&status=FAILING', [signedIn, regionsMock, byStatus]);
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(within(table).getByRole('columnheader', { name: 'Failing' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /RR8/ })).toHaveTextContent('A&E: four-hour wait, all department types; A&E: four-hour wait, type 1 departments');
    expect(screen.getByText('Showing 1 of 1 provider matching “leeds”, failing a standard in March 2019.')).toBeInTheDocument();
    expect(screen.getByLabelText('Scorecard status')).toHaveValue('FAILING');
  });
});
