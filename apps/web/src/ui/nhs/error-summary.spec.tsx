import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorSummary } from './error-summary';
import { TextInput } from './text-input';

describe('NHS error summary and text input', () => {
  it('links each problem to its field, and following the link puts focus in the field', async () => {
    render(
      <>
        <ErrorSummary id="problems" problems={[{ field: 'allocation', message: 'Enter the allocation' }, { field: null, message: 'The server refused the plan' }]} />
        <TextInput id="allocation" label="Allocation" hint="In pounds" prefix="£" error="Enter the allocation" value="" onChange={() => undefined} />
      </>,
    );
    expect(screen.getByRole('alert', { name: 'There is a problem' })).toHaveTextContent('The server refused the plan');
    await userEvent.click(screen.getByRole('link', { name: 'Enter the allocation' }));
    const input = screen.getByRole('textbox', { name: 'Allocation' });
    expect(input).toHaveFocus();
    expect(input).toHaveAccessibleDescription('In pounds Error: Enter the allocation');
  });

  it('takes focus each time a form asks (a failed attempt to send), not when it first appears', () => {
    const problems = [{ field: 'username', message: 'Enter your username' }];
    const { rerender } = render(<ErrorSummary id="problems" problems={problems} focusRequest={0} />);
    expect(screen.getByRole('alert')).not.toHaveFocus();
    rerender(<ErrorSummary id="problems" problems={problems} focusRequest={1} />);
    expect(screen.getByRole('alert')).toHaveFocus();
  });

  it('says why a page could not be loaded, and shows nothing when there is no problem', () => {
    const { rerender } = render(
      <ErrorSummary title="The report could not be loaded" headingLevel="h2">
        <p>The server could not be reached.</p>
      </ErrorSummary>,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'The report could not be loaded' })).toBeInTheDocument();
    expect(screen.queryByRole('list')).toBeNull();
    rerender(<ErrorSummary problems={[]} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
