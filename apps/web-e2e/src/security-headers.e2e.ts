import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';

/**
 * Every Content-Security-Policy violation the page reports, from the `securitypolicyviolation` event and from
 * Chromium's console messages (which also name what was blocked before any script of the app ran).
 */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => void violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe('the app under its Content-Security-Policy (browser, built app, real API and database)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('signs in, opens a provider page and the finance page with no CSP violation reported', async () => {
    const { page, foreignRequests } = await openPage(browser);
    const violations = await watchViolations(page);

    const first = await page.goto(`${baseUrl()}/sign-in`);
    const csp = first?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(first?.headers()['x-content-type-options']).toBe('nosniff');

    await page.getByLabel('Username').fill('demo-commissioning-manager');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('header').getByText('Demo Commissioning Manager').waitFor();
    // The NHS.UK classes once set by an inline script in index.html are set by the app's own module.
    expect(await page.evaluate(() => document.body.classList.contains('js-enabled'))).toBe(true);

    await page.goto(`${baseUrl()}/providers?search=RR8`);
    await page.getByRole('link', { name: 'LEEDS TEACHING HOSPITALS NHS TRUST' }).click();
    await page.waitForURL((url) => url.pathname === '/providers/RR8');
    await page.getByRole('group', { name: /statistical process control chart$/ }).first().waitFor();

    await page.goto(`${baseUrl()}/finance`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    expect(violations).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('blocks an inline script and raises the securitypolicyviolation event the first journey listens for', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel('Username').waitFor();
    const directive = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
          const script = document.createElement('script');
          script.textContent = 'window.inlineRan = true;';
          document.body.append(script);
        }),
    );
    expect(directive).toBe('script-src-elem');
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
  });
});
