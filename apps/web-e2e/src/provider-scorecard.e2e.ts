import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';

async function signIn(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('Username').fill('demo-commissioning-manager');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header').getByText('Demo Commissioning Manager').waitFor();
}

/** What the API says about a provider's indicators (the same origin, the same session). */
async function scorecardFromApi(page: Page, code: string) {
  const response = await page.request.post(`${baseUrl()}/graphql`, {
    data: { query: `{ providerScorecard(code: "${code}") { indicators { indicator { code } series { period } rag variationType assuranceType } } }` },
  });
  const body = (await response.json()) as {
    data: { providerScorecard: { indicators: { indicator: { code: string }; series: { period: string }[]; rag: string; variationType: string; assuranceType: string | null }[] } };
  };
  return body.data.providerScorecard.indicators;
}

const VARIATION_NAMES: Record<string, RegExp> = {
  COMMON_CAUSE: /^Common cause variation$/,
  SPECIAL_CAUSE_IMPROVEMENT: /^Special cause variation – improvement/,
  SPECIAL_CAUSE_CONCERN: /^Special cause variation – concern/,
};
const ASSURANCE_NAMES: Record<string, string> = {
  CONSISTENT_PASS: 'Consistently passes the target',
  CONSISTENT_FAIL: 'Consistently fails the target',
  HIT_AND_MISS: 'Hit and miss: the target may or may not be met',
};

