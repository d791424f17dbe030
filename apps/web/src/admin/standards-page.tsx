import { financialYearsBetween, financialYearStartingIn } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError } from '../app/graphql-errors';
import { useViewer } from '../auth/viewer';
import type { StandardsQuery as StandardsResult } from '../gql/graphql';
import { formatDate, formatValue } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, problemFor, refusalProblem, TextInput, type FormProblem } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { isAdministrator } from './require-administrator';
import { SetStandardThresholdMutation, StandardsQuery } from './standards.operations';

type StandardVersion = StandardsResult['standards'][number];

/** The financial years offered: from 2013/14, the first the product models, to 2019/20. */
const YEARS = financialYearsBetween(financialYearStartingIn(2013), financialYearStartingIn(2019)).map((year) => year.label);

/**
 * `/standards`: the national provider standards, each version with the financial year it begins and its threshold.
 * Administrators set a threshold from a financial year (audited by the API, which recomputes every provider's scores).
 */
export function StandardsPage() {
  usePageTitle('National standards');
  const { viewer } = useViewer();
  const mayChange = isAdministrator(viewer);
  const { data, loading, error } = useQuery(StandardsQuery);
  const versions = data?.standards ?? [];
  const codes = [...new Set(versions.map((version) => version.code))];
  return (
    <>
      <h1 className="nhsuk-heading-l">National standards</h1>
      <p className="nhsuk-lede-text">
        The standards providers are judged against, each version in force from the start of a financial year until the next. The scorecards’ RAG and assurance use the version in force
        at each month, unless a CCG has agreed a local target or trajectory.
      </p>
      {mayChange ? (
        <p className="nhsuk-body">As an administrator you may set a threshold from a financial year. Each change is recorded in the audit log, and every provider’s scores follow at once.</p>
      ) : (
        <p className="nhsuk-inset-text">Administrators change these standards; you read them.</p>
      )}
      {loading && !data ? (
        <Loading label="Loading the standards" />
      ) : error && !data ? (
        <ErrorSummary title="The standards could not be loaded" headingLevel="h2">
          <p>{describeError(error)}</p>
        </ErrorSummary>
      ) : (
        codes.map((code) => <Standard key={code} versions={versions.filter((version) => version.code === code)} mayChange={mayChange} />)
      )}
    </>
  );
}

const REFUSALS: Readonly<Record<string, FormProblem>> = {
  TARGET_OUT_OF_RANGE: { field: 'threshold', message: 'Enter a threshold from 0 to 100, with at most four decimal places' },
  REASON_REQUIRED: { field: 'reason', message: 'Enter why the standard changes' },
  INVALID_FINANCIAL_YEAR: { field: 'year', message: 'Choose a financial year' },
  ZERO_TOLERANCE_STANDARD: { field: null, message: 'A zero tolerance has no threshold to change' },
};

function Standard({ versions, mayChange }: { versions: StandardVersion[]; mayChange: boolean }) {
  const latest = versions[versions.length - 1] as StandardVersion;
  const headingId = `standard-${latest.code}`;
  return (
    <section aria-labelledby={headingId} className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h2 id={headingId} className="nhsuk-card__heading nhsuk-heading-m">
          {latest.name}
        </h2>
        <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
          {latest.code} · {latest.polarity === 'HIGHER_IS_BETTER' ? 'at or above the threshold meets it' : 'at or below the threshold meets it'} · {latest.source}
        </p>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Versions of {latest.name}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                From
              </th>
              <th scope="col" className="nhsuk-table__header">
                Until
              </th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                Threshold
              </th>
              <th scope="col" className="nhsuk-table__header">
                Why
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {versions.map((version) => (
              <tr key={version.validFrom} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__header">
                  {version.financialYear} ({formatDate(version.validFrom)})
                </th>
                <td className="nhsuk-table__cell">{version.validTo ? formatDate(version.validTo) : 'No end date'}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{version.zeroTolerance ? 'Zero tolerance' : formatValue(version.threshold, version.unit)}</td>
                <td className="nhsuk-table__cell">{version.reason ?? 'As first recorded'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {mayChange && !latest.zeroTolerance && <ThresholdForm standard={latest} />}
      </div>
    </section>
  );
}

function ThresholdForm({ standard }: { standard: StandardVersion }) {
  const prefix = `set-${standard.code}`;
  const [year, setYear] = useState('');
  const [threshold, setThreshold] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetStandardThresholdMutation, { refetchQueries: ['Standards', 'ProviderScorecard'] });
  const id = (field: string | null) => (field ? `${prefix}-${field}` : null);
  const report = (found: FormProblem[]) => {
    setProblems(found.map((problem) => ({ ...problem, field: id(problem.field) })));
    setFocus((n) => n + 1);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const value = Number(threshold.trim());
    const found: FormProblem[] = [];
    if (!year) found.push(REFUSALS.INVALID_FINANCIAL_YEAR as FormProblem);
    if (threshold.trim() === '' || !/^\d+(\.\d{1,4})?$/.test(threshold.trim()) || (standard.unit === 'PERCENTAGE' && value > 100)) found.push(REFUSALS.TARGET_OUT_OF_RANGE as FormProblem);
    if (!reason.trim()) found.push(REFUSALS.REASON_REQUIRED as FormProblem);
    if (found.length > 0) return report(found);
    setProblems([]);
    try {
      const result = await save({ variables: { input: { code: standard.code, financialYear: year, threshold: value, reason: reason.trim() } } });
      const saved = result.data?.setStandardThreshold;
      if (saved) setDone(`${standard.name} is ${formatValue(saved.threshold, standard.unit)} from ${saved.financialYear}${saved.validTo ? ` until ${formatDate(saved.validTo)}` : ''}.`);
      setThreshold('');
      setReason('');
    } catch (error) {
      report([refusalProblem(error, REFUSALS, 'Only administrators change the national standards.')]);
    }
  }

  const yearError = problemFor(problems, `${prefix}-year`);
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className="nhsuk-heading-s">
        Set the threshold from a financial year<span className="nhsuk-u-visually-hidden">: {standard.name}</span>
      </h3>
      <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
      <div className={`nhsuk-form-group${yearError ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={`${prefix}-year`}>
          From the financial year
        </label>
        {yearError && (
          <span className="nhsuk-error-message" id={`${prefix}-year-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {yearError}
          </span>
        )}
        <select className={`nhsuk-select${yearError ? ' nhsuk-select--error' : ''}`} id={`${prefix}-year`} value={year} aria-describedby={yearError ? `${prefix}-year-error` : undefined} onChange={(event) => setYear(event.currentTarget.value)}>
          <option value="">Choose a year</option>
          {YEARS.map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <TextInput
        id={`${prefix}-threshold`}
        label="Threshold"
        hint={standard.unit === 'PERCENTAGE' ? 'A percentage from 0 to 100, for example 92.5' : 'A number, 0 or more'}
        width={5}
        inputMode="decimal"
        suffix={standard.unit === 'PERCENTAGE' ? '%' : undefined}
        value={threshold}
        error={problemFor(problems, `${prefix}-threshold`)}
        onChange={(event) => setThreshold(event.currentTarget.value)}
      />
      <TextInput id={`${prefix}-reason`} label="Why it changes" hint="For example, the planning guidance for the year" value={reason} error={problemFor(problems, `${prefix}-reason`)} onChange={(event) => setReason(event.currentTarget.value)} />
      <Button type="submit" disabled={loading}>
        Set the threshold
      </Button>
      <div role="status" aria-live="polite">
        {done && <p className="nhsuk-body">{done}</p>}
      </div>
    </form>
  );
}
