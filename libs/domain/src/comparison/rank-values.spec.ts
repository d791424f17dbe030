import { DomainError } from '../errors';
import { rankValues } from './rank-values';

function expectDomainError(run: () => unknown, code: string, details?: Record<string, unknown>): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect((thrown as DomainError).code).toBe(code);
  if (details) expect((thrown as DomainError).details).toMatchObject(details);
}

const entries = [
  { key: 'RA1', value: 90 },
  { key: 'RB2', value: 95 },
  { key: 'RC3', value: 90 },
  { key: 'RD4', value: 80 },
];

describe('rankValues', () => {
  it('ranks the highest first when higher is better, equal values sharing a rank and the next rank skipping', () => {
    // 95 is best; the two 90s tie for second; 80 is fourth, since three did better.
    expect(rankValues(entries, 'HIGHER_IS_BETTER')).toEqual([
      { key: 'RB2', value: 95, rank: 1 },
      { key: 'RA1', value: 90, rank: 2 },
      { key: 'RC3', value: 90, rank: 2 },
      { key: 'RD4', value: 80, rank: 4 },
    ]);
  });

  it('ranks the lowest first when lower is better', () => {
    expect(rankValues(entries, 'LOWER_IS_BETTER')).toEqual([
      { key: 'RD4', value: 80, rank: 1 },
      { key: 'RA1', value: 90, rank: 2 },
      { key: 'RC3', value: 90, rank: 2 },
      { key: 'RB2', value: 95, rank: 4 },
    ]);
  });

  it('ranks the highest first when neither direction is better', () => {
    expect(rankValues(entries, 'NEUTRAL').map((e) => [e.key, e.rank])).toEqual([
      ['RB2', 1],
      ['RA1', 2],
      ['RC3', 2],
      ['RD4', 4],
    ]);
  });

  it('lists tied values by key whatever the input order, so the table is stable', () => {
    const reversed = [...entries].reverse();
    expect(rankValues(reversed, 'HIGHER_IS_BETTER').map((e) => e.key)).toEqual(['RB2', 'RA1', 'RC3', 'RD4']);
  });

  it('gives everyone rank 1 when every value is the same, and nothing for no values', () => {
    expect(rankValues([{ key: 'B', value: 5 }, { key: 'A', value: 5 }], 'LOWER_IS_BETTER')).toEqual([
      { key: 'A', value: 5, rank: 1 },
      { key: 'B', value: 5, rank: 1 },
    ]);
    expect(rankValues([], 'HIGHER_IS_BETTER')).toEqual([]);
  });

  it('compares values as given: 94.9999 does not tie with 95', () => {
    expect(rankValues([{ key: 'A', value: 94.9999 }, { key: 'B', value: 95 }], 'HIGHER_IS_BETTER').map((e) => e.rank)).toEqual([1, 2]);
  });

  it('refuses a value that is not a finite number', () => {
    expectDomainError(() => rankValues([{ key: 'A', value: Number.NaN }], 'HIGHER_IS_BETTER'), 'COMPARISON_NON_FINITE_VALUE', { key: 'A', value: 'NaN' });
    expectDomainError(() => rankValues([{ key: 'A', value: Infinity }], 'HIGHER_IS_BETTER'), 'COMPARISON_NON_FINITE_VALUE');
    expectDomainError(() => rankValues([{ key: 'A', value: '5' as unknown as number }], 'HIGHER_IS_BETTER'), 'COMPARISON_NON_FINITE_VALUE');
  });

  it('refuses a provider given twice and an unknown polarity', () => {
    expectDomainError(() => rankValues([{ key: 'A', value: 1 }, { key: 'A', value: 2 }], 'HIGHER_IS_BETTER'), 'COMPARISON_DUPLICATE_KEY', { key: 'A' });
    expectDomainError(() => rankValues(entries, 'UP' as never), 'COMPARISON_INVALID_POLARITY', { polarity: 'UP' });
  });
});
