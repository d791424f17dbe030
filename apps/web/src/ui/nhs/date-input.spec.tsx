import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { DateInput, dateFieldToFix, dateInputExample, dateInputProblem, dateProblemFor, readDateInput } from './date-input';
import { ErrorSummary } from './error-summary';

/** A form's state as the forms keep it: one string. */
function Harness({ initial = '', error, onValue }: { initial?: string; error?: string; onValue?: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateInput
        id="agreed-on"
        legend="Day the plan was agreed"
        hint="For example, 15 3 2018"
        error={error}
        value={value}
        onChange={(next) => {
          setValue(next);
          onValue?.(next);
        }}
      />
      <button type="button" onClick={() => setValue('2019-01-31')}>
        Reset
      </button>
      <output data-testid="value">{value}</output>
    </>
  );
}

const field = (name: 'Day' | 'Month' | 'Year') => within(screen.getByRole('group', { name: 'Day the plan was agreed' })).getByRole('textbox', { name });

describe('NHS date input', () => {
  it('asks for day, month and year as numeric fields in a group named by its legend, described by its hint; never a browser date picker', () => {
    const { container } = render(<Harness initial="2018-03-05" />);
    const group = screen.getByRole('group', { name: 'Day the plan was agreed' });
    expect(group).toHaveAccessibleDescription('For example, 15 3 2018');
    expect(field('Day')).toHaveValue('5');
    expect(field('Month')).toHaveValue('3');
    expect(field('Year')).toHaveValue('2018');
    expect(field('Day')).toHaveAttribute('id', 'agreed-on');
    expect(field('Month')).toHaveAttribute('id', 'agreed-on-month');
    expect(field('Year')).toHaveAttribute('inputmode', 'numeric');
    expect(container.querySelector('input[type="date"]')).toBeNull();
  });

  it('gives the form an ISO calendar date once the three fields make one, keeping what was typed', async () => {
    render(<Harness />);
    await userEvent.type(field('Day'), '09');
    await userEvent.type(field('Month'), '12');
    expect(readDateInput(screen.getByTestId('value').textContent ?? '')).toEqual({ kind: 'incomplete', missing: ['year'] });
    await userEvent.type(field('Year'), '2016');
    expect(screen.getByTestId('value')).toHaveTextContent(/^2016-12-09$/);
    expect(field('Day')).toHaveValue('09');
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(field('Day')).toHaveValue('31');
    expect(field('Month')).toHaveValue('1');
    expect(field('Year')).toHaveValue('2019');
  });

  it('keeps a partial date as typed and reads what is missing, and a date that does not exist as not real', async () => {
    render(<Harness />);
    await userEvent.type(field('Day'), '30');
    await userEvent.type(field('Year'), '2015');
    const partial = screen.getByTestId('value').textContent ?? '';
    expect(readDateInput(partial)).toEqual({ kind: 'incomplete', missing: ['month'] });
    await userEvent.type(field('Month'), '2');
    expect(readDateInput(screen.getByTestId('value').textContent ?? '')).toEqual({ kind: 'not-real', parts: ['day'] });
    expect(field('Day')).toHaveValue('30');
  });

  it('says what is wrong in the NHS words, pointing at the field to fix', () => {
    const words = { what: 'The day the plan was agreed', missing: 'Enter the day the plan was agreed' };
    expect(dateInputProblem('agreed-on', '', words)).toEqual({ field: 'agreed-on', message: 'Enter the day the plan was agreed' });
    expect(dateInputProblem('agreed-on', '', { what: 'The date' })).toBeNull();
    expect(dateInputProblem('agreed-on', '2018-03-05', words)).toBeNull();
    expect(dateInputProblem('agreed-on', '2018--5', words)).toEqual({ field: 'agreed-on-month', message: 'The day the plan was agreed must include a month' });
    expect(dateInputProblem('agreed-on', '-3-', words)).toEqual({ field: 'agreed-on', message: 'The day the plan was agreed must include a day and year' });
    expect(dateInputProblem('agreed-on', '18-3-5', words)).toEqual({ field: 'agreed-on-year', message: 'Year must include 4 numbers' });
    expect(dateInputProblem('agreed-on', '2018-13-5', words)).toEqual({ field: 'agreed-on-month', message: 'The day the plan was agreed must be a real date' });
    expect(dateInputProblem('agreed-on', '2015-2-29', words)).toEqual({ field: 'agreed-on', message: 'The day the plan was agreed must be a real date' });
    expect(dateInputProblem('agreed-on', '2018-3-x5', words)).toEqual({ field: 'agreed-on', message: 'The day the plan was agreed must be a real date' });
    expect(dateFieldToFix('agreed-on', '2018--5')).toBe('agreed-on-month');
    expect(dateFieldToFix('agreed-on', '2030-01-01')).toBe('agreed-on');
    expect(dateInputExample('2018-03-15')).toBe('For example, 15 3 2018');
    expect(dateProblemFor([{ field: 'agreed-on-month', message: 'Wrong' }], 'agreed-on')).toBe('Wrong');
    expect(dateProblemFor([{ field: 'other', message: 'Wrong' }], 'agreed-on')).toBeUndefined();
  });

  it('shows the error in the group, marks only the fields at fault, and the summary link puts focus in the field to fix', async () => {
    const { rerender } = render(<Harness initial="2018--5" error="The day the plan was agreed must include a month" />);
    expect(screen.getByRole('group', { name: 'Day the plan was agreed' })).toHaveAccessibleDescription('For example, 15 3 2018 Error: The day the plan was agreed must include a month');
    expect(field('Month')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Month')).toHaveClass('nhsuk-input--error');
    expect(field('Day')).not.toHaveAttribute('aria-invalid');
    rerender(
      <>
        <ErrorSummary problems={[{ field: 'agreed-on-month', message: 'The day the plan was agreed must include a month' }]} />
        <Harness initial="2018--5" error="The day the plan was agreed must include a month" />
      </>,
    );
    await userEvent.click(screen.getByRole('link', { name: 'The day the plan was agreed must include a month' }));
    expect(field('Month')).toHaveFocus();
  });

  it('marks all three fields when the date as a whole is refused (in the future, say), and the first field takes the link', async () => {
    render(
      <>
        <ErrorSummary problems={[{ field: 'agreed-on', message: 'The day cannot be in the future' }]} />
        <Harness initial="2030-01-01" error="The day cannot be in the future" />
      </>,
    );
    for (const name of ['Day', 'Month', 'Year'] as const) expect(field(name)).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(screen.getByRole('link', { name: 'The day cannot be in the future' }));
    expect(field('Day')).toHaveFocus();
  });
});
