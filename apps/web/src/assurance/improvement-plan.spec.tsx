import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { enterDate } from '../testing/enter-date';
import { episodeFixture } from './assurance.fixtures';
import { AddImprovementActionMutation, UpdateImprovementActionMutation } from './special-measures.operations';
import { ImprovementPlan } from './improvement-plan';
import type { StoredEpisode } from './special-measures-episode.fragment';

const action = (id: string, description: string, dueOn: string, status: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED', overdue: boolean) => ({
  __typename: 'ImprovementAction',
  id,
  description,
  owner: 'Chief finance officer',
  dueOn,
  status,
  overdue,
});

function planEpisode(actions: ReturnType<typeof action>[], version = 4): StoredEpisode {
  const base = episodeFixture('IN_PROGRESS', ['REPORT_PROGRESS', 'EXIT', 'ESCALATE']);
  const count = (status: string) => actions.filter((a) => a.status === status).length;
  return {
    ...base,
    version,
    improvementDirector: 'A. N. Example',
    improvementPlan: {
      ...base.improvementPlan,
      signedOffOn: '2015-11-01',
      actions,
      totalActions: actions.length,
      completedActions: count('COMPLETED'),
      inProgressActions: count('IN_PROGRESS'),
      notStartedActions: count('NOT_STARTED'),
      overdueActions: actions.filter((a) => a.overdue).length,
    },
  } as unknown as StoredEpisode;
}

const recovery = action('ia1', 'Agree a financial recovery plan', '2015-10-31', 'COMPLETED', false);
const audit = action('ia2', 'Repeat the internal audit of financial controls', '2016-01-31', 'NOT_STARTED', true);

function renderPlan(episode: StoredEpisode, editable: boolean, mocks: object[] = []) {
  const onChanged = jest.fn(async () => undefined);
  render(
    <MockedProvider mocks={mocks as never[]}>
      <ImprovementPlan episode={episode} editable={editable} onChanged={onChanged} />
    </MockedProvider>,
  );
  return onChanged;
}

async function fillNewAction(status: string) {
  await userEvent.click(screen.getByText('Add an action to the plan'));
  await userEvent.type(screen.getByLabelText('What is to be done'), 'Set up a contract management board');
  await userEvent.type(screen.getByLabelText(/^Owner/), 'Director of commissioning');
  await enterDate('Due', '2016-04-30');
  await userEvent.selectOptions(screen.getByLabelText('Status'), status);
  await userEvent.click(screen.getByRole('button', { name: 'Add the action' }));
}

describe('improvement plan', () => {
  it('marks overdue actions in words, and gives the CCG’s own users no way to change the plan', () => {
    renderPlan(planEpisode([recovery, audit]), false);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows[1]).toHaveTextContent('Overdue');
    expect(rows[0]).not.toHaveTextContent('Overdue');
    expect(screen.getByText(/1 of 2 actions completed, 0 in progress, 1 not started; 1 overdue\./)).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByText('Add an action to the plan')).not.toBeInTheDocument();
  });

  it('lets an assessor change an action’s status, sending the version read', async () => {
    const episode = planEpisode([recovery, audit]);
    const updated = planEpisode([recovery, { ...audit, status: 'IN_PROGRESS' }], 5);
    const matched = jest.fn(() => true);
    renderPlan(episode, true, [
      {
        request: {
          query: UpdateImprovementActionMutation,
          variables: (v: { input: Record<string, unknown> }) => v.input.actionId === 'ia2' && v.input.expectedVersion === 4 && v.input.status === 'IN_PROGRESS' && matched(),
        },
        result: { data: { updateImprovementAction: updated } },
      },
    ]);
    await userEvent.selectOptions(screen.getByLabelText('Status of: Repeat the internal audit of financial controls'), 'In progress');
    await waitFor(() => expect(matched).toHaveBeenCalled());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('adds an action with its owner, due date and status in one change, then clears the form', async () => {
    const episode = planEpisode([recovery]);
    const afterAdd = planEpisode([recovery, action('ia3', 'Set up a contract management board', '2016-04-30', 'IN_PROGRESS', false)], 5);
    renderPlan(episode, true, [
      {
        request: {
          query: AddImprovementActionMutation,
          variables: {
            input: { episodeId: 'e1', expectedVersion: 4, description: 'Set up a contract management board', owner: 'Director of commissioning', dueOn: '2016-04-30', status: 'IN_PROGRESS' },
          },
        },
        result: { data: { addImprovementAction: afterAdd } },
      },
    ]);
    await fillNewAction('In progress');
    expect(await screen.findByRole('status')).toHaveTextContent('Added: Set up a contract management board.');
    expect(screen.getByLabelText('What is to be done')).toHaveValue('');
    expect(screen.getByLabelText('Status')).toHaveValue('NOT_STARTED');
    expect(within(screen.getByRole('group', { name: 'Due' })).getByRole('textbox', { name: 'Year' })).toHaveValue('');
  });

  it('says what is missing, each linked to its field, before sending anything', async () => {
    renderPlan(planEpisode([recovery]), true);
    await userEvent.click(screen.getByText('Add an action to the plan'));
    await userEvent.click(screen.getByRole('button', { name: 'Add the action' }));
    const summary = screen.getByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['#new-action-description', '#new-action-owner', '#new-action-dueOn']);
    expect(screen.getByText('Say who owns it', { selector: '.nhsuk-error-message' })).toBeInTheDocument();
  });

  it('shows a refusal by its reason and keeps what was entered', async () => {
    const stale = new GraphQLError('The episode has changed', { extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' } });
    const onChanged = renderPlan(planEpisode([recovery]), true, [{ request: { query: AddImprovementActionMutation, variables: () => true }, result: { errors: [stale] } }]);
    await fillNewAction('Completed');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed the plan in the meantime');
    expect(screen.getByLabelText('What is to be done')).toHaveValue('Set up a contract management board');
    expect(screen.getByLabelText(/^Owner/)).toHaveValue('Director of commissioning');
    const due = within(screen.getByRole('group', { name: 'Due' }));
    expect([due.getByRole('textbox', { name: 'Day' }), due.getByRole('textbox', { name: 'Month' }), due.getByRole('textbox', { name: 'Year' })].map((field) => (field as HTMLInputElement).value)).toEqual(['30', '04', '2016']);
    expect(screen.getByLabelText('Status')).toHaveValue('COMPLETED');
    expect(onChanged).toHaveBeenCalled();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
