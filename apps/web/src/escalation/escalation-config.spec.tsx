import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import type { EscalationRouteRowFieldsFragment } from '../gql/graphql';
import { demoAdmin, demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { board, boardMock, escalationMap, leedsNorth, mapMock } from './escalation.fixtures';
import { BoardProvidersQuery, CreateBoardMutation, EscalationRoutesQuery, SetEscalationRouteMutation, UpdateBoardMutation } from './escalation.operations';

jest.setTimeout(20_000);

const admin = viewerMock(demoAdmin);
const administersEveryone = { administersEveryone: true, administers: [] };
const refusal = (code: string, reason: string, details: Record<string, unknown> = {}) => ({ errors: [new GraphQLError(reason, { extensions: { code, reason, details } })] });

const providersMock: MockLink.MockedResponse = {
  request: { query: BoardProvidersQuery, variables: { ccg: '02V' } },
  result: { data: { ccgProviders: { __typename: 'CcgProviders', basis: 'CONTRACTS', providers: [{ __typename: 'Organisation', code: 'RR8', name: 'LEEDS TEACHING HOSPITALS NHS TRUST' }] } } },
  maxUsageCount: 3,
};

async function openAddBoard() {
  await userEvent.click(await screen.findByText('Add a board'));
}

describe('adding a board from a CCG’s escalation map', () => {
  it('is offered to an administrator of the CCG, not to its other staff', async () => {
    renderApp('/escalation/ccgs/02V', [viewerMock(demoCommissioningManager), mapMock(escalationMap())]);
    expect(await screen.findByRole('link', { name: /Escalation routes/ })).toHaveAttribute('href', '/escalation/ccgs/02V/routes');
    expect(screen.queryByText('Add a board')).not.toBeInTheDocument();
  });

  it('adds a Contract Management Board for a provider chosen among the CCG’s contracted providers', async () => {
    renderApp('/escalation/ccgs/02V', [
      admin,
      mapMock(escalationMap(), administersEveryone),
      providersMock,
      {
        request: { query: CreateBoardMutation, variables: { input: { ccg: '02V', kind: 'CONTRACT_MANAGEMENT_BOARD', frequency: 'Monthly', termsOfReference: 'https://example.org/cmb-terms', providerCode: 'RR8' } } },
        result: { data: { createBoard: { __typename: 'Board', id: 'b-new', name: 'Contract Management Board: LEEDS TEACHING HOSPITALS NHS TRUST' } } },
      },
    ]);
    await openAddBoard();
    await userEvent.click(screen.getByRole('radio', { name: 'Contract Management Board' }));
    const provider = await screen.findByRole('combobox', { name: 'Provider' });
    expect(screen.getByText('The providers the CCG holds contracts with.')).toBeInTheDocument();
    await userEvent.selectOptions(provider, 'RR8');
    await userEvent.type(screen.getByRole('textbox', { name: 'How often it meets' }), 'Monthly');
    await userEvent.type(screen.getByRole('textbox', { name: 'Terms of reference' }), 'https://example.org/cmb-terms');
    await userEvent.click(screen.getByRole('button', { name: 'Add the board' }));
    expect(await screen.findByRole('link', { name: 'Contract Management Board: LEEDS TEACHING HOSPITALS NHS TRUST' })).toHaveAttribute('href', '/escalation/boards/b-new');
    expect(screen.getByRole('status')).toHaveTextContent('is added. Choose its members on its page.');
  });

  it('asks for the kind, the system of a System Resilience Group and the frequency before sending, the summary taking focus', async () => {
    renderApp('/escalation/ccgs/02V', [admin, mapMock(escalationMap(), administersEveryone)]);
    await openAddBoard();
    await userEvent.click(screen.getByRole('button', { name: 'Add the board' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('link', { name: 'Choose the kind of board' })).toHaveAttribute('href', '#board-kind-1');
    await userEvent.click(screen.getByRole('radio', { name: 'System Resilience Group' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add the board' }));
    expect(await screen.findByRole('link', { name: 'Enter the system the System Resilience Group serves' })).toHaveAttribute('href', '#board-system');
    expect(screen.getByRole('link', { name: 'Say how often the board meets' })).toHaveAttribute('href', '#board-frequency');
  });

  it('says the CCG already has the board when another administrator added it meanwhile, linking to it', async () => {
    renderApp('/escalation/ccgs/02V', [
      admin,
      mapMock(escalationMap(), administersEveryone),
      {
        request: { query: CreateBoardMutation, variables: { input: { ccg: '02V', kind: 'GOVERNING_BODY', frequency: 'Every two months' } } },
        result: refusal('CONFLICT', 'BOARD_EXISTS', { boardId: 'b-gb', fields: { kind: 'exists' } }),
      },
    ]);
    await openAddBoard();
    await userEvent.click(screen.getByRole('radio', { name: 'Governing Body' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'How often it meets' }), 'Every two months');
    await userEvent.click(screen.getByRole('button', { name: 'Add the board' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole('link', { name: /The CCG already has this board/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'The board the CCG already has' })).toHaveAttribute('href', '/escalation/boards/b-gb');
  });

  it('asks for a provider’s ODS code where the CCG’s providers cannot be read, and maps a refusal of it to the field', async () => {
    renderApp('/escalation/ccgs/02V', [
      admin,
      mapMock(escalationMap(), administersEveryone),
      { request: { query: BoardProvidersQuery, variables: { ccg: '02V' } }, result: refusal('FORBIDDEN', 'ACTION_NOT_PERMITTED') },
      {
        request: { query: CreateBoardMutation, variables: { input: { ccg: '02V', kind: 'CONTRACT_MANAGEMENT_BOARD', frequency: 'Monthly', providerCode: '02V' } } },
        result: refusal('BAD_USER_INPUT', 'NOT_A_PROVIDER', { fields: { providerCode: 'not a trust' } }),
      },
    ]);
    await openAddBoard();
    await userEvent.click(screen.getByRole('radio', { name: 'Contract Management Board' }));
    await userEvent.type(await screen.findByRole('textbox', { name: 'Provider’s ODS code' }), '02v');
    await userEvent.type(screen.getByRole('textbox', { name: 'How often it meets' }), 'Monthly');
    await userEvent.click(screen.getByRole('button', { name: 'Add the board' }));
    expect(await screen.findByRole('link', { name: 'The provider must be an NHS trust' })).toHaveAttribute('href', '#board-provider');
  });
});

describe('changing a board’s details', () => {
  const configurable = board({ viewerMayConfigure: true, viewerIsMember: false });

  it('is not offered to a member who does not administer the CCG', async () => {
    renderApp('/escalation/boards/b-cet', [viewerMock(demoCommissioningManager), boardMock(board())]);
    await screen.findByRole('heading', { level: 1, name: /Commissioning Executive Team/ });
    expect(screen.queryByText('Change the board’s details')).not.toBeInTheDocument();
  });

  it('saves the name, frequency and terms of reference with the version read', async () => {
    renderApp('/escalation/boards/b-cet', [
      admin,
      boardMock(configurable),
      {
        request: { query: UpdateBoardMutation, variables: { input: { boardId: 'b-cet', expectedVersion: 3, name: 'Commissioning Executive Team', frequency: 'Fortnightly', termsOfReference: 'Deals only with absolute exceptions escalated by the Integrated Board.' } } },
        result: { data: { updateBoard: { __typename: 'Board', id: 'b-cet', name: 'Commissioning Executive Team', frequency: 'Fortnightly', termsOfReference: 'Deals only with absolute exceptions escalated by the Integrated Board.', version: 4 } } },
      },
    ]);
    await userEvent.click(await screen.findByText('Change the board’s details'));
    const frequency = screen.getByRole('textbox', { name: 'How often it meets' });
    await userEvent.clear(frequency);
    await userEvent.type(frequency, 'Fortnightly');
    await userEvent.click(screen.getByRole('button', { name: 'Save the details' }));
    expect(await screen.findByText('The board’s details are saved.')).toBeInTheDocument();
    expect(screen.getByText('Fortnightly', { selector: 'dd' })).toBeInTheDocument();
  });

  it('refuses an empty name at its field before sending', async () => {
    renderApp('/escalation/boards/b-cet', [admin, boardMock(configurable)]);
    await userEvent.click(await screen.findByText('Change the board’s details'));
    await userEvent.clear(screen.getByRole('textbox', { name: 'Name' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the details' }));
    expect(await screen.findByRole('alert')).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Enter the board’s name' })).toHaveAttribute('href', '#board-details-name');
  });

  it('says when someone else changed the board meanwhile, and reads it again', async () => {
    renderApp('/escalation/boards/b-cet', [
      admin,
      { ...boardMock(configurable), maxUsageCount: 1 },
      {
        request: { query: UpdateBoardMutation, variables: { input: { boardId: 'b-cet', expectedVersion: 3, name: 'Executive Team', frequency: 'Monthly', termsOfReference: 'Deals only with absolute exceptions escalated by the Integrated Board.' } } },
        result: refusal('CONFLICT', 'STALE_VERSION', { fields: { expectedVersion: 'stale' } }),
      },
      boardMock({ ...configurable, frequency: 'Weekly', version: 4 }),
    ]);
    await userEvent.click(await screen.findByText('Change the board’s details'));
    const name = screen.getByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Executive Team');
    await userEvent.click(screen.getByRole('button', { name: 'Save the details' }));
    expect(await screen.findByText(/Someone else changed the board in the meantime/)).toBeInTheDocument();
    expect(await screen.findByText('Weekly', { selector: 'dd' })).toBeInTheDocument();
  });
});

const route = (overrides: Partial<EscalationRouteRowFieldsFragment>): EscalationRouteRowFieldsFragment =>
  ({
  __typename: 'EscalationRouteRow',
  itemKind: 'FINANCIAL_WARNING',
  fromKind: null,
  toKinds: ['INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD'],
  configured: false,
  source: 'NHS Sheffield CCG Performance Management Framework: to assess when the escalation process should be enacted',
  ...overrides,
  }) as EscalationRouteRowFieldsFragment;
const financialRoutes = [
  route({}),
  route({ fromKind: 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD', toKinds: ['COMMISSIONING_EXECUTIVE_TEAM'] }),
  route({ fromKind: 'COMMISSIONING_EXECUTIVE_TEAM', toKinds: ['GOVERNING_BODY', 'PROGRAMME_MANAGEMENT_DELIVERY_GROUP'], configured: true, source: 'CCG Assure issue 16' }),
  route({ fromKind: 'GOVERNING_BODY', toKinds: [] }),
];
function routesMock(rows: EscalationRouteRowFieldsFragment[], me: { administersEveryone: boolean; administers: { code: string }[] }): MockLink.MockedResponse {
  return {
    request: { query: EscalationRoutesQuery, variables: { ccg: '02V' } },
    result: { data: { organisation: { __typename: 'Organisation', ...leedsNorth }, escalationRoutes: rows, me: { __typename: 'Viewer', id: '6', ...me } } },
    maxUsageCount: 3,
  };
}

describe('a CCG’s escalation routes', () => {
  it('lists, by item kind in words, where items start and where each board sends them, the CCG’s own rows marked; staff read only', async () => {
    renderApp('/escalation/ccgs/02V/routes', [viewerMock(demoCommissioningManager), routesMock(financialRoutes, { administersEveryone: false, administers: [] })]);
    expect(await screen.findByRole('heading', { level: 1, name: /Escalation routes/ })).toBeInTheDocument();
    const section = screen.getByRole('region', { name: 'Financial warning (forecast outturn)' });
    expect(within(section).getByRole('row', { name: /Where a new item starts Integrated Performance and Delivery Board The default/ })).toBeInTheDocument();
    expect(within(section).getByRole('row', { name: /Commissioning Executive Team Governing Body \(usual next\); or Programme Management Delivery Group Set by the CCG/ })).toBeInTheDocument();
    expect(within(section).getByRole('row', { name: /^Governing Body Nowhere: the top of the route/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save the route' })).not.toBeInTheDocument();
    expect(screen.getByText(/An administrator of the CCG changes its routes\./)).toBeInTheDocument();
  });

  it('lets an administrator change a row’s next boards, the usual next first', async () => {
    const changed = route({ fromKind: 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD', toKinds: ['GOVERNING_BODY', 'COMMISSIONING_EXECUTIVE_TEAM'], configured: true, source: 'CCG Assure issue 16' });
    renderApp('/escalation/ccgs/02V/routes', [
      admin,
      routesMock(financialRoutes, administersEveryone),
      {
        request: { query: SetEscalationRouteMutation, variables: { input: { ccg: '02V', itemKind: 'FINANCIAL_WARNING', fromKind: 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD', toKinds: ['GOVERNING_BODY', 'COMMISSIONING_EXECUTIVE_TEAM'] } } },
        result: { data: { setEscalationRoute: [financialRoutes[0], changed, financialRoutes[2], financialRoutes[3]] } },
      },
    ]);
    await userEvent.click((await screen.findAllByText(/the route of a financial warning \(forecast outturn\), integrated performance and delivery board/))[0]);
    const form = screen.getByRole('group', { name: /^Boards it goes on to\s*, financial warning \(forecast outturn\), integrated performance and delivery board$/ });
    expect(within(form).getAllByRole('checkbox').map((box) => box.getAttribute('id'))[0]).toBe('route-financial-warning-integrated-performance-and-delivery-board-commissioning-executive-team');
    expect(within(form).queryByRole('checkbox', { name: 'Integrated Performance and Delivery Board' })).not.toBeInTheDocument();
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Governing Body' }));
    const rowForm = within(form.closest('form') as HTMLFormElement);
    await userEvent.selectOptions(rowForm.getByRole('combobox', { name: 'The usual next' }), 'GOVERNING_BODY');
    await userEvent.click(rowForm.getByRole('button', { name: 'Save the route' }));
    expect(await screen.findByText('The route is saved.')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /^Integrated Performance and Delivery Board Governing Body \(usual next\); or Commissioning Executive Team Set by the CCG/ })).toBeInTheDocument();
  });

  it('puts the default back for a row the CCG set', async () => {
    renderApp('/escalation/ccgs/02V/routes', [
      admin,
      routesMock(financialRoutes, administersEveryone),
      {
        request: { query: SetEscalationRouteMutation, variables: { input: { ccg: '02V', itemKind: 'FINANCIAL_WARNING', fromKind: 'COMMISSIONING_EXECUTIVE_TEAM', toKinds: [], useDefault: true } } },
        result: { data: { setEscalationRoute: [financialRoutes[0], financialRoutes[1], route({ fromKind: 'COMMISSIONING_EXECUTIVE_TEAM', toKinds: ['GOVERNING_BODY'] }), financialRoutes[3]] } },
      },
    ]);
    await userEvent.click((await screen.findAllByText(/the route of a financial warning \(forecast outturn\), commissioning executive team/))[0]);
    await userEvent.click(screen.getByRole('button', { name: 'Go back to the default' })); // the only row the CCG set
    expect(await screen.findByText('The default route is back.')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /^Commissioning Executive Team Governing Body The default/ })).toBeInTheDocument();
  });

  it('asks for a board where a new item starts before sending', async () => {
    renderApp('/escalation/ccgs/02V/routes', [admin, routesMock(financialRoutes, administersEveryone)]);
    await userEvent.click((await screen.findAllByText(/the route of a financial warning \(forecast outturn\), where a new item starts/))[0]);
    const form = screen.getByRole('group', { name: /^Board where it starts\s*, financial warning \(forecast outturn\), where a new item starts$/ }).closest('form') as HTMLFormElement;
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Integrated Performance and Delivery Board' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save the route' }));
    expect(await screen.findByRole('alert')).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Choose the board where a new item starts' })).toHaveAttribute('href', '#route-financial-warning-raised-integrated-performance-and-delivery-board');
  });

  it('says why the API refused a route, by its reason', async () => {
    renderApp('/escalation/ccgs/02V/routes', [
      admin,
      routesMock(financialRoutes, administersEveryone),
      {
        request: { query: SetEscalationRouteMutation, variables: { input: { ccg: '02V', itemKind: 'FINANCIAL_WARNING', fromKind: 'GOVERNING_BODY', toKinds: ['COMMISSIONING_EXECUTIVE_TEAM'] } } },
        result: refusal('BAD_USER_INPUT', 'INVALID_ESCALATION_ROUTE', { fields: { toKinds: 'loop' } }),
      },
    ]);
    await userEvent.click((await screen.findAllByText(/the route of a financial warning \(forecast outturn\), governing body/))[0]);
    const form = screen.getByRole('group', { name: /^Boards it goes on to\s*, financial warning \(forecast outturn\), governing body$/ }).closest('form') as HTMLFormElement;
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Commissioning Executive Team' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save the route' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The route was refused: choose each board once');
  });

  it('tells a viewer from another CCG they cannot see its routes', async () => {
    renderApp('/escalation/ccgs/02V/routes', [viewerMock(demoCommissioningManager), { request: { query: EscalationRoutesQuery, variables: { ccg: '02V' } }, result: refusal('FORBIDDEN', 'NOT_YOUR_CCG') }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot see this CCG’s escalation routes' })).toBeInTheDocument();
  });
});
