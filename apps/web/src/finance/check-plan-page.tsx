import { FINANCIAL_RULE_DEFINITIONS, listFinancialRuleSets, PLAN_CATEGORIES, type PlanCategory } from '@ccg-assure/domain';
import { useApolloClient } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import { Button, Details, ErrorSummary, Fieldset, InsetText, Radios, TableContainer, TextInput } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { CompliancePanel } from './compliance-panel';
import { EvaluatePlanComplianceQuery } from './finance.operations';
import { emptyDraft, inputsNeeded, readPlan, saveProblems, toServerInput, type PlanDraft } from './plan-draft';
import { fieldLabel, lineFieldId, type FieldId } from './plan-fields';
import { CATEGORY_LABELS } from './plan-labels';
import { compareWithServer, type Difference } from './server-comparison';

const LINE_HINTS: Partial<Record<PlanCategory, string>> = {
  RUNNING_COSTS: "The CCG's own administration costs.",
  BETTER_CARE_FUND: 'The contribution to the fund pooled with the local authority.',
  CONTINGENCY: 'Reserve held against in-year risk.',
  NON_RECURRENT_FUND: 'Money set aside for non-recurrent spending only.',
};

type ServerCheck =
  | { state: 'idle' }
  | { state: 'checking'; sent: string }
  | { state: 'answered'; sent: string; differences: Difference[] }
  | { state: 'refused'; sent: string; message: string };

/** `/finance/check`: a what-if check of a financial plan against its year's rules (nothing is stored). */
export function CheckPlanPage() {
  usePageTitle('Check a financial plan');
  const ruleSets = listFinancialRuleSets();
  const [draft, setDraft] = useState<PlanDraft>(() => emptyDraft(ruleSets[ruleSets.length - 1].financialYear));
  const [serverCheck, setServerCheck] = useState<ServerCheck>({ state: 'idle' });
  const [summaryFocus, setSummaryFocus] = useState(0);
  // After a first attempt to check, everything that stops the check is listed, empty required amounts included.
  const [attempted, setAttempted] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const client = useApolloClient();

  const reading = useMemo(() => readPlan(draft), [draft]);
  const needed = inputsNeeded(draft.financialYear);
  const ruleSet = ruleSets.find((set) => set.financialYear === draft.financialYear) ?? ruleSets[0];
  const runningCostsRule = ruleSet.rules.find((rule) => FINANCIAL_RULE_DEFINITIONS[rule.code].basis === 'PRIOR_YEAR_RUNNING_COSTS');
  const runningCostsHint = runningCostsRule ? `Planned running costs must be at least ${runningCostsRule.percentage.toString()}% below this in ${draft.financialYear}.` : undefined;
  const problems = attempted ? saveProblems(reading) : reading.problems;
  const errorFor = (field: FieldId) => problems.find((problem) => problem.field === field)?.message;
  const planKey = reading.input ? JSON.stringify(toServerInput(reading.input)) : null;

  useEffect(() => {
    if (summaryFocus) summaryRef.current?.focus();
  }, [summaryFocus]);

  const update = (change: Partial<PlanDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
  };
  const updateLine = (category: PlanCategory, value: string) => setDraft((current) => ({ ...current, lines: { ...current.lines, [category]: value } }));

  async function checkWithServer(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (saveProblems(reading).length) {
      setSummaryFocus((n) => n + 1);
      return;
    }
    if (!reading.input || !reading.compliance || !planKey) return;
    const local = reading.compliance;
    const input = toServerInput(reading.input);
    setServerCheck({ state: 'checking', sent: planKey });
    try {
      const { data } = await client.query({ query: EvaluatePlanComplianceQuery, variables: { input }, fetchPolicy: 'no-cache' });
      if (!data) throw new Error('no answer');
      setServerCheck({ state: 'answered', sent: planKey, differences: compareWithServer(local, data.evaluatePlanCompliance) });
    } catch (error) {
      const { code, reason } = errorCodes(error);
      const message = code === 'BAD_USER_INPUT' ? `The server refused the plan (${reason ?? 'invalid input'}).` : describeError(error);
      setServerCheck({ state: 'refused', sent: planKey, message });
    }
  }

  const moneyInput = (id: FieldId, label: string, value: string, onChange: (value: string) => void, hint?: string) => (
    <TextInput
      key={id}
      id={id}
      name={id}
      label={label}
      hint={hint}
      prefix="£"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      width={10}
      value={value}
      error={errorFor(id)}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );

  return (
    <>
      {problems.length > 0 && (
        <ErrorSummary id="check-plan-problems" ref={summaryRef} headingLevel="h2" problems={problems} />
      )}
      <div className="nhsuk-back-link">
        <Link className="nhsuk-back-link__link" to="/finance">
          Finance
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">Check a financial plan</h1>
      <p className="nhsuk-lede-text">Check a CCG financial plan against its year's planning rules and see the QIPP saving it implies.</p>
      <InsetText>
        <p>
          Nothing you enter here is saved: this is a what-if check. To save, submit or review a CCG's plan, go to <Link to="/finance">Finance</Link>.
        </p>
      </InsetText>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <h2 className="nhsuk-heading-m">The plan</h2>
          <form onSubmit={(event) => void checkWithServer(event)} noValidate aria-label="Financial plan">
            <Radios
              legend="Financial year"
              legendSize="s"
              hint="Each year has its own planning rules."
              idPrefix="financial-year"
              name="financialYear"
              items={ruleSets.map((set) => ({ value: set.financialYear, label: set.financialYear, hint: set.summary }))}
              value={draft.financialYear}
              onChange={(financialYear) => update({ financialYear })}
            />
            {moneyInput('allocation', fieldLabel('allocation'), draft.allocation, (value) => update({ allocation: value }), "The CCG's total allocation for the year, in pounds, like 250000000 or 250000000.00")}
            {needed.priorYearRunningCosts &&
              moneyInput('prior-year-running-costs', fieldLabel('prior-year-running-costs'), draft.priorYearRunningCosts, (value) => update({ priorYearRunningCosts: value }), runningCostsHint)}
            {needed.betterCareFundMinimum &&
              moneyInput('better-care-fund-minimum', fieldLabel('better-care-fund-minimum'), draft.betterCareFundMinimum, (value) => update({ betterCareFundMinimum: value }), "The CCG's nationally set minimum contribution to the Better Care Fund.")}
            <Fieldset legend="Plan lines" legendSize="s">
              <p className="nhsuk-hint">Amounts in pounds. Leave a line empty if the plan has none.</p>
              {PLAN_CATEGORIES.map((category) =>
                moneyInput(lineFieldId(category), CATEGORY_LABELS[category], draft.lines[category], (value) => updateLine(category, value), LINE_HINTS[category]),
              )}
            </Fieldset>
            <Button type="submit" secondary disabled={serverCheck.state === 'checking'}>
              {serverCheck.state === 'checking' ? 'Checking with the server…' : 'Check with the server'}
            </Button>
            <ServerCheckResult check={serverCheck} planKey={planKey} />
          </form>
        </div>
        <div className="nhsuk-grid-column-two-thirds">
          <CompliancePanel reading={reading} financialYear={draft.financialYear} />
          <Details summary={`Where the ${ruleSet.financialYear} rules come from`}>
            <p>{ruleSet.summary}</p>
            {[...new Set(ruleSet.rules.map((rule) => rule.source.text))].map((text) => (
              <blockquote key={text} className="nhsuk-body-s">
                “{text}”
              </blockquote>
            ))}
            <p className="nhsuk-body-s">Source: {ruleSet.rules[0].source.document}; {ruleSet.rules[0].source.locator}.</p>
          </Details>
        </div>
      </div>
    </>
  );
}

