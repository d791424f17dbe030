import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SpcChart, type SpcChartPoint } from './spc-chart';

const point = (period: string, value: number, extra: Partial<SpcChartPoint> = {}): SpcChartPoint => ({
  period,
  value,
  mean: 90,
  lowerProcessLimit: 85,
  upperProcessLimit: 95,
  specialCauseType: 'COMMON_CAUSE',
  pointType: 'COMMON_CAUSE',
  rebaseGroup: 0,
  ...extra,
});

const series: SpcChartPoint[] = [
  point('2019-01-01', 91.2),
  point('2019-02-01', 96.1, { specialCauseType: 'ABOVE_UPPER_LIMIT', pointType: 'SPECIAL_CAUSE_IMPROVEMENT' }),
  point('2019-03-01', 87.3, { specialCauseType: 'TWO_OF_THREE_BELOW', pointType: 'SPECIAL_CAUSE_CONCERN' }),
];

function renderChart(points: SpcChartPoint[] = series, target: number | null = 95) {
  return render(<SpcChart title="A&E four-hour wait, Leeds" unit="PERCENTAGE" points={points} target={target} csvName="RR8 AE_4HR_ALL" />);
}

describe('SPC chart', () => {
  it('draws the mean, both process limits and the target when the API gives them', () => {
    const { container } = renderChart();
    expect(container.querySelectorAll('[data-testid="mean"]')).toHaveLength(1);
    expect(container.querySelectorAll('[data-testid="lower-limit"]')).toHaveLength(1);
    expect(container.querySelectorAll('[data-testid="upper-limit"]')).toHaveLength(1);
    expect(container.querySelector('[data-testid="upper-limit"]')).toHaveAttribute('stroke-dasharray');
    expect(container.querySelectorAll('[data-testid="target"]')).toHaveLength(1);
  });

  it('draws no process limits where they are null (a constant series), and no target without one', () => {
    const constant = ['2019-01-01', '2019-02-01', '2019-03-01'].map((period) => point(period, 100, { mean: 100, lowerProcessLimit: null, upperProcessLimit: null }));
    const { container } = renderChart(constant, null);
    expect(container.querySelectorAll('[data-testid="lower-limit"], [data-testid="upper-limit"], [data-testid="target"]')).toHaveLength(0);
    expect(container.querySelectorAll('[data-testid="mean"]')).toHaveLength(1);
    expect(screen.getByText(/process limits none/)).toBeInTheDocument();
  });

  it('draws limits only for the rebase group that has them, and marks the rebase', () => {
    const points = [
      point('2019-01-01', 100, { mean: 100, lowerProcessLimit: null, upperProcessLimit: null }),
      point('2019-02-01', 100, { mean: 100, lowerProcessLimit: null, upperProcessLimit: null }),
      point('2019-03-01', 90, { rebaseGroup: 1 }),
      point('2019-04-01', 91, { rebaseGroup: 1 }),
    ];
    const { container } = renderChart(points);
    expect(container.querySelectorAll('[data-testid="lower-limit"]')).toHaveLength(1);
    expect(container.querySelectorAll('[data-testid="mean"]')).toHaveLength(2);
    expect(container.querySelectorAll('[data-testid="rebase-mark"]')).toHaveLength(1);
    expect(screen.getByRole('img', { name: 'March 2019: 90.0%, common cause, limits recalculated from here' })).toBeInTheDocument();
  });

  it('colours special-cause points by improvement (blue), concern (orange) and neutral (purple) and names them', () => {
    renderChart([
      ...series,
      point('2019-04-01', 97, { specialCauseType: 'ABOVE_UPPER_LIMIT', pointType: 'SPECIAL_CAUSE_NEUTRAL_HIGH' }),
    ]);
    expect(screen.getByRole('img', { name: 'January 2019: 91.2%, common cause' })).toHaveAttribute('fill', '#7b7d7d');
    expect(screen.getByRole('img', { name: 'February 2019: 96.1%, special cause improvement' })).toHaveAttribute('fill', '#289de0');
    expect(screen.getByRole('img', { name: 'March 2019: 87.3%, special cause concern' })).toHaveAttribute('fill', '#fab428');
    expect(screen.getByRole('img', { name: 'April 2019: 97.0%, special cause neutral (high)' })).toHaveAttribute('fill', '#361475');
    expect(screen.getByText('Special cause – improvement')).toBeInTheDocument();
    expect(screen.getByText('Special cause – concern')).toBeInTheDocument();
  });

  it('is one tab stop that lands on the latest point; arrow keys move between points and show their details', async () => {
    renderChart();
    await userEvent.tab();
    const latest = screen.getByRole('img', { name: 'March 2019: 87.3%, special cause concern' });
    expect(latest).toHaveFocus();
    expect(latest).toHaveAccessibleDescription(/Process limits: 85\.0% to 95\.0%.*Special cause concern: 2 of 3 points close to the lower limit/);
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('img', { name: 'February 2019: 96.1%, special cause improvement' })).toHaveFocus();
    await userEvent.keyboard('{Home}');
    const first = screen.getByRole('img', { name: 'January 2019: 91.2%, common cause' });
    expect(first).toHaveFocus();
    expect(first).toHaveAttribute('tabindex', '0');
    expect(latest).toHaveAttribute('tabindex', '-1');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByText(/^Process limits:/)).toBeNull();
    await userEvent.tab();
    expect(document.activeElement?.closest('svg')).toBeNull();
  });

  it('shows a point’s details on hover', async () => {
    renderChart();
    const february = screen.getByRole('img', { name: /February 2019/ });
    await userEvent.hover(february);
    expect(february).toHaveAccessibleDescription(
      'February 2019 Value: 96.1% Mean: 90.0% Process limits: 85.0% to 95.0% Target: 95.0% Special cause improvement: above the upper process limit',
    );
    expect(screen.getByText('Value: 96.1%')).toBeVisible();
  });

  it('shows the details of the point moved to by keyboard, even where the pointer rests on another point', async () => {
    renderChart();
    await userEvent.hover(screen.getByRole('img', { name: /January 2019/ }));
    await userEvent.tab();
    await userEvent.keyboard('{ArrowLeft}');
    const february = screen.getByRole('img', { name: /February 2019/ });
    expect(february).toHaveFocus();
    expect(february).toHaveAccessibleDescription(/^February 2019 Value: 96\.1%/);
    expect(screen.queryByText('Value: 91.2%')).toBeNull();
  });

  it('offers the same data as a table, with a CSV download', () => {
    renderChart();
    expect(screen.getByText('Show the data as a table')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /values and statistical process control/, hidden: true });
    const rows = within(table).getAllByRole('row', { hidden: true });
    expect(rows).toHaveLength(4);
    expect(rows[3]).toHaveTextContent('March 2019');
    expect(rows[3]).toHaveTextContent('87.3%');
    expect(rows[3]).toHaveTextContent('Special cause concern: 2 of 3 points close to the lower limit');
    expect(screen.getByRole('button', { name: /Download CSV/, hidden: true })).toBeInTheDocument();
  });
  it('draws a target that steps where the target in force changes (a standard set for a new year, a local target)', () => {
    const points = ['2018-02-01', '2018-03-01', '2018-04-01', '2018-05-01', '2018-06-01'].map((period, i) => point(period, 90, { target: i < 2 ? 95 : i < 4 ? 80 : 86 }));
    const { container } = renderChart(points, 86);
    expect(container.querySelectorAll('[data-testid="target"]')).toHaveLength(3);
    expect(screen.getByText(/Target 86\.0%\./)).toBeInTheDocument();
  });

  it('leaves the months a trajectory sets to its sloping line, and steps elsewhere', () => {
    const points = ['2018-10-01', '2018-11-01', '2018-12-01', '2019-01-01'].map((period, i) => point(period, 90, { target: [95, 86, 87, 88][i] }));
    const trajectory = [
      { period: '2018-11-01', value: 86 },
      { period: '2018-12-01', value: 87 },
      { period: '2019-01-01', value: 88 },
    ];
    const { container } = render(<SpcChart title="A&E" unit="PERCENTAGE" points={points} target={88} csvName="x" trajectory={trajectory} />);
    expect(container.querySelectorAll('[data-testid="target"]')).toHaveLength(1);
    expect(container.querySelectorAll('[data-testid="trajectory"] rect')).toHaveLength(3);
  });

  it('marks where a fixed baseline ends in each rebase group that runs beyond it, and says so', () => {
    const months = Array.from({ length: 30 }, (_, i) => `${2016 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}-01`);
    const points = months.map((period, i) => point(period, 90 + (i % 3), { rebaseGroup: i < 15 ? 0 : 1 }));
    const { container } = render(<SpcChart title="A&E" unit="PERCENTAGE" points={points} target={95} csvName="x" fixAfterNPoints={12} />);
    expect(container.querySelectorAll('[data-testid="baseline-mark"]')).toHaveLength(2);
    expect(screen.getByText(/Limits fixed on the first 12 values \(the baseline, to March 2017, June 2018\) and extended forward\./)).toBeInTheDocument();
    expect(screen.getByText('Baseline: limits fixed on the values before it')).toBeInTheDocument();
    const { container: unfixed } = render(<SpcChart title="A&E" unit="PERCENTAGE" points={points} target={95} csvName="x" />);
    expect(unfixed.querySelectorAll('[data-testid="baseline-mark"]')).toHaveLength(0);
  });
});
