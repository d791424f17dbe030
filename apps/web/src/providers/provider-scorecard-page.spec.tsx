import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { monthlySeries, scorecardErrorMock, scorecardIndicator, scorecardMock } from './scorecard.fixtures';

const signedIn = viewerMock(demoCommissioningManager);

describe('provider scorecard page', () => {
  it('shows a tile per indicator with the latest value, standard, RAG as text and the named Making Data Count icons', async () => {
    renderApp('/providers/RR8', [signedIn, scorecardMock('RR8')]);
    expect(await screen.findByRole('heading', { level: 1, name: 'LEEDS TEACHING HOSPITALS NHS TRUST' })).toBeInTheDocument();
    const tile = screen.getByRole('group', { name: 'A&E: four-hour wait, all department types' });
    expect(tile).toHaveTextContent('74.5% in March 2019');
    expect(tile).toHaveTextContent('Standard95.0% or more');
    expect(within(tile).getByText('Red: fails standard')).toHaveClass('nhsuk-tag--red');
    expect(within(tile).getByRole('img', { name: 'Special cause variation – concern (low)' })).toBeInTheDocument();
    expect(within(tile).getByRole('img', { name: 'Consistently fails the target' })).toBeInTheDocument();
    expect(document.title).toBe('LEEDS TEACHING HOSPITALS NHS TRUST (RR8) - CCG Assure');
  });

  it('says the figures are real published NHS England data', async () => {
    renderApp('/providers/RR8', [signedIn, scorecardMock('RR8')]);
    expect(await screen.findByText(/These are real figures, as published: NHS England, A&E Attendances and Emergency Admissions/)).toBeInTheDocument();
    expect(screen.getByText(/Nothing on this page is illustrative/)).toBeInTheDocument();
  });

  it('draws each indicator’s SPC chart with every month as a named point, and its data table', async () => {
    renderApp('/providers/RR8', [signedIn, scorecardMock('RR8')]);
    const section = await screen.findByRole('region', { name: 'A&E: four-hour wait, all department types' });
    const chart = within(section).getByRole('group', { name: /statistical process control chart/ });
    expect(within(chart).getAllByRole('img')).toHaveLength(36);
    expect(within(chart).getByRole('img', { name: 'March 2019: 74.5%, special cause concern' })).toBeInTheDocument();
    expect(within(section).getByText('Show the data as a table')).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: /Compare RR8 with every provider for March 2019/ })).toHaveAttribute(
      'href',
      '/providers/compare?indicator=AE_4HR_ALL&period=2019-03-01&provider=RR8',
    );
  });

  it('downloads the whole series of each indicator with its limits and verdicts, and says what the file holds (issue 20)', async () => {
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:scorecard');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp('/providers/RR8', [signedIn, scorecardMock('RR8')]);
    expect(await screen.findByText(/The file holds every month of each indicator’s series with its process limits and verdicts \(36 rows\)/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV of the scorecard' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(createObjectURL.mock.calls[0][0]);
    });
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(37);
    expect(lines[0]).toBe('Indicator code,Indicator,Month,Value,Mean,Lower process limit,Upper process limit,Point,Special cause,Standard,Latest RAG,Latest variation,Assurance,Source');
    expect(lines[36]).toMatch(/^AE_4HR_ALL,"A&E: four-hour wait, all department types",2019-03-01,74\.5,/);
    click.mockRestore();
  });

  it('warns when a series is too short for reliable limits', async () => {
    renderApp('/providers/RR8', [signedIn, scorecardMock('RR8', [scorecardIndicator({ series: monthlySeries(8), shortGroupWarning: true })])]);
    expect(await screen.findByText('Fewer than 13 values: the process limits are less reliable.')).toBeInTheDocument();
  });

  it('says so plainly when the provider has no published data', async () => {
    renderApp('/providers/RXX', [signedIn, scorecardMock('RXX', [])]);
    expect(await screen.findByText('There is no published indicator data for this provider.')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /chart/ })).toBeNull();
  });

  it('answers an unknown code (NOT_FOUND) with a provider-not-found page', async () => {
    renderApp('/providers/zz9', [signedIn, scorecardErrorMock('ZZ9', 'NOT_FOUND', 'ORGANISATION_NOT_FOUND')]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Provider not found' })).toBeInTheDocument();
    expect(screen.getByText('No provider has the ODS code “ZZ9”. Check the code, or find the provider by name.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Search the providers' })).toHaveAttribute('href', '/providers');
    expect(document.title).toBe('Provider not found - CCG Assure');
  });

  it('shows other failures in an error summary, by code', async () => {
    renderApp('/providers/RR8', [signedIn, scorecardErrorMock('RR8', 'INTERNAL_SERVER_ERROR', 'UNEXPECTED')]);
    expect(await screen.findByText('The scorecard could not be loaded')).toBeInTheDocument();
    expect(screen.getByText(/Something went wrong on our side/)).toBeInTheDocument();
  });

  it('announces loading', async () => {
    renderApp('/providers/RR8', [signedIn, { ...scorecardMock('RR8'), delay: 50 }]);
    expect(await screen.findByText('Loading the scorecard…')).toHaveAttribute('role', 'status');
    expect(await screen.findByRole('heading', { level: 1, name: 'LEEDS TEACHING HOSPITALS NHS TRUST' })).toBeInTheDocument();
  });
});
