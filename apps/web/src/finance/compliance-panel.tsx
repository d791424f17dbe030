import { FINANCE_ROUNDING, FINANCIAL_RULE_DEFINITIONS, Money, type PlanCompliance, type RuleCompliance } from '@ccg-assure/domain';
import { CellLabel } from './cell-label';
import type { PlanPending, PlanReading } from './plan-draft';
import { fieldInSentence, fieldLabel } from './plan-fields';
import { CATEGORY_LABELS, RULE_LABELS, ruleTerms } from './plan-labels';
import { TableContainer } from '../ui/nhs';

/** Percentages of allocation shown to two places, rounded once by the finance rounding rule. */
const PERCENT_DECIMALS = 2;

const isCap = (rule: RuleCompliance) => FINANCIAL_RULE_DEFINITIONS[rule.rule].test === 'AT_MOST';

function shortfallWords(rule: RuleCompliance): string {
  return `${isCap(rule) ? 'over the cap by' : 'short by'} ${rule.shortfall.toDisplayString()}`;
}

/** "A, B and C". */
const listInWords = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

function pendingSentence(pending: PlanPending, year: string): string {
  switch (pending.kind) {
    case 'NO_ALLOCATION':
      return `Enter the allocation to see how the plan meets the ${year} rules.`;
    case 'ALLOCATION_INVALID':
      return `Correct the allocation to see how the plan meets the ${year} rules.`;
    case 'NEEDS_INPUT':
      return `Enter the ${pending.fields.map(fieldInSentence).join(' and the ')} to check a ${year} plan.`;
    case 'CANNOT_CHECK':
      return `This plan cannot be checked yet: ${pending.message}`;
    case 'UNREADABLE':
      return `This plan cannot be checked until ${pending.fields.length === 1 ? 'this amount is' : `these ${pending.fields.length} amounts are`} corrected: ${listInWords(pending.fields.map(fieldLabel))}.`;
  }
}

/** The plan's compliance in a sentence: "This plan does not meet 1 of the 3 2014/15 rules: Non-recurrent fund short by £1,000,000.00." */
export function complianceSentence(compliance: PlanCompliance): string {
  const count = compliance.rules.length;
  if (compliance.compliant) return `This plan meets all ${count} of the ${compliance.financialYear} rules.`;
  const failing = compliance.rules.filter((rule) => !rule.met);
  const details = failing.map((rule) => `${RULE_LABELS[rule.rule]} ${shortfallWords(rule)}`).join('; ');
  return `This plan does not meet ${failing.length} of the ${count} ${compliance.financialYear} rules: ${details}.`;
}

function RuleResult({ rule }: { rule: RuleCompliance }) {
  return rule.met ? (
    <strong className="nhsuk-tag nhsuk-tag--green">Met</strong>
  ) : (
    <>
      <strong className="nhsuk-tag nhsuk-tag--red">Not met</strong>
      <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">
        {isCap(rule) ? 'over the cap by' : 'short by'} <span className="ccg-nowrap">{rule.shortfall.toDisplayString()}</span>
      </span>
    </>
  );
}

/**
 * The plan's compliance, recomputed in the browser by the domain's own function as the officer types.
 * `showLines` lists the plan's lines with their percentages (the plan editor shows them in its own grid);
 * `compact` puts each rule's result under its name, for a narrow column beside the editor.
 */
