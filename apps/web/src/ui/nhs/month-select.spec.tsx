import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MonthSelect } from './month-select';

function Harness({ error }: { error?: string }) {
  const [value, setValue] = useState('');
  return (
    <>
      <MonthSelect id="m" label="Month withheld" hint="A month of the contract year" error={error} months={['2018-04-01', '2018-05-01', '2019-03-01']} value={value} onChange={setValue} />
      <output>{value}</output>
    </>
  );
}

describe('MonthSelect', () => {
  it('offers the months in words, none chosen at first, and gives the year and month of the one chosen', async () => {
    render(<Harness />);
    const select = screen.getByRole('combobox', { name: 'Month withheld' });
    expect(select).toHaveAccessibleDescription('A month of the contract year');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Choose a month', 'April 2018', 'May 2018', 'March 2019']);
    expect(select).toHaveValue('');
    await userEvent.selectOptions(select, 'March 2019');
    expect(screen.getByRole('status')).toHaveTextContent(/^2019-03$/);
  });

  it('shows its error and is described by it', () => {
    render(<Harness error="Choose the month withheld" />);
    const select = screen.getByRole('combobox', { name: 'Month withheld' });
    expect(select).toHaveClass('nhsuk-select--error');
    expect(select).toHaveAccessibleDescription(expect.stringContaining('Choose the month withheld'));
  });

  it('gives the month’s first day when asked to', async () => {
    const changes: string[] = [];
    render(<MonthSelect id="m" label="In force from" months={['2018-04-01', '2018-05-01']} value="" onChange={(value) => changes.push(value)} firstDay />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'In force from' }), 'May 2018');
    expect(changes).toEqual(['2018-05-01']);
  });
});
