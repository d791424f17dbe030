import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';

/** Whole pence of an amount as the page writes it ("£4,795,200.00", "4795200.00"); exact, never a float. */
function penceOf(text: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.replace(/[£,\s]/g, ''));
  if (!match) throw new Error(`not an amount: ${text}`);
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** Pence as the API's wire text: 479520000n → "4795200.00". */
const wire = (pence: bigint) => `${pence / 100n}.${String(pence % 100n).padStart(2, '0')}`;

/** Pence as the page shows them: 479520000n → "£4,795,200.00". */
const shown = (pence: bigint) => `£${(pence / 100n).toString().replace(/\B(?=(\d{3})+$)/g, ',')}.${String(pence % 100n).padStart(2, '0')}`;

async function signIn(page: Page, username: string, displayName: string) {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header').getByText(displayName).waitFor();
}

const signInAsFinanceOfficer = (page: Page) => signIn(page, 'demo-finance-officer', 'Demo Finance Officer');

describe('financial plans (browser, built app, real API and database)', () => {
  let browser: Browser;
  let downloads: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    downloads = await mkdtemp(path.join(tmpdir(), 'ccg-plans-e2e-'));
  });
  afterAll(async () => {
    await browser.close();
    await rm(downloads, { recursive: true, force: true });
  });

  it('a Leeds North finance officer edits the 2015/16 draft, sees compliance flip and the QIPP figure change, saves, round-trips it through .xlsx, and a bad file saves nothing', async () => {
    const { page, foreignRequests } = await openPage(browser);
    await signInAsFinanceOfficer(page);
    const mutations: string[] = [];
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (request.url().endsWith('/graphql') && body.includes('"query":"mutation')) mutations.push(/mutation (\w+)/.exec(body)?.[1] ?? 'mutation');
    });

    // Finance leads the officer to their own CCG's plans.
    await page.getByRole('navigation').getByRole('link', { name: 'Finance' }).click();
    await page.getByRole('heading', { level: 1, name: 'Finance' }).waitFor();
    await page.getByRole('table', { name: 'NHS Leeds North CCG financial plans by year' }).getByRole('link', { name: '2015/16 plan' }).click();
    await page.waitForURL((url) => url.pathname === '/finance/plans/02V/2015-16');
    await page.getByRole('heading', { level: 1, name: /2015\/16 financial plan/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Illustrative data' }).isVisible()).toBe(true);

    const summary = page.locator('#compliance-summary');
    const qipp = page.getByRole('region', { name: /^Compliance with/ }).locator('dt', { hasText: 'QIPP requirement' }).locator('xpath=following-sibling::dd[1]');
    const field = (name: string) => page.getByRole('textbox', { name: `${name}, in pounds`, exact: true });

    // The illustrative draft holds running costs 2% over the 90% cap: one rule short, no QIPP saving to find.
    await summary.getByText(/This plan does not meet 1 of the 5 2015\/16 rules: Running costs over the cap by/).waitFor();
    expect(await qipp.innerText()).toMatch(/^£0\.00 \(0\.00% of allocation\)/);
    expect(await page.getByText("The server's check of the saved version agrees with this one, to the penny.").isVisible()).toBe(true);

    // Running costs down to the cap: compliance flips to met.
    const cap = penceOf(await page.locator('tr[data-rule="RUNNING_COSTS"] td').first().innerText());
    const excess = penceOf(await field('Running costs').inputValue()) - cap;
    await field('Running costs').fill(wire(cap));
    await summary.getByText('This plan meets all 5 of the 2015/16 rules.').waitFor();

    // £1m more on acute: the surplus (1% plus the running-cost cut) falls short, and that shortfall is the QIPP saving to find.
    const acute = penceOf(await field('Acute').inputValue());
    await field('Acute').fill(wire(acute + 100_000_000n));
    const shortfall = shown(100_000_000n - excess);
    await summary.getByText(`This plan does not meet 1 of the 5 2015/16 rules: Surplus short by ${shortfall}.`).waitFor();
    expect(await qipp.innerText()).toMatch(new RegExp(`^${shortfall.replace(/[.$]/g, '\\$&')} \\(0\\.\\d\\d% of allocation\\)`));

    // Back to the original acute figure: compliant, no QIPP saving; save the draft.
    await field('Acute').fill(wire(acute));
    await summary.getByText('This plan meets all 5 of the 2015/16 rules.').waitFor();
    expect(await qipp.innerText()).toMatch(/^£0\.00 /);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/^Draft saved: version 1/).waitFor();
    expect(mutations).toEqual(['UpdateFinancialPlanDraft']);
    await page.getByText("The server's check of the saved version agrees with this one, to the penny.").waitFor();

    // Export to .xlsx: the workbook holds the saved lines.
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the plan (.xlsx)' }).click()]);
    expect(exported.suggestedFilename()).toBe('financial-plan-02v-2015-16.xlsx');
    const exportedPath = path.join(downloads, 'exported.xlsx');
    await exported.saveAs(exportedPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(exportedPath);
    const sheet = workbook.getWorksheet('Plan');
    if (!sheet) throw new Error('the export has no Plan sheet');
    expect(sheet.getCell('A7').value).toBe('Acute');
    expect(penceOf(String(sheet.getCell('B7').value))).toBe(acute);
    expect(sheet.getCell('A14').value).toBe('Running costs');
    expect(penceOf(String(sheet.getCell('B14').value))).toBe(cap);

    // Round trip: £500,000.50 less on acute in the spreadsheet, imported back, then saved.
    const changedAcute = wire(acute - 50_000_050n);
    sheet.getCell('B7').value = Number(changedAcute);
    const changedPath = path.join(downloads, 'changed.xlsx');
    await workbook.xlsx.writeFile(changedPath);
    const importInput = page.getByLabel('Import figures from a file');
    await importInput.setInputFiles(changedPath);
    await page.getByRole('button', { name: 'Import the figures' }).click();
    await page.getByText(/Imported the allocation and 11 lines from changed\.xlsx\. Check the figures and save the draft: nothing has been saved yet\./).waitFor();
    expect(await field('Acute').inputValue()).toBe(changedAcute);
    expect(await field('Running costs').inputValue()).toBe(wire(cap));
    expect(mutations).toEqual(['UpdateFinancialPlanDraft']);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/^Draft saved: version 1/).waitFor();
    expect(mutations).toEqual(['UpdateFinancialPlanDraft', 'UpdateFinancialPlanDraft']);

    // A bad file: a cell-level error, the figures on the page unchanged, and nothing sent.
    const badCsv = ['Field,Value', 'CCG code,02V', 'Financial year,2015/16', 'Allocation,266519000', 'Prior-year running costs,5330380', 'Better Care Fund minimum contribution,5863418', 'Acute,12.345'].join('\r\n');
    await importInput.setInputFiles({ name: 'bad-plan.csv', mimeType: 'text/csv', buffer: Buffer.from(badCsv) });
    await page.getByRole('button', { name: 'Import the figures' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'bad-plan.csv was not imported' });
    await refusal.getByText("Cell B7: '12.345' has more than two decimal places").waitFor();
    expect(await refusal.innerText()).toContain('Nothing from the file was imported or saved');
    expect(await field('Acute').inputValue()).toBe(changedAcute);
    expect(mutations).toEqual(['UpdateFinancialPlanDraft', 'UpdateFinancialPlanDraft']);

    // What the server holds is the round-tripped plan, not the bad file.
    await page.reload();
    await field('Acute').waitFor();
    expect(await field('Acute').inputValue()).toBe(changedAcute);
    expect(foreignRequests).toEqual([]);
  });

  it('an NHS England assessor records a flex on the illustrative submitted 2014/15 Ashford plan and sees the compliance panel apply it', async () => {
    const { page, foreignRequests } = await openPage(browser);
    await signIn(page, 'demo-assessor', 'Demo Assessor');
    // Ashford's illustrative 2014/15 plan, returned then resubmitted, holds its non-recurrent fund at 2% of allocation against the rule's 2.5%.
    await page.goto(`${baseUrl()}/finance/plans/09C/2014-15`);
    await page.getByRole('heading', { level: 1, name: /2014\/15 financial plan/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Illustrative data' }).isVisible()).toBe(true);
    const summary = page.locator('#compliance-summary');
    await summary.getByText(/^This plan does not meet 1 of the 3 2014\/15 rules: Non-recurrent fund short by £[\d,]+\.\d\d\.$/).waitFor();
    const fundRow = page.locator('tr[data-rule="NON_RECURRENT_FUND"]');
    const planned = penceOf(await fundRow.locator('td').nth(1).innerText());

    const form = page.getByRole('region', { name: 'Record a flex' });
    await form.getByRole('combobox', { name: 'Rule' }).selectOption({ label: 'Non-recurrent fund (at least 2.5% of allocation)' });
    await form.getByRole('textbox', { name: 'Percentage for this plan' }).fill('2');
    await form.getByText('With this flex: This plan meets all 3 of the 2014/15 rules.').waitFor();
    await form.getByRole('textbox', { name: 'Why was it approved?' }).fill('Agreed with the area team for 2014/15 while the CCG recovers its deficit.');
    await form.getByRole('button', { name: 'Record the flex' }).click();

    await form.getByText('Recorded a flex of the non-recurrent fund rule: 2% for this plan. The compliance shown applies it.').waitFor();
    await page.getByRole('list', { name: 'Approved flexes' }).getByText(/^Non-recurrent fund: 2% for this plan, approved by Demo Assessor on .+\. Agreed with the area team/).waitFor();
    await summary.getByText('This plan meets all 3 of the 2014/15 rules.').waitFor();
    // The rule now requires exactly the 2% the plan holds, and the server's own check agrees to the penny.
    expect(penceOf(await fundRow.locator('td').first().innerText())).toBe(planned);
    await page.getByText("The server's check of the saved version agrees with this one, to the penny.").waitFor();

    // Stored: a reload shows the flex applied.
    await page.reload();
    await summary.getByText('This plan meets all 3 of the 2014/15 rules.').waitFor();
    expect(await page.getByRole('list', { name: 'Approved flexes' }).innerText()).toContain('Non-recurrent fund: 2% for this plan');

    // At phone width the forms fit the screen: nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await form.getByRole('button', { name: 'Record the flex' }).scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(foreignRequests).toEqual([]);
  });
});
