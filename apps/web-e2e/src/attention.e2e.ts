import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';

// What needs attention (issue 18 point 5): the commissioning manager's landing page. Done when "a commissioning manager
// filters the attention view to RR8's A&E row". Leeds North (02V) holds the illustrative RR8 contract up to 2017/18, so
// as at March 2018 its providers are those it contracts with; RR8's four-hour A&E row then shows special cause concern,
// a process that will consistently fail 95% and a red month (the stored scores of the bundled data).

async function signIn(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('Username').fill('demo-commissioning-manager');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header').getByText('Demo Commissioning Manager').waitFor();
}

describe('what needs attention (browser, built app, real API and data)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it("a commissioning manager lands on the attention view, filters it to RR8's A&E row and follows its chart, comparison and contract links", async () => {
    const { page, foreignRequests } = await openPage(browser);
    await signIn(page);

    // The landing page is the attention view, most severe first, over 02V's providers.
    await page.goto(`${baseUrl()}/`);
    await page.getByRole('heading', { level: 2, name: 'What needs attention' }).waitFor();
    await page.getByRole('table', { name: /What needs attention/ }).waitFor();
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'What needs attention' }).click();
    await page.getByRole('heading', { level: 1, name: 'What needs attention' }).waitFor();

    // Special cause concern AND consistently failing AND red, on the four-hour standard, as at March 2018.
    await page.getByRole('group', { name: 'Variation' }).getByLabel('Special cause concern').check();
    await page.getByRole('group', { name: 'Assurance against the target in force' }).getByLabel('Consistently fails the target').check();
    await page.getByRole('group', { name: 'RAG against the target in force' }).getByLabel('Red: fails the target').check();
    await page.getByLabel('As at (month)').fill('2018-03');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('The providers 02V holds contracts with for the year.').waitFor();
    await page.getByLabel('Indicator').selectOption('AE_4HR_ALL');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').filter({ hasText: 'Showing 1 of 1 row.' }).waitFor();

    const row = page.getByRole('row', { name: /Leeds Teaching Hospitals NHS Trust \(RR8\)/i });
    await row.getByText('A&E: four-hour wait, all department types, March 2018', { exact: true }).waitFor();
    await row.getByText('Red: fails standard').waitFor();
    await row.getByRole('img', { name: 'Special cause variation – concern (low)' }).waitFor();
    await row.getByRole('img', { name: 'Consistently fails the target' }).waitFor();
    await row.getByRole('cell').filter({ hasText: /^High \(\d+\): special cause concern/ }).waitFor();

    // Its chart, its comparison (the funnel for that month, RR8 highlighted) and the contract 02V leads.
    await row.getByRole('link', { name: /^Chart/ }).click();
    await page.getByRole('heading', { level: 1, name: /Leeds Teaching Hospitals/i }).waitFor();
    expect(new URL(page.url()).hash).toBe('#AE_4HR_ALL');
    await page.goBack();
    await row.getByRole('link', { name: /^Comparison/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare providers' }).waitFor();
    expect(new URL(page.url()).searchParams.get('period')).toBe('2018-03-01');
    await page.goBack();
    await row.getByRole('link', { name: /^Contract with/ }).click();
    await page.getByRole('heading', { level: 1, name: /Leeds Teaching Hospitals/i }).waitFor();
    await page.getByText('Contract 2017/18').waitFor();

    expect(foreignRequests).toEqual([]);
  });

  it('has no axe WCAG 2.2 AA violation on the landing page and the attention view, filters ticked, at laptop and phone widths (decision 0026)', async () => {
    const { page } = await openPage(browser);
    await signIn(page);
    const found: string[] = [];
    for (const path of ['/', '/attention?variation=SPECIAL_CAUSE_CONCERN&rag=RED&funnel=BELOW_95,BELOW_998']) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${baseUrl()}${path}`);
      await page.getByRole('status').filter({ hasText: /Showing|Nothing matches/ }).waitFor();
      for (const width of [{ name: 'laptop', width: 1280, height: 800 }, { name: 'phone', width: 375, height: 812 }]) {
        await page.setViewportSize(width);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).options({ resultTypes: ['violations'] }).analyze();
        for (const violation of results.violations) found.push(`${path} at ${width.name}: ${violation.id} (${violation.help}): ${violation.nodes.slice(0, 5).map((node) => node.target.join(' ')).join('; ')}`);
      }
    }
    expect(found).toEqual([]);
  }, 300_000);
});
