import {
  assessableYearsOf,
  compareIsoDates,
  defaultAssessmentYear,
  evidenceOlderThanQuarter,
  financialYearOf,
  findAssuranceFrameworkInForce,
  organisationName,
  parseFinancialYear,
  todayInEngland,
} from '@ccg-assure/domain';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import { useViewer } from '../auth/viewer';
import { DateInput, dateFieldToFix, dateInputExample, dateInputProblem, Fieldset, FormGroup, TextInput, WarningCallout } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { assessableYears, assessmentPath, isAssessor } from './assurance-access';
import { monthLabel, monthName } from '../ui/format';
import { AssuranceTriggersQuery, CcgLifeQuery, StartAssessmentMutation } from './assessment.operations';
import { CcgAssuranceQuery } from './ccg-assurance.operations';

interface Errors {
  ccg?: string;
  financialYear?: string;
  quarter?: string;
  assessedOn?: string;
  form?: string;
}

/**
 * The API's refusals of a new assessment, by `extensions.reason`, each against the field it concerns (STYLE.md
 * "Errors": codes, never message text). ASSESSMENT_EXISTS is answered apart: it also finds the assessment.
 */
const startRefusals = (code: string): Readonly<Record<string, Errors>> => ({
  ORGANISATION_NOT_FOUND: { ccg: `There is no CCG with the code ${code}` },
  NOT_A_CCG: { ccg: `There is no CCG with the code ${code}` },
  DATE_IN_FUTURE: { assessedOn: 'The day of the assessment cannot be in the future' },
  NO_FRAMEWORK_IN_FORCE: { financialYear: 'No assurance framework was in force then' },
  INVALID_FINANCIAL_YEAR: { financialYear: 'No assurance framework was in force then' },
  CCG_NOT_OPEN_IN_PERIOD: { financialYear: `${code} did not exist in that quarter: choose a year it was open` },
  QUARTER_NOT_STARTED: { quarter: 'That quarter has not begun: choose one that has' },
});

const CCG_CODE = /^[A-Za-z0-9]{3,5}$/;

