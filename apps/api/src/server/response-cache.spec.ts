import { AnswerStore } from './response-cache';

describe('AnswerStore (the response cache’s memory)', () => {
  const limits = { maxEntries: 3, maxBytes: 100, maxEntryBytes: 60, maxAgeMs: 1_000 };
  let now = 0;
  const store = () => new AnswerStore(limits, () => now);
  beforeEach(() => {
    now = 0;
  });

  it('gives back what it keeps', () => {
    const answers = store();
    answers.set('a', { n: 1 }, 10);
    expect(answers.get('a')).toEqual({ n: 1 });
    expect(answers.get('b')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const answers = store();
    for (const key of ['a', 'b', 'c']) answers.set(key, { key }, 10);
    answers.get('a');
    answers.set('d', { key: 'd' }, 10);
    expect(answers.size).toBe(3);
    expect(answers.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((key) => answers.get(key))).toEqual([{ key: 'a' }, { key: 'c' }, { key: 'd' }]);
  });

  it('keeps at most maxBytes in all, and refuses one answer larger than maxEntryBytes', () => {
    const answers = store();
    answers.set('a', { key: 'a' }, 50);
    answers.set('b', { key: 'b' }, 40);
    answers.set('c', { key: 'c' }, 30);
    expect(answers.totalBytes).toBe(70);
    expect(answers.get('a')).toBeUndefined();
    expect(answers.set('huge', { key: 'huge' }, 61)).toBe(false);
    expect(answers.get('huge')).toBeUndefined();
    expect(answers.totalBytes).toBe(70);
  });

  it('counts a replaced answer once', () => {
    const answers = store();
    answers.set('a', { n: 1 }, 30);
    answers.set('a', { n: 2 }, 20);
    expect([answers.size, answers.totalBytes, answers.get('a')]).toEqual([1, 20, { n: 2 }]);
  });

  it('forgets an answer older than maxAgeMs', () => {
    const answers = store();
    answers.set('a', { n: 1 }, 10);
    now = 999;
    expect(answers.get('a')).toEqual({ n: 1 });
    now = 1_000;
    expect(answers.get('a')).toBeUndefined();
    expect([answers.size, answers.totalBytes]).toEqual([0, 0]);
  });
});
