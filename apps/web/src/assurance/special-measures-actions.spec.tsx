import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { episodeFixture } from './assurance.fixtures';
import { ApplySpecialMeasuresActionMutation } from './special-measures.operations';
import { SpecialMeasuresActions, offeredActions, stepErrors } from './special-measures-actions';

function renderActions(episode: ReturnType<typeof episodeFixture>, mocks: object[] = [], onChanged = jest.fn(async () => undefined)) {
  render(
    <MockedProvider mocks={mocks as never[]}>
      <SpecialMeasuresActions episode={episode} today="2016-02-15" onChanged={onChanged} />
    </MockedProvider>,
  );
  return onChanged;
}

const buttons = () => screen.queryAllByRole('button').map((button) => button.textContent);

describe('special measures steps offered to an assessor', () => {
  it('offers only the steps allowed from the episode’s state', () => {
    renderActions(episodeFixture('PROPOSED', ['AGREE_WITH_CCG', 'DETERMINE_BY_NHS_ENGLAND']));
    expect(buttons()).toEqual(['Record entry agreed with the CCG', 'Record entry determined by NHS England']);
  });

  it('never offers a step the state machine forbids, even if listed', () => {
    expect(offeredActions({ state: 'PUBLISHED', availableActions: ['COMMISSION_EXTERNAL_REVIEW', 'EXIT'] })).toEqual(['COMMISSION_EXTERNAL_REVIEW']);
    renderActions(episodeFixture('PUBLISHED', ['COMMISSION_EXTERNAL_REVIEW', 'EXIT']));
    expect(buttons()).toEqual(['Commission the external review']);
  });

  it('offers nothing once special measures have closed', () => {
    const { container } = render(
      <MockedProvider mocks={[]}>
        <SpecialMeasuresActions episode={{ ...episodeFixture('EXITED', []), closedOn: '2016-06-01' }} today="2016-06-15" onChanged={jest.fn()} />
      </MockedProvider>,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('takes a step only after its confirmation, sending the version it read', async () => {
    const episode = episodeFixture('IN_PROGRESS', ['REPORT_PROGRESS', 'EXIT', 'ESCALATE']);
    const onChanged = renderActions(episode, [
      {
        request: {
          query: ApplySpecialMeasuresActionMutation,
          variables: (variables: { input: Record<string, unknown> }) =>
            variables.input.episodeId === 'e1' && variables.input.expectedVersion === 4 && variables.input.action === 'REPORT_PROGRESS' && variables.input.summary === 'Deficit halved',
        },
        result: { data: { applySpecialMeasuresAction: { ...episode, version: 5 } } },
      },
    ]);
    expect(buttons()).toEqual(['Record a progress report', 'Exit special measures', 'Escalate']);
    await userEvent.click(screen.getByRole('button', { name: 'Record a progress report' }));
    const heading = screen.getByRole('heading', { name: 'Record a progress report?' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText('A progress report to NHS England is recorded.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Yes, record a progress report' }));
    expect(screen.getByText('Summarise the progress reported', { selector: '.nhsuk-error-message' })).toBeInTheDocument();
    expect(onChanged).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText(/Summary of the progress reported/), 'Deficit halved');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, record a progress report' }));
    expect(await screen.findByText('Recorded: record a progress report.')).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalled();
  });

  it('asks what an escalation changes, and says so when the API refuses a step that is no longer allowed', async () => {
    const episode = episodeFixture('IN_PROGRESS', ['REPORT_PROGRESS', 'EXIT', 'ESCALATE']);
    const refused = new GraphQLError('ESCALATE is not allowed when special measures are EXITED', { extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_TRANSITION' } });
    const onChanged = renderActions(episode, [{ request: { query: ApplySpecialMeasuresActionMutation, variables: () => true }, result: { errors: [refused] } }]);
    await userEvent.click(screen.getByRole('button', { name: 'Escalate' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, escalate' }));
    expect(screen.getByText('Select what the escalation changes', { selector: '.nhsuk-error-message' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Changes to the CCG’s governance.' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, escalate' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/That step is not allowed from where the special measures stand now/)).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalled();
  });

  it('shows a refusal of the day against the day field, and keeps the confirmation open', async () => {
    const episode = episodeFixture('IN_PROGRESS', ['REPORT_PROGRESS', 'EXIT', 'ESCALATE']);
    const refused = new GraphQLError('on cannot be a day still to come', { extensions: { code: 'BAD_USER_INPUT', reason: 'DATE_IN_FUTURE', details: { fields: ['on'] } } });
    const onChanged = renderActions(episode, [{ request: { query: ApplySpecialMeasuresActionMutation, variables: () => true }, result: { errors: [refused] } }]);
    await userEvent.click(screen.getByRole('button', { name: 'Exit special measures' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, exit special measures' }));
    expect(await screen.findByText('The day cannot be in the future', { selector: '.nhsuk-error-message' })).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Day it was taken' })).getByRole('textbox', { name: 'Day' })).toHaveFocus();
    expect(screen.getByRole('heading', { name: 'Exit special measures?' })).toBeInTheDocument();
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('asks for the day as day, month and year, and puts focus in the part left out', async () => {
    const episode = episodeFixture('IN_PROGRESS', ['REPORT_PROGRESS', 'EXIT', 'ESCALATE']);
    const onChanged = renderActions(episode, []);
    await userEvent.click(screen.getByRole('button', { name: 'Exit special measures' }));
    const day = within(screen.getByRole('group', { name: 'Day it was taken' }));
    await userEvent.clear(day.getByRole('textbox', { name: 'Month' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, exit special measures' }));
    expect(screen.getByText('The day it was taken must include a month', { selector: '.nhsuk-error-message' })).toBeInTheDocument();
    expect(day.getByRole('textbox', { name: 'Month' })).toHaveFocus();
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('checks the day of a step against the previous step and today', () => {
    const fields = { on: '2015-09-01', note: '', noticeUrl: '', improvementDirector: '', intensiveSupport: '', summary: '', escalationKind: '' as const };
    expect(stepErrors('EXIT', fields, '2015-10-01', '2016-02-15').on).toBe('The day cannot be before the previous step (1 October 2015)');
    expect(stepErrors('EXIT', { ...fields, on: '2016-03-01' }, '2015-10-01', '2016-02-15').on).toBe('The day cannot be in the future');
    expect(stepErrors('EXIT', { ...fields, on: '2016-2-30' }, '2015-10-01', '2016-02-15').on).toBe('The day it was taken must be a real date');
    expect(stepErrors('APPOINT_IMPROVEMENT_DIRECTOR', { ...fields, on: '2016-01-01' }, '2015-10-01', '2016-02-15')).toEqual({ improvementDirector: 'Name the improvement director' });
  });
});
