import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderApp, viewerMock } from '../testing/render-app';
import { ALL_GOOD, assessmentFixture, assessorViewer, ccgAssuranceFixture, ccgViewer } from './assurance.fixtures';
import { AssignBuddyCcgMutation, BuddyCandidatesQuery, CcgAssuranceQuery } from './ccg-assurance.operations';

const limited = ccgAssuranceFixture([assessmentFixture({ id: 'a1', quarter: 2, ratings: { ...ALL_GOOD, PERFORMANCE: 'LIMITED_ASSURANCE' }, decided: 'LIMITED_ASSURANCE', status: 'PUBLISHED' })]);
const good = ccgAssuranceFixture([assessmentFixture({ id: 'a1', quarter: 2, ratings: ALL_GOOD, decided: 'GOOD', status: 'PUBLISHED' })]);
const leedsWest = { __typename: 'Organisation' as const, code: '03C', name: 'NHS LEEDS WEST CCG' };
const paired = { ...limited, buddy: { __typename: 'AssuranceBuddy', ccg: leedsWest, assignedOn: '2016-02-15' } };

const pageMock = (ccgAssurance: unknown) => ({ request: { query: CcgAssuranceQuery, variables: { ccg: '02V' } }, result: { data: { ccgAssurance } } });
const searchMock = {
  request: { query: BuddyCandidatesQuery, variables: { search: 'leeds' } },
  result: {
    data: {
      organisations: {
        __typename: 'OrganisationConnection',
        totalCount: 2,
        edges: [
          // The CCG itself is never offered as its own buddy.
          { __typename: 'OrganisationEdge', node: { __typename: 'Organisation', code: '02V', name: 'NHS LEEDS NORTH CCG' } },
          { __typename: 'OrganisationEdge', node: leedsWest },
        ],
      },
    },
  },
};
const assignMock = (result: object) => ({ request: { query: AssignBuddyCcgMutation, variables: { input: { ccg: '02V', buddyCcg: '03C' } } }, result });

async function chooseLeedsWest() {
  await userEvent.click(await screen.findByRole('button', { name: 'Assign a buddy CCG' }));
  expect(screen.getByRole('heading', { name: 'Choose the buddy CCG for NHS Leeds North CCG' })).toHaveFocus();
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  expect(within(screen.getByRole('alert')).getByRole('link', { name: 'Choose the buddy CCG' })).toBeInTheDocument();
  await userEvent.type(screen.getByLabelText('Search the CCGs'), 'leeds{Enter}');
  const choice = await screen.findByRole('radio', { name: 'NHS Leeds West CCG (03C)' });
  expect(screen.queryByRole('radio', { name: /Leeds North/ })).not.toBeInTheDocument();
  expect(screen.getByText('1 CCG matches “leeds”.')).toBeInTheDocument();
  await userEvent.click(choice);
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  expect(screen.getByRole('heading', { name: 'Pair NHS Leeds North CCG with NHS Leeds West CCG (03C)?' })).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Yes, assign the buddy' }));
}

describe('assigning a buddy CCG', () => {
  it('lets an assessor search the CCGs, choose one, confirm, and shows the buddy afterwards', async () => {
    renderApp('/assurance/ccgs/02V', [viewerMock(assessorViewer), pageMock(limited), searchMock, assignMock({ data: { assignBuddyCcg: paired } })]);
    await chooseLeedsWest();
    expect(await screen.findByText('NHS Leeds West CCG (03C) is now the buddy CCG.')).toBeInTheDocument();
    expect(screen.getByTestId('buddy-now')).toHaveTextContent('Paired with NHS Leeds West CCG (03C) since 15 February 2016.');
    expect(screen.getByRole('link', { name: 'NHS Leeds West CCG' })).toHaveAttribute('href', '/assurance/ccgs/03C');
    expect(screen.getByRole('button', { name: 'Change the buddy CCG' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'End the pairing' })).toBeInTheDocument();
  });

  it('shows the API’s refusal by its reason and keeps the search and the choice', async () => {
    const refused = new GraphQLError("Buddying supports a Limited-assurance CCG; 02V's latest published category is GOOD.", { extensions: { code: 'BAD_USER_INPUT', reason: 'BUDDY_ONLY_FOR_LIMITED_ASSURANCE' } });
    renderApp('/assurance/ccgs/02V', [viewerMock(assessorViewer), pageMock(limited), searchMock, assignMock({ errors: [refused] })]);
    await chooseLeedsWest();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Only a CCG whose latest published category is Limited assurance gets a buddy. Nothing was recorded.');
    expect(screen.getByLabelText('Search the CCGs')).toHaveValue('leeds');
    expect(screen.getByRole('radio', { name: 'NHS Leeds West CCG (03C)' })).toBeChecked();
    expect(screen.queryByTestId('buddy-now')).not.toBeInTheDocument();
  });

  it('points a same-CCG refusal at the choice', async () => {
    const refused = new GraphQLError('A CCG cannot be its own buddy.', { extensions: { code: 'BAD_USER_INPUT', reason: 'BUDDY_IS_SAME_CCG' } });
    renderApp('/assurance/ccgs/02V', [viewerMock(assessorViewer), pageMock(limited), searchMock, assignMock({ errors: [refused] })]);
    await chooseLeedsWest();
    expect(await screen.findByRole('link', { name: 'A CCG cannot be its own buddy: choose another CCG' })).toHaveAttribute('href', '#buddy-choice');
    expect(screen.getByText('A CCG cannot be its own buddy: choose another CCG', { selector: '.nhsuk-error-message' })).toBeInTheDocument();
  });

  it('is offered to assessors only, and only for a Limited-assurance CCG', async () => {
    const { unmount } = renderApp('/assurance/ccgs/02V', [viewerMock(ccgViewer), pageMock(paired)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Assurance NHS Leeds North CCG (02V)' })).toBeInTheDocument();
    // The CCG's own users see the buddy in the summary, and no way to change it.
    expect(screen.getByText('Buddy CCG')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Buddy CCG' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /buddy|pairing/i })).not.toBeInTheDocument();
    unmount();

    renderApp('/assurance/ccgs/02V', [viewerMock(assessorViewer), pageMock(good)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Assurance NHS Leeds North CCG (02V)' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Buddy CCG' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Assign a buddy CCG' })).not.toBeInTheDocument();
  });
});
