import { Money } from '@ccg-assure/domain';
import { RaiseEscalationLink } from '../escalation/raise-link';
import { ForecastChart } from './forecast-chart';
import { ForecastForm } from './forecast-form';
import { forecastMonthName } from './forecast-months';
import { takesForecasts } from './plan-offers';
import type { StoredPlan } from './financial-plan.fragment';
import { WarningThresholdForm } from './warning-threshold-form';

interface PlanForecastsProps {
  plan: StoredPlan;
  ccgName: string;
  /** The viewer may record a month's forecast (RECORD_FORECAST). */
  recordForecast: boolean;
  /** The viewer may set the warning threshold (SET_WARNING_THRESHOLD). */
  setWarningThreshold: boolean;
}

/**
 * In-year forecast outturn against the approved plan: the chart once the plan takes forecasts (or has
 * some), the form to record one, and the warning threshold, each for those the lifecycle allows.
 */
export function PlanForecasts({ plan, ccgName, recordForecast, setWarningThreshold }: PlanForecastsProps) {
  const open = takesForecasts(plan.status) || plan.forecasts.length > 0;
  if (!open && !setWarningThreshold) return null;
  return (
    <section aria-labelledby="forecast-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="forecast-heading" className="nhsuk-heading-m">
        Forecast outturn against plan
      </h2>
      {open ? (
        <>
          <ForecastChart title={`${ccgName} ${plan.financialYear}`} financialYear={plan.financialYear} forecasts={plan.forecasts} warning={plan.financialWarning} />
          {plan.financialWarning && (
            <RaiseEscalationLink
              kind="FINANCIAL_WARNING"
              ccg={plan.ccg.code}
              text={`Forecast outturn warning on the ${plan.financialYear} plan: in ${forecastMonthName(plan.financialWarning.month)} the forecast is ${Money.parse(plan.financialWarning.adverseVariance).toDisplayString()} worse than plan, beyond the threshold of ${Money.parse(plan.financialWarning.threshold).toDisplayString()}.`}
              about={`the ${plan.financialYear} forecast warning`}
            />
          )}
        </>
      ) : (
        <p className="nhsuk-body">The CCG records forecasts once the plan is approved.</p>
      )}
      <div className="nhsuk-grid-row">
        {recordForecast && (
          <div className="nhsuk-grid-column-one-half">
            <ForecastForm plan={plan} />
          </div>
        )}
        {setWarningThreshold && (
          <div className="nhsuk-grid-column-one-half">
            <WarningThresholdForm plan={plan} />
          </div>
        )}
      </div>
    </section>
  );
}
