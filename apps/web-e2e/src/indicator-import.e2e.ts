import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';
import { startServerProcess, type ServerProcess } from './support/server-process';

// Issue 18.4 (decision 0031): an administrator defines an indicator that is not A&E, an analyst imports its values and
// opens RR8's chart of it. The indicator and its values are ILLUSTRATIVE TEST DATA, made up for this test: not real
// RTT figures. The journey runs on a server of its own, so the extra indicator does not change what the other journeys
// count on the shared server (RR8's two A&E indicators, the grid's two columns).

const CODE = 'RTT_18WK_ILLUSTRATIVE';
const NAME = 'RTT incomplete pathways within 18 weeks (illustrative test data)';
/** April 2017 to March 2019, the A&E data's last two years. */
const MONTHS = Array.from({ length: 24 }, (_, index) => `${2017 + Math.floor((index + 3) / 12)}-${String(((index + 3) % 12) + 1).padStart(2, '0')}-01`);
/** Made-up values: within 18 weeks out of 10,000 incomplete pathways, drifting between 80% and 84%. */
const ILLUSTRATIVE_CSV = ['indicator_code,org_code,period,numerator,denominator', ...MONTHS.map((month, index) => `${CODE},RR8,${month},${8000 + ((index * 37) % 400)},10000`)].join('\n') + '\n';

async function signIn(page: Page, username: string, displayName: string): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header').getByText(displayName).waitFor();
}

describe('any indicator, not only A&E (issue 18.4: browser, built app, real API, a server of its own)', () => {
  let browser: Browser;
  let server: ServerProcess;
  let dataDir: string;
  let sharedBaseUrl: string | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join('/tmp', 'ccg-assure-indicator-import-'));
    server = await startServerProcess(dataDir);
    sharedBaseUrl = process.env.E2E_BASE_URL;
    process.env.E2E_BASE_URL = server.baseUrl;
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    process.env.E2E_BASE_URL = sharedBaseUrl;
    await browser?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('an administrator defines an illustrative RTT indicator and its standard, an analyst imports its monthly values for RR8 and opens RR8’s chart of it', async () => {
    const admin = await openPage(browser);
    await signIn(admin.page, 'demo-admin', 'Demo Admin');
    await admin.page.goto(`${baseUrl()}/admin/users`);
    await admin.page.getByRole('link', { name: 'indicators' }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'Indicators' }).waitFor();
    await admin.page.getByRole('link', { name: 'Define an indicator' }).click();
    await admin.page.getByLabel('Code').fill(CODE);
    await admin.page.getByLabel('Name').fill(NAME);
    await admin.page.getByRole('radio', { name: 'Percentage (numerator out of denominator)' }).check();
    await admin.page.getByRole('radio', { name: 'Higher is better' }).check();
    await admin.page.getByRole('radio', { name: 'Monthly' }).check();
    await admin.page.getByLabel('What the numerator counts (optional)').fill('Incomplete pathways waiting under 18 weeks (illustrative)');
    await admin.page.getByLabel('Source').fill('Illustrative test data for a browser test: not real figures');
    await admin.page.getByRole('button', { name: 'Define the indicator' }).click();
    await admin.page.getByRole('status').getByText(`${NAME} was saved.`).waitFor();
    await admin.page.getByRole('row', { name: new RegExp(CODE) }).waitFor();
    // Its national standard, from its page: 85% from 2017/18 (illustrative).
    await admin.page.getByRole('link', { name: `Change ${NAME}` }).click();
    const standard = admin.page.getByRole('form', { name: 'Its national standard' });
    await standard.getByLabel('From the financial year').selectOption('2017/18');
    await standard.getByLabel('Threshold', { exact: true }).fill('85');
    await standard.getByLabel('Why').fill('Illustrative standard for a browser test');
    await standard.getByRole('button', { name: 'Set the standard' }).click();
    await standard.getByRole('status').getByText(`The standard of ${NAME} is 85.0% from 2017/18.`).waitFor();
    expect(admin.foreignRequests).toEqual([]);

    const analyst = await openPage(browser);
    const page = analyst.page;
    await signIn(page, 'demo-analyst', 'Demo Analyst');
    await page.goto(`${baseUrl()}/imports`);
    await page.getByRole('radio', { name: 'Values of any defined indicator' }).check();
    await page.getByLabel('CSV file').setInputFiles({ name: 'rtt-illustrative-test-data.csv', mimeType: 'text/csv', buffer: Buffer.from(ILLUSTRATIVE_CSV) });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('heading', { name: 'Saved' }).waitFor({ timeout: 30_000 });

    await page.goto(`${baseUrl()}/providers/RR8`);
    const chart = page.getByRole('group', { name: `${NAME}, LEEDS TEACHING HOSPITALS NHS TRUST: statistical process control chart` });
    await chart.waitFor();
    const points = chart.getByRole('img');
    expect(await points.count()).toBe(24);
    expect(await points.first().getAttribute('aria-label')).toMatch(/^April 2017: 80\.0%, /);
    expect(await points.last().getAttribute('aria-label')).toMatch(/^March 2019: 80\.5%, /);
    // Judged against its standard: 80.5% in March 2019 fails 85%.
    await page.getByRole('group', { name: NAME, exact: true }).getByText('Red: fails standard').waitFor();
    // The page does not call these figures real.
    expect(await page.getByText('Nothing on this page is illustrative').count()).toBe(0);
    await page.getByText(new RegExp(`^${NAME.replace(/[()]/g, '\\$&')}: defined in this product, with values an analyst imported`)).waitFor();

    // The integrated performance report has a column for it, with no code of its own.
    await page.goto(`${baseUrl()}/providers/grid?search=RR8`);
    const grid = page.getByRole('table', { name: /providers by 3 indicators, March 2019/ });
    await grid.getByRole('columnheader', { name: new RegExp(NAME.replace(/[()]/g, '\\$&')) }).waitFor();
    expect(analyst.foreignRequests).toEqual([]);
  });
});
