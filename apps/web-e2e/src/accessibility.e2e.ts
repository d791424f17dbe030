import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';

// Every page of the app checked by axe-core against WCAG 2.2 AA at a laptop and a phone width, signed out and as the
// demo roles that reach it (decision 0026). A violation names the rule, the page, the width and the elements.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** An axe run takes seconds on a busy machine; each role's pages share one test and one sign-in. */
const ROLE_TIMEOUT_MS = 600_000;
const WIDTHS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;

/** A page to check: its path, and what shows once its data has loaded (the h1 by default). */
interface PageToCheck {
  path: string;
  ready?: (page: Page) => Promise<unknown>;
}

async function signIn(page: Page, username: string, displayName: string) {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header').getByText(displayName).waitFor();
}

/** Waits until the page has its heading and nothing is still loading (no "Loading…" status, no request in flight). */
async function settle(page: Page, ready?: PageToCheck['ready']) {
  // Generous: on a busy machine the first render of a page with a chart takes a while.
  await page.locator('h1').first().waitFor({ timeout: 90_000 });
  if (ready) await ready(page);
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((node) => /Loading/.test(node.textContent ?? '')));
}

/** Checks each page at both widths, the page loaded once and the window resized; returns every violation, described. */
async function checkPages(page: Page, pages: readonly PageToCheck[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of pages) {
    await page.setViewportSize(WIDTHS[0]);
    await page.goto(`${baseUrl()}${entry.path}`);
    try {
      await settle(page, entry.ready);
    } catch (cause) {
      throw new Error(`${entry.path} did not finish loading: ${(cause as Error).message}`);
    }
    for (const width of WIDTHS) {
      await page.setViewportSize(width);
      const results = await new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] }).analyze();
      for (const violation of results.violations) {
        const targets = violation.nodes.slice(0, 5).map((node) => node.target.join(' ')).join('; ');
        found.push(`${entry.path} at ${width.name} width: ${violation.id} (${violation.help}): ${targets}`);
      }
    }
  }
  return found;
}

/** The href of the first link matching `name` on the page at `path`. */
async function linkFrom(page: Page, path: string, name: RegExp): Promise<string> {
  await page.goto(`${baseUrl()}${path}`);
  const link = page.getByRole('link', { name }).first();
  await link.waitFor();
  const href = await link.getAttribute('href');
  if (!href) throw new Error(`no link ${name} on ${path}`);
  return new URL(href, baseUrl()).pathname;
}

