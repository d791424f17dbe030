import { Percentage } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError } from '../app/graphql-errors';
import type { ContractManagementTermsFieldsFragment } from '../gql/graphql';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, problemFor, refusalProblem, TextInput, type FormProblem } from '../ui/nhs';
import { ContractManagementTermsQuery, UpdateContractManagementTermsMutation } from './contracts.operations';

type Terms = ContractManagementTermsFieldsFragment;
type Field = 'meetingWithinOperationalDays' | 'rapAgreeWithinOperationalDays' | 'investigationReportOperationalDays' | 'withholdingPercent' | 'withholdingRetainedAfterMonths' | 'source';

const FIELDS: readonly { field: Field; label: string; hint?: string; whole: boolean }[] = [
  { field: 'meetingWithinOperationalDays', label: 'Operational days from a notice to the contract management meeting', whole: true },
  { field: 'investigationReportOperationalDays', label: 'Operational days to a joint investigation report', whole: true },
  { field: 'rapAgreeWithinOperationalDays', label: 'Operational days to agree a remedial action plan', whole: true },
  { field: 'withholdingPercent', label: 'Share of the monthly contract value that may be withheld (%)', hint: 'A percentage from 0 to 100, for example 2', whole: false },
  { field: 'withholdingRetainedAfterMonths', label: 'Months after which sums withheld may be retained', whole: true },
  { field: 'source', label: 'Where the figures come from', hint: 'For example, NHS Standard Contract 2017/18, General Conditions, GC9', whole: false },
];

const fieldId = (field: Field) => `terms-${field}`;

const REFUSALS: Readonly<Record<string, FormProblem>> = {
  INVALID_PERCENTAGE: { field: fieldId('withholdingPercent'), message: 'Enter the share withheld as a percentage from 0 to 100' },
  TEXT_REQUIRED: { field: fieldId('source'), message: 'Say where the figures come from' },
  INVALID_FINANCIAL_YEAR: { field: null, message: 'The contract year is not valid.' },
};

/** The GC9 figures of one contract year (editable reference data): read by everyone here, changed by administrators (audited by the API). */
export function ManagementTermsSection({ year, mayChange }: { year: string; mayChange: boolean }) {
  const { data, loading, error, refetch } = useQuery(ContractManagementTermsQuery);
  const terms = data?.contractManagementTerms.find((row) => row.financialYear === year) ?? null;
  return (
    <section aria-labelledby="terms-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="terms-heading" className="nhsuk-heading-m">
        Contract management terms (GC9), {year}
      </h2>
      {loading && !data ? (
        <Loading label="Loading the contract management terms" />
      ) : error && !data ? (
        <ErrorSummary title="The contract management terms could not be loaded" headingLevel="h3">
          <p>{describeError(error)}</p>
        </ErrorSummary>
      ) : (
        <TermsView key={`${year}-${terms?.source ?? ''}`} year={year} terms={terms} mayChange={mayChange} onSaved={() => refetch().catch(() => undefined)} />
      )}
    </section>
  );
}

function TermsView({ year, terms, mayChange, onSaved }: { year: string; terms: Terms | null; mayChange: boolean; onSaved: () => Promise<unknown> }) {
  const [editing, setEditing] = useState(false);
  const initial = Object.fromEntries(FIELDS.map(({ field }) => [field, terms ? String(terms[field]) : ''])) as Record<Field, string>;
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateContractManagementTermsMutation);
  const report = (found: FormProblem[]) => {
    setProblems(found);
    setFocus((n) => n + 1);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const found: FormProblem[] = [];
    const whole = (field: Field) => {
      const text = values[field].trim();
      if (!/^\d{1,3}$/.test(text)) found.push({ field: fieldId(field), message: `Enter a whole number for “${FIELDS.find((row) => row.field === field)?.label ?? field}”` });
      return Number(text);
    };
    const meeting = whole('meetingWithinOperationalDays');
    const investigation = whole('investigationReportOperationalDays');
    const rap = whole('rapAgreeWithinOperationalDays');
    const retained = whole('withholdingRetainedAfterMonths');
    let percent = '';
    try {
      const parsed = Percentage.parse(values.withholdingPercent.trim());
      if (!parsed.isBetween(Percentage.ZERO, Percentage.HUNDRED)) throw new Error('out of range');
      percent = parsed.toString();
    } catch {
      found.push(REFUSALS.INVALID_PERCENTAGE as FormProblem);
    }
    const source = values.source.trim();
    if (!source) found.push(REFUSALS.TEXT_REQUIRED as FormProblem);
    if (found.length > 0) {
      report(found);
      return;
    }
    setProblems([]);
    try {
      await update({
        variables: {
          input: {
            financialYear: year,
            meetingWithinOperationalDays: meeting,
            investigationReportOperationalDays: investigation,
            rapAgreeWithinOperationalDays: rap,
            withholdingPercent: percent,
            withholdingRetainedAfterMonths: retained,
            source,
          },
        },
      });
      setEditing(false);
      setDone(`The contract management terms of ${year} are saved.`);
      await onSaved();
    } catch (error) {
      report([refusalProblem(error, REFUSALS, 'Only administrators change the contract management terms.')]);
    }
  }

  return (
    <>
      {terms ? (
        <dl className="nhsuk-summary-list">
          {FIELDS.map(({ field, label }) => (
            <div key={field} className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">{label}</dt>
              <dd className="nhsuk-summary-list__value">{String(terms[field])}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="nhsuk-body">No contract management terms are recorded for {year}: a notice of that year needs its meeting date given by hand, and no withholding can be worked out.</p>
      )}
      <div role="status">{done && <p className="nhsuk-body">{done}</p>}</div>
      <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h3" />
      {mayChange &&
        (editing ? (
          <form onSubmit={(event) => void submit(event)} noValidate>
            {FIELDS.map(({ field, label, hint, whole }) => (
              <TextInput
                key={field}
                id={fieldId(field)}
                label={label}
                hint={hint}
                width={whole ? 3 : field === 'withholdingPercent' ? 5 : undefined}
                inputMode={field === 'source' ? undefined : whole ? 'numeric' : 'decimal'}
                value={values[field]}
                error={problemFor(problems, fieldId(field))}
                onChange={(event) => {
                  const typed = event.currentTarget.value;
                  setValues((current) => ({ ...current, [field]: typed }));
                }}
              />
            ))}
            <Button type="submit" disabled={loading}>
              Save the terms
            </Button>{' '}
            <Button type="button" secondary onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </form>
        ) : (
          <Button type="button" secondary onClick={() => setEditing(true)}>
            {terms ? 'Change the terms' : 'Record the terms'}
          </Button>
        ))}
    </>
  );
}