/** `/assurance/assessments/new?ccg=02V`: an assessor starts a draft assessment of a CCG for a quarter. */
export function NewAssessmentPage() {
  usePageTitle('Start an assessment');
  const { viewer } = useViewer();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [today] = useState(() => todayInEngland(new Date()));
  const [ccg, setCcg] = useState((params.get('ccg') ?? '').toUpperCase());
  // The year chosen by the assessor; until then, the default for the CCG (the latest year with evidence).
  const [chosenYear, setFinancialYear] = useState<string | null>(null);
  const [quarter, setQuarter] = useState<number | null>(null);
  const [assessedOn, setAssessedOn] = useState(today);
  const [errors, setErrors] = useState<Errors>({});
  const [existing, setExisting] = useState<string | null>(null);
  const [start, { loading }] = useMutation(StartAssessmentMutation);
  const code = ccg.trim().toUpperCase();
  const known = CCG_CODE.test(code);
  const life = useQuery(CcgLifeQuery, { variables: { code }, skip: !known });
  const ccgLife = known && life.data?.organisation.type === 'CCG' ? life.data.organisation : null;
  const evidence = useQuery(AssuranceTriggersQuery, { variables: { ccg: code }, skip: !ccgLife });
  const evidenceAsOf = ccgLife && evidence.data ? (evidence.data.assuranceTriggers.scorecardAsOf ?? null) : null;
  const years = ccgLife ? assessableYearsOf(ccgLife, today) : assessableYears(today);
  const fallbackYear = (ccgLife ? defaultAssessmentYear(years, evidence.data ? evidenceAsOf : null) : years[0]) ?? financialYearOf(today);
  const financialYear = chosenYear && years.some((option) => option.label === chosenYear) ? chosenYear : fallbackYear.label;
  const summaryRef = useRef<HTMLDivElement>(null);
  // The summary takes focus each time an attempt is refused, so that it is read out first.
  useEffect(() => {
    if (Object.keys(errors).length > 0) summaryRef.current?.focus();
  }, [errors]);

  if (!isAssessor(viewer)) {
    return (
      <>
        <h1 className="nhsuk-heading-l">Start an assessment</h1>
        <p className="nhsuk-body">Only NHS England assessors start assessments.</p>
      </>
    );
  }

  const year = parseFinancialYear(financialYear);
  const framework = quarter ? findAssuranceFrameworkInForce(year.quarter(quarter).start) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setExisting(null);
    const found: Errors = {};
    if (!/^[A-Za-z0-9]{3,5}$/.test(ccg.trim())) found.ccg = 'Enter the CCG’s ODS code, for example 02V';
    if (!quarter) found.quarter = 'Select the quarter';
    const dateProblem = dateInputProblem('new-assessed-on', assessedOn, { what: 'The day of the assessment', missing: 'Enter the day of the assessment' });
    if (dateProblem) found.assessedOn = dateProblem.message;
    else if (compareIsoDates(assessedOn, today) > 0) found.assessedOn = 'The day of the assessment cannot be in the future';
    setErrors(found);
    if (Object.keys(found).length > 0 || !quarter) return;
    const code = ccg.trim().toUpperCase();
    try {
      const result = await start({ variables: { input: { ccg: code, financialYear, quarter, assessedOn } } });
      if (result.data) navigate(assessmentPath(result.data.startAssessment.id), { replace: true });
    } catch (error) {
      const { code: errorCode, reason } = errorCodes(error);
      if (errorCode === 'CONFLICT' && reason === 'ASSESSMENT_EXISTS') {
        setErrors({ quarter: `${code} already has an assessment for ${financialYear} quarter ${quarter}` });
        try {
          const found = await client.query({ query: CcgAssuranceQuery, variables: { ccg: code }, fetchPolicy: 'network-only' });
          const match = found.data?.ccgAssurance.assessments.find((a) => a.financialYear === financialYear && a.quarter === quarter);
          if (match) setExisting(match.id);
        } catch {
          // The link to it is a convenience; the message stands without it.
        }
      } else setErrors((reason && startRefusals(code)[reason]) || (errorCode === 'NOT_FOUND' ? startRefusals(code).ORGANISATION_NOT_FOUND : { form: describeError(error) }));
    }
  }

  const list = Object.entries(errors).filter(([key, message]) => message && key !== 'form') as [keyof Errors, string][];
  const fieldIds: Record<keyof Errors, string> = { ccg: 'new-ccg', financialYear: 'new-year', quarter: 'new-quarter-1', assessedOn: dateFieldToFix('new-assessed-on', assessedOn), form: 'new-ccg' };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/assurance" className="nhsuk-back-link">
          Back to the workspace
        </Link>
        <h1 className="nhsuk-heading-l">Start an assessment</h1>
        {(list.length > 0 || errors.form) && (
          <div className="nhsuk-error-summary" role="alert" tabIndex={-1} aria-labelledby="new-problems" ref={summaryRef}>
            <h2 className="nhsuk-error-summary__title" id="new-problems">
              There is a problem
            </h2>
            <div className="nhsuk-error-summary__body">
              <ul className="nhsuk-list nhsuk-error-summary__list">
                {list.map(([key, message]) => (
                  <li key={key}>
                    <a href={`#${fieldIds[key]}`}>{message}</a>
                  </li>
                ))}
              </ul>
              {errors.form && <p>{errors.form}</p>}
              {existing && (
                <p>
                  <Link to={assessmentPath(existing)}>Open that assessment</Link>
                </p>
              )}
            </div>
          </div>
        )}
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextInput id="new-ccg" label="CCG" hint="Its ODS code, for example 02V" error={errors.ccg} width={5} value={ccg} autoComplete="off" spellCheck={false} onChange={(event) => setCcg(event.currentTarget.value)} />
          {ccgLife && years.length === 0 && (
            <p className="nhsuk-body">
              {organisationName(ccgLife.name)} did not exist in any year an assurance framework was in force, so it cannot be assessed.
            </p>
          )}
          <FormGroup
            id="new-year"
            label="Financial year"
            hint={ccgLife ? `The years in which ${organisationName(ccgLife.name)} existed and an assurance framework was in force.` : undefined}
            error={errors.financialYear}
          >
            {({ describedBy }) => (
              <select className="nhsuk-select" id="new-year" value={financialYear} aria-describedby={describedBy} onChange={(event) => setFinancialYear(event.currentTarget.value)}>
                {years.map((option) => (
                  <option key={option.label} value={option.label}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </FormGroup>
          <div className={`nhsuk-form-group${errors.quarter ? ' nhsuk-form-group--error' : ''}`}>
            <Fieldset legend="Quarter" legendSize="s" aria-describedby={errors.quarter ? 'new-quarter-1-error' : undefined}>
              {errors.quarter && (
                <span className="nhsuk-error-message" id="new-quarter-1-error">
                  <span className="nhsuk-u-visually-hidden">Error: </span>
                  {errors.quarter}
                </span>
              )}
              <div className="nhsuk-radios">
                {year.quarters.map((option) => (
                  <div className="nhsuk-radios__item" key={option.number}>
                    <input
                      className="nhsuk-radios__input"
                      id={`new-quarter-${option.number}`}
                      name="quarter"
                      type="radio"
                      checked={quarter === option.number}
                      onChange={() => setQuarter(option.number)}
                    />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={`new-quarter-${option.number}`}>
                      Quarter {option.number}: {monthName(option.start)} to {monthName(option.end)}
                    </label>
                  </div>
                ))}
              </div>
            </Fieldset>
          </div>
          {framework && <p className="nhsuk-body">Rated on the {framework.name}: {framework.domains.map((d) => d.name).join('; ')}.</p>}
          {ccgLife && quarter && evidence.data && evidenceOlderThanQuarter(evidenceAsOf, year.quarter(quarter)) && (
            <WarningCallout heading="The evidence is older than this quarter">
              <p>
                {evidenceAsOf
                  ? `The latest performance data for ${organisationName(ccgLife.name)}'s providers is for ${monthLabel(evidenceAsOf)}, before ${year.quarter(quarter).label} began.`
                  : `There is no performance data for ${organisationName(ccgLife.name)}'s providers.`}{' '}
                An assessment of this quarter would rest on older evidence, and once published it is public and permanent.
              </p>
            </WarningCallout>
          )}
          <DateInput
            id="new-assessed-on"
            legend="Day of the assessment"
            hint={`The next assessment falls due from this day. ${dateInputExample(today)}`}
            error={errors.assessedOn}
            value={assessedOn}
            onChange={setAssessedOn}
          />
          <button type="submit" className="nhsuk-button" disabled={loading}>
            {loading ? 'Starting…' : 'Start the assessment'}
          </button>
        </form>
      </div>
    </div>
  );
}
