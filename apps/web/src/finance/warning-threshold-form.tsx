import { FINANCE_ROUNDING, Money, Percentage } from '@ccg-assure/domain';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { SetForecastWarningThresholdMutation } from './financial-plans.operations';
import { ErrorSummary, FormGroup, problemFor, refusalProblem, type FormProblem } from '../ui/nhs';
import { PercentageInput, readPercentage } from './percentage-input';
import type { StoredPlan } from './financial-plan.fragment';

const THRESHOLD_FIELD = 'warning-threshold';

/** The threshold in pounds: allocation x percentage, exact, rounded once to the penny by the finance rounding rule (as the API does). */
const inPounds = (allocation: string, percentage: Percentage) => Money.parse(allocation).multiplyByPercentage(percentage, FINANCE_ROUNDING).toDisplayString();

const refusal = (error: unknown) =>
  refusalProblem(
    error,
    {
      INVALID_THRESHOLD: { field: THRESHOLD_FIELD, message: 'The warning threshold must be from 0 to 100' },
      INVALID_PERCENTAGE: { field: THRESHOLD_FIELD, message: 'The warning threshold must be a number, like 1 or 1.5' },
      NOT_PERMITTED: { field: null, message: 'Only NHS England assessors can set the warning threshold.' },
    },
    'Only NHS England assessors can set the warning threshold.',
  );

/**
 * An NHS England assessor sets the adverse variance, as a percentage of the plan's allocation, above which a
 * month's forecast raises a financial warning (1% unless set). The chart and warning follow the saved plan.
 */
export function WarningThresholdForm({ plan }: { plan: StoredPlan }) {
  const current = Percentage.parse(plan.forecastWarningThresholdPercent);
  const [threshold, setThreshold] = useState(current.toString());
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [setWarningThreshold, { loading }] = useMutation(SetForecastWarningThresholdMutation);
  const allocation = plan.latestVersion.allocation;

  function showProblems(found: FormProblem[]) {
    setProblems(found);
    setFocusRequest((n) => n + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const reading = readPercentage(threshold, 'The warning threshold');
    if (reading.state !== 'valid') {
      showProblems([{ field: THRESHOLD_FIELD, message: reading.state === 'empty' ? 'Enter the warning threshold as a percentage of allocation' : reading.message }]);
      return;
    }
    setProblems([]);
    try {
      const result = await setWarningThreshold({ variables: { input: { planId: plan.id, percentage: reading.percentage.toString() } } });
      const saved = Percentage.parse(result.data?.setForecastWarningThreshold.forecastWarningThresholdPercent ?? reading.percentage.toString());
      setThreshold(saved.toString());
      setNotice(`The warning threshold is now ${saved.toString()}% of allocation (${inPounds(allocation, saved)}).`);
    } catch (error) {
      showProblems([refusal(error)]);
    }
  }

  return (
    <section aria-labelledby="warning-threshold-heading" className="nhsuk-u-margin-top-6">
      <h3 id="warning-threshold-heading" className="nhsuk-heading-s">
        Forecast warning threshold
      </h3>
      <div role="status" aria-live="polite">
        {notice && <p className="nhsuk-body nhsuk-u-font-weight-bold">{notice}</p>}
      </div>
      <ErrorSummary id="warning-threshold-problems" problems={problems} focusRequest={focusRequest} />
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="warning-threshold-heading">
        <FormGroup
          id={THRESHOLD_FIELD}
          label="Warning threshold, as a percentage of allocation"
          hint={`A forecast more than this over the approved plan raises a financial warning. The default is 1%. Now ${current.toString()}%: ${inPounds(allocation, current)}.`}
          error={problemFor(problems, THRESHOLD_FIELD)}
        >
          {({ describedBy, invalid }) => <PercentageInput id={THRESHOLD_FIELD} value={threshold} describedBy={describedBy} invalid={invalid} onChange={setThreshold} />}
        </FormGroup>
        <button type="submit" className="nhsuk-button" disabled={loading}>
          {loading ? 'Setting…' : 'Set the threshold'}
        </button>
      </form>
    </section>
  );
}
