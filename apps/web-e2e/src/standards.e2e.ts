import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';

async function signInAsAdministrator(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('Username').fill('demo-admin');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header').getByText('Demo Admin').waitFor();
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
});
