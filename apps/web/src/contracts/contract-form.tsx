import { Money, tryParseFinancialYear } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { errorCodes } from '../app/graphql-errors';
import type { ContractFormFieldsFragment } from '../gql/graphql';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, Fieldset, problemFor, refusalProblem, TextInput, type FormProblem } from '../ui/nhs';
import { ContractIndicatorChoicesQuery } from './contracts.operations';

/** What the form holds: text as typed, read exactly when sent (Money by the domain's parser, never a float). */
export interface ContractFormValues {
  provider: string;
  financialYear: string;
  contractValue: string;
  title: string;
  reference: string;
  associates: string;
  /** Indicator code -> the local threshold as typed ('' for the national standard in force). */
  indicators: Record<string, string>;
}

/** What the form sends: the fields both createContract and updateContract take. */
export interface ContractFormInput {
  provider: string;
  financialYear: string;
  contractValue: string;
  title: string;
  reference: string | null;
  associates: string[];
  monitoredIndicators: { indicatorCode: string; localThreshold: number | null }[];
}

export const EMPTY_CONTRACT_FORM: ContractFormValues = { provider: '', financialYear: '', contractValue: '', title: '', reference: '', associates: '', indicators: {} };

/** A stored contract as the form's values (the change form starts from these). */
export function contractFormValues(contract: ContractFormFieldsFragment): ContractFormValues {
  return {
    provider: contract.provider.code,
    financialYear: contract.financialYear,
    contractValue: contract.contractValue,
    title: contract.title,
    reference: contract.reference ?? '',
    associates: contract.associates.map((associate) => associate.code).join(', '),
    indicators: Object.fromEntries(contract.monitoredIndicators.map((monitored) => [monitored.indicator.code, monitored.thresholdSource === 'LOCAL' ? String(monitored.threshold) : ''])),
  };
}

const ODS_CODE = /^[A-Z0-9]{3,5}$/;
export const thresholdFieldId = (code: string) => `contract-threshold-${code}`;
export const indicatorFieldId = (code: string) => `contract-indicator-${code}`;

