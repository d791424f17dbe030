import { assessForecastVariance, Money, Percentage } from '@ccg-assure/domain';
import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { RecordForecastOutturnMutation } from './financial-plans.operations';
import { varianceWords } from './forecast-chart';
import { financialYearSpan, forecastMonthName, forecastMonthsOf } from './forecast-months';
import { ErrorSummary, FormGroup, problemFor, refusalProblem, type FormProblem } from '../ui/nhs';
import { MoneyInput } from './money-input';
import { readAmount } from './plan-draft';
import type { StoredPlan } from './financial-plan.fragment';

const MONTH_FIELD = 'forecast-month';
const AMOUNT_FIELD = 'forecast-amount';
const AMOUNT_LABEL = 'Forecast outturn';

/** A forecast read from the form, ready to confirm. */
interface ReadForecast {
  month: string;
  amount: Money;
}

/** How the forecast will measure against the approved plan, by the same domain rule the API applies. */
function measure(plan: StoredPlan, amount: Money) {
  const approved = plan.latestVersion;
  const thresholdPercent = Percentage.parse(plan.forecastWarningThresholdPercent);
  return {
    thresholdPercent,
    ...assessForecastVariance({
      allocation: Money.parse(approved.allocation),
      plannedSpend: Money.parse(approved.compliance.plannedSpend),
      forecastOutturn: amount,
      thresholdPercent,
    }),
  };
}

function refusal(error: unknown, financialYear: string): FormProblem {
  return refusalProblem(
    error,
    {
      MONTH_OUTSIDE_FINANCIAL_YEAR: { field: MONTH_FIELD, message: `Select a month in the ${financialYear} financial year, ${financialYearSpan(financialYear)}` },
      NEGATIVE_AMOUNT: { field: AMOUNT_FIELD, message: `${AMOUNT_LABEL} must be £0 or more` },
      INVALID_MONEY: { field: AMOUNT_FIELD, message: `${AMOUNT_LABEL} must be an amount in pounds, like 1250000 or 1250000.50` },
      PLAN_NOT_APPROVED: { field: null, message: 'Forecasts are measured against the approved plan, and this plan has no approved version now. Reload the page to see where it is.' },
      NOT_YOUR_CCG: { field: null, message: "Only the CCG's own finance officers can record its forecasts." },
    },
    "Only the CCG's own finance officers can record its forecasts.",
  );
}

/**
 * A finance officer records the forecast outturn made in one month of the year, for the whole year, against
 * the approved plan: month and amount, then a confirmation of what will be recorded and how it measures
 * against the plan. Refusals are said by their reason with the typed values kept.
 */
