import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { demoAdmin, demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { SetStandardThresholdMutation, StandardsQuery } from './standards.operations';

jest.setTimeout(20_000);

function version(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'StandardVersion',
    code: 'AE_4HR_ALL',
    name: 'A&E: four-hour wait, all department types',
    unit: 'PERCENTAGE',
    polarity: 'HIGHER_IS_BETTER',
    threshold: 95,
    zeroTolerance: false,
    financialYear: '2013/14',
    validFrom: '2013-04-01',
    validTo: null,
    reason: null,
    source: 'Handbook to the NHS Constitution for England',
    ...overrides,
  };
}
const trolleys = version({ code: 'TROLLEY_12HR_WAITS', name: 'A&E: 12-hour trolley waits', unit: 'COUNT', polarity: 'LOWER_IS_BETTER', threshold: 0, zeroTolerance: true });
const standardsMock = (rows: ReturnType<typeof version>[]) => ({ request: { query: StandardsQuery }, result: { data: { standards: rows } } });

describe('the national standards page', () => {
  it('shows each standard’s versions; an administrator sets a threshold from a financial year and is told the result', async () => {
    renderApp('/standards', [
      viewerMock(demoAdmin),
      standardsMock([version(), trolleys]),
      {
        request: { query: SetStandardThresholdMutation, variables: { input: { code: 'AE_4HR_ALL', financialYear: '2018/19', threshold: 92.5, reason: 'Planning guidance 2018/19' } } },
        result: { data: { setStandardThreshold: { __typename: 'StandardVersion', code: 'AE_4HR_ALL', financialYear: '2018/19', validFrom: '2018-04-01', validTo: null, threshold: 92.5, reason: 'Planning guidance 2018/19' } } },
      },
      standardsMock([version({ validTo: '2018-03-31' }), version({ financialYear: '2018/19', validFrom: '2018-04-01', threshold: 92.5, reason: 'Planning guidance 2018/19' }), trolleys]),
    ]);
    const card = await screen.findByRole('region', { name: 'A&E: four-hour wait, all department types' });
    expect(within(card).getByRole('rowheader', { name: /2013\/14/ })).toBeInTheDocument();
    expect(within(card).getByText('95.0%')).toBeInTheDocument();
    // A zero tolerance has no threshold to set.
    const trolleyCard = screen.getByRole('region', { name: 'A&E: 12-hour trolley waits' });
    expect(within(trolleyCard).getByText('Zero tolerance')).toBeInTheDocument();
    expect(within(trolleyCard).queryByRole('button')).toBeNull();

    await userEvent.selectOptions(within(card).getByLabelText('From the financial year'), '2018/19');
    await userEvent.type(within(card).getByLabelText('Threshold'), '92.5');
    await userEvent.type(within(card).getByLabelText('Why it changes'), 'Planning guidance 2018/19');
    await userEvent.click(within(card).getByRole('button', { name: 'Set the threshold' }));
    expect(await within(card).findByText('A&E: four-hour wait, all department types is 92.5% from 2018/19.')).toBeInTheDocument();
    expect(await within(card).findByText('Planning guidance 2018/19')).toBeInTheDocument();
  });

  it('names every missing field before sending anything, with the summary taking focus', async () => {
    renderApp('/standards', [viewerMock(demoAdmin), standardsMock([version()])]);
    const card = await screen.findByRole('region', { name: 'A&E: four-hour wait, all department types' });
    await userEvent.type(within(card).getByLabelText('Threshold'), '101');
    await userEvent.click(within(card).getByRole('button', { name: 'Set the threshold' }));
    const summary = await within(card).findByRole('alert');
    expect(summary).toHaveFocus();
    for (const message of ['Choose a financial year', 'Enter a threshold from 0 to 100, with at most four decimal places', 'Enter why the standard changes']) {
      expect(within(summary).getByRole('link', { name: message })).toBeInTheDocument();
    }
  });

  it('shows the server’s refusal by its reason', async () => {
    renderApp('/standards', [
      viewerMock(demoAdmin),
      standardsMock([version()]),
      {
        request: { query: SetStandardThresholdMutation, variables: { input: { code: 'AE_4HR_ALL', financialYear: '2014/15', threshold: 90, reason: 'x' } } },
        result: { errors: [new GraphQLError('no', { extensions: { code: 'BAD_USER_INPUT', reason: 'REASON_REQUIRED', details: { fields: ['reason'] } } })] },
      },
    ]);
    const card = await screen.findByRole('region', { name: 'A&E: four-hour wait, all department types' });
    await userEvent.selectOptions(within(card).getByLabelText('From the financial year'), '2014/15');
    await userEvent.type(within(card).getByLabelText('Threshold'), '90');
    await userEvent.type(within(card).getByLabelText('Why it changes'), 'x');
    await userEvent.click(within(card).getByRole('button', { name: 'Set the threshold' }));
    expect(await within(card).findByRole('link', { name: 'Enter why the standard changes' })).toBeInTheDocument();
  });

  it('lets anyone else read the standards, without the form', async () => {
    renderApp('/standards', [viewerMock(demoCommissioningManager), standardsMock([version()])]);
    const card = await screen.findByRole('region', { name: 'A&E: four-hour wait, all department types' });
    expect(within(card).queryByRole('button', { name: 'Set the threshold' })).toBeNull();
    expect(screen.getByText('Administrators change these standards; you read them.')).toBeInTheDocument();
  });
});