function ServerCheckResult({ check, planKey }: { check: ServerCheck; planKey: string | null }) {
  const stale = check.state !== 'idle' && check.state !== 'checking' && check.sent !== planKey;
  return (
    <div role="status" aria-live="polite" id="server-check">
      {check.state === 'answered' && !stale && check.differences.length === 0 && (
        <p className="nhsuk-body">
          <strong className="nhsuk-tag nhsuk-tag--green">Agrees</strong> The server's answer agrees with this check, to the penny.
        </p>
      )}
      {check.state === 'answered' && !stale && check.differences.length > 0 && (
        <>
          <p className="nhsuk-body">
            <strong className="nhsuk-tag nhsuk-tag--red">Differs</strong> The server's answer differs from this check:
          </p>
          <TableContainer>
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Differences between this check and the server's</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">Figure</th>
                  <th scope="col" className="nhsuk-table__header">This check</th>
                  <th scope="col" className="nhsuk-table__header">Server</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {check.differences.map((difference) => (
                  <tr key={difference.what} className="nhsuk-table__row">
                    <td className="nhsuk-table__cell">{difference.what}</td>
                    <td className="nhsuk-table__cell">{difference.browser}</td>
                    <td className="nhsuk-table__cell">{difference.server}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
        </>
      )}
      {check.state === 'refused' && !stale && <p className="nhsuk-body nhsuk-u-font-weight-bold">{check.message}</p>}
      {stale && <p className="nhsuk-body">The plan has changed since the server checked it. Check with the server again.</p>}
    </div>
  );
}