describe('provider scorecards (browser, built app, real API and the real A&E data)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('opens RR8 (Leeds Teaching Hospitals) and shows its 36-month A&E chart and the API’s verdicts as icons', async () => {
    const { page, foreignRequests } = await openPage(browser);
    await signIn(page);
    await page.goto(`${baseUrl()}/providers?search=RR8`);
    await page.getByRole('link', { name: 'LEEDS TEACHING HOSPITALS NHS TRUST' }).click();
    await page.waitForURL((url) => url.pathname === '/providers/RR8');
    await page.getByRole('heading', { level: 1, name: 'LEEDS TEACHING HOSPITALS NHS TRUST' }).waitFor();
    expect(await page.title()).toBe('LEEDS TEACHING HOSPITALS NHS TRUST (RR8) - CCG Assure');
    expect(await page.getByText(/These are real figures, as published: NHS England, A&E Attendances and Emergency Admissions/).count()).toBe(1);

    const chart = page.getByRole('group', { name: 'A&E: four-hour wait, all department types, LEEDS TEACHING HOSPITALS NHS TRUST: statistical process control chart' });
    await chart.waitFor();
    const points = chart.getByRole('img');
    expect(await points.count()).toBe(36);
    expect(await points.first().getAttribute('aria-label')).toMatch(/^April 2016: \d+\.\d%, /);
    expect(await points.last().getAttribute('aria-label')).toMatch(/^March 2019: \d+\.\d%, /);

    // Every tile shows the API's (the domain library's) verdicts, as named icons and RAG text.
    const fromApi = await scorecardFromApi(page, 'RR8');
    expect(fromApi.map((entry) => entry.series.length)).toEqual([36, 36]);
    for (const entry of fromApi) {
      const name = entry.indicator.code === 'AE_4HR_ALL' ? 'A&E: four-hour wait, all department types' : 'A&E: four-hour wait, type 1 departments';
      const tile = page.getByRole('group', { name, exact: true });
      expect(await tile.getByRole('img', { name: VARIATION_NAMES[entry.variationType] }).count()).toBe(1);
      if (entry.assuranceType) expect(await tile.getByRole('img', { name: ASSURANCE_NAMES[entry.assuranceType] }).count()).toBe(1);
      expect(await tile.innerText()).toContain(entry.rag === 'RED' ? 'Red: fails standard' : 'Green: meets standard');
    }

    // Keyboard: one tab stop lands on the latest month; the arrow keys move and show the details.
    await page.getByRole('heading', { level: 2, name: 'A&E: four-hour wait, all department types' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^March 2019: /);
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^February 2019: /);
    await page.locator('.ccg-chart__tooltip').getByText('February 2019').waitFor();
    expect(foreignRequests).toEqual([]);
  });

  it('sorts the grid, drills through from a value to that provider’s chart, and downloads the grid as CSV', async () => {
    const { page, foreignRequests } = await openPage(browser);
    await signIn(page);
    await page.goto(`${baseUrl()}/providers`);
    await page.getByRole('link', { name: /Integrated performance report/ }).click();
    await page.waitForURL((url) => url.pathname === '/providers/grid');
    const table = page.getByRole('table', { name: /providers by 2 indicators, March 2019/ });
    await table.waitFor();

    const header = table.getByRole('columnheader', { name: /A&E: four-hour wait, all department types/ });
    await header.getByRole('button').click();
    await page.waitForURL(/sort=value%3AAE_4HR_ALL/);
    await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]')?.textContent?.includes('all department types'));
    await page.getByText(/^Showing \d+ of \d+ providers\.$/).waitFor();
    const values = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[1]?.querySelector('a')?.firstChild?.textContent ?? ''));
    const numbers = values.filter(Boolean).map((text) => Number(text.replace('%', '')));
    expect(numbers.length).toBeGreaterThan(10);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);

    // CSV of the whole report, not only the rows shown (issue 20): a header row and one row per provider.
    const status = await page.getByText(/^Showing \d+ of \d+ providers\.$/).innerText();
    const shown = Number(/Showing (\d+)/.exec(status)?.[1]);
    const total = Number(/of (\d+)/.exec(status)?.[1]);
    expect(total).toBeGreaterThan(shown);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV of the report' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^integrated-performance-report-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'ODS code,Provider,AE_4HR_ALL period,AE_4HR_ALL value,AE_4HR_ALL standard,AE_4HR_ALL RAG,AE_4HR_ALL variation,AE_4HR_ALL assurance,' +
        'AE_4HR_TYPE1 period,AE_4HR_TYPE1 value,AE_4HR_TYPE1 standard,AE_4HR_TYPE1 RAG,AE_4HR_TYPE1 variation,AE_4HR_TYPE1 assurance',
    );
    expect(lines).toHaveLength(total + 1);

    // Drill through: the first value opens that provider's chart for the indicator.
    const firstValue = table.locator('tbody tr').first().locator('td').nth(1).getByRole('link');
    const code = (await table.locator('tbody tr').first().locator('td').first().innerText()).trim();
    await firstValue.click();
    await page.waitForURL((url) => url.pathname === `/providers/${code}` && url.hash === '#AE_4HR_ALL');
    const heading = page.getByRole('heading', { level: 2, name: 'A&E: four-hour wait, all department types' });
    await heading.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'AE_4HR_ALL-heading');
    expect(await page.locator('#AE_4HR_ALL').getByRole('group', { name: /statistical process control chart/ }).getByRole('img').count()).toBeGreaterThan(0);
    expect(foreignRequests).toEqual([]);
  });

  it('compares providers on a funnel plot beside the ranking, and fits a phone screen', async () => {
    const { page, foreignRequests } = await openPage(browser);
    await signIn(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/providers/RR8`);
    await page.getByRole('link', { name: /Compare RR8 with every provider for March 2019/ }).first().click();
    await page.waitForURL((url) => url.pathname === '/providers/compare');
    await page.getByRole('group', { name: /funnel plot/ }).waitFor();
    const ranking = page.getByRole('table', { name: /providers ranked, best first/ });
    const leeds = ranking.getByRole('row', { name: /LEEDS TEACHING HOSPITALS NHS TRUST/ });
    expect(await leeds.getAttribute('class')).toContain('ccg-row--picked');
    expect(await page.getByRole('img', { name: /^LEEDS TEACHING HOSPITALS NHS TRUST \(RR8\): \d+\.\d% of [\d,]+ attendances, / }).count()).toBe(1);
    // Nothing but the tables scrolls sideways at phone width.
    for (const path of ['/providers/RR8', '/providers/compare?indicator=AE_4HR_ALL&period=2019-03-01', '/providers/grid']) {
      await page.goto(`${baseUrl()}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    expect(foreignRequests).toEqual([]);
  });
});
