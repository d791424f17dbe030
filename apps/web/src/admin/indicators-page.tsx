import { financialYearsBetween, financialYearStartingIn } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import type { IndicatorDefinitionFieldsFragment, IndicatorUnit, PeriodType, Polarity } from '../gql/graphql';
import { formatValue } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, problemFor, Radios, refusalProblem, TableContainer, TextInput, type FormProblem } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { CreateIndicatorMutation, IndicatorDefinitionsQuery, UpdateIndicatorMutation } from './indicators.operations';
import { SetStandardThresholdMutation } from './standards.operations';

type IndicatorDefinition = IndicatorDefinitionFieldsFragment;

const UNIT_LABELS: Record<IndicatorUnit, string> = {
  PERCENTAGE: 'Percentage (numerator out of denominator)',
  COUNT: 'Count',
  RATE: 'Rate (numerator per denominator)',
  MINUTES: 'Minutes',
};
const POLARITY_LABELS: Record<Polarity, string> = { HIGHER_IS_BETTER: 'Higher is better', LOWER_IS_BETTER: 'Lower is better', NEUTRAL: 'Neither direction is better' };
const PERIOD_TYPE_LABELS: Record<PeriodType, string> = { MONTH: 'Monthly', QUARTER: 'Quarterly (financial quarters)', YEAR: 'Yearly (April to March)' };

/**
 * `/admin/indicators`: every indicator with its definition (decision 0031). Administrators define new ones so that
 * analysts can import their values (the "Values of any defined indicator" import), and change their definitions.
 */
