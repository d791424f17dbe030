import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { readContractForm, EMPTY_CONTRACT_FORM } from './contract-form';
import { CcgContractsQuery, ContractForChangeQuery, ContractIndicatorChoicesQuery, CreateContractMutation, UpdateContractMutation } from './contracts.operations';
import { aeAll, contract, contractMock, leedsNorth, leedsWest, providerSeriesMock, rr8 } from './contracts.fixtures';

jest.setTimeout(20_000);

const signedIn = viewerMock(demoCommissioningManager);
const aeType1 = { code: 'AE_4HR_TYPE1', name: 'A&E: four-hour wait, type 1 departments', unit: 'PERCENTAGE' };
const indicatorsMock = { request: { query: ContractIndicatorChoicesQuery }, result: { data: { indicators: [{ code: aeAll.code, name: aeAll.name, unit: aeAll.unit }, aeType1] } }, maxUsageCount: 5 };

/** The contract as the form's fragment reads it back. */
function formFields(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Contract',
    id: 'c1',
    title: 'Acute services 2017/18',
    reference: null,
    financialYear: '2017/18',
    contractValue: '520000000.00',
    version: 1,
    viewerMayAct: true,
    provider: rr8,
    leadCommissioner: leedsNorth,
    associates: [leedsWest],
    monitoredIndicators: [{ indicator: { code: aeAll.code, name: aeAll.name }, threshold: 95, thresholdSource: 'NATIONAL' }],
    ...overrides,
  };
}

const refusal = (code: string, reason: string, details: Record<string, unknown>) => ({ errors: [new GraphQLError('refused', { extensions: { code, reason, details } })] });

async function fillNewContract() {
  await userEvent.type(await screen.findByLabelText('ODS code of the provider'), 'rr8');
  await userEvent.type(screen.getByLabelText('Contract year'), '2017/18');
  await userEvent.type(screen.getByLabelText('Annual contract value'), '520,000,000');
  await userEvent.type(screen.getByLabelText('Title'), 'Acute services 2017/18');
  await userEvent.type(screen.getByLabelText(/Associate CCGs/), '03c');
  await userEvent.click(await screen.findByLabelText('A&E: four-hour wait, all department types (AE_4HR_ALL)'));
  await userEvent.click(screen.getByLabelText('A&E: four-hour wait, type 1 departments (AE_4HR_TYPE1)'));
  await userEvent.type(screen.getByLabelText('Local threshold of AE_4HR_TYPE1 (optional)'), '92.5');
}

const createInput = {
  provider: 'RR8',
  financialYear: '2017/18',
  contractValue: '520000000.00',
  title: 'Acute services 2017/18',
  reference: null,
  associates: ['03C'],
  monitoredIndicators: [
    { indicatorCode: 'AE_4HR_ALL', localThreshold: null },
    { indicatorCode: 'AE_4HR_TYPE1', localThreshold: 92.5 },
  ],
  leadCommissioner: '02V',
};

