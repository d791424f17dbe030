import { render, screen, within } from '@testing-library/react';
import { monthlySeries } from '../providers/scorecard.fixtures';
import { SpcChart } from '../ui/spc-chart';

const points = monthlySeries();

describe('a recovery trajectory drawn on the SPC chart', () => {
  it('marks each committed month the chart has, says so, and adds the trajectory to the table', () => {
    const trajectory = [
      { period: '2018-10-01', value: 84 },
      { period: '2018-11-01', value: 85 },
      { period: '2019-04-01', value: 90 }, // after the last value: not drawn
    ];
    const { container } = render(<SpcChart title="A&E, RR8" unit="PERCENTAGE" points={points} target={95} csvName="RR8" trajectory={trajectory} />);
    expect(container.querySelectorAll('[data-testid="trajectory"] rect')).toHaveLength(2);
    expect(screen.getByText('Recovery trajectory (committed)')).toBeInTheDocument();
    expect(screen.getByText(/Recovery trajectory from October 2018 to November 2018, 2 months against the values\./)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'A&E, RR8: values and statistical process control' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Period', 'Value', 'Mean', 'Lower process limit', 'Upper process limit', 'Target', 'Trajectory', 'Variation']);
    expect(within(table).getByRole('row', { name: /^October 2018 / })).toHaveTextContent('84.0%');
  });

  it('draws nothing more without a trajectory', () => {
    const { container } = render(<SpcChart title="A&E, RR8" unit="PERCENTAGE" points={points} target={95} csvName="RR8" />);
    expect(container.querySelector('[data-testid="trajectory"]')).toBeNull();
    expect(screen.queryByText('Recovery trajectory (committed)')).not.toBeInTheDocument();
    expect(within(screen.getByRole('table')).queryByRole('columnheader', { name: 'Trajectory' })).not.toBeInTheDocument();
  });
});
