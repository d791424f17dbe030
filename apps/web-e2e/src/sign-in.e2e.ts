import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';

describe('signing in (browser, built app, real API and database)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('signs in as demo-commissioning-manager and shows the layout with the name, role and organisation', async () => {
    const { page, foreignRequests } = await openPage(browser);
    await page.goto(`${baseUrl()}/finance`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Username').fill('demo-commissioning-manager');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/finance');
    const header = page.locator('header');
    await header.getByText('Demo Commissioning Manager').waitFor();
    const headerText = await header.innerText();
    expect(headerText).toMatch(/Commissioning manager/i);
    expect(headerText).toMatch(/NHS LEEDS NORTH CCG/i);
    for (const area of ['Providers', 'Finance', 'Assurance']) {
      expect(await page.getByRole('navigation').getByRole('link', { name: area }).count()).toBeGreaterThan(0);
    }
    expect(foreignRequests).toEqual([]);
  });

  it('lets a visitor read published provider data without signing in, and offers sign-in', async () => {
    const { page, foreignRequests } = await openPage(browser);
    await page.goto(`${baseUrl()}/providers?search=RR8`);
    await page.getByRole('link', { name: /LEEDS TEACHING HOSPITALS/i }).first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/providers');
    expect(await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Finance' }).count()).toBe(0);
    expect(foreignRequests).toEqual([]);
  });

  it('tells the user when the password is wrong, in an error summary, and stays on the sign-in page', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel('Username').fill('demo-commissioning-manager');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The username or password is not right').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('signs out and returns to the sign-in page', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel('Username').fill('demo-assessor');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('header').getByText('Demo Assessor').waitFor();
    await page.getByRole('button', { name: /sign out/i }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${baseUrl()}/finance`);
    await page.waitForURL(/\/sign-in/);
  });
});
