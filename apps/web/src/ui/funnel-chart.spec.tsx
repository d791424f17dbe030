import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FunnelChart, type FunnelLimit, type FunnelPoint } from './funnel-chart';

const points: FunnelPoint[] = [
  { code: 'RR8', name: 'Leeds Teaching Hospitals NHS Trust', denominator: 21000, value: 87.3, positionLabel: 'below the lower 99.8% limit', mark: 'WORSE' },
  { code: 'RAE', name: 'Bradford Teaching Hospitals NHS Foundation Trust', denominator: 12000, value: 90.1, positionLabel: 'within the 95% limits', mark: 'WITHIN' },
  { code: 'RCF', name: 'Airedale NHS Foundation Trust', denominator: 5000, value: 96.5, positionLabel: 'above the upper 99.8% limit', mark: 'BETTER' },
];
const limits: FunnelLimit[] = [1000, 5000, 10000, 20000, 25000].map((denominator) => ({
  denominator,
  lower95: 89 - 20000 / denominator / 10,
  upper95: 91 + 20000 / denominator / 10,
  lower998: 88 - 30000 / denominator / 10,
  upper998: 92 + 30000 / denominator / 10,
}));

describe('funnel chart', () => {
  it('draws the centre line and both pairs of limits', () => {
    const { container } = render(<FunnelChart title="A&E, March 2019" unit="PERCENTAGE" denominatorName="attendances" centre={90} points={points} limits={limits} />);
    expect(container.querySelectorAll('[data-testid="centre-line"]')).toHaveLength(1);
    expect(container.querySelectorAll('[data-testid="limit-95"]')).toHaveLength(2);
    expect(container.querySelectorAll('[data-testid="limit-998"]')).toHaveLength(2);
    expect(screen.getByText('Centre line (90.0%, all providers)')).toBeInTheDocument();
  });

  it('tells the two pairs of limits apart by more than colour: solid 99.8%, dashed 95%, each labelled on the chart and in the legend', () => {
    const { container } = render(
      <FunnelChart title="A&E" unit="PERCENTAGE" denominatorName="attendances" centre={90} points={points} limits={limits} limitsNote="chance alone" />,
    );
    const [upper998, lower998] = container.querySelectorAll('[data-testid="limit-998"]');
    const [upper95, lower95] = container.querySelectorAll('[data-testid="limit-95"]');
    for (const line of [upper998, lower998]) expect(line).not.toHaveAttribute('stroke-dasharray');
    for (const line of [upper95, lower95]) expect(line).toHaveAttribute('stroke-dasharray', '8 5');
    expect(Number(upper998.getAttribute('stroke-width'))).toBeGreaterThan(Number(upper95.getAttribute('stroke-width')));
    const labels = [...container.querySelectorAll('[data-testid="limit-label"]')].map((label) => label.textContent);
    expect(labels).toEqual(['99.8%', '99.8%', '95%', '95%']);
    expect(screen.getByText('95% limits (dashed), chance alone')).toBeInTheDocument();
    expect(screen.getByText('99.8% limits (solid), chance alone')).toBeInTheDocument();
  });

  it('is drawn large enough to read: 480 px tall when wide, 360 px on a narrow screen', () => {
    const { container, unmount } = render(<FunnelChart title="A&E" unit="PERCENTAGE" denominatorName="attendances" centre={90} points={points} limits={limits} initialWidth={960} />);
    expect(container.querySelector('svg')).toHaveAttribute('height', '480');
    unmount();
    const narrow = render(<FunnelChart title="A&E" unit="PERCENTAGE" denominatorName="attendances" centre={90} points={points} limits={limits} initialWidth={360} />);
    expect(narrow.container.querySelector('svg')).toHaveAttribute('height', '360');
  });

  it('names each provider’s point with its value, denominator and position, and colours it', () => {
    render(<FunnelChart title="A&E" unit="PERCENTAGE" denominatorName="attendances" centre={90} points={points} limits={limits} />);
    expect(
      screen.getByRole('img', { name: 'Leeds Teaching Hospitals NHS Trust (RR8): 87.3% of 21,000 attendances, below the lower 99.8% limit' }),
    ).toHaveAttribute('fill', '#fab428');
    expect(screen.getByRole('img', { name: /Airedale.*above the upper 99.8% limit/ })).toHaveAttribute('fill', '#289de0');
  });

  it('starts keyboard focus on the highlighted provider and moves with the arrow keys', async () => {
    render(<FunnelChart title="A&E" unit="PERCENTAGE" denominatorName="attendances" centre={90} points={points} limits={limits} highlight="RAE" />);
    await userEvent.tab();
    expect(screen.getByRole('img', { name: /Bradford/ })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    const airedale = screen.getByRole('img', { name: /Airedale/ });
    expect(airedale).toHaveFocus();
    expect(airedale).toHaveAccessibleDescription(/Attendances: 5,000/);
  });
});
