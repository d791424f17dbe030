import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openPage } from './support/browser';

// Issue 16's journey on the demo boards of NHS Leeds North CCG (02V), which the demo seed sets up: the Integrated
// Board chaired by demo-board-member (demo-commissioning-manager a member) and the Commissioning Executive Team
// chaired by demo-director. No meeting of the team is seeded: its chair schedules one here, through the page.

const AE_ALL = 'A&E: four-hour wait, all department types';
const TITLE = 'RR8 four-hour A&E standard failing';
const ESCALATION_REASON = 'Third month below 95%: the recovery plan is off track and needs the executive team.';
const CLOSE_REASON = 'Executive team accepts the revised trajectory; monitoring returns to the contract route.';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function signIn(browser: Browser, username: string, displayName: string): Promise<{ page: Page; foreignRequests: string[] }> {
  const opened = await openPage(browser);
  const { page } = opened;
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header').getByText(displayName).waitFor();
  return opened;
}

/** axe-core's WCAG 2.2 AA violations on the page as it stands, described. */
async function violations(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] }).analyze();
  return results.violations.map((violation) => `${new URL(page.url()).pathname}: ${violation.id} (${violation.help}): ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`);
}

/** A day a week ahead in England's calendar, as the date input's three fields. */
function nextWeek(): { day: string; month: string; year: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(new Date(Date.now() + 7 * 86_400_000));
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return { day: part('day'), month: part('month'), year: part('year') };
}

describe('boards and escalation (browser, built app, real API, the demo boards of NHS Leeds North CCG)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a commissioning manager raises an item from RR8’s failing A&E tile, the Integrated Board’s chair escalates it to the executive team with a reason, it is in that team’s next pack, the chair’s decision closes it, and its timeline shows every step with who and why', async () => {
    const found: string[] = [];

    // 1. The commissioning manager raises it from the failing tile: the form comes filled in with what it is about.
    const manager = await signIn(browser, 'demo-commissioning-manager', 'Demo Commissioning Manager');
    let page = manager.page;
    await page.goto(`${baseUrl()}/providers/RR8`);
    const tile = page.getByRole('group', { name: AE_ALL, exact: true });
    await tile.getByText('Red: fails standard').waitFor();
    await tile.getByRole('link', { name: `Raise an escalation item about ${AE_ALL}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Raise an escalation item' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Provider indicator failing' }).isChecked()).toBe(true);
    await page.getByText(/^Raised from A&E: four-hour wait, all department types, Leeds Teaching Hospitals NHS Trust \(RR8\)/).waitFor();
    found.push(...(await violations(page)));
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page.getByLabel('The concern', { exact: true }).fill('The trust has missed the four-hour standard for three months running.');
    await page.getByRole('radio', { name: 'High' }).check();
    await page.getByRole('button', { name: 'Raise the item' }).click();
    await page.waitForURL(/\/escalation\/items\/[0-9a-f-]+$/);
    const itemPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('link', { name: 'Integrated Performance and Delivery Board' }).first().waitFor();
    found.push(...(await violations(page)));

    // The area shows it among the manager's items (a member of the Integrated Board).
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Escalation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Escalation' }).waitFor();
    await page.getByRole('link', { name: TITLE }).waitFor();
    found.push(...(await violations(page)));

    // 2. The Integrated Board's chair escalates it to the Commissioning Executive Team, with the reason.
    const chair = await signIn(browser, 'demo-board-member', 'Demo Board Member');
    page = chair.page;
    await page.goto(`${baseUrl()}${itemPath}`);
    await page.getByRole('button', { name: 'Escalate to the next board' }).click();
    await page.getByRole('radio', { name: /^Commissioning Executive Team/ }).check();
    // A move needs its reason: refused without one, the summary says so and takes focus.
    await page.getByRole('button', { name: 'Escalate to the next board' }).click();
    await page.getByRole('link', { name: 'Say why' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('nhsuk-error-summary');
    await page.getByLabel('Reason').fill(ESCALATION_REASON);
    await page.getByRole('button', { name: 'Escalate to the next board' }).click();
    await page.getByText('Moved to Commissioning Executive Team.').waitFor();

    // 3. The team's chair schedules its next meeting: the item is in the pack, escalated in.
    const director = await signIn(browser, 'demo-director', 'Demo Director');
    page = director.page;
    await page.goto(`${baseUrl()}/escalation/ccgs/02V`);
    await page.getByRole('heading', { level: 1, name: 'Escalation map' }).waitFor();
    found.push(...(await violations(page)));
    await page.getByRole('link', { name: 'Commissioning Executive Team' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Commissioning Executive Team' }).waitFor();
    await page.getByRole('link', { name: TITLE }).waitFor();
    found.push(...(await violations(page)));
    const { day, month, year } = nextWeek();
    const when = page.getByRole('group', { name: 'Date of the meeting' });
    await when.getByLabel('Day', { exact: true }).fill(day);
    await when.getByLabel('Month', { exact: true }).fill(month);
    await when.getByLabel('Year', { exact: true }).fill(year);
    await page.getByRole('button', { name: 'Schedule the meeting' }).click();
    await page.waitForURL(/\/escalation\/meetings\/[0-9a-f-]+$/);
    const escalatedIn = page.getByRole('region', { name: /^Escalated in from other boards/ });
    const packItem = escalatedIn.getByRole('group', { name: TITLE });
    await packItem.waitFor();
    await packItem.getByText('Escalated in from Integrated Performance and Delivery Board', { exact: false }).waitFor();
    found.push(...(await violations(page)));

    // 4. The chair records the decision: close, with why. Then holds the meeting with its minutes: the pack freezes.
    await packItem.getByRole('button', { name: `Record a decision on ${TITLE}` }).click();
    await packItem.getByRole('radio', { name: 'Close' }).check();
    await packItem.getByLabel('What was decided, and why').fill(CLOSE_REASON);
    await packItem.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByRole('region', { name: 'Decisions' }).getByText(CLOSE_REASON, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Record the meeting as held' }).click();
    await page.getByLabel('Minutes').fill('Present: the executive team. The RR8 A&E item was closed (see the decision).');
    await page.getByRole('button', { name: 'Yes, record the meeting as held' }).click();
    await page.getByRole('link', { name: 'Download the pack and minutes (PDF)' }).waitFor();
    await page.getByText(/^The pack as it stood when the meeting was held/).waitFor();

    // 5. The item is closed and its timeline has every step with who and why.
    await page.goto(`${baseUrl()}${itemPath}`);
    await page.getByText('Closed', { exact: true }).first().waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.waitFor();
    const text = await timeline.innerText();
    expect(text).toMatch(/by Demo Commissioning Manager/);
    expect(text).toContain('At Integrated Performance and Delivery Board');
    expect(text).toMatch(/by Demo Board Member/);
    expect(text).toContain('From Integrated Performance and Delivery Board to Commissioning Executive Team');
    expect(text).toContain(`Why: ${ESCALATION_REASON}`);
    expect(text).toMatch(/by Demo Director at the meeting of/);
    expect(text).toContain(CLOSE_REASON);
    found.push(...(await violations(page)));

    expect(found).toEqual([]);
    expect([...manager.foreignRequests, ...chair.foreignRequests, ...director.foreignRequests]).toEqual([]);
  }, 300_000);
});
