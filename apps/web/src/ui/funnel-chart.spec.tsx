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
