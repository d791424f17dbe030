import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';
import { workspaceRoot } from './support/server-process';

/** The real A&E return the e2e server loaded at its first start (config.ts: SHARED_DATA_DIR, by default ../shared/data). */
const AE_FILE = path.resolve(workspaceRoot, process.env.SHARED_DATA_DIR ?? '../shared/data', 'ae_attendances.csv');

/** The first A&E values held, read through /graphql with the page's session, to compare before and after. */
async function firstAeValues(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ indicatorValuePage(indicator: "AE_4HR_ALL", first: 20) { edges { node { organisation { code } period { startDate } numerator denominator } } } }',
      }),
    });
    return ((await response.json()) as { data: unknown }).data;
  });
}

/** The upload progress bar's value and max. */
const progressOf = (page: Page) => page.locator('#upload-progress').evaluate((bar: HTMLProgressElement) => ({ value: bar.value, max: bar.max }));

describe('imports (browser, built app, real API and database)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('lets an analyst upload the A&E file with a progress bar, then shows every bad row of a refused file and changes nothing', async () => {
    const { page, foreignRequests } = await openPage(browser);
    await page.goto(`${baseUrl()}/imports`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Username').fill('demo-analyst');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/imports');
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Imports' }).waitFor();

    const before = await firstAeValues(page);
    expect(JSON.stringify(before)).toContain('numerator');

    // The real file, through the page's file input; the server loaded the same file at start, so nothing changes.
    await page.getByRole('radio', { name: 'A&E attendances (monthly return)' }).check();
    await page.getByLabel('CSV file').setInputFiles(AE_FILE);
    await page.getByText('Chosen: ae_attendances.csv').waitFor();
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.locator('#upload-progress').waitFor();
    await page.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('#upload-progress');
      return bar !== null && bar.max > 1 && bar.value === bar.max;
    });
    await page.getByRole('heading', { name: 'Unchanged' }).waitFor({ timeout: 60_000 });
    const sent = await progressOf(page);
    expect(sent.value).toBe(sent.max);
    expect(sent.max).toBe((await readFile(AE_FILE)).length);
    expect(await page.getByText('matched the data already held: nothing changed').count()).toBe(1);

    // A few rows of the same file with two bad ones: a non-numeric attendances value (line 3) and a bad period (line 5).
    const lines = (await readFile(AE_FILE, 'utf8')).split(/\r?\n/).slice(0, 7);
    const cells = lines.map((line) => line.split(','));
    cells[2][3] = 'lots';
    cells[4][0] = '2016-13-01';
    await page.getByLabel('CSV file').setInputFiles({ name: 'ae-two-bad-rows.csv', mimeType: 'text/csv', buffer: Buffer.from(`${cells.map((row) => row.join(',')).join('\n')}\n`) });
    await page.getByRole('button', { name: 'Upload' }).click();
    const table = page.getByRole('table', { name: 'Bad rows of ae-two-bad-rows.csv' });
    await table.waitFor({ timeout: 30_000 });
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^3\s+attendances "lots" is not a whole number/);
    expect(rows[1]).toMatch(/^5\s+period "2016-13-01" is not a date/);
    expect(await page.getByRole('alert').innerText()).toMatch(/nothing from the file was saved/);

    expect(await firstAeValues(page)).toEqual(before);
    expect(foreignRequests).toEqual([]);
  });
});