export function IndicatorsPage() {
  usePageTitle('Indicators');
  const { data, loading, error } = useQuery(IndicatorDefinitionsQuery);
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  return (
    <>
      <h1 className="nhsuk-heading-l">Indicators</h1>
      <p className="nhsuk-lede-text">
        What the provider scorecards, grid, comparison and charts measure. Define an indicator here, then an analyst imports its values as “Values of any defined indicator”.
      </p>
      <div role="status" aria-live="polite">
        {saved && <p className="nhsuk-body">{saved} was saved.</p>}
      </div>
      <p>
        <Link className="nhsuk-button" to="/admin/indicators/new" draggable={false}>
          Define an indicator
        </Link>
      </p>
      {loading && !data ? (
        <Loading label="Loading the indicators" />
      ) : error && !data ? (
        <ErrorSummary title="The indicators could not be loaded" headingLevel="h2">
          <p>{describeError(error)}</p>
        </ErrorSummary>
      ) : (
        <TableContainer>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">Every indicator, by code</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  Indicator
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Measured
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Source
                </th>
                <th scope="col" className="nhsuk-table__header">
                  <span className="nhsuk-u-visually-hidden">Change</span>
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {(data?.indicators ?? []).map((indicator) => (
                <tr key={indicator.code} className="nhsuk-table__row">
                  <th scope="row" className="nhsuk-table__header">
                    {indicator.name}
                    <span className="nhsuk-body-s nhsuk-u-secondary-text-colour ccg-block">{indicator.code}</span>
                  </th>
                  <td className="nhsuk-table__cell">
                    {UNIT_LABELS[indicator.unit as IndicatorUnit] ?? indicator.unit}; {PERIOD_TYPE_LABELS[indicator.periodType].toLowerCase()}; {POLARITY_LABELS[indicator.polarity].toLowerCase()}
                  </td>
                  <td className="nhsuk-table__cell">{indicator.source}</td>
                  <td className="nhsuk-table__cell">
                    <Link to={`/admin/indicators/${encodeURIComponent(indicator.code)}`}>
                      Change<span className="nhsuk-u-visually-hidden"> {indicator.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
    </>
  );
}

/** `/admin/indicators/new` and `/admin/indicators/:code`: define an indicator, or change one's definition. */
export function IndicatorPage() {
  const { code } = useParams();
  const isNew = code === undefined;
  usePageTitle(isNew ? 'Define an indicator' : 'Change an indicator');
  const { data, loading, error } = useQuery(IndicatorDefinitionsQuery, { skip: isNew });
  if (isNew) return <IndicatorForm stored={null} />;
  if (loading && !data) return <Loading label="Loading the indicator" />;
  if (error && !data) {
    return (
      <ErrorSummary title="The indicator could not be loaded" headingLevel="h2">
        <p>{describeError(error)}</p>
      </ErrorSummary>
    );
  }
  const stored = data?.indicators.find((indicator) => indicator.code === code);
  if (!stored) {
    return (
      <>
        <h1 className="nhsuk-heading-l">No indicator has the code {code}</h1>
        <p className="nhsuk-body">
          <Link to="/admin/indicators">Back to the indicators</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <IndicatorForm stored={stored} />
      {!stored.definedByImport && stored.polarity !== 'NEUTRAL' && <StandardForm indicator={stored} />}
    </>
  );
}

/** The financial years a standard may start in, as on the national standards page: 2013/14 to 2019/20. */
const YEARS = financialYearsBetween(financialYearStartingIn(2013), financialYearStartingIn(2019)).map((year) => year.label);

const STANDARD_REFUSALS: Readonly<Record<string, FormProblem>> = {
  TARGET_OUT_OF_RANGE: { field: 'standard-threshold', message: 'Enter a threshold from 0 to 100, with at most four decimal places' },
  REASON_REQUIRED: { field: 'standard-reason', message: 'Enter why the indicator has this standard' },
  INVALID_FINANCIAL_YEAR: { field: 'standard-year', message: 'Choose a financial year' },
  NEUTRAL_INDICATOR: { field: null, message: 'Neither direction of this indicator is better, so it has no standard to meet' },
};

/**
 * Sets the indicator's national standard from a financial year (setStandardThreshold, decision 0031): the first one
 * takes the indicator's definition; later changes are made here or on the national standards page.
 */
function StandardForm({ indicator }: { indicator: IndicatorDefinition }) {
  const [year, setYear] = useState('');
  const [threshold, setThreshold] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetStandardThresholdMutation, { refetchQueries: ['Standards'] });
  const report = (found: FormProblem[]) => {
    setProblems(found);
    setFocus((n) => n + 1);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const value = Number(threshold.trim());
    const found: FormProblem[] = [];
    if (!year) found.push(STANDARD_REFUSALS.INVALID_FINANCIAL_YEAR as FormProblem);
    if (!/^\d+(\.\d{1,4})?$/.test(threshold.trim()) || (indicator.unit === 'PERCENTAGE' && value > 100)) found.push(STANDARD_REFUSALS.TARGET_OUT_OF_RANGE as FormProblem);
    if (!reason.trim()) found.push(STANDARD_REFUSALS.REASON_REQUIRED as FormProblem);
    if (found.length > 0) return report(found);
    setProblems([]);
    try {
      const result = await save({ variables: { input: { code: indicator.code, financialYear: year, threshold: value, reason: reason.trim() } } });
      const saved = result.data?.setStandardThreshold;
      if (saved) setDone(`The standard of ${indicator.name} is ${formatValue(saved.threshold, indicator.unit)} from ${saved.financialYear}.`);
      setThreshold('');
      setReason('');
    } catch (error) {
      report([refusalProblem(error, STANDARD_REFUSALS, 'Only administrators set national standards.')]);
    }
  }

  const yearError = problemFor(problems, 'standard-year');
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="standard-heading" className="nhsuk-u-margin-top-7">
      <h2 id="standard-heading" className="nhsuk-heading-m">
        Its national standard
      </h2>
      <p className="nhsuk-body">
        The threshold providers are judged against from a financial year, until the next; every provider’s scores follow at once. All standards are on the{' '}
        <Link to="/standards">national standards</Link> page.
      </p>
      <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h3" />
      <div className={`nhsuk-form-group${yearError ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="standard-year">
          From the financial year
        </label>
        {yearError && (
          <span className="nhsuk-error-message" id="standard-year-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {yearError}
          </span>
        )}
        <select className={`nhsuk-select${yearError ? ' nhsuk-select--error' : ''}`} id="standard-year" value={year} aria-describedby={yearError ? 'standard-year-error' : undefined} onChange={(event) => setYear(event.currentTarget.value)}>
          <option value="">Choose a year</option>
          {YEARS.map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <TextInput
        id="standard-threshold"
        label="Threshold"
        hint={indicator.unit === 'PERCENTAGE' ? 'A percentage from 0 to 100, for example 92' : 'A number, 0 or more'}
        width={5}
        inputMode="decimal"
        suffix={indicator.unit === 'PERCENTAGE' ? '%' : undefined}
        value={threshold}
        error={problemFor(problems, 'standard-threshold')}
        onChange={(event) => setThreshold(event.currentTarget.value)}
      />
      <TextInput id="standard-reason" label="Why" hint="For example, the planning guidance or contract that sets it" value={reason} error={problemFor(problems, 'standard-reason')} onChange={(event) => setReason(event.currentTarget.value)} />
      <Button type="submit" disabled={loading}>
        Set the standard
      </Button>
      <div role="status" aria-live="polite">
        {done && <p className="nhsuk-body">{done}</p>}
      </div>
    </form>
  );
}

const REFUSALS: Readonly<Record<string, FormProblem>> = {
  INDICATOR_CODE_INVALID: { field: 'indicator-code', message: 'Enter a code that starts with a capital letter, then capital letters, digits and underscores, like RTT_INCOMPLETE_18WK' },
  INDICATOR_EXISTS: { field: 'indicator-code', message: 'There is already an indicator with this code: choose another' },
  NAME_REQUIRED: { field: 'indicator-name', message: 'Enter the indicator’s name' },
  SOURCE_REQUIRED: { field: 'indicator-source', message: 'Enter where the indicator’s data comes from' },
  INDICATOR_HAS_VALUES: { field: null, message: 'The indicator has values: its unit and period type cannot change now' },
  INDICATOR_DEFINED_BY_IMPORT: { field: null, message: 'The A&E indicators are defined by the national standards with each A&E import, not here' },
  INDICATOR_NOT_FOUND: { field: null, message: 'The indicator no longer exists' },
};

function IndicatorForm({ stored }: { stored: IndicatorDefinition | null }) {
  const navigate = useNavigate();
  const [code, setCode] = useState(stored?.code ?? '');
  const [name, setName] = useState(stored?.name ?? '');
  const [description, setDescription] = useState(stored?.description ?? '');
  const [unit, setUnit] = useState<string | null>(stored?.unit ?? null);
  const [polarity, setPolarity] = useState<string | null>(stored?.polarity ?? null);
  const [periodType, setPeriodType] = useState<string | null>(stored?.periodType ?? null);
  const [numeratorDefinition, setNumeratorDefinition] = useState(stored?.numeratorDefinition ?? '');
  const [denominatorDefinition, setDenominatorDefinition] = useState(stored?.denominatorDefinition ?? '');
  const [source, setSource] = useState(stored?.source ?? '');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [create, creating] = useMutation(CreateIndicatorMutation, { refetchQueries: ['IndicatorDefinitions'] });
  const [update, updating] = useMutation(UpdateIndicatorMutation, { refetchQueries: ['IndicatorDefinitions'] });
  const report = (found: FormProblem[]) => {
    setProblems(found);
    setFocus((n) => n + 1);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FormProblem[] = [];
    if (!stored && !/^[A-Z][A-Z0-9_]{0,39}$/.test(code.trim())) found.push(REFUSALS.INDICATOR_CODE_INVALID as FormProblem);
    if (!name.trim()) found.push(REFUSALS.NAME_REQUIRED as FormProblem);
    if (!unit) found.push({ field: 'indicator-unit-1', message: 'Choose the unit' });
    if (!polarity) found.push({ field: 'indicator-polarity-1', message: 'Choose which direction is better' });
    if (!periodType) found.push({ field: 'indicator-period-1', message: 'Choose the period each value covers' });
    if (!source.trim()) found.push(REFUSALS.SOURCE_REQUIRED as FormProblem);
    if (found.length > 0) return report(found);
    setProblems([]);
    const definition = {
      name: name.trim(),
      description: description.trim() || null,
      unit: unit as IndicatorUnit,
      polarity: polarity as Polarity,
      periodType: periodType as PeriodType,
      numeratorDefinition: numeratorDefinition.trim() || null,
      denominatorDefinition: denominatorDefinition.trim() || null,
      source: source.trim(),
    };
    try {
      if (stored) await update({ variables: { input: { code: stored.code, ...definition } } });
      else await create({ variables: { input: { code: code.trim(), ...definition } } });
      void navigate('/admin/indicators', { state: { saved: definition.name } });
    } catch (error) {
      report([refusalProblem(error, REFUSALS, 'Only administrators define indicators.')]);
    }
  }

  const choiceError = (field: string) => problemFor(problems, `${field}-1`);
  return (
    <>
      <p className="nhsuk-body">
        <Link to="/admin/indicators">Back to the indicators</Link>
      </p>
      <h1 className="nhsuk-heading-l">{stored ? `Change ${stored.name}` : 'Define an indicator'}</h1>
      <ErrorSummary problems={problems} focusRequest={focus} />
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={stored ? 'Change the indicator' : 'Define an indicator'}>
        {stored ? (
          <p className="nhsuk-body">Code: {stored.code}</p>
        ) : (
          <TextInput
            id="indicator-code"
            label="Code"
            hint="Capital letters, digits and underscores, starting with a letter; it names the indicator in import files, for example RTT_INCOMPLETE_18WK"
            width={30}
            spellCheck={false}
            value={code}
            error={problemFor(problems, 'indicator-code')}
            onChange={(event) => setCode(event.currentTarget.value)}
          />
        )}
        <TextInput id="indicator-name" label="Name" value={name} error={problemFor(problems, 'indicator-name')} onChange={(event) => setName(event.currentTarget.value)} />
        <TextInput id="indicator-description" label="What it measures (optional)" value={description} onChange={(event) => setDescription(event.currentTarget.value)} />
        <ChoiceError message={choiceError('indicator-unit')} id="indicator-unit-error" />
        <Radios
          name="indicator-unit"
          legend="Unit"
          legendSize="s"
          hint={stored ? 'It cannot change once the indicator has values.' : 'A percentage is 100 × numerator ÷ denominator, and its numerator never exceeds its denominator.'}
          items={(Object.keys(UNIT_LABELS) as IndicatorUnit[]).map((value) => ({ value, label: UNIT_LABELS[value] }))}
          value={unit}
          onChange={setUnit}
        />
        <ChoiceError message={choiceError('indicator-polarity')} id="indicator-polarity-error" />
        <Radios
          name="indicator-polarity"
          legend="Which direction is better"
          legendSize="s"
          hint="The charts’ improvement direction, unless a national standard says otherwise."
          items={(Object.keys(POLARITY_LABELS) as Polarity[]).map((value) => ({ value, label: POLARITY_LABELS[value] }))}
          value={polarity}
          onChange={setPolarity}
        />
        <ChoiceError message={choiceError('indicator-period')} id="indicator-period-error" />
        <Radios
          name="indicator-period"
          legend="Each value covers"
          legendSize="s"
          items={(Object.keys(PERIOD_TYPE_LABELS) as PeriodType[]).map((value) => ({ value, label: PERIOD_TYPE_LABELS[value] }))}
          value={periodType}
          onChange={setPeriodType}
        />
        <TextInput id="indicator-numerator" label="What the numerator counts (optional)" value={numeratorDefinition} onChange={(event) => setNumeratorDefinition(event.currentTarget.value)} />
        <TextInput id="indicator-denominator" label="What the denominator counts (optional)" value={denominatorDefinition} onChange={(event) => setDenominatorDefinition(event.currentTarget.value)} />
        <TextInput
          id="indicator-source"
          label="Source"
          hint="Where the data comes from: the publication, or say plainly that values are illustrative"
          value={source}
          error={problemFor(problems, 'indicator-source')}
          onChange={(event) => setSource(event.currentTarget.value)}
        />
        <Button type="submit" disabled={creating.loading || updating.loading}>
          {stored ? 'Save the changes' : 'Define the indicator'}
        </Button>
      </form>
    </>
  );
}

/** A choice's error, above its radios (the summary links to the first radio). */
function ChoiceError({ message, id }: { message: string | undefined; id: string }) {
  if (!message) return null;
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </span>
  );
}
