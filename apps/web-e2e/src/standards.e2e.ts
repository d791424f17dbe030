import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';

async function signIn(page: Page, username: string, displayName: string): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  // Generous, as accessibility.e2e.ts is: on a busy machine the first render of a fresh context takes a while.
  await page.getByLabel('Username').waitFor({ timeout: 90_000 });
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header').getByText(displayName).waitFor();
}

const signInAsAdministrator = (page: Page) => signIn(page, 'demo-admin', 'Demo Admin');

/** axe-core's WCAG 2.2 AA violations of the page as it is now, at a laptop and a phone width (as accessibility.e2e.ts checks). */
async function axeViolations(page: Page, what: string): Promise<string[]> {
  const found: string[] = [];
  for (const size of [
    { name: 'laptop', width: 1280, height: 800 },
    { name: 'phone', width: 375, height: 812 },
  ]) {
    await page.setViewportSize(size);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).options({ resultTypes: ['violations'] }).analyze();
    for (const violation of results.violations) found.push(`${what} at ${size.name} width: ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`);
  }
  return found;
}

/** Sets the A&E four-hour standard (all types) from 2018/19 on the standards page, as an administrator does. */
async function setFourHourStandard(page: Page, threshold: string, reason: string): Promise<void> {
  await page.goto(`${baseUrl()}/standards`);
  const card = page.getByRole('region', { name: 'A&E: four-hour wait, all department types' });
  await card.getByLabel('From the financial year').selectOption('2018/19');
  await card.getByLabel('Threshold', { exact: true }).fill(threshold);
  await card.getByLabel('Why it changes').fill(reason);
  await card.getByRole('button', { name: 'Set the threshold' }).click();
  await card.getByRole('status').getByText(`A&E: four-hour wait, all department types is ${threshold}.0% from 2018/19.`).waitFor();
}

const TILE = 'A&E: four-hour wait, all department types';

describe('national standards as data (issue 18.2: browser, built app, real API and the real A&E data)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('an administrator changes a standard for 2018/19 and the RAG and assurance icons follow', async () => {
    const { page, foreignRequests } = await openPage(browser);
    await signInAsAdministrator(page);
    // RR8, March 2019: 89.4% of 21,298 attendances within four hours; its limits are 76.1% to 93.0% (mean 84.6%).
    await page.goto(`${baseUrl()}/providers/RR8`);
    const tile = page.getByRole('group', { name: TILE });
    await tile.getByText('Red: fails standard').waitFor();
    await tile.getByRole('img', { name: 'Consistently fails the target' }).waitFor();

    await setFourHourStandard(page, '85', 'Illustrative: a lower threshold for 2018/19 (browser test)');
    const versions = page.getByRole('region', { name: 'A&E: four-hour wait, all department types' }).getByRole('table');
    await versions.getByRole('rowheader', { name: /2018\/19/ }).waitFor();

    await page.goto(`${baseUrl()}/providers/RR8`);
    await tile.getByText('Green: meets standard').waitFor();
    await tile.getByRole('img', { name: 'Hit and miss: the target may or may not be met' }).waitFor();
    // The chart's target steps from 95% to 85% at April 2018.
    const section = page.getByRole('region', { name: TILE, exact: true }).last();
    expect(await section.getByText(/Target 85\.0%\./).count()).toBeGreaterThan(0);

    // Put it back, so the other journeys see the constitutional standard.
    await setFourHourStandard(page, '95', 'Back to the constitutional standard (browser test)');
    await page.goto(`${baseUrl()}/providers/RR8`);
    await tile.getByText('Red: fails standard').waitFor();
    await tile.getByRole('img', { name: 'Consistently fails the target' }).waitFor();
    expect(foreignRequests).toEqual([]);
  });
  it('the standards page, and the baseline and local target forms under a chart, have no axe WCAG 2.2 AA violation', async () => {
    const { page } = await openPage(browser);
    await signInAsAdministrator(page);
    await page.goto(`${baseUrl()}/standards`);
    await page.getByRole('region', { name: 'A&E: four-hour wait, all department types' }).waitFor();
    const found = await axeViolations(page, '/standards as an administrator');

    const analyst = (await openPage(browser)).page;
    await signIn(analyst, 'demo-analyst', 'Demo Analyst');
    await analyst.goto(`${baseUrl()}/providers/RR8`);
    const section = analyst.getByRole('region', { name: TILE, exact: true }).last();
    await section.getByText('Record a baseline or rebase').click();
    await section.getByRole('button', { name: 'Save the baseline' }).click();
    await section.getByRole('alert').waitFor();
    found.push(...(await axeViolations(analyst, '/providers/RR8 as an analyst, the baseline form open with its errors')));

    const manager = (await openPage(browser)).page;
    await signIn(manager, 'demo-commissioning-manager', 'Demo Commissioning Manager');
    await manager.goto(`${baseUrl()}/providers/RR8`);
    const managed = manager.getByRole('region', { name: TILE, exact: true }).last();
    await managed.getByText('Agree a local target or trajectory').click();
    await managed.getByLabel('Months and values').waitFor();
    found.push(...(await axeViolations(manager, '/providers/RR8 as a commissioning manager, the local target forms open')));
    expect(found).toEqual([]);
  }, 600_000);
});
