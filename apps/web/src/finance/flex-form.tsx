import {
  compareIsoDates,
  DomainError,
  findFinancialRuleSet,
  formatIsoDate,
  isFinancialRuleCode,
  requireIsoDate,
  type FinancialRuleCode,
  type PlanCompliance,
  type PlanFlex,
} from '@ccg-assure/domain';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { complianceSentence } from './compliance-panel';
import { RecordPlanFlexMutation } from './financial-plans.operations';
import { ErrorSummary, FormGroup, problemFor, refusalProblem, type FormProblem } from '../ui/nhs';
import { PercentageInput, readPercentage } from './percentage-input';
import { RULE_LABELS, ruleTerms } from './plan-labels';
import type { StoredPlan } from './financial-plan.fragment';
import { formatDate } from '../ui/format';

/** The longest reason the API keeps (RecordPlanFlexInput.reason). */
export const MAX_FLEX_REASON = 2000;

const RULE_FIELD = 'flex-rule';
const PERCENTAGE_FIELD = 'flex-percentage';
const REASON_FIELD = 'flex-reason';
const DAY_FIELD = 'flex-approved-on-day';
const MONTH_FIELD = 'flex-approved-on-month';
const YEAR_FIELD = 'flex-approved-on-year';

interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** What the flex's percentage means for each kind of rule (RecordPlanFlexInput.percentage). */
function percentageHint(rule: FinancialRuleCode | null, rulePercentage: string | null): string {
  switch (rule) {
    case null:
      return 'The percentage that replaces the rule’s for this plan only, from 0 to 100.';
    case 'RUNNING_COSTS':
      return `The reduction in running costs required of this plan, from 0 to 100 (the rule’s is ${rulePercentage}).`;
    case 'BETTER_CARE_FUND':
      return `The share of the minimum contribution required of this plan, from 0 to 100 (the rule’s is ${rulePercentage}).`;
    default:
      return `The percentage of allocation required of this plan, from 0 to 100 (the rule’s is ${rulePercentage}).`;
  }
}

const NOT_A_DATE = 'The approval date must be a real date, like 15 9 2014';

/**
 * "2014-09-15" from the three boxes of the NHS date input, read by the calendar; null when all are blank
 * (the API takes today). `today` is the date in England, read once by the page.
 */
export function readApprovalDate(parts: DateParts, today: string): { state: 'empty' } | { state: 'valid'; isoDate: string } | { state: 'invalid'; message: string } {
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!day && !month && !year) return { state: 'empty' };
  const whole = (text: string) => /^\d+$/.test(text);
  if (!whole(day) || !whole(month) || !/^\d{4}$/.test(year)) return { state: 'invalid', message: NOT_A_DATE };
  let isoDate: string;
  try {
    isoDate = requireIsoDate(formatIsoDate({ year: Number(year), month: Number(month), day: Number(day) }), 'approvedOn');
  } catch (error) {
    if (error instanceof DomainError) return { state: 'invalid', message: NOT_A_DATE };
    throw error;
  }
  if (compareIsoDates(isoDate, today) > 0) return { state: 'invalid', message: 'The approval date must be today or in the past' };
  return { state: 'valid', isoDate };
}

const refusal = (error: unknown) =>
  refusalProblem(
    error,
    {
      FLEX_RULE_NOT_IN_YEAR: { field: RULE_FIELD, message: 'Select one of this year’s rules' },
      INVALID_FLEX_PERCENTAGE: { field: PERCENTAGE_FIELD, message: 'The percentage must be from 0 to 100' },
      INVALID_PERCENTAGE: { field: PERCENTAGE_FIELD, message: 'The percentage must be a number, like 1 or 2.5' },
      MISSING_FLEX_REASON: { field: REASON_FIELD, message: 'Enter why the flex was approved' },
      APPROVAL_DATE_IN_FUTURE: { field: DAY_FIELD, message: 'The approval date must be today or in the past' },
      NOT_PERMITTED: { field: null, message: 'Only NHS England assessors can record a flex.' },
    },
    'Only NHS England assessors can record a flex.',
  );

