import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { item, itemMock } from './escalation.fixtures';
import { RaiseContextQuery, RaiseEscalationItemMutation, RaiseProviderQuery } from './escalation.operations';

jest.setTimeout(20_000);

const signedIn = viewerMock(demoCommissioningManager);
const context: MockLink.MockedResponse = {
  request: { query: RaiseContextQuery },
  result: {
    data: {
      me: { __typename: 'Viewer', id: '3', roles: [{ role: 'COMMISSIONING_MANAGER', organisation: { code: '02V', name: 'NHS LEEDS NORTH CCG', type: 'CCG' } }] },
      indicators: [
        { code: 'AE_4HR_ALL', name: 'A&E: four-hour wait, all department types' },
        { code: 'AE_4HR_TYPE1', name: 'A&E: four-hour wait, type 1' },
      ],
    },
  },
  maxUsageCount: 3,
};
const rr8: MockLink.MockedResponse = { request: { query: RaiseProviderQuery, variables: { code: 'RR8' } }, result: { data: { organisation: { __typename: 'Organisation', code: 'RR8', name: 'LEEDS TEACHING HOSPITALS NHS TRUST' } } } };
const FROM_TILE = '/escalation/items/new?kind=KPI_BREACH&provider=RR8&indicator=AE_4HR_ALL&period=2019-03-01';
const input = {
  ccg: '02V',
  kind: 'KPI_BREACH',
  title: 'RR8 A&E failing',
  description: 'Three months below the standard',
  severity: 'HIGH',
  dueOn: null,
  source: { providerCode: 'RR8', indicatorCode: 'AE_4HR_ALL', period: '2019-03-01', noticeId: null, text: null },
};

async function fillIn() {
  await userEvent.type(screen.getByLabelText('Title'), input.title);
  await userEvent.type(screen.getByLabelText('The concern'), input.description);
  await userEvent.click(screen.getByRole('radio', { name: 'High' }));
}

describe('raising an escalation item', () => {
  it('comes filled in from a failing tile, said in words, and sends what it was raised from', async () => {
    renderApp(FROM_TILE, [
      signedIn,
      context,
      rr8,
      { request: { query: RaiseEscalationItemMutation, variables: { input } }, result: { data: { raiseEscalationItem: { __typename: 'EscalationItem', id: 'i9' } } } },
      itemMock(item({ id: 'i9', title: input.title }), 'i9'),
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Raise an escalation item' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Provider indicator failing' })).toBeChecked();
    expect(await screen.findByText(/^Raised from A&E: four-hour wait, all department types, Leeds Teaching Hospitals NHS Trust \(RR8\), March 2019/)).toBeInTheDocument();
    expect(screen.getByLabelText('Indicator')).toHaveValue('AE_4HR_ALL');
    expect(screen.getByLabelText('Provider')).toHaveValue('RR8');
    // Severities most serious first.
    expect(screen.getAllByRole('radio', { name: /^(Critical|High|Medium|Low)$/ }).map((radio) => radio.getAttribute('value'))).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Raise the item' }));
    expect(await screen.findByRole('heading', { level: 1, name: /RR8 A&E failing/ })).toBeInTheDocument();
  });

  it('comes filled in from an assurance trigger or a forecast warning, with where the concern comes from in words', async () => {
    const text = 'A&E four-hour standard missed: Leeds Teaching Hospitals NHS Trust, March 2019';
    renderApp(`/escalation/items/new?${new URLSearchParams({ kind: 'ASSURANCE_TRIGGER', ccg: '02V', text }).toString()}`, [signedIn, context]);
    expect(await screen.findByRole('radio', { name: /assurance trigger/i })).toBeChecked();
    expect(screen.getByLabelText(/Where the concern comes from/)).toHaveValue(text);
  });

  it('offers the month the data is for in words, from April 2013 to this month, the latest first', async () => {
    renderApp(FROM_TILE, [signedIn, context, rr8]);
    const month = await screen.findByRole('combobox', { name: /Month the data is for/ });
    expect(month).toHaveValue('2019-03');
    const options = within(month).getAllByRole('option').map((option) => option.textContent);
    expect(options[0]).toBe('Choose a month');
    expect(options[options.length - 1]).toBe('April 2013');
    expect(options).toContain('March 2019');
  });

  it('says everything missing at once, in a summary that takes focus', async () => {
    renderApp('/escalation/items/new', [signedIn, context]);
    await userEvent.click(await screen.findByRole('button', { name: 'Raise the item' }));
    const summary = screen.getByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByRole('link', { name: 'Choose what the item is about' })).toHaveAttribute('href', '#raise-kind-1');
    expect(screen.getByRole('link', { name: 'Give the item a title' })).toHaveAttribute('href', '#raise-title');
    expect(screen.getByRole('link', { name: 'Choose how serious it is' })).toHaveAttribute('href', '#raise-severity-1');
  });

  it('says which board the CCG has not set up when the route has nowhere to start', async () => {
    renderApp(FROM_TILE, [
      signedIn,
      context,
      rr8,
      {
        request: { query: RaiseEscalationItemMutation, variables: { input } },
        result: { errors: [new GraphQLError('no board', { extensions: { code: 'BAD_USER_INPUT', reason: 'BOARD_NOT_SET_UP', details: { boardKind: 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD' } } })] },
      },
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Raise an escalation item' });
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Raise the item' }));
    expect(await screen.findByText(/The CCG has no Integrated Performance and Delivery Board yet/)).toBeInTheDocument();
  });
});
