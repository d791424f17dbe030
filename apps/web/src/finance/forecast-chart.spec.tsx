import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ForecastChart, type ForecastPoint } from './forecast-chart';
import { forecastAxisLabel, forecastMonthsOf } from './forecast-months';

// Planned spend £396m on a £400m allocation; the warning threshold is 1% of allocation, £4m.
const forecast = (month: string, outturn: string, variance: string, warning = false): ForecastPoint => ({
  month,
  forecastOutturn: outturn,
  plannedSpend: '396000000.00',
  variance,
  warningThreshold: '4000000.00',
  warning,
});

const forecasts = [
  forecast('2015-05', '395000000.00', '-1000000.00'),
  forecast('2015-06', '396000000.00', '0.00'),
  forecast('2015-07', '400500000.00', '4500000.00', true),
];
const warning = { month: '2015-07', adverseVariance: '4500000.00', threshold: '4000000.00', thresholdPercent: '1' };

describe('forecast outturn chart', () => {
  it('runs April to March of the financial year', () => {
    expect(forecastMonthsOf('2015/16')).toEqual(['2015-04', '2015-05', '2015-06', '2015-07', '2015-08', '2015-09', '2015-10', '2015-11', '2015-12', '2016-01', '2016-02', '2016-03']);
  });

  it('names the year on the axis at the first month and at January', () => {
    expect(forecastMonthsOf('2015/16').map((month, index) => forecastAxisLabel(month, index === 0))).toEqual([
      'Apr 15', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan 16', 'Feb', 'Mar',
    ]);
  });

  it('names every month’s point with its forecast and variance, warning months as above the threshold', () => {
    render(<ForecastChart title="NHS Leeds North CCG 2015/16" financialYear="2015/16" forecasts={forecasts} warning={warning} />);
    const chart = screen.getByRole('group', { name: 'NHS Leeds North CCG 2015/16: forecast outturn against plan by month' });
    expect(within(chart).getAllByRole('img').map((point) => point.getAttribute('aria-label'))).toEqual([
      'May 2015: forecast outturn £395,000,000.00, £1,000,000.00 under plan (favourable)',
      'June 2015: forecast outturn £396,000,000.00, on plan',
      'July 2015: forecast outturn £400,500,000.00, £4,500,000.00 over plan (adverse), above the warning threshold',
    ]);
    expect(chart.querySelectorAll('[data-warning="true"]')).toHaveLength(1);
    expect(chart.querySelector('[data-warning="true"]')?.tagName).toBe('polygon');
  });

  it('says the financial warning in words when the adverse variance passes the threshold', () => {
    render(<ForecastChart title="Leeds" financialYear="2015/16" forecasts={forecasts} warning={warning} />);
    expect(screen.getByText('Financial warning')).toBeInTheDocument();
    expect(screen.getByText(/The July 2015 forecast outturn is £4,500,000.00 over plan, above the threshold of £4,000,000.00 \(1% of allocation\)/)).toBeInTheDocument();
  });

  it('shows no warning without one', () => {
    render(<ForecastChart title="Leeds" financialYear="2015/16" forecasts={forecasts.slice(0, 2)} warning={null} />);
    expect(screen.queryByText('Financial warning')).not.toBeInTheDocument();
    expect(screen.getByText(/None above the warning threshold/)).toBeInTheDocument();
  });

  it('gives the same figures as a table', () => {
    render(<ForecastChart title="Leeds" financialYear="2015/16" forecasts={forecasts} warning={warning} />);
    const table = screen.getByRole('table', { name: 'Leeds: forecast outturn by month' });
    const rows = within(table).getAllByRole('row').slice(1);
    // What is read out: the column names shown only on phones (aria-hidden) are left out.
    const spoken = (row: HTMLElement) => {
      const copy = row.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      return copy.textContent;
    };
    expect(rows.map(spoken)).toEqual([
      'May 2015£395,000,000.00£396,000,000.00£1,000,000.00 under plan (favourable)No',
      'June 2015£396,000,000.00£396,000,000.00on planNo',
      'July 2015£400,500,000.00£396,000,000.00£4,500,000.00 over plan (adverse)Above threshold',
    ]);
  });

  it('is one tab stop, the latest month first, with arrow keys between months and their figures shown', async () => {
    render(<ForecastChart title="Leeds" financialYear="2015/16" forecasts={forecasts} warning={warning} />);
    await userEvent.tab();
    expect(document.activeElement).toHaveAttribute('aria-label', expect.stringMatching(/^July 2015/));
    await userEvent.keyboard('{ArrowLeft}');
    expect(document.activeElement).toHaveAttribute('aria-label', expect.stringMatching(/^June 2015/));
    expect(screen.getByText('Variance: on plan')).toBeInTheDocument();
  });

  it('says when there is nothing to chart', () => {
    render(<ForecastChart title="Leeds" financialYear="2015/16" forecasts={[]} />);
    expect(screen.getByText('No forecast outturn has been recorded for 2015/16 yet.')).toBeInTheDocument();
  });
});