describe('accessibility: every page has no axe WCAG 2.2 AA violation at laptop and phone widths (browser, built app)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('signed out: the public pages', async () => {
    const { page, foreignRequests } = await openPage(browser);
    const violations = await checkPages(page, [
      { path: '/' },
      { path: '/sign-in' },
      { path: '/providers', ready: (p) => p.locator('table').first().waitFor() },
      { path: '/providers/grid', ready: (p) => p.locator('table').first().waitFor() },
      { path: '/providers/compare' },
      { path: '/providers/RR8', ready: (p) => p.locator('svg').first().waitFor() },
      { path: '/public/assurance/02V' },
      { path: '/assurance/reports/england/2015-16' },
      { path: '/assurance/reports/02V/2015-16' },
      { path: '/published/performance-reports' },
      { path: '/no-such-page' },
    ]);
    expect(violations).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, ROLE_TIMEOUT_MS);

  it('as an assessor: the assurance workspace, a CCG, an assessment, a new assessment, contracts, and the account pages', async () => {
    const { page } = await openPage(browser);
    await signIn(page, 'demo-assessor', 'Demo Assessor');
    const assessment = await linkFrom(page, '/assurance/ccgs/02V', /Q\d/);
    const violations = await checkPages(page, [
      { path: '/' },
      { path: '/assurance', ready: (p) => p.locator('table').first().waitFor() },
      { path: '/assurance/ccgs/02V' },
      { path: assessment },
      { path: '/assurance/assessments/new?ccg=02V', ready: (p) => p.getByRole('option').first().waitFor({ state: 'attached' }) },
      { path: '/contracts/sanction-schedule' },
      { path: '/account/password' },
      { path: '/account/sessions' },
    ]);
    expect(violations).toEqual([]);
  }, ROLE_TIMEOUT_MS);

  it('as a commissioning manager: contracts, a contract, its changes, a proposed notice and fine income', async () => {
    const { page } = await openPage(browser);
    await signIn(page, 'demo-commissioning-manager', 'Demo Commissioning Manager');
    const contract = await linkFrom(page, '/contracts', /Leeds Teaching Hospitals NHS Trust \(RR8\)/);
    // A draft notice about the type 1 A&E standard (the contracts journey drafts one about all types), discarded after.
    await page.goto(`${baseUrl()}${contract}/propose?indicator=AE_4HR_TYPE1`);
    await page.getByRole('button', { name: 'Draft the notice' }).click();
    await page.waitForURL(/\/contracts\/notices\/[0-9a-f-]+$/);
    const notice = new URL(page.url()).pathname;
    const violations = await checkPages(page, [
      { path: '/contracts', ready: (p) => p.locator('table').first().waitFor() },
      { path: contract },
      { path: `${contract}/change` },
      { path: `${contract}/propose?indicator=AE_4HR_TYPE1` },
      { path: notice },
      { path: '/contracts/new' },
      { path: '/contracts/fine-income' },
    ]);
    await page.goto(`${baseUrl()}${notice}`);
    await page.getByRole('button', { name: 'Discard the draft' }).click();
    await page.getByLabel('Reason').fill('Drafted only to check the page (accessibility browser test).');
    await page.getByRole('button', { name: 'Yes, discard the draft' }).click();
    await page.getByText('Recorded: discard the draft.').waitFor();
    expect(violations).toEqual([]);
  }, ROLE_TIMEOUT_MS);

  it('as a commissioning manager: escalation (my items, the CCG’s map, a board, raising an item, an item and a meeting where the demo has them)', async () => {
    const { page } = await openPage(browser);
    await signIn(page, 'demo-commissioning-manager', 'Demo Commissioning Manager');
    const pages: PageToCheck[] = [{ path: '/escalation' }, { path: '/escalation/ccgs/02V' }, { path: '/escalation/ccgs/02V/routes' }, { path: '/escalation/items/new' }];
    const board = await linkFrom(page, '/escalation/ccgs/02V', /Commissioning Executive Team/);
    pages.push({ path: board });
    for (const [from, prefix] of [
      ['/escalation', '/escalation/items/'],
      [board, '/escalation/meetings/'],
    ] as const) {
      await page.goto(`${baseUrl()}${from}`);
      await settle(page);
      const link = page.locator(`a[href^="${prefix}"]:not([href="/escalation/items/new"])`).first();
      if (await link.count()) pages.push({ path: new URL((await link.getAttribute('href')) as string, baseUrl()).pathname });
    }
    expect(await checkPages(page, pages)).toEqual([]);
  }, ROLE_TIMEOUT_MS);

  it('as a finance officer: finance, the plan check, the plans and a plan', async () => {
    const { page } = await openPage(browser);
    await signIn(page, 'demo-finance-officer', 'Demo Finance Officer');
    const plan = await linkFrom(page, '/finance/plans', /\d{4}\/\d{2}/);
    const violations = await checkPages(page, [{ path: '/finance' }, { path: '/finance/check' }, { path: '/finance/plans', ready: (p) => p.locator('table').first().waitFor() }, { path: plan }]);
    expect(violations).toEqual([]);
  }, ROLE_TIMEOUT_MS);

  it('as an analyst and a board member: the imports, the performance reports and the home page', async () => {
    const { page } = await openPage(browser);
    await signIn(page, 'demo-analyst', 'Demo Analyst');
    const pages: PageToCheck[] = [{ path: '/imports' }, { path: '/imports/history' }, { path: '/performance-reports' }];
    for (const [from, selector] of [
      ['/imports/history', 'a[href^="/imports/"]:not([href="/imports/history"])'],
      ['/performance-reports', 'a[href^="/performance-reports/"]'],
    ] as const) {
      await page.goto(`${baseUrl()}${from}`);
      await settle(page);
      const link = page.locator(selector).first();
      if (await link.count()) pages.push({ path: new URL((await link.getAttribute('href')) as string, baseUrl()).pathname });
    }
    const violations = await checkPages(page, pages);

    const board = await openPage(browser);
    await signIn(board.page, 'demo-board-member', 'Demo Board Member');
    violations.push(...(await checkPages(board.page, [{ path: '/' }, { path: '/imports' }, { path: '/performance-reports' }])));
    expect(violations).toEqual([]);
  }, ROLE_TIMEOUT_MS);

  it('as an administrator: the users, a new user and a user', async () => {
    const { page } = await openPage(browser);
    await signIn(page, 'demo-admin', 'Demo Admin');
    const user = await linkFrom(page, '/admin/users', /Demo Analyst/);
    const violations = await checkPages(page, [{ path: '/admin/users', ready: (p) => p.locator('table').first().waitFor() }, { path: '/admin/users/new' }, { path: user }]);
    expect(violations).toEqual([]);
  }, ROLE_TIMEOUT_MS);
});
