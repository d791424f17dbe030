import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';

describe('checking a financial plan (browser, built app, real API and database)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a finance officer enters a 2014/15 plan with a 2% fund, sees the shortfall, and the server agrees', async () => {
    const { page, foreignRequests } = await openPage(browser);
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel('Username').fill('demo-finance-officer');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('header').getByText('Demo Finance Officer').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Finance' }).click();
    await page.waitForURL((url) => url.pathname === '/finance');
    await page.getByRole('link', { name: 'Check a financial plan' }).click();
    await page.waitForURL((url) => url.pathname === '/finance/check');
    await page.getByRole('heading', { name: 'Check a financial plan' }).waitFor();

    await page.getByRole('radio', { name: '2014/15' }).check();
    await page.getByRole('textbox', { name: /^Allocation/ }).fill('200000000');
    const lines: [string, string][] = [
      ['Acute', '120000000'],
      ['Mental health', '20000000'],
      ['Community', '16000000'],
      ['Primary care', '8000000'],
      ['Prescribing', '24000000'],
      ['Continuing care', '2000000'],
      ['Running costs', '3000000'],
      ['Contingency', '1000000'],
      ['Non-recurrent fund', '4000000.00'],
    ];
    for (const [label, amount] of lines) await page.getByRole('textbox', { name: new RegExp(`^${label}`) }).fill(amount);

    const summary = page.locator('#compliance-summary');
    await summary.getByText('Non-recurrent fund short by £1,000,000.00').waitFor();
    expect(await summary.innerText()).toContain('This plan does not meet 1 of the 3 2014/15 rules');
    expect(await page.locator('tr[data-rule="NON_RECURRENT_FUND"]').innerText()).toMatch(/Not met\s+short by £1,000,000.00/);

    await page.getByRole('button', { name: 'Check with the server' }).click();
    await page.getByText("The server's answer agrees with this check, to the penny.").waitFor();
    expect(foreignRequests).toEqual([]);
  });

  it('shows a bad amount against its field at phone width, and claims no compliance until it reads (issue 20)', async () => {
    const { page } = await openPage(browser);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel('Username').fill('demo-finance-officer');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('header').getByText('Demo Finance Officer').waitFor();
    await page.goto(`${baseUrl()}/finance/check`);
    await page.getByRole('radio', { name: '2013/14' }).check();
    await page.getByRole('textbox', { name: /^Allocation/ }).fill('250000000');
    await page.getByRole('textbox', { name: /^Acute/ }).fill('12.345');
    const problem = page.getByRole('link', { name: 'Acute must be pounds and pence, with no more than 2 numbers after the decimal point' });
    await problem.waitFor();
    await problem.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('line-ACUTE');
    const summary = page.locator('#compliance-summary');
    await summary.getByText('This plan cannot be checked until this amount is corrected: Acute.').waitFor();
    for (const bad of ['-500', '12abc', '4700000.123']) {
      await page.getByRole('textbox', { name: /^Acute/ }).fill(bad);
      await summary.getByText('This plan cannot be checked until this amount is corrected: Acute.').waitFor();
      expect(await summary.innerText()).not.toMatch(/meets all|does not meet/);
      expect(await page.getByRole('table', { name: 'Rules' }).count()).toBe(0);
    }
    await page.getByRole('textbox', { name: /^Acute/ }).fill('120000000');
    await summary.getByText(/This plan does not meet 2 of the 3 2013\/14 rules/).waitFor();
    // nothing wider than the phone but the tables, which scroll inside their containers
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('lists the missing 2015/16 inputs in the error summary when asked to check with the server (issue 20)', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel('Username').fill('demo-finance-officer');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('header').getByText('Demo Finance Officer').waitFor();
    await page.goto(`${baseUrl()}/finance/check`);
    await page.getByRole('radio', { name: '2015/16' }).check();
    await page.getByRole('textbox', { name: /^Allocation/ }).fill('250000000');
    await page.getByRole('button', { name: 'Check with the server' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'Enter the prior-year running costs' }).waitFor();
    await summary.getByRole('link', { name: 'Enter the Better Care Fund minimum contribution' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary'))).toBe(true);
  });
});
