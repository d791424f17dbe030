import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';

/** Ashford CCG (09C): a real CCG other than the demo accounts' 02V, with illustrative plans for 2013/14 to 2015/16. */
const CCG = { code: '09C', name: 'NHS Ashford CCG' };
const NEW_USER = { username: 'ashford-finance-officer', displayName: 'Ashford Finance Officer' };
const NEW_PASSWORD = 'kettle harbour violet 1987 lantern';

async function signIn(page: Page, username: string, password: string, path = '/sign-in') {
  await page.goto(`${baseUrl()}${path}`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('administering users (browser, built app, real API and database)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('an NHS England administrator creates a finance officer for Ashford CCG, who must change the one-time password and then sees only Ashford plans', async () => {
    const { page, foreignRequests } = await openPage(browser);

    // The administrator creates the account with its first role.
    await signIn(page, 'demo-admin', 'demo-password');
    await page.locator('header').getByText('Demo Admin').waitFor();
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('link', { name: 'Create a user' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create a user' }).waitFor();
    await page.getByRole('textbox', { name: 'Username' }).fill(NEW_USER.username);
    await page.getByRole('textbox', { name: 'Full name' }).fill(NEW_USER.displayName);
    await page.getByRole('textbox', { name: 'Home organisation' }).fill(CCG.code);
    await page.getByRole('radio', { name: 'Finance officer' }).check();
    await page.getByRole('button', { name: 'Create the user' }).click();

    await page.getByRole('heading', { level: 1, name: 'User created' }).waitFor();
    const oneTimePassword = (await page.getByTestId('one-time-password').innerText()).trim();
    expect(oneTimePassword).toMatch(/\S{12,}/);
    expect(await page.getByRole('region', { name: `One-time password for ${NEW_USER.displayName}` }).innerText()).toContain('This is the only time it is shown');

    // The user page shows the role for Ashford and that the password must be changed.
    await page.getByRole('link', { name: `Go to ${NEW_USER.displayName}'s page` }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(NEW_USER.displayName) }).waitFor();
    const roles = page.getByRole('table', { name: `${NEW_USER.displayName}'s roles` });
    expect(await roles.innerText()).toMatch(new RegExp(`Finance officer\\s+${CCG.name} \\(${CCG.code}\\)`));
    expect(await page.locator('.nhsuk-summary-list').innerText()).toContain('Must change password');
    // Shown once: the user page does not show it again.
    expect(await page.getByTestId('one-time-password').count()).toBe(0);

    // The new user appears in the list, found by search.
    await page.goto(`${baseUrl()}/admin/users?search=ashford`);
    await page.getByRole('table', { name: 'Users, filtered' }).getByRole('link', { name: NEW_USER.displayName }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);

    // The new user signs in with the one-time password and is made to change it before anything else.
    await signIn(page, NEW_USER.username, oneTimePassword, `/sign-in?returnTo=${encodeURIComponent('/finance/plans')}`);
    await page.getByRole('heading', { level: 1, name: 'Change your one-time password' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account/password');
    await page.getByLabel('One-time password').fill(oneTimePassword);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm the new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();

    // Then the page asked for: only Ashford's plans, no Leeds North (02V) plan.
    await page.waitForURL((url) => url.pathname === '/finance/plans');
    await page.locator('header').getByText(NEW_USER.displayName).waitFor();
    const plans = page.getByRole('table', { name: 'Financial plans' });
    await plans.waitFor();
    const rows = await plans.locator('tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain(`${CCG.name} (${CCG.code})`);
    expect(await plans.innerText()).not.toContain('(02V)');

    // Not an administrator: the administration pages say so.
    await page.goto(`${baseUrl()}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'You cannot administer users' }).waitFor();

    // The new password works, and no password change is asked for again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await signIn(page, NEW_USER.username, NEW_PASSWORD);
    await page.getByRole('heading', { level: 1, name: `Welcome, ${NEW_USER.displayName}` }).waitFor();
    expect(foreignRequests).toEqual([]);
  });
});