interface FlexFormProps {
  plan: StoredPlan;
  /** The plan's compliance with this flex in place of any other of its rule: worked out in the browser, as the panel is. */
  preview: (flex: PlanFlex) => PlanCompliance | null;
  /** "2015-02-10": today in England (todayInEngland, read by the page), the latest approval date allowed, as the API reckons it. */
  today: string;
}

/**
 * An NHS England assessor records an approved exception to one of the plan's year's rules: the rule, the
 * percentage that replaces the rule's, why, and when it was approved. The plan's compliance with the flex
 * shows before it is recorded; once recorded the flex joins the list and the compliance panel applies it.
 */
export function FlexForm({ plan, preview, today }: FlexFormProps) {
  const rules = findFinancialRuleSet(plan.financialYear).rules;
  const [rule, setRule] = useState<FinancialRuleCode | ''>('');
  const [percentage, setPercentage] = useState('');
  const [reason, setReason] = useState('');
  const [approvedOn, setApprovedOn] = useState<DateParts>({ day: '', month: '', year: '' });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [recordFlex, { loading }] = useMutation(RecordPlanFlexMutation);

  const chosen = rules.find((candidate) => candidate.code === rule) ?? null;
  const inForce = chosen ? plan.flexes.find((flex) => flex.rule === chosen.code && flex.supersededAt === null) : undefined;
  const percentageReading = readPercentage(percentage, 'The percentage');
  const previewed = chosen && percentageReading.state === 'valid' ? preview({ rule: chosen.code, percentage: percentageReading.percentage, reason: reason.trim() || 'preview' }) : null;

  function showProblems(found: FormProblem[]) {
    setProblems(found);
    setFocusRequest((n) => n + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const found: FormProblem[] = [];
    if (!chosen) found.push({ field: RULE_FIELD, message: 'Select the rule the flex applies to' });
    if (percentageReading.state === 'empty') found.push({ field: PERCENTAGE_FIELD, message: 'Enter the percentage that replaces the rule’s' });
    if (percentageReading.state === 'invalid') found.push({ field: PERCENTAGE_FIELD, message: percentageReading.message });
    const trimmed = reason.trim();
    if (!trimmed) found.push({ field: REASON_FIELD, message: 'Enter why the flex was approved' });
    if (trimmed.length > MAX_FLEX_REASON) found.push({ field: REASON_FIELD, message: `The reason must be ${MAX_FLEX_REASON} characters or fewer` });
    const date = readApprovalDate(approvedOn, today);
    if (date.state === 'invalid') found.push({ field: DAY_FIELD, message: date.message });
    if (found.length || !chosen || percentageReading.state !== 'valid' || date.state === 'invalid') {
      showProblems(found);
      return;
    }
    setProblems([]);
    try {
      await recordFlex({
        variables: {
          input: { planId: plan.id, rule: chosen.code, percentage: percentageReading.percentage.toString(), reason: trimmed, approvedOn: date.state === 'valid' ? date.isoDate : null },
        },
      });
      setRule('');
      setPercentage('');
      setReason('');
      setApprovedOn({ day: '', month: '', year: '' });
      setNotice(`Recorded a flex of the ${RULE_LABELS[chosen.code].toLowerCase()} rule: ${percentageReading.percentage.toString()}% for this plan. The compliance shown applies it.`);
    } catch (error) {
      showProblems([refusal(error)]);
    }
  }

  const dateError = problemFor(problems, DAY_FIELD);
  const dateInput = (id: string, label: string, key: keyof DateParts, width: 2 | 4) => (
    <div className="nhsuk-date-input__item">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-date-input__label" htmlFor={id}>
          {label}
        </label>
        <input
          className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${dateError ? ' nhsuk-input--error' : ''}`}
          id={id}
          name={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={approvedOn[key]}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setApprovedOn((current) => ({ ...current, [key]: value }));
          }}
        />
      </div>
    </div>
  );

  return (
    <section aria-labelledby="record-flex-heading" className="nhsuk-u-margin-top-4">
      <h3 id="record-flex-heading" className="nhsuk-heading-s">
        Record a flex
      </h3>
      <p className="nhsuk-body-s">An approved exception to one of the {plan.financialYear} rules, for this plan only. A later flex of the same rule replaces the earlier one.</p>
      <div role="status" aria-live="polite">
        {notice && <p className="nhsuk-body nhsuk-u-font-weight-bold">{notice}</p>}
      </div>
      <ErrorSummary id="record-flex-problems" problems={problems} focusRequest={focusRequest} />
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="record-flex-heading">
        <FormGroup id={RULE_FIELD} label="Rule" error={problemFor(problems, RULE_FIELD)}>
          {({ describedBy, invalid }) => (
            <select
              className={`nhsuk-select${invalid ? ' nhsuk-select--error' : ''}`}
              id={RULE_FIELD}
              name={RULE_FIELD}
              value={rule}
              aria-describedby={describedBy}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setRule(isFinancialRuleCode(value) ? value : '');
              }}
            >
              <option value="">Choose a rule</option>
              {rules.map((option) => (
                <option key={option.code} value={option.code}>
                  {RULE_LABELS[option.code]} ({ruleTerms(option.code, option.percentage.toString())})
                </option>
              ))}
            </select>
          )}
        </FormGroup>
        {inForce && (
          <p className="nhsuk-body-s">
            This replaces the flex of {inForce.percentage}% approved on {formatDate(inForce.approvedOn)}.
          </p>
        )}
        <FormGroup id={PERCENTAGE_FIELD} label="Percentage for this plan" hint={percentageHint(chosen?.code ?? null, chosen?.percentage.toString() ?? null)} error={problemFor(problems, PERCENTAGE_FIELD)}>
          {({ describedBy, invalid }) => <PercentageInput id={PERCENTAGE_FIELD} value={percentage} describedBy={describedBy} invalid={invalid} onChange={setPercentage} />}
        </FormGroup>
        <FormGroup id={REASON_FIELD} label="Why was it approved?" hint="The CCG and NHS England see this beside the rule." error={problemFor(problems, REASON_FIELD)}>
          {({ describedBy, invalid }) => (
            <textarea
              className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`}
              id={REASON_FIELD}
              name={REASON_FIELD}
              rows={3}
              value={reason}
              aria-describedby={describedBy}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
          )}
        </FormGroup>
        <div className={`nhsuk-form-group${dateError ? ' nhsuk-form-group--error' : ''}`}>
          <fieldset className="nhsuk-fieldset" role="group" aria-describedby={`flex-approved-on-hint${dateError ? ' flex-approved-on-error' : ''}`}>
            <legend className="nhsuk-fieldset__legend nhsuk-label">When was it approved?</legend>
            <div className="nhsuk-hint" id="flex-approved-on-hint">
              For example, 15 9 2014. Leave it blank for today.
            </div>
            {dateError && (
              <span className="nhsuk-error-message" id="flex-approved-on-error">
                <span className="nhsuk-u-visually-hidden">Error: </span>
                {dateError}
              </span>
            )}
            <div className="nhsuk-date-input">
              {dateInput(DAY_FIELD, 'Day', 'day', 2)}
              {dateInput(MONTH_FIELD, 'Month', 'month', 2)}
              {dateInput(YEAR_FIELD, 'Year', 'year', 4)}
            </div>
          </fieldset>
        </div>
        {previewed && (
          <p className="nhsuk-body-s" id="flex-preview">
            <strong>With this flex:</strong> {complianceSentence(previewed)}
          </p>
        )}
        <button type="submit" className="nhsuk-button" disabled={loading}>
          {loading ? 'Recording…' : 'Record the flex'}
        </button>
      </form>
    </section>
  );
}
