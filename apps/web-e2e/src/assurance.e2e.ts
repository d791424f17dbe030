import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';

async function signIn(page: Page, username: string, displayName: string) {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header').getByText(displayName).waitFor();
}

const rating = (page: Page, domain: string) => page.getByRole('group', { name: `Rating: ${domain}` });

describe('assuring a CCG (browser, built app, real API and database)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('an assessor rates a CCG, sees the proposal change, decides, publishes; then anyone sees the public page and the PDF', async () => {
    const { page, foreignRequests } = await openPage(browser);
    await signIn(page, 'demo-assessor', 'Demo Assessor');
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Assurance' }).click();
    await page.getByRole('heading', { name: 'Assurance workspace' }).waitFor();

    // Find the CCG in the workspace and start its 2015/16 Q2 assessment.
    await page.getByLabel('CCG name or code').fill('02N');
    const row = page.locator('tr[data-ccg="02N"]');
    await row.waitFor();
    await row.getByRole('link', { name: /Start an assessment/ }).click();
    await page.getByRole('heading', { name: 'Start an assessment' }).waitFor();
    expect(await page.getByLabel('CCG', { exact: true }).inputValue()).toBe('02N');
    // Issue 20: only the framework years in which 02N existed (it closed on 31 March 2020), newest first, opening on
    // the latest year with evidence (the A&E data runs to March 2019): never 2026/27.
    await page.waitForFunction(() => (document.querySelector('#new-year') as HTMLSelectElement | null)?.value === '2018/19');
    expect(await page.locator('#new-year option').allInnerTexts()).toEqual(['2019/20', '2018/19', '2017/18', '2016/17', '2015/16', '2014/15', '2013/14']);
    await page.getByLabel('Financial year').selectOption('2015/16');
    await page.getByRole('radio', { name: /^Quarter 2/ }).check();
    for (const [part, text] of [['Day', '30'], ['Month', '9'], ['Year', '2015']]) await page.getByRole('group', { name: 'Day of the assessment' }).getByLabel(part, { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.getByRole('heading', { level: 1, name: /2015\/16 Q2 assessment/ }).waitFor();

    // Issue 20: the triggers are summarised by kind with counts, in words, never enum codes.
    const triggers = page.locator('section[aria-labelledby="triggers-heading"]');
    await triggers.locator('summary').first().waitFor();
    const kinds = await triggers.locator('summary').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) expect(kind).toMatch(/^[A-Z][^_]* \(\d+\)$/);
    expect(await triggers.innerText()).not.toMatch(/\b[A-Z0-9]+_[A-Z0-9_]+\b/);

    // Rate every component; the proposal follows the ratings.
    const proposal = page.getByRole('region', { name: 'Proposed category' });
    for (const domain of ['Well led', 'Performance', 'Financial management', 'Planning', 'Delegated functions']) {
      await rating(page, domain).getByRole('radio', { name: 'Good' }).check();
    }
    await proposal.locator('.nhsuk-tag', { hasText: 'Good' }).waitFor();
    await rating(page, 'Financial management').getByRole('radio', { name: 'Not assured' }).check();
    await proposal.locator('.nhsuk-tag', { hasText: 'Not assured' }).waitFor();
    expect(await proposal.getByTestId('proposal-reasons').innerText()).toContain('Not assured because Financial management is Not assured.');
    await rating(page, 'Financial management').getByRole('radio', { name: 'Limited assurance (requires improvement)' }).check();
    await proposal.locator('.nhsuk-tag', { hasText: 'Good' }).waitFor();
    await page.getByRole('region', { name: 'Financial management' }).getByLabel('Narrative: why this rating').fill('Forecast deficit of £3.2m against a planned surplus; recovery plan agreed.');

    // A decision that differs from the proposal needs a rationale.
    const decision = page.getByRole('group', { name: 'Overall category' });
    await decision.getByRole('radio', { name: 'Limited assurance (requires improvement)' }).check();
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByRole('alert').getByText(/Give your rationale/).waitFor();
    await page.getByLabel('Rationale').fill('The financial position is worse than the ratings alone show: the forecast deficit is growing month on month.');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByText('The draft is saved.').waitFor();
    await proposal.getByText('The server proposes the same for the saved ratings.').waitFor();

    // Publish, through the confirmation.
    await page.getByRole('button', { name: 'Publish the assessment' }).click();
    await page.getByRole('heading', { name: /^Publish the 2015\/16 Q2 assessment of/ }).waitFor();
    await page.getByRole('button', { name: 'Yes, publish it' }).click();
    await page.getByRole('heading', { name: 'The assessment is published' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save the draft' }).count()).toBe(0);

    // Signed out, a visitor reaches the public page from the home page (issue 20: the public has a home).
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('link', { name: 'see what is published' }).click();
    await page.getByRole('heading', { level: 1, name: 'CCG Assure', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('textbox', { name: /published assurance/ }).fill('02n');
    await page.getByRole('button', { name: 'Show its assurance' }).click();
    await page.getByRole('heading', { name: 'Latest assessment: 2015/16 Q2' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/public/assurance/02N');
    const summary = await page.locator('.ccg-assurance-summary').innerText();
    expect(summary).toContain('Limited assurance (requires improvement)');
    expect(await page.getByText('The financial position is worse than the ratings alone show', { exact: false }).count()).toBeGreaterThan(0);

    // The annual report, printable, and its PDF.
    await page.getByRole('link', { name: 'Annual assurance report 2015/16' }).click();
    await page.getByRole('heading', { level: 1, name: /Annual assurance report 2015\/16/ }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download PDF/ }).click()]);
    const file = await download.path();
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(foreignRequests).toEqual([]);
  });

  it('an assessor pairs a Limited-assurance CCG with a buddy CCG and sees it on the page', async () => {
    const { page, foreignRequests } = await openPage(browser);
    await signIn(page, 'demo-assessor', 'Demo Assessor');
    // Sheffield (03N): Limited assurance in the demo data, with no buddy yet.
    await page.goto(`${baseUrl()}/assurance/ccgs/03N`);
    const buddy = page.getByRole('region', { name: 'Buddy CCG' });
    await buddy.getByRole('button', { name: 'Assign a buddy CCG' }).click();
    await buddy.getByLabel('Search the CCGs').fill('Leeds West');
    await buddy.getByRole('button', { name: 'Search' }).click();
    await buddy.getByRole('radio', { name: /Leeds West CCG \(03C\)/ }).check();
    await buddy.getByRole('button', { name: 'Continue' }).click();
    await buddy.getByRole('button', { name: 'Yes, assign the buddy' }).click();
    await buddy.getByText(/is now the buddy CCG/).waitFor();
    expect(await buddy.getByTestId('buddy-now').innerText()).toMatch(/^Paired with NHS Leeds West CCG \(03C\) since /);
    expect(await page.locator('.ccg-assurance-summary').innerText()).toContain('Leeds West CCG (03C)');

    // Still there after a reload: it was recorded, not only shown.
    await page.reload();
    await page.getByTestId('buddy-now').getByText(/Leeds West CCG \(03C\)/).waitFor();
    expect(foreignRequests).toEqual([]);
  });

  it('lays the workspace, the public page and the assessor’s plan and buddy forms out within a phone’s width', async () => {
    const { page } = await openPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'demo-assessor', 'Demo Assessor');
    await page.goto(`${baseUrl()}/assurance`);
    await page.getByRole('table', { name: 'CCGs, assessments overdue first' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`${baseUrl()}/public/assurance/02V`);
    await page.getByRole('heading', { level: 1, name: /Published assurance/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The CCG in special measures, with the form to add an improvement action open.
    await page.goto(`${baseUrl()}/assurance/ccgs/09J`);
    await page.getByText('Add an action to the plan').click();
    await page.getByLabel('What is to be done').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // A Limited-assurance CCG's buddy, with the search to change it open.
    await page.goto(`${baseUrl()}/assurance/ccgs/03G`);
    await page.getByRole('button', { name: 'Change the buddy CCG' }).click();
    await page.getByLabel('Search the CCGs').fill('Leeds');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('radio').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
