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

const AE_ALL = 'A&E: four-hour wait, all department types';
const status = (page: Page, words: string) => page.locator('.nhsuk-tag', { hasText: words }).first().waitFor();

describe('provider contracts (browser, built app, real API, the illustrative Leeds contract with RR8)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a Leeds commissioning manager proposes and issues a notice from RR8’s failing A&E tile, agrees a plan with a trajectory, records a sanction and its income use, and downloads the letter', async () => {
    const { page, foreignRequests } = await openPage(browser);
    await signIn(page);

    // The Contracts area lists 02V's contracts, the demo ones labelled illustrative.
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Contracts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contracts' }).waitFor();
    await page.getByRole('link', { name: /Leeds Teaching Hospitals NHS Trust \(RR8\)/ }).first().waitFor();
    expect(await page.getByText('Illustrative demonstration data.').count()).toBe(1);

    // RR8's failing A&E tile offers a notice under the contract 02V leads.
    await page.goto(`${baseUrl()}/providers/RR8`);
    const tile = page.getByRole('group', { name: AE_ALL, exact: true });
    await tile.getByText('Red: fails standard').waitFor();
    await tile.getByRole('link', { name: `Propose a contract notice about ${AE_ALL}` }).click();
    await page.getByRole('heading', { level: 1, name: /Propose a contract notice/ }).waitFor();
    expect(await page.getByRole('checkbox', { name: new RegExp(`^${AE_ALL.replace(/[&:]/g, '.')}`) }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Draft the notice' }).click();
    await page.waitForURL(/\/contracts\/notices\/[0-9a-f-]+$/);
    await status(page, 'Draft (not issued)');

    // Issue: only the moves the API offers are buttons, each behind a confirmation.
    await page.getByRole('button', { name: 'Issue the contract performance notice' }).click();
    await page.getByRole('heading', { name: 'Issue the contract performance notice?' }).waitFor();
    await page.getByRole('button', { name: 'Yes, issue the contract performance notice' }).click();
    await status(page, 'Contract performance notice issued');
    await page.getByRole('heading', { name: /^Evidence as it stood on / }).waitFor();

    await page.getByRole('button', { name: 'Record the contract management meeting' }).click();
    await page.getByRole('button', { name: 'Yes, record the contract management meeting' }).click();
    await status(page, 'Contract management meeting held');

    // The remedial action plan: an action and a six-month trajectory with months the data has.
    await page.getByRole('button', { name: 'Agree a remedial action plan' }).click();
    await page.getByLabel('Summary of the plan').fill('Front-door streaming and extra evening staffing to recover the four-hour standard.');
    await page.getByLabel('Action 1: what will be done').fill('Open the ambulatory care unit in the evenings');
    await page.getByLabel('Action 1: owner').fill('Chief operating officer');
    for (const [part, text] of [['Day', '31'], ['Month', '12'], ['Year', '2018']]) await page.getByRole('group', { name: 'Action 1: due' }).getByLabel(part, { exact: true }).fill(text);
    await page.getByLabel('First month of the trajectory').selectOption({ label: 'October 2018' });
    const committed = [84, 85, 86, 87, 88, 89];
    const months = ['October 2018', 'November 2018', 'December 2018', 'January 2019', 'February 2019', 'March 2019'];
    for (const [index, month] of months.entries()) await page.getByLabel(`${AE_ALL}, ${month}`).fill(String(committed[index]));
    await page.getByRole('button', { name: 'Agree the plan' }).click();
    await status(page, 'Remedial action plan agreed');

    // Actual against trajectory: the table compares each month, and the chart draws the trajectory over the values.
    const trajectoryTable = page.getByRole('table', { name: `Recovery trajectory, ${AE_ALL}` });
    await trajectoryTable.waitFor();
    for (const month of months) {
      const row = trajectoryTable.getByRole('row', { name: new RegExp(`^${month}`) });
      expect(await row.innerText()).toMatch(/\d+\.\d%\s+\d+\.\d%\s+(Met|Missed)/);
    }
    const chart = page.getByRole('group', { name: /actual against trajectory: statistical process control chart$/ });
    await chart.waitFor();
    expect(await chart.locator('[data-testid="trajectory"] rect').count()).toBe(6);
    await page.getByText('Recovery trajectory (committed)').first().waitFor();

    // The letter as a PDF.
    const [letter] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the letter (PDF)' }).click()]);
    const pdf = await readFile((await letter.path()) as string);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');

    // A sanction from the data at a local rate, applied, and how its income is used.
    await page.locator('.nhsuk-back-link__link').click();
    await page.getByRole('heading', { level: 2, name: 'Sanctions ledger' }).waitFor();
    await page.getByText('Record a local sanction agreed in the contract').click();
    await page.getByLabel('Code').fill('LOCAL_AE_4HR');
    await page.getByLabel('What the sanction is for').fill('A&E four-hour breaches beyond the tolerance (local rate, illustrative)');
    await page.getByLabel('Rate').fill('120.00');
    await page.getByRole('button', { name: 'Record the local sanction' }).click();
    await page.getByText('Recorded the local sanction LOCAL_AE_4HR.').waitFor();

    await page.getByLabel('Month', { exact: true }).fill('2018-03');
    await page.getByRole('button', { name: 'Calculate the month’s sanctions' }).click();
    await page.getByText(/^Calculated one sanction for March 2018\.$/).waitFor();
    const entry = page.getByRole('group', { name: /, March 2018: £/ });
    await entry.getByRole('button', { name: /^Apply/ }).click();
    await entry.getByRole('button', { name: 'Yes, apply' }).click();
    await entry.getByText('Recorded: apply.').waitFor();
    await entry.getByRole('button', { name: /^Record how the income is used/ }).click();
    await entry.getByRole('radio', { name: 'Reinvested in fixing the problem' }).check();
    await entry.getByLabel('What the income pays for').fill('Evening staffing of the ambulatory care unit');
    await entry.getByRole('button', { name: 'Yes, record how the income is used' }).click();
    await entry.getByText('Reinvested in fixing the problem: Evening staffing of the ambulatory care unit').waitFor();
    expect(await page.getByRole('row', { name: /^Applied: Reinvested in fixing the problem £[\d,]+\.\d\d$/ }).count()).toBe(1);

    expect(foreignRequests).toEqual([]);
  });
});