describe('adding a contract', () => {
  it('offers "Add a contract" on the contracts page to a commissioning manager', async () => {
    renderApp('/contracts', [signedIn, { request: { query: CcgContractsQuery, variables: { ccg: '02V' } }, result: { data: { contracts: [] } } }]);
    expect(await screen.findByRole('link', { name: 'Add a contract' })).toHaveAttribute('href', '/contracts/new');
  });

  it('records the contract for the manager’s CCG with its value read exactly, then shows the contract', async () => {
    renderApp('/contracts/new', [
      signedIn,
      indicatorsMock,
      { request: { query: CreateContractMutation, variables: { input: createInput } }, result: { data: { createContract: formFields() } } },
      contractMock(contract()),
      providerSeriesMock,
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Add a contract' })).toBeInTheDocument();
    expect(screen.getByText('NHS Leeds North CCG (02V)')).toBeInTheDocument();
    await fillNewContract();
    await userEvent.click(screen.getByRole('button', { name: 'Add the contract' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Leeds Teaching Hospitals NHS Trust: Acute services 2017\/18/ })).toBeInTheDocument();
  });

  it('says what is missing before sending, the summary taking focus and linking each field', async () => {
    renderApp('/contracts/new', [signedIn, indicatorsMock]);
    await userEvent.click(await screen.findByRole('button', { name: 'Add the contract' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getByRole('link', { name: 'Enter the ODS code of the provider, like RR8' })).toHaveAttribute('href', '#contract-provider');
    expect(within(summary).getByRole('link', { name: 'Enter the financial year as the NHS writes it, like 2017/18' })).toHaveAttribute('href', '#contract-year');
    expect(within(summary).getByRole('link', { name: /Enter the annual contract value in pounds/ })).toHaveAttribute('href', '#contract-value');
    expect(within(summary).getByRole('link', { name: 'Enter the contract’s title' })).toHaveAttribute('href', '#contract-title');
  });

  it('shows the API’s refusal by its reason at the field details.fields names', async () => {
    renderApp('/contracts/new', [
      signedIn,
      indicatorsMock,
      { request: { query: CreateContractMutation, variables: { input: createInput } }, result: refusal('NOT_FOUND', 'ORGANISATION_NOT_FOUND', { code: '03C', fields: ['associates'] }) },
    ]);
    await fillNewContract();
    await userEvent.click(screen.getByRole('button', { name: 'Add the contract' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'No organisation has the ODS code 03C' })).toHaveAttribute('href', '#contract-associates');
  });

  it('says when the lead already holds a contract with the provider for the year', async () => {
    renderApp('/contracts/new', [
      signedIn,
      indicatorsMock,
      { request: { query: CreateContractMutation, variables: { input: createInput } }, result: refusal('CONFLICT', 'CONTRACT_EXISTS', { contractId: 'c0', fields: ['provider', 'financialYear'] }) },
    ]);
    await fillNewContract();
    await userEvent.click(screen.getByRole('button', { name: 'Add the contract' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'The lead commissioner already holds a contract with this provider for this year' })).toHaveAttribute('href', '#contract-provider');
  });

  it('reads money exactly and refuses amounts that are not pounds and pence', () => {
    const read = (contractValue: string) => readContractForm({ ...EMPTY_CONTRACT_FORM, provider: 'RR8', financialYear: '2017/18', title: 'T', contractValue });
    expect(read('£1,234,567.89').input?.contractValue).toBe('1234567.89');
    expect(read('0.1').input?.contractValue).toBe('0.10');
    expect(read('12.345').problems).toEqual([{ field: 'contract-value', message: expect.stringMatching(/^Enter the annual contract value/) }]);
    expect(read('0').problems).toEqual([{ field: 'contract-value', message: 'The contract value must be more than £0' }]);
  });
});

describe('changing a contract', () => {
  const changeInput = (expectedVersion: number) => ({
    contractId: 'c1',
    expectedVersion,
    contractValue: '530000000.50',
    title: 'Acute services 2017/18',
    reference: '',
    associates: ['03C'],
    monitoredIndicators: [{ indicatorCode: 'AE_4HR_ALL', localThreshold: null }],
  });
  const formMock = (fields: ReturnType<typeof formFields>) => ({ request: { query: ContractForChangeQuery, variables: { id: 'c1' } }, result: { data: { contract: fields } } });

  it('offers "Change the contract" on the contract page to the lead’s commissioning manager only', async () => {
    const view = renderApp('/contracts/c1', [signedIn, contractMock(contract()), providerSeriesMock]);
    expect(await screen.findByRole('link', { name: 'Change the contract' })).toHaveAttribute('href', '/contracts/c1/change');
    view.unmount();
    renderApp('/contracts/c1', [signedIn, contractMock(contract({ viewerMayAct: false })), providerSeriesMock]);
    expect(await screen.findByText(/You read this contract/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Change the contract' })).not.toBeInTheDocument();
  });

  it('prefills the form and sends the change with the version read', async () => {
    renderApp('/contracts/c1/change', [
      signedIn,
      indicatorsMock,
      formMock(formFields()),
      { request: { query: UpdateContractMutation, variables: { input: changeInput(1) } }, result: { data: { updateContract: formFields({ contractValue: '530000000.50', version: 2 }) } } },
      contractMock(contract({ contractValue: '530000000.50', version: 2 })),
      providerSeriesMock,
    ]);
    const value = await screen.findByLabelText('Annual contract value');
    expect(value).toHaveValue('520000000.00');
    expect(screen.getByLabelText(/Associate CCGs/)).toHaveValue('03C');
    expect(await screen.findByLabelText('A&E: four-hour wait, all department types (AE_4HR_ALL)')).toBeChecked();
    expect(screen.queryByLabelText('ODS code of the provider')).not.toBeInTheDocument();
    await userEvent.clear(value);
    await userEvent.type(value, '530000000.50');
    await userEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByText('£530,000,000.50')).toBeInTheDocument();
  });

  it('says when someone else changed the contract meanwhile and shows the latest', async () => {
    renderApp('/contracts/c1/change', [
      signedIn,
      indicatorsMock,
      formMock(formFields()),
      { request: { query: UpdateContractMutation, variables: { input: changeInput(1) } }, result: refusal('CONFLICT', 'STALE_VERSION', { id: 'c1', expectedVersion: 1, fields: ['expectedVersion'] }) },
      formMock(formFields({ title: 'Acute services 2017/18 (varied)', version: 2 })),
    ]);
    const value = await screen.findByLabelText('Annual contract value');
    await userEvent.clear(value);
    await userEvent.type(value, '530000000.50');
    await userEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/Someone changed this contract since you opened it/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Acute services 2017/18 (varied)'));
    expect(screen.getByLabelText('Annual contract value')).toHaveValue('520000000.00');
  });

  it('tells a viewer who may not act that they cannot change the contract', async () => {
    renderApp('/contracts/c1/change', [signedIn, indicatorsMock, formMock(formFields({ viewerMayAct: false }))]);
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot change this contract' })).toBeInTheDocument();
  });
});
