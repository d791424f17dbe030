import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { CcgProvidersQuery } from './scorecard.operations';
import { regionsMock, scorecardMock, summaryMock, summaryRow } from './scorecard.fixtures';

const signedIn = viewerMock(demoCommissioningManager);
const noFilter = { search: null, region: null, ccg: null, status: null, indicator: null, organisationType: null };
const byName = { filter: noFilter, first: 50, orderBy: { field: 'NAME', direction: 'ASC' } };
const aintree = summaryRow('REM', 'AINTREE UNIVERSITY HOSPITAL NHS FOUNDATION TRUST', 74.7, 73.4, 'SPECIAL_CAUSE_CONCERN');
const leeds = summaryRow('RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST', 89.4, 87.0);
const boroughs = summaryRow('RTV', '5 BOROUGHS PARTNERSHIP NHS FOUNDATION TRUST', 98.8, null, 'SPECIAL_CAUSE_IMPROVEMENT');

/** jsdom's Blob has no text(): read it as the browser would. */
const readBlob = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
const providerNames = () => screen.getAllByRole('rowheader').map((cell) => cell.textContent);
const header = (name: RegExp) => screen.getAllByRole('columnheader').find((cell) => name.test(cell.textContent ?? ''));

describe('integrated performance report (scorecard grid)', () => {
  it('shows every provider by every indicator with value, RAG text and named icons', async () => {
    renderApp('/providers/grid', [signedIn, regionsMock, summaryMock(byName, [boroughs, aintree, leeds])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Integrated performance report' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: '3 providers by 2 indicators, March 2019' });
    const aintreeRow = within(table).getByRole('row', { name: /AINTREE/ });
    expect(aintreeRow).toHaveTextContent('74.7%');
    expect(within(aintreeRow).getAllByText('Red: fails standard')).toHaveLength(2);
    expect(within(aintreeRow).getAllByRole('img', { name: 'Special cause variation – concern (low)' })).toHaveLength(2);
    expect(within(aintreeRow).getAllByRole('img', { name: 'Hit and miss: the target may or may not be met' })).toHaveLength(2);
    const boroughsRow = within(table).getByRole('row', { name: /5 BOROUGHS/ });
    expect(within(boroughsRow).getByText('Green: meets standard')).toBeInTheDocument();
    expect(within(boroughsRow).getByRole('img', { name: 'Special cause variation – improvement (high)' })).toBeInTheDocument();
    expect(within(boroughsRow).getByText('No data')).toBeInTheDocument();
    expect(document.title).toBe('Integrated performance report - CCG Assure');
  });

  it('sorts by an indicator’s value through the API, saying so with aria-sort', async () => {
    const byValue = { filter: noFilter, first: 50, orderBy: { field: 'VALUE', indicator: 'AE_4HR_ALL', direction: 'DESC' } };
    const byValueAscending = { ...byValue, orderBy: { ...byValue.orderBy, direction: 'ASC' } };
    renderApp('/providers/grid', [
      signedIn,
      regionsMock,
      summaryMock(byName, [boroughs, aintree, leeds]),
      summaryMock(byValue, [boroughs, leeds, aintree]),
      summaryMock(byValueAscending, [aintree, leeds, boroughs]),
    ]);
    await screen.findByRole('table');
    expect(header(/^Provider/)).toHaveAttribute('aria-sort', 'ascending');
    expect(header(/all department types/)).toHaveAttribute('aria-sort', 'none');

    await userEvent.click(screen.getByRole('button', { name: /A&E: four-hour wait, all department types/ }));
    await waitFor(() => expect(providerNames()).toEqual(['5 BOROUGHS PARTNERSHIP NHS FOUNDATION TRUST', 'LEEDS TEACHING HOSPITALS NHS TRUST', 'AINTREE UNIVERSITY HOSPITAL NHS FOUNDATION TRUST']));
    expect(header(/all department types/)).toHaveAttribute('aria-sort', 'descending');
    expect(header(/^Provider/)).toHaveAttribute('aria-sort', 'none');

    await userEvent.click(screen.getByRole('button', { name: /A&E: four-hour wait, all department types/ }));
    await waitFor(() => expect(providerNames()[0]).toBe('AINTREE UNIVERSITY HOSPITAL NHS FOUNDATION TRUST'));
    expect(header(/all department types/)).toHaveAttribute('aria-sort', 'ascending');
  });

  it('drills through from a value to the provider’s chart for that indicator', async () => {
    renderApp('/providers/grid', [signedIn, regionsMock, summaryMock(byName, [leeds]), scorecardMock('RR8')]);
    const link = await screen.findByRole('link', { name: '89.4% – LEEDS TEACHING HOSPITALS NHS TRUST, A&E: four-hour wait, all department types: open the chart' });
    expect(link).toHaveAttribute('href', '/providers/RR8#AE_4HR_ALL');
    await userEvent.click(link);
    const heading = await screen.findByRole('heading', { level: 2, name: 'A&E: four-hour wait, all department types' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(heading.closest('section')).toHaveAttribute('id', 'AE_4HR_ALL');
  });

  it('filters by region and status through the API', async () => {
    const filtered = { filter: { ...noFilter, region: 'Y62', status: 'FAILING' }, first: 50, orderBy: { field: 'NAME', direction: 'ASC' } };
    renderApp('/providers/grid', [signedIn, regionsMock, summaryMock(byName, [boroughs, aintree, leeds]), summaryMock(filtered, [aintree, leeds], 2)]);
    await screen.findByRole('table');
    await screen.findByRole('option', { name: 'North West (Y62)' });
    await userEvent.selectOptions(screen.getByLabelText('Region'), 'North West (Y62)');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Failing a standard');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(providerNames()).toEqual(['AINTREE UNIVERSITY HOSPITAL NHS FOUNDATION TRUST', 'LEEDS TEACHING HOSPITALS NHS TRUST']));
    expect(screen.getByText('Showing 2 of 2 providers.')).toBeInTheDocument();
  });

  it('says whether a CCG’s providers are its contracted ones or, with no contracts, its region’s (issue 15)', async () => {
    const byCcg = { filter: { ...noFilter, ccg: '02V' }, first: 50, orderBy: { field: 'NAME', direction: 'ASC' } };
    const basis = (value: 'CONTRACTS' | 'REGION', providers: string[]) => ({
      request: { query: CcgProvidersQuery, variables: { ccg: '02V', asOf: '2019-03-01' } },
      result: { data: { ccgProviders: { __typename: 'CcgProviders', basis: value, ccg: { __typename: 'Organisation', code: '02V', name: 'NHS LEEDS NORTH CCG' }, providers: providers.map((code) => ({ __typename: 'Organisation', code })) } } },
    });
    renderApp('/providers/grid?ccg=02V', [signedIn, regionsMock, summaryMock(byCcg, [leeds]), basis('REGION', ['RR8'])]);
    expect(await screen.findByText('NHS Leeds North CCG (02V) has no contracts recorded for the year: the providers in its NHS England region are shown instead.')).toBeInTheDocument();
  });

  it('shows the GP practices registered with a CCG when asked for practices (issue 19)', async () => {
    const practices = { filter: { ...noFilter, ccg: '02N', organisationType: 'GP_PRACTICE' }, first: 50, orderBy: { field: 'NAME', direction: 'ASC' } };
    // Illustrative values, real practices of NHS Airedale, Wharfedale and Craven CCG.
    const townhead = summaryRow('B82007', 'TOWNHEAD SURGERY', 81.2, null);
    const crossHills = summaryRow('B82020', 'CROSS HILLS GROUP PRACTICE', 79.5, null);
    renderApp('/providers/grid', [signedIn, regionsMock, summaryMock(byName, [boroughs, aintree, leeds]), summaryMock(practices, [crossHills, townhead], 2)]);
    await screen.findByRole('table');
    await userEvent.selectOptions(screen.getByLabelText('Show'), 'GP practices');
    await userEvent.type(screen.getByLabelText('CCG (ODS code)'), '02n');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(providerNames()).toEqual(['CROSS HILLS GROUP PRACTICE', 'TOWNHEAD SURGERY']));
    expect(screen.getByText('Showing 2 of 2 GP practices.')).toBeInTheDocument();
  });

  it('downloads every row of the filtered report as CSV, page after page, not only the rows shown (issue 20)', async () => {
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:grid');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^integrated-performance-report-\d{4}-\d{2}-\d{2}\.csv$/);
    });
    // On screen: the first page (one provider of three); the download fetches both pages of 100.
    const download = { ...byName, first: 100 };
    renderApp('/providers/grid', [
      signedIn,
      regionsMock,
      summaryMock(byName, [boroughs], 3, true),
      summaryMock({ ...download, after: null }, [boroughs, aintree], 3, true),
      summaryMock({ ...download, after: 'REM' }, [leeds], 3, false),
    ]);
    expect(await screen.findByText('The file holds every provider that matches these filters, in this order: 3 rows, not only those shown.')).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Download CSV of the report' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const lines = (await readBlob(createObjectURL.mock.calls[0][0])).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^RR8,LEEDS TEACHING HOSPITALS NHS TRUST,/);
    expect(lines[0]).toBe(
      'ODS code,Provider,AE_4HR_ALL period,AE_4HR_ALL value,AE_4HR_ALL standard,AE_4HR_ALL RAG,AE_4HR_ALL variation,AE_4HR_ALL assurance,' +
        'AE_4HR_TYPE1 period,AE_4HR_TYPE1 value,AE_4HR_TYPE1 standard,AE_4HR_TYPE1 RAG,AE_4HR_TYPE1 variation,AE_4HR_TYPE1 assurance',
    );
    expect(lines[2]).toBe(
      'REM,AINTREE UNIVERSITY HOSPITAL NHS FOUNDATION TRUST,2019-03-01,74.7,95,Red: fails standard,Special cause variation – concern (low),Hit and miss: the target may or may not be met,2019-03-01,73.4,95,Red: fails standard,Special cause variation – concern (low),Hit and miss: the target may or may not be met',
    );
    expect(lines[1]).toMatch(/^RTV,5 BOROUGHS PARTNERSHIP NHS FOUNDATION TRUST,2019-03-01,98.8,95,Green: meets standard,.*,,,,,,$/);
    click.mockRestore();
  });
});
