/** One page of a Relay-style connection, as a caller maps it. */
export interface Page<T> {
  items: readonly T[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** The most pages one download may fetch: a guard against a connection that never ends. */
const MAX_PAGES = 1000;

/**
 * Every item of a paged connection, fetched page after page from the cursor (for a download of the whole filtered
 * set, not the page on screen). `fetchPage(after)` fetches one page; null starts at the beginning.
 */
export async function fetchAllPages<T>(fetchPage: (after: string | null) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await fetchPage(after);
    all.push(...page.items);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return all;
    after = page.pageInfo.endCursor;
  }
  throw new Error(`more than ${MAX_PAGES} pages`);
}