export function ForecastForm({ plan }: { plan: StoredPlan }) {
  const { financialYear } = plan;
  const [month, setMonth] = useState('');
  const [amount, setAmount] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);
  const [confirming, setConfirming] = useState<ReadForecast | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [recordForecast, { loading }] = useMutation(RecordForecastOutturnMutation);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const [backToForm, setBackToForm] = useState(0);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  // Back from the confirmation to change it: focus returns to the first field rather than the page's top.
  useEffect(() => {
    if (backToForm) document.getElementById(MONTH_FIELD)?.focus();
  }, [backToForm]);

  const recorded = new Map(plan.forecasts.map((forecast) => [forecast.month, forecast.forecastOutturn]));

  function showProblems(found: FormProblem[]) {
    setProblems(found);
    setFocusRequest((n) => n + 1);
  }

  function check(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const found: FormProblem[] = [];
    if (!month) found.push({ field: MONTH_FIELD, message: 'Select the month the forecast was made in' });
    const reading = readAmount(amount, AMOUNT_LABEL);
    if (reading.state === 'empty') found.push({ field: AMOUNT_FIELD, message: `Enter the forecast outturn for the whole of ${financialYear}` });
    if (reading.state === 'invalid') found.push({ field: AMOUNT_FIELD, message: reading.message });
    if (found.length || reading.state !== 'valid') {
      showProblems(found);
      return;
    }
    setProblems([]);
    setConfirming({ month, amount: reading.amount });
  }

  async function record(forecast: ReadForecast) {
    try {
      const result = await recordForecast({ variables: { input: { planId: plan.id, month: forecast.month, amount: forecast.amount.toString() } } });
      const saved = result.data?.recordForecastOutturn.forecasts.find((point) => point.month === forecast.month);
      setConfirming(null);
      setMonth('');
      setAmount('');
      setNotice(
        `Recorded the ${forecastMonthName(forecast.month)} forecast outturn: ${forecast.amount.toDisplayString()}${saved ? `, ${varianceWords(saved.variance)}${saved.warning ? ', above the warning threshold' : ''}` : ''}.`,
      );
    } catch (error) {
      setConfirming(null);
      showProblems([refusal(error, financialYear)]);
    }
  }

  const confirmation = confirming ? measure(plan, confirming.amount) : null;
  const replaced = confirming ? recorded.get(confirming.month) : undefined;

  return (
    <section aria-labelledby="record-forecast-heading" className="nhsuk-u-margin-top-6">
      <h3 id="record-forecast-heading" className="nhsuk-heading-s">
        Record a month's forecast outturn
      </h3>
      <div role="status" aria-live="polite">
        {notice && <p className="nhsuk-body nhsuk-u-font-weight-bold">{notice}</p>}
      </div>
      <ErrorSummary id="record-forecast-problems" problems={problems} focusRequest={focusRequest} />
      {confirming && confirmation ? (
        <div className="nhsuk-card ccg-confirm">
          <div className="nhsuk-card__content">
            <h4 className="nhsuk-heading-s" tabIndex={-1} ref={confirmRef}>
              Record {confirming.amount.toDisplayString()} as the {forecastMonthName(confirming.month)} forecast outturn?
            </h4>
            <dl className="nhsuk-summary-list">
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">Month</dt>
                <dd className="nhsuk-summary-list__value">{forecastMonthName(confirming.month)}</dd>
              </div>
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">Forecast outturn for {financialYear}</dt>
                <dd className="nhsuk-summary-list__value ccg-nowrap">{confirming.amount.toDisplayString()}</dd>
              </div>
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">Against the approved plan</dt>
                <dd className="nhsuk-summary-list__value">
                  {varianceWords(confirmation.variance.toString())}, against planned spend of {Money.parse(plan.latestVersion.compliance.plannedSpend).toDisplayString()}
                </dd>
              </div>
            </dl>
            <p className="nhsuk-body">
              {confirmation.warning
                ? `This is above the warning threshold of ${confirmation.warningThreshold.toDisplayString()} (${confirmation.thresholdPercent.toString()}% of allocation), so it raises a financial warning.`
                : `This is within the warning threshold of ${confirmation.warningThreshold.toDisplayString()} (${confirmation.thresholdPercent.toString()}% of allocation).`}
            </p>
            {replaced !== undefined && (
              <p className="nhsuk-body">
                It replaces the {Money.parse(replaced).toDisplayString()} recorded for {forecastMonthName(confirming.month)}.
              </p>
            )}
            <div className="ccg-button-row">
              <button type="button" className="nhsuk-button" disabled={loading} onClick={() => void record(confirming)}>
                {loading ? 'Recording…' : 'Yes, record the forecast'}
              </button>
              <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={loading} onClick={() => {
                  setConfirming(null);
                  setBackToForm((n) => n + 1);
                }}
              >
                Change it
              </button>
            </div>
          </div>
        </div>
      ) : (
        <form onSubmit={check} noValidate aria-labelledby="record-forecast-heading">
          <FormGroup id={MONTH_FIELD} label="Month" hint="The month the forecast was made in. Recording a month again replaces its forecast." error={problemFor(problems, MONTH_FIELD)}>
            {({ describedBy, invalid }) => (
              <select
                className={`nhsuk-select${invalid ? ' nhsuk-select--error' : ''}`}
                id={MONTH_FIELD}
                name={MONTH_FIELD}
                value={month}
                aria-describedby={describedBy}
                onChange={(event) => setMonth(event.currentTarget.value)}
              >
                <option value="">Choose a month</option>
                {forecastMonthsOf(financialYear).map((option) => (
                  <option key={option} value={option}>
                    {forecastMonthName(option)}
                    {recorded.has(option) ? ' (recorded)' : ''}
                  </option>
                ))}
              </select>
            )}
          </FormGroup>
          <FormGroup
            id={AMOUNT_FIELD}
            label={`Forecast outturn for the whole of ${financialYear}`}
            hint="The spend for the year as forecast that month, in pounds: for example, 198500000 or £198,500,000.50."
            error={problemFor(problems, AMOUNT_FIELD)}
          >
            {({ describedBy, invalid }) => <MoneyInput id={AMOUNT_FIELD} value={amount} describedBy={describedBy} invalid={invalid} onChange={setAmount} />}
          </FormGroup>
          <button type="submit" className="nhsuk-button">
            Continue
          </button>
        </form>
      )}
    </section>
  );
}
