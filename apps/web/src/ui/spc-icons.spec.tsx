import { render, screen } from '@testing-library/react';
import { AssuranceIcon, VariationIcon } from './spc-icons';

describe('Making Data Count icons', () => {
  it.each([
    ['COMMON_CAUSE', null, 'Common cause variation', null],
    ['SPECIAL_CAUSE_CONCERN', 'LOW', 'Special cause variation – concern (low)', 'L'],
    ['SPECIAL_CAUSE_CONCERN', 'HIGH', 'Special cause variation – concern (high)', 'H'],
    ['SPECIAL_CAUSE_IMPROVEMENT', 'HIGH', 'Special cause variation – improvement (high)', 'H'],
    ['SPECIAL_CAUSE_IMPROVEMENT', 'LOW', 'Special cause variation – improvement (low)', 'L'],
    ['SPECIAL_CAUSE_NEUTRAL_HIGH', null, 'Special cause variation – neutral (high)', 'H'],
    ['SPECIAL_CAUSE_NEUTRAL_LOW', null, 'Special cause variation – neutral (low)', 'L'],
  ] as const)('draws %s (%s) as an image named “%s”, letter %s', (type, side, name, letter) => {
    render(<VariationIcon type={type} side={side} />);
    const icon = screen.getByRole('img', { name });
    expect(icon.querySelector('text')?.textContent ?? null).toBe(letter);
  });

  it('colours the icon by its verdict: orange ring for concern, blue for improvement, grey for common cause', () => {
    const ring = (element: HTMLElement) => element.querySelector('circle')?.getAttribute('stroke');
    const { rerender } = render(<VariationIcon type="SPECIAL_CAUSE_CONCERN" side="LOW" />);
    expect(ring(screen.getByRole('img'))).toBe('#fab428');
    rerender(<VariationIcon type="SPECIAL_CAUSE_IMPROVEMENT" side="HIGH" />);
    expect(ring(screen.getByRole('img'))).toBe('#289de0');
    rerender(<VariationIcon type="COMMON_CAUSE" side={null} />);
    expect(ring(screen.getByRole('img'))).toBe('#7b7d7d');
  });

  it.each([
    ['CONSISTENT_PASS', 'Consistently passes the target', 'P'],
    ['CONSISTENT_FAIL', 'Consistently fails the target', 'F'],
    ['HIT_AND_MISS', 'Hit and miss: the target may or may not be met', '?'],
  ] as const)('draws assurance %s as an image named “%s”, letter %s', (type, name, letter) => {
    render(<AssuranceIcon type={type} />);
    expect(screen.getByRole('img', { name }).querySelector('text')).toHaveTextContent(letter);
  });

  it('draws no assurance icon without a verdict', () => {
    const { container } = render(<AssuranceIcon type={null} />);
    expect(container).toBeEmptyDOMElement();
  });
});
