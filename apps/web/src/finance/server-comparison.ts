import type { PlanCompliance } from '@ccg-assure/domain';
import type { ServerCompliance } from './plan-compliance.fragment';
import { RULE_LABELS } from './plan-labels';

/** One figure on which the browser and the server disagree, each as its exact text. */
export interface Difference {
  what: string;
  browser: string;
  server: string;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/**
 * Every figure of the browser's answer against the server's, as exact text (money as its wire format), so
 * "agrees" means to the penny.
 */
export function compareWithServer(browser: PlanCompliance, server: ServerCompliance): Difference[] {
  const pairs: [string, string, string][] = [
    ['Financial year', browser.financialYear, server.financialYear],
    ['Complies', yesNo(browser.compliant), yesNo(server.compliant)],
    ['Planned spend', browser.plannedSpend.toString(), server.plannedSpend],
    ['Planned surplus', browser.plannedSurplus.toString(), server.plannedSurplus],
    ['QIPP requirement', browser.qippRequirement.toString(), server.qippRequirement],
    ['QIPP as % of allocation', browser.qippPercentOfAllocation, server.qippPercentOfAllocation],
    ['Rules checked', browser.rules.map((r) => r.rule).join(', '), server.rules.map((r) => r.rule).join(', ')],
  ];
  for (const rule of browser.rules) {
    const theirs = server.rules.find((r) => r.rule === rule.rule);
    if (!theirs) continue;
    const label = RULE_LABELS[rule.rule];
    pairs.push(
      [`${label}: percentage`, rule.percentage.toString(), String(theirs.percentage)],
      [`${label}: required`, rule.required.toString(), theirs.required],
      [`${label}: planned`, rule.planned.toString(), theirs.planned],
      [`${label}: shortfall`, rule.shortfall.toString(), theirs.shortfall],
      [`${label}: met`, yesNo(rule.met), yesNo(theirs.met)],
    );
  }
  return pairs.filter(([, mine, theirs]) => mine !== theirs).map(([what, mine, theirs]) => ({ what, browser: mine, server: theirs }));
}
