import * as domain from './index';
import * as accounts from './accounts';
import * as assurance from './assurance';
import * as attention from './attention';
import * as calendar from './calendar';
import * as comparison from './comparison';
import * as contracts from './contracts';
import * as errors from './errors';
import * as escalation from './escalation';
import * as finance from './finance';
import * as money from './money';
import * as organisations from './organisations';
import * as performanceReport from './performance-report';
import * as sanctions from './sanctions';
import * as spc from './spc';
import * as specialMeasures from './special-measures';
import * as standards from './standards';

// workflow exports types only, so it has no values to compare.
const AREAS = { accounts, assurance, attention, calendar, comparison, contracts, errors, escalation, finance, money, organisations, performanceReport, sanctions, spc, specialMeasures, standards };

describe('the library’s public surface', () => {
  it.each(Object.entries(AREAS))('re-exports every export of %s, the same value, from the library root', (_name, area) => {
    const entries = Object.entries(area);
    expect(entries.length).toBeGreaterThan(0);
    for (const [name, value] of entries) expect((domain as Record<string, unknown>)[name]).toBe(value);
  });

  it('exports nothing from the root that no area exports (no name is shadowed by another area)', () => {
    const fromAreas = new Set(Object.values(AREAS).flatMap((area) => Object.keys(area)));
    expect(Object.keys(domain).filter((name) => !fromAreas.has(name))).toEqual([]);
    const counts = new Map<string, number>();
    for (const area of Object.values(AREAS)) for (const name of Object.keys(area)) counts.set(name, (counts.get(name) ?? 0) + 1);
    expect([...counts].filter(([, count]) => count > 1).map(([name]) => name)).toEqual([]);
  });
});