/** The form's own checks before anything is sent; the API checks again (ODS codes, the year, thresholds). */
export function readContractForm(values: ContractFormValues): { input: ContractFormInput | null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const provider = values.provider.trim().toUpperCase();
  if (!ODS_CODE.test(provider)) problems.push({ field: 'contract-provider', message: 'Enter the ODS code of the provider, like RR8' });
  const year = tryParseFinancialYear(values.financialYear);
  if (!year) problems.push({ field: 'contract-year', message: 'Enter the financial year as the NHS writes it, like 2017/18' });
  let contractValue: string | null = null;
  try {
    const value = Money.parse(values.contractValue.trim().replace(/^£/, '').replace(/,/g, ''));
    if (!value.isPositive()) problems.push({ field: 'contract-value', message: 'The contract value must be more than £0' });
    else contractValue = value.toString();
  } catch {
    problems.push({ field: 'contract-value', message: 'Enter the annual contract value in pounds, like 520000000 or 520000000.00' });
  }
  const title = values.title.trim();
  if (!title) problems.push({ field: 'contract-title', message: 'Enter the contract’s title' });
  const associates = [
    ...new Set(
      values.associates
        .split(/[\s,]+/)
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  const badAssociate = associates.find((code) => !ODS_CODE.test(code));
  if (badAssociate) problems.push({ field: 'contract-associates', message: `“${badAssociate}” is not an ODS code: enter CCG codes like 03C, separated by commas` });
  const monitoredIndicators = Object.entries(values.indicators).map(([indicatorCode, typed]) => {
    const text = typed.trim();
    if (!text) return { indicatorCode, localThreshold: null };
    // A threshold is a Float in the API (a percentage or a count), not money; only a plain decimal is accepted.
    if (!/^-?\d+(\.\d+)?$/.test(text)) {
      problems.push({ field: thresholdFieldId(indicatorCode), message: `Enter the local threshold of ${indicatorCode} as a number, like 92.5, or leave it empty for the national standard` });
      return { indicatorCode, localThreshold: null };
    }
    return { indicatorCode, localThreshold: Number(text) };
  });
  if (problems.length > 0 || !year || !contractValue) return { input: null, problems };
  return { input: { provider, financialYear: year.label, contractValue, title, reference: values.reference.trim() || null, associates, monitoredIndicators }, problems };
}

/** The API's refusals of createContract and updateContract, by reason (the schema's list). */
const REFUSALS: Readonly<Record<string, FormProblem>> = {
  NOT_A_CCG: { field: 'contract-associates', message: 'An associate must be a CCG: check the ODS codes' },
  NOT_A_PROVIDER: { field: 'contract-provider', message: 'The provider must be an NHS trust: check the ODS code' },
  INVALID_FINANCIAL_YEAR: { field: 'contract-year', message: 'Enter the financial year as the NHS writes it, like 2017/18' },
  TEXT_REQUIRED: { field: 'contract-title', message: 'Enter the contract’s title' },
  INVALID_THRESHOLD: { field: null, message: 'A local threshold is not a number' },
  INDICATOR_NOT_FOUND: { field: null, message: 'One of the indicators is not known' },
  CONTRACT_EXISTS: { field: 'contract-provider', message: 'The lead commissioner already holds a contract with this provider for this year' },
  MONEY_OUT_OF_RANGE: { field: 'contract-value', message: 'The contract value is too large' },
  INVALID_MONEY: { field: 'contract-value', message: 'Enter the annual contract value in pounds, like 520000000.00' },
  ACTION_NOT_PERMITTED: { field: null, message: 'Only a commissioning manager of the lead commissioner records and changes its contracts.' },
};

/** The input field the API names (`details.fields`) as the form's field id. */
function fieldIdOf(inputField: string, indicatorCodes: readonly string[]): string | null {
  const indicator = /^monitoredIndicators\.(\d+)\./.exec(inputField);
  if (indicator) {
    const code = indicatorCodes[Number(indicator[1])];
    return code ? (inputField.endsWith('localThreshold') ? thresholdFieldId(code) : indicatorFieldId(code)) : null;
  }
  const byName: Record<string, string> = {
    provider: 'contract-provider',
    financialYear: 'contract-year',
    contractValue: 'contract-value',
    title: 'contract-title',
    reference: 'contract-reference',
    associates: 'contract-associates',
    leadCommissioner: 'contract-lead',
  };
  return byName[inputField.split('.')[0] ?? ''] ?? null;
}

/**
 * The API's refusal as problems on the form: the words by reason, pointed at the field `details.fields` names
 * (ORGANISATION_NOT_FOUND names the provider or the associates; a threshold names its indicator).
 */
export function contractRefusal(error: unknown, sent: ContractFormInput): FormProblem {
  const { reason, details } = errorCodes(error);
  const fields = Array.isArray(details?.fields) ? (details.fields as unknown[]).filter((field): field is string => typeof field === 'string') : [];
  const field = fields.map((name) => fieldIdOf(name, sent.monitoredIndicators.map((monitored) => monitored.indicatorCode))).find(Boolean) ?? null;
  const code = typeof details?.code === 'string' ? details.code : null;
  if (reason === 'ORGANISATION_NOT_FOUND') return { field: field ?? 'contract-provider', message: `No organisation has the ODS code ${code ?? 'given'}` };
  if (reason === 'NOT_A_CCG' && code) return { field: field ?? 'contract-associates', message: `${code} is not a CCG: an associate must be a CCG` };
  if (reason === 'NOT_A_PROVIDER' && code) return { field: field ?? 'contract-provider', message: `${code} is not an NHS trust` };
  const problem = refusalProblem(error, REFUSALS, REFUSALS.ACTION_NOT_PERMITTED?.message ?? '');
  return field && problem.field === null && reason ? { ...problem, field } : problem;
}

/**
 * The contract's fields as one NHS form: provider, year, annual value, title, reference, associates and the
 * monitored indicators (each at the national standard or a local threshold). `fixed` fields are shown, not
 * edited (a contract's provider and year do not change).
 */
export function ContractForm({
  initial,
  fixed = false,
  lead,
  submitLabel,
  problems,
  focusRequest,
  busy,
  onProblems,
  onSubmit,
}: {
  initial: ContractFormValues;
  fixed?: boolean;
  /** The lead commissioner: named, or a choice among the viewer's CCGs. */
  lead: ReactNode;
  submitLabel: string;
  problems: FormProblem[];
  focusRequest: number;
  busy: boolean;
  onProblems: (problems: FormProblem[]) => void;
  onSubmit: (input: ContractFormInput) => void;
}) {
  const [values, setValues] = useState(initial);
  const choices = useQuery(ContractIndicatorChoicesQuery);
  const set = (field: keyof Omit<ContractFormValues, 'indicators'>) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
  };
  const toggle = (code: string, on: boolean) =>
    setValues((current) => {
      const indicators = { ...current.indicators };
      if (on) indicators[code] = indicators[code] ?? '';
      else delete indicators[code];
      return { ...current, indicators };
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    const { input, problems: found } = readContractForm(values);
    if (!input) {
      onProblems(found);
      return;
    }
    onSubmit(input);
  }

  const indicators = choices.data?.indicators ?? [];
  return (
    <>
      <ErrorSummary problems={problems} focusRequest={focusRequest} headingLevel="h2" />
      <form onSubmit={submit} noValidate>
        {lead}
        {fixed ? (
          <p className="nhsuk-body">
            Provider <strong>{values.provider}</strong>, contract year <strong>{values.financialYear}</strong>
          </p>
        ) : (
          <>
            <TextInput id="contract-provider" label="ODS code of the provider" hint="The NHS trust, for example RR8" width={5} value={values.provider} error={problemFor(problems, 'contract-provider')} onChange={set('provider')} />
            <TextInput id="contract-year" label="Contract year" hint="The financial year, for example 2017/18" width={5} value={values.financialYear} error={problemFor(problems, 'contract-year')} onChange={set('financialYear')} />
          </>
        )}
        <TextInput
          id="contract-value"
          label="Annual contract value"
          hint="In pounds, for example 520000000.00"
          width={10}
          prefix="£"
          inputMode="decimal"
          value={values.contractValue}
          error={problemFor(problems, 'contract-value')}
          onChange={set('contractValue')}
        />
        <TextInput id="contract-title" label="Title" value={values.title} error={problemFor(problems, 'contract-title')} onChange={set('title')} />
        <TextInput id="contract-reference" label="Reference (optional)" hint="The contract’s own reference" width={20} value={values.reference} error={problemFor(problems, 'contract-reference')} onChange={set('reference')} />
        <TextInput
          id="contract-associates"
          label="Associate CCGs (optional)"
          hint="ODS codes of the CCGs the lead commissions on behalf of, separated by commas, for example 03C, 03G"
          width={30}
          value={values.associates}
          error={problemFor(problems, 'contract-associates')}
          onChange={set('associates')}
        />
        <Fieldset legend="Indicators monitored" legendSize="m">
          <div className="nhsuk-hint">Each is monitored at the national standard in force unless you give a local threshold, in the indicator’s unit.</div>
          {choices.loading && !choices.data ? (
            <Loading label="Loading the indicators" />
          ) : choices.error && !choices.data ? (
            <p className="nhsuk-body">The indicators could not be loaded. Reload the page to choose them.</p>
          ) : (
            <div className="nhsuk-checkboxes">
              {indicators.map((indicator) => {
                const chosen = indicator.code in values.indicators;
                return (
                  <div key={indicator.code} className="nhsuk-checkboxes__item">
                    <input
                      className="nhsuk-checkboxes__input"
                      id={indicatorFieldId(indicator.code)}
                      type="checkbox"
                      checked={chosen}
                      onChange={(event) => toggle(indicator.code, event.currentTarget.checked)}
                    />
                    <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={indicatorFieldId(indicator.code)}>
                      {indicator.name} ({indicator.code})
                    </label>
                    {chosen && (
                      <div className="nhsuk-checkboxes__conditional">
                        <TextInput
                          id={thresholdFieldId(indicator.code)}
                          label={`Local threshold of ${indicator.code} (optional)`}
                          hint="Empty: the national standard"
                          width={5}
                          inputMode="decimal"
                          value={values.indicators[indicator.code] ?? ''}
                          error={problemFor(problems, thresholdFieldId(indicator.code))}
                          onChange={(event) => {
                            const typed = event.currentTarget.value;
                            setValues((current) => ({ ...current, indicators: { ...current.indicators, [indicator.code]: typed } }));
                          }}
                        />
                      </div>
                    )}
                  </div>
                );
              })}
            </div>
          )}
        </Fieldset>
        <div aria-live="polite" className="nhsuk-body">
          {busy ? 'Sending…' : ''}
        </div>
        <Button type="submit" disabled={busy}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
