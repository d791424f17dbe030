import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { enterDate } from '../testing/enter-date';
import { episodeFixture } from './assurance.fixtures';
import { SpecialMeasuresSection } from './special-measures-section';
import { ProposeSpecialMeasuresMutation } from './special-measures.operations';

function renderProposal(mocks: object[] = [], onChanged = jest.fn(async () => undefined)) {
  render(
    <MockedProvider mocks={mocks as never[]}>
      <SpecialMeasuresSection ccg="02V" open={null} episodes={[]} currentCategory="NOT_ASSURED" changes={{ today: '2016-02-15', mayPropose: true, onChanged }} />
    </MockedProvider>,
  );
  return onChanged;
}

describe('proposing special measures', () => {
  it('asks for the day of the proposal as day, month and year, says a date that does not exist or is still to come, and sends the ISO date', async () => {
    const onChanged = renderProposal([
      {
        request: { query: ProposeSpecialMeasuresMutation, variables: { input: { ccg: '02V', triggers: ['OPERATIONAL_NO_GRIP'], proposedOn: '2016-02-01' } } },
        result: { data: { proposeSpecialMeasures: episodeFixture('PROPOSED', []) } },
      },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Propose special measures' }));
    const day = within(screen.getByRole('group', { name: 'Day of the proposal' }));
    expect(['Day', 'Month', 'Year'].map((name) => (day.getByRole('textbox', { name }) as HTMLInputElement).value)).toEqual(['15', '2', '2016']);
    await userEvent.click(screen.getAllByRole('checkbox')[0]);
    await enterDate('Day of the proposal', '2016-02-30');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, propose special measures' }));
    expect(screen.getByText('The day of the proposal must be a real date', { selector: '.nhsuk-error-message' })).toBeInTheDocument();
    expect(day.getByRole('textbox', { name: 'Day' })).toHaveFocus();
    await enterDate('Day of the proposal', '2016-03-01');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, propose special measures' }));
    expect(screen.getByText('The day of the proposal cannot be in the future', { selector: '.nhsuk-error-message' })).toBeInTheDocument();
    expect(onChanged).not.toHaveBeenCalled();
    await enterDate('Day of the proposal', '2016-02-01');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, propose special measures' }));
    await screen.findByRole('button', { name: 'Propose special measures' });
    expect(onChanged).toHaveBeenCalled();
  });
});
