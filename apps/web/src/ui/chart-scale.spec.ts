import { extent, linearScale, niceTicks } from './chart-scale';

describe('chart scales', () => {
  it('maps a domain onto a range, inverted for SVG y', () => {
    const y = linearScale([80, 100], [300, 0]);
    expect(y(80)).toBe(300);
    expect(y(100)).toBe(0);
    expect(y(90)).toBe(150);
  });

  it('maps a flat domain to the middle of the range', () => {
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
  });

  it('chooses round ticks and widens the domain to them', () => {
    expect(niceTicks(82.4, 96.1, 5)).toEqual({ ticks: [80, 85, 90, 95, 100], domain: [80, 100] });
    expect(niceTicks(86.1, 93.9, 6).ticks).toEqual([86, 88, 90, 92, 94]);
    expect(niceTicks(0, 21034, 5).ticks).toEqual([0, 5000, 10000, 15000, 20000, 25000]);
  });

  it('gives a flat series some room', () => {
    const { domain, ticks } = niceTicks(100, 100);
    expect(domain[0]).toBeLessThan(100);
    expect(domain[1]).toBeGreaterThan(100);
    expect(ticks.length).toBeGreaterThan(1);
  });

  it('takes the extent of finite numbers only', () => {
    expect(extent([3, null, 1, undefined, Number.NaN, 7])).toEqual([1, 7]);
    expect(extent([null])).toBeNull();
  });
});