export function CompliancePanel({ reading, financialYear, showLines = true, compact = false }: { reading: PlanReading; financialYear: string; showLines?: boolean; compact?: boolean }) {
  const { compliance, input, pending } = reading;
  // The compact table stacks its rows at phone width (app.css); explicit roles keep it a table to screen readers.
  const stackable = (role: string) => (compact ? { role } : {});
  return (
    <section aria-labelledby="compliance-heading">
      <h2 id="compliance-heading" className="nhsuk-heading-m">
        Compliance with the {financialYear} rules
      </h2>
      <div id="compliance-summary" role="status" aria-live="polite" aria-atomic="true">
        <p className="nhsuk-body nhsuk-u-font-weight-bold">{compliance ? complianceSentence(compliance) : pending ? pendingSentence(pending, financialYear) : null}</p>
      </div>
      {compliance && input && (
        <>
          <TableContainer>
            <table className={compact ? 'nhsuk-table nhsuk-table--compact ccg-stack-table' : 'nhsuk-table'} {...stackable('table')}>
              <caption className="nhsuk-table__caption">Rules</caption>
              <thead className="nhsuk-table__head" {...stackable('rowgroup')}>
                <tr className="nhsuk-table__row" {...stackable('row')}>
                  <th scope="col" className="nhsuk-table__header" {...stackable('columnheader')}>
                    {compact ? 'Rule and result' : 'Rule'}
                  </th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric" {...stackable('columnheader')}>
                    Required
                  </th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric" {...stackable('columnheader')}>
                    Planned
                  </th>
                  {!compact && <th scope="col" className="nhsuk-table__header">Result</th>}
                </tr>
              </thead>
              <tbody className="nhsuk-table__body" {...stackable('rowgroup')}>
                {compliance.rules.map((rule) => (
                  <tr key={rule.rule} className="nhsuk-table__row" data-rule={rule.rule} {...stackable('row')}>
                    <th scope="row" className="nhsuk-table__header" {...stackable('rowheader')}>
                      {RULE_LABELS[rule.rule]}
                      <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{ruleTerms(rule.rule, rule.percentage.toString())}</span>
                      {compact && (
                        <span className="nhsuk-u-display-block ccg-rule-result">
                          <RuleResult rule={rule} />
                        </span>
                      )}
                    </th>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap" {...stackable('cell')}>
                      {compact && <CellLabel>Required</CellLabel>}
                      {rule.required.toDisplayString()}
                    </td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap" {...stackable('cell')}>
                      {compact && <CellLabel>Planned</CellLabel>}
                      {rule.planned.toDisplayString()}
                    </td>
                    {!compact && (
                      <td className="nhsuk-table__cell">
                        <RuleResult rule={rule} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
          <dl className="nhsuk-summary-list">
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Planned spend</dt>
              <dd className="nhsuk-summary-list__value">{compliance.plannedSpend.toDisplayString()}</dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">{compliance.plannedSurplus.isNegative() ? 'Planned deficit' : 'Planned surplus'}</dt>
              <dd className="nhsuk-summary-list__value">
                {compliance.plannedSurplus.abs().toDisplayString()} ({percentOfAllocation(compliance.plannedSurplus.abs(), input.allocation)} of allocation)
              </dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">QIPP requirement</dt>
              <dd className="nhsuk-summary-list__value">
                {compliance.qippRequirement.toDisplayString()} ({compliance.qippPercentOfAllocation}% of allocation)
                <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0 nhsuk-u-secondary-text-colour">
                  The saving still needed, after the running-cost cut, to fund every required set-aside within the allocation.
                </span>
              </dd>
            </div>
          </dl>
          {showLines && (
            <TableContainer>
              <table className="nhsuk-table">
                <caption className="nhsuk-table__caption">Plan lines</caption>
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    <th scope="col" className="nhsuk-table__header">Line</th>
                    <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Amount</th>
                    <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">% of allocation</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {input.lines.map((line) => (
                    <tr key={line.category} className="nhsuk-table__row">
                      <th scope="row" className="nhsuk-table__header">{CATEGORY_LABELS[line.category]}</th>
                      <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{line.amount.toDisplayString()}</td>
                      <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{percentOfAllocation(line.amount, input.allocation)}</td>
                    </tr>
                  ))}
                  <tr className="nhsuk-table__row">
                    <th scope="row" className="nhsuk-table__header">Planned spend</th>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap nhsuk-u-font-weight-bold">{compliance.plannedSpend.toDisplayString()}</td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric nhsuk-u-font-weight-bold">{percentOfAllocation(compliance.plannedSpend, input.allocation)}</td>
                  </tr>
                  <tr className="nhsuk-table__row">
                    <th scope="row" className="nhsuk-table__header">Allocation</th>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{input.allocation.toDisplayString()}</td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">100.00%</td>
                  </tr>
                </tbody>
              </table>
            </TableContainer>
          )}
        </>
      )}
    </section>
  );
}

/** "60.00%": exact, rounded once to two places by the finance rounding rule. */
export function percentOfAllocation(amount: Money, allocation: Money): string {
  return `${amount.asPercentageOf(allocation, PERCENT_DECIMALS, FINANCE_ROUNDING)}%`;
}
