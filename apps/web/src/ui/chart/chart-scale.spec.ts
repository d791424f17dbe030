import { extent, plotArea, slotAxis, valueAxis } from './chart-scale';

describe('chart scales', () => {
  it('maps values onto the plot, upwards for SVG y, over round ticks that cover every value', () => {
    const { scale, domain, ticks } = valueAxis([82.4, 96.1], [300, 0], 5);
    expect(domain).toEqual([ticks[0], ticks[ticks.length - 1]]);
    expect(ticks[0]).toBeLessThanOrEqual(82.4);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(96.1);
    expect(ticks.every((tick) => Number.isInteger(tick))).toBe(true);
    expect(scale(ticks[0])).toBe(300);
    expect(scale(ticks[ticks.length - 1])).toBe(0);
    expect(scale((ticks[0] + ticks[ticks.length - 1]) / 2)).toBeCloseTo(150, 9);
  });

  it('marks round thousands on a large axis', () => {
    expect(valueAxis([0, 21034], [0, 600], 5).ticks).toEqual([0, 5000, 10000, 15000, 20000, 25000]);
  });

  it('gives a flat series some room, and no values a 0 to 1 axis', () => {
    const { domain, ticks } = valueAxis([100, 100], [300, 0], 5);
    expect(domain[0]).toBeLessThan(100);
    expect(domain[1]).toBeGreaterThan(100);
    expect(ticks.length).toBeGreaterThan(1);
    expect(valueAxis(null, [300, 0], 5).domain).toEqual([0, 1]);
  });

  it('gives each key an equal slot and draws it in the middle; an unknown key takes the first slot', () => {
    const months = slotAxis<string>(['2015-04', '2015-05', '2015-06', '2015-07'], [40, 440]);
    expect(months.step).toBe(100);
    expect(months.centre('2015-04')).toBe(90);
    expect(months.centre('2015-07')).toBe(390);
    expect(months.start('2016-01')).toBe(40);
  });

  it('keeps the margins out of the plot', () => {
    expect(plotArea(720, 330, { top: 26, right: 14, bottom: 36, left: 54 })).toEqual({ left: 54, right: 706, top: 26, bottom: 294 });
  });

  it('takes the extent of finite numbers only', () => {
    expect(extent([3, null, 1, undefined, Number.NaN, 7])).toEqual([1, 7]);
    expect(extent([null])).toBeNull();
  });
});
