import { financialYearsBetween, financialYearStartingIn, Money } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import { isAdministrator } from '../admin/require-administrator';
import { useViewer } from '../auth/viewer';
import type { SanctionScheduleEntryFieldsFragment } from '../gql/graphql';
import { FilterSelect } from '../ui/filter-select';
import { formatInstant } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, problemFor, refusalProblem, TextInput, type FormProblem } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { COUNT_UNIT_LABELS, money } from './contract-labels';
import { SanctionScheduleQuery, UpdateSanctionRateMutation } from './contracts.operations';
import { ManagementTermsSection } from './management-terms-section';

/** The contract years offered: the NHS Standard Contract years from 2013/14, when national sanctions were first scheduled, to 2019/20. */
const YEARS = financialYearsBetween(financialYearStartingIn(2013), financialYearStartingIn(2019)).map((year) => year.label);

/** `/contracts/sanction-schedule?year=2013/14`: the national sanction rates of a contract year; administrators change a rate (audited by the API). */
export function SanctionSchedulePage() {
  usePageTitle('National sanction rates and contract management terms');
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const year = YEARS.includes(params.get('year') ?? '') ? (params.get('year') as string) : (YEARS[0] as string);
  const { data, loading, error, refetch } = useQuery(SanctionScheduleQuery, { variables: { financialYear: year } });
  const mayChange = isAdministrator(viewer);
  const entries = data?.sanctionSchedule ?? [];
  return (
    <>
      <h1 className="nhsuk-heading-l">National sanction rates and contract management terms</h1>
      <p className="nhsuk-lede-text">
        The national sanctions of the NHS Standard Contract of each year, with their sources, and the figures its contract management condition (GC9) names. Each contract’s local
        sanctions are on its own page.
      </p>
      {mayChange ? (
        <p className="nhsuk-body">As an administrator you may change a rate or the terms. Each change is recorded in the audit log.</p>
      ) : (
        <p className="nhsuk-inset-text">Administrators change these rates and terms; you read them.</p>
      )}
      <FilterSelect id="year" label="Contract year" value={year} options={YEARS.map((y) => ({ value: y, label: y }))} onChange={(value) => setParams(new URLSearchParams({ year: value }), { replace: true })} />
      <ManagementTermsSection year={year} mayChange={mayChange} />
      <h2 className="nhsuk-heading-m">National sanctions, {year}</h2>
      {loading && !data ? (
        <Loading label="Loading the sanction rates" />
      ) : error && !data ? (
        <ErrorSummary title="The sanction rates could not be loaded" headingLevel="h2">
          <p>{describeError(error)}</p>
        </ErrorSummary>
      ) : entries.length === 0 ? (
        <p className="nhsuk-body">No national sanctions are recorded for {year}.</p>
      ) : (
        <ul className="nhsuk-list">
          {entries.map((entry) => (
            <li key={entry.id}>
              <SanctionRate entry={entry} mayChange={mayChange} onStale={() => refetch().catch(() => undefined)} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const REFUSALS: Readonly<Record<string, FormProblem>> = {
  NEGATIVE_AMOUNT: { field: 'rate', message: 'The rate cannot be negative' },
  INVALID_MONEY: { field: 'rate', message: 'Enter the rate in pounds, like 1000 or 1000.00' },
  MONEY_OUT_OF_RANGE: { field: 'rate', message: 'The rate is too large' },
  TEXT_REQUIRED: { field: 'description', message: 'Enter what the sanction is for' },
  SANCTION_NOT_FOUND: { field: null, message: 'This sanction no longer exists. Reload the page.' },
};

function SanctionRate({ entry, mayChange, onStale }: { entry: SanctionScheduleEntryFieldsFragment; mayChange: boolean; onStale: () => Promise<unknown> }) {
  const [editing, setEditing] = useState(false);
  const [rate, setRate] = useState(entry.unitValue);
  const [description, setDescription] = useState(entry.description);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateSanctionRateMutation);
  const fieldId = (field: string | null) => (field ? `${field}-${entry.id}` : null);
  const report = (found: FormProblem[]) => {
    setProblems(found.map((problem) => ({ ...problem, field: fieldId(problem.field) })));
    setFocus((n) => n + 1);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    let unitValue: string;
    try {
      const parsed = Money.parse(rate.trim().replace(/^£/, '').replace(/,/g, ''));
      if (parsed.isNegative()) {
        report([REFUSALS.NEGATIVE_AMOUNT as FormProblem]);
        return;
      }
      unitValue = parsed.toString();
    } catch {
      report([REFUSALS.INVALID_MONEY as FormProblem]);
      return;
    }
    if (!description.trim()) {
      report([REFUSALS.TEXT_REQUIRED as FormProblem]);
      return;
    }
    setProblems([]);
    try {
      const result = await update({ variables: { input: { id: entry.id, expectedVersion: entry.version, unitValue, description: description.trim() === entry.description ? null : description.trim() } } });
      const saved = result.data?.updateSanctionRate;
      setDone(saved ? `The rate is now ${money(saved.unitValue)} ${COUNT_UNIT_LABELS[saved.countUnit]}.` : null);
      setEditing(false);
    } catch (error) {
      if (errorCodes(error).reason === 'STALE_VERSION') {
        await onStale();
        report([{ field: null, message: 'Someone changed this rate since you opened the page. The latest is shown: change it again if you still need to.' }]);
        setEditing(false);
        return;
      }
      report([refusalProblem(error, REFUSALS, 'Only administrators change the national sanction rates.')]);
    }
  }

  const headingId = `sanction-${entry.id}`;
  return (
    <section aria-labelledby={headingId} className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h3 id={headingId} className="nhsuk-card__heading nhsuk-heading-s">
          {entry.description}
        </h3>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Rate</dt>
            <dd className="nhsuk-summary-list__value">
              {money(entry.unitValue)} {COUNT_UNIT_LABELS[entry.countUnit]}
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Code</dt>
            <dd className="nhsuk-summary-list__value">{entry.code}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Source</dt>
            <dd className="nhsuk-summary-list__value">{entry.sources.map((source) => source.document).join('; ') || 'None recorded'}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Last changed</dt>
            <dd className="nhsuk-summary-list__value">{formatInstant(entry.updatedAt)}</dd>
          </div>
        </dl>
        <div role="status">{done && <p className="nhsuk-body">{done}</p>}</div>
        <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h3" />
        {mayChange &&
          (editing ? (
            <form onSubmit={(event) => void submit(event)} noValidate>
              <TextInput
                id={`rate-${entry.id}`}
                label={`New rate, ${COUNT_UNIT_LABELS[entry.countUnit]}`}
                hint="In pounds, for example 1000.00"
                width={10}
                prefix="£"
                inputMode="decimal"
                value={rate}
                error={problemFor(problems, `rate-${entry.id}`)}
                onChange={(event) => setRate(event.currentTarget.value)}
              />
              <TextInput id={`description-${entry.id}`} label="What it is for" value={description} error={problemFor(problems, `description-${entry.id}`)} onChange={(event) => setDescription(event.currentTarget.value)} />
              <Button type="submit" disabled={loading}>
                Save the rate
              </Button>{' '}
              <Button type="button" secondary onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </form>
          ) : (
            <Button
              type="button"
              secondary
              aria-describedby={headingId}
              onClick={() => {
                setRate(entry.unitValue);
                setDescription(entry.description);
                setProblems([]);
                setEditing(true);
              }}
            >
              Change the rate
            </Button>
          ))}
      </div>
    </section>
  );
}
