import { fetchAllPages } from './all-pages';

describe('fetchAllPages', () => {
  it('follows the cursor until the last page and returns every item in order', async () => {
    const pages: Record<string, { items: number[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> = {
      start: { items: [1, 2], pageInfo: { hasNextPage: true, endCursor: 'a' } },
      a: { items: [3, 4], pageInfo: { hasNextPage: true, endCursor: 'b' } },
      b: { items: [5], pageInfo: { hasNextPage: false, endCursor: 'c' } },
    };
    const asked: (string | null)[] = [];
    const all = await fetchAllPages(async (after) => {
      asked.push(after);
      return pages[after ?? 'start'];
    });
    expect(all).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([null, 'a', 'b']);
  });

  it('stops on a page without a cursor', async () => {
    expect(await fetchAllPages(async () => ({ items: ['x'], pageInfo: { hasNextPage: true, endCursor: null } }))).toEqual(['x']);
  });
});
