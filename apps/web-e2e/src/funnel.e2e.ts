import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';

async function signIn(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('Username').fill('demo-commissioning-manager');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header').getByText('Demo Commissioning Manager').waitFor();
}

const MARCH_2019 = '/providers/compare?indicator=AE_4HR_ALL&period=2019-03-01&provider=RR8';

/** The ranking's scroll region and table, measured: the region inside the viewport, and how much of the table it shows. */
async function rankingBox(page: Page) {
  return page.getByRole('region', { name: 'Ranking' }).evaluate((region) => {
    const box = region.getBoundingClientRect();
    return { left: box.left, right: box.right, clientWidth: region.clientWidth, scrollWidth: region.scrollWidth, viewport: document.documentElement.clientWidth };
  });
}

describe('the funnel plot (issues 18.1 and 20.8: browser, built app, real API and the real A&E data)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('allows for over-dispersion by default, says phi, and toggles to limits from chance alone (8 then 143 of 158 trusts beyond 99.8%)', async () => {
    const { page, foreignRequests } = await openPage(browser);
    await signIn(page);
    await page.goto(`${baseUrl()}${MARCH_2019}`);
    await page.getByRole('group', { name: /funnel plot/ }).waitFor();
    expect(await page.getByRole('radio', { name: 'Allowing for differences between providers (recommended)' }).isChecked()).toBe(true);
    const explained = page.getByRole('region', { name: 'How much providers differ beyond chance' });
    expect(await explained.textContent()).toContain('Over-dispersion factor φ (phi): 602.19.');
    expect(await explained.textContent()).toContain('Between-provider variance τ² (tau-squared): 0.012.');
    await page.getByText('8 of 158 providers are outside the 99.8% limits shown.').waitFor();

    await page.getByRole('radio', { name: 'Chance alone' }).check();
    await page.getByText('143 of 158 providers are outside the 99.8% limits shown.').waitFor();
    expect(new URL(page.url()).searchParams.get('adjustment')).toBe('NONE');
    expect(await page.getByText('99.8% limits (solid), chance alone').count()).toBe(1);

    await page.getByRole('radio', { name: 'Allowing for differences between providers (recommended)' }).check();
    await page.getByText('8 of 158 providers are outside the 99.8% limits shown.').waitFor();
    expect(foreignRequests).toEqual([]);
  });

  it('is readable at laptop width: a tall chart, labelled limit lines, and the whole ranking shown', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}${MARCH_2019}`);
    const chart = page.getByRole('group', { name: /funnel plot/ });
    await chart.waitFor();
    const size = await chart.boundingBox();
    expect(size?.height).toBeGreaterThanOrEqual(480);
    expect(size?.width).toBeGreaterThanOrEqual(800);
    expect(await page.locator('[data-testid="limit-label"]').allTextContents()).toEqual(expect.arrayContaining(['99.8%', '95%']));
    const ranking = await rankingBox(page);
    expect(ranking.left).toBeGreaterThanOrEqual(0);
    expect(ranking.right).toBeLessThanOrEqual(ranking.viewport);
    // No column cut off: the NHS table overhangs its container by its own 2px negative margin, no more.
    expect(ranking.scrollWidth - ranking.clientWidth).toBeLessThanOrEqual(2);
  });

  it('fits a phone: nothing but the ranking scrolls sideways, and the ranking stays inside the screen', async () => {
    const { page } = await openPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}${MARCH_2019}`);
    const chart = page.getByRole('group', { name: /funnel plot/ });
    await chart.waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect((await chart.boundingBox())?.height).toBeGreaterThanOrEqual(360);
    const ranking = await rankingBox(page);
    expect(ranking.left).toBeGreaterThanOrEqual(0);
    expect(ranking.right).toBeLessThanOrEqual(390);
  });
});
