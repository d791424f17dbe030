import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Types a date into the NHS date input named `group` (its legend), as a person would: day, month and year in
 * their own fields, each cleared first. `iso` is yyyy-mm-dd; a part left empty ('2018--05') is left blank.
 */
export async function enterDate(group: string | RegExp, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  const fields = within(screen.getByRole('group', { name: group }));
  for (const [name, text] of [
    ['Day', day],
    ['Month', month],
    ['Year', year],
  ] as const) {
    const input = fields.getByRole('textbox', { name });
    await userEvent.clear(input);
    if (text) await userEvent.type(input, text);
  }
}
