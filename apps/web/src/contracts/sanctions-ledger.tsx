import { FINE_INCOME_USES, isSanctionCode, Money, yearMonthStart, type FineIncomeUse } from '@ccg-assure/domain';
import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ConfirmButtons } from '../assurance/confirmation-parts';
import type { ContractQuery as ContractResult, LedgerEntryFieldsFragment, SanctionCountUnit, SanctionLedgerAction, SanctionTotalsFieldsFragment } from '../gql/graphql';
import { formatInstant, monthLabel } from '../ui/format';
import { Button, ErrorSummary, FormGroup, problemFor, Radios, refusalProblem, TextInput, type FormProblem } from '../ui/nhs';
import { COUNT_UNIT_LABELS, incomeUseLabel, ledgerFile, ledgerStatusLabel, money, SANCTION_LEDGER_ACTION_LABELS } from './contract-labels';
import { ApplySanctionLedgerActionMutation, CalculateContractSanctionsMutation, RecordFineIncomeUseMutation, RecordSanctionMutation, SetLocalSanctionMutation } from './contracts.operations';

type Ledger = NonNullable<NonNullable<ContractResult['contract']>['sanctionLedger']>;

/** The API's refusals of a ledger change, by reason (never by message). */
const LEDGER_REFUSALS: Readonly<Record<string, FormProblem>> = {
  STALE_VERSION: { field: null, message: 'Someone else changed this entry in the meantime. The latest ledger is shown; check it and try again.' },
  INVALID_TRANSITION: { field: null, message: 'That step is not allowed from where the entry stands now.' },
  REASON_REQUIRED: { field: 'ledger-reason', message: 'Give the reason' },
  INCOME_USE_NOTE_REQUIRED: { field: 'ledger-note', message: 'Say what the income pays for' },
  UNKNOWN_SANCTION: { field: 'sanction-code', message: 'Choose a sanction the contract is under' },
  INVALID_SANCTION_COUNT: { field: 'sanction-count', message: 'Enter a whole number of at least 1' },
  MONTH_NOT_IN_CONTRACT_YEAR: { field: 'sanction-month', message: 'The month must be in the contract year' },
  DATE_IN_FUTURE: { field: 'sanction-month', message: 'The month cannot be in the future' },
  ALREADY_IN_LEDGER: { field: null, message: 'That month’s sanction is already in the ledger.' },
  NO_SANCTION_RATE: { field: null, message: 'No sanction rate is recorded for the contract year, nationally or for this contract.' },
  NO_DATA_FOR_MONTH: { field: 'sanction-month', message: 'There is no data for that month to calculate from' },
};
const FORBIDDEN = 'Only the lead commissioner’s commissioning managers and finance officers change the ledger.';

/** "2017-10" as entered → "2017-10-01" (the domain's calendar); null when it is not a month. */
export function monthStart(text: string): string | null {
  try {
    return yearMonthStart(text.trim());
  } catch {
    return null;
  }
}

/** A contract's sanctions ledger: totals, income use, each entry with its moves, and the forms to add sums. */
export function SanctionsLedger({ ledger, contractTitle, onChanged }: { ledger: Ledger; contractTitle: string; onChanged: () => Promise<unknown> }) {
  return (
    <section aria-labelledby="ledger-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="ledger-heading" className="nhsuk-heading-m">
        Sanctions ledger
      </h2>
      <LedgerTotals totals={ledger.totals} caption="Totals" />
      <p className="nhsuk-body ccg-no-print">
        Download the ledger:{' '}
        <a className="nhsuk-link" href={ledgerFile(ledger.contractId, 'csv')} download>
          CSV<span className="nhsuk-u-visually-hidden"> of the sanctions ledger of {contractTitle}</span>
        </a>{' '}
        ·{' '}
        <a className="nhsuk-link" href={ledgerFile(ledger.contractId, 'xlsx')} download>
          Excel (xlsx)<span className="nhsuk-u-visually-hidden"> of the sanctions ledger of {contractTitle}</span>
        </a>
      </p>
      {ledger.entries.length === 0 ? (
        <p className="nhsuk-body">No sanction or withholding is recorded for this contract.</p>
      ) : (
        <ul className="nhsuk-list">
          {ledger.entries.map((entry) => (
            <li key={entry.id}>
              <LedgerEntry entry={entry} mayAct={ledger.viewerMayAct} onChanged={onChanged} />
            </li>
          ))}
        </ul>
      )}
      {ledger.viewerMayAct && <RecordSanctionForm ledger={ledger} onChanged={onChanged} />}
      {ledger.viewerMayAct && <LocalSanctionForm contractId={ledger.contractId} onChanged={onChanged} />}
      {ledger.sanctions.length > 0 && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">The sanctions this contract is under</span>
          </summary>
          <div className="nhsuk-details__text">
            <ul className="nhsuk-list nhsuk-list--bullet">
              {ledger.sanctions.map((sanction) => (
                <li key={sanction.id}>
                  {sanction.description}: {money(sanction.unitValue)} {COUNT_UNIT_LABELS[sanction.countUnit]} ({sanction.scope === 'LOCAL' ? 'local' : 'national'})
                </li>
              ))}
            </ul>
          </div>
        </details>
      )}
    </section>
  );
}

/** Totals by status and the applied sums by how their income is used. */
export function LedgerTotals({ totals, caption }: { totals: SanctionTotalsFieldsFragment; caption: string }) {
  const rows: [string, string][] = [
    ['Calculated, not yet decided', totals.calculated],
    ['Applied', totals.applied],
    ['Waived', totals.waived],
    ['Withheld', totals.withheld],
    ['Returned', totals.returned],
    ...totals.byUse.map((line): [string, string] => [`Applied: ${incomeUseLabel(line.use)}`, line.amount]),
    [`Applied, use not yet recorded (${totals.unallocatedEntries} ${totals.unallocatedEntries === 1 ? 'sum' : 'sums'})`, totals.unallocated],
  ];
  return (
    <table className="nhsuk-table nhsuk-table--compact">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
      <tbody className="nhsuk-table__body">
        {rows.map(([label, amount]) => (
          <tr key={label} className="nhsuk-table__row">
            <th scope="row" className="nhsuk-table__header">
              {label}
            </th>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{money(amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LedgerEntry({ entry, mayAct, onChanged }: { entry: LedgerEntryFieldsFragment; mayAct: boolean; onChanged: () => Promise<unknown> }) {
  const [action, setAction] = useState<SanctionLedgerAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const offered = mayAct ? entry.availableActions.filter((a) => a !== 'CALCULATE' && a !== 'WITHHOLD') : [];
  const headingId = `entry-${entry.id}`;
  return (
    <div className="nhsuk-card" role="group" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h3 id={headingId} className="nhsuk-heading-s">
          {entry.description}, {monthLabel(entry.period)}: {money(entry.amount)}
        </h3>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Status</dt>
            <dd className="nhsuk-summary-list__value">{ledgerStatusLabel(entry.status)}</dd>
          </div>
          {entry.count !== null && entry.count !== undefined && entry.unitValue && (
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Calculation</dt>
              <dd className="nhsuk-summary-list__value">
                {entry.count} × {money(entry.unitValue)}
              </dd>
            </div>
          )}
          {entry.reason && (
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Reason</dt>
              <dd className="nhsuk-summary-list__value">{entry.reason}</dd>
            </div>
          )}
          {entry.status === 'APPLIED' && (
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Income used</dt>
              <dd className="nhsuk-summary-list__value">
                {entry.incomeUse ? `${incomeUseLabel(entry.incomeUse)}${entry.incomeUseNote ? `: ${entry.incomeUseNote}` : ''}` : 'Not yet recorded'}
              </dd>
            </div>
          )}
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Recorded</dt>
            <dd className="nhsuk-summary-list__value">{formatInstant(entry.createdAt)}</dd>
          </div>
        </dl>
        {done && (
          <p className="nhsuk-body" role="status">
            {done}
          </p>
        )}
        {action === null ? (
          offered.length > 0 && (
            <div className="ccg-button-row ccg-no-print">
              {offered.map((next) => (
                <Button key={next} type="button" secondary onClick={() => { setDone(null); setAction(next); }}>
                  {SANCTION_LEDGER_ACTION_LABELS[next]}
                  <span className="nhsuk-u-visually-hidden">: {entry.description}, {monthLabel(entry.period)}</span>
                </Button>
              ))}
            </div>
          )
        ) : (
          <LedgerMoveForm
            entry={entry}
            action={action}
            onCancel={() => setAction(null)}
            onDone={async (message) => {
              setAction(null);
              setDone(message);
              await onChanged();
            }}
          />
        )}
      </div>
    </div>
  );
}

function LedgerMoveForm({ entry, action, onCancel, onDone }: { entry: LedgerEntryFieldsFragment; action: SanctionLedgerAction; onCancel: () => void; onDone: (message: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [use, setUse] = useState<FineIncomeUse | ''>('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [applyMove, applying] = useMutation(ApplySanctionLedgerActionMutation);
  const [recordUse, recording] = useMutation(RecordFineIncomeUseMutation);
  const busy = applying.loading || recording.loading;
  useEffect(() => headingRef.current?.focus(), []);
  const incomeUse = action === 'RECORD_INCOME_USE';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FormProblem[] = [];
    if (action === 'WAIVE' && !reason.trim()) found.push({ field: 'ledger-reason', message: 'Give the reason for waiving the sanction' });
    if (incomeUse && !use) found.push({ field: 'ledger-use-1', message: 'Select how the income is used' });
    if (incomeUse && !note.trim()) found.push({ field: 'ledger-note', message: 'Say what the income pays for' });
    setProblems(found);
    if (found.length > 0) {
      setFocus((n) => n + 1);
      return;
    }
    try {
      if (incomeUse && use) await recordUse({ variables: { input: { entryId: entry.id, expectedVersion: entry.version, incomeUse: use, note: note.trim() } } });
      else await applyMove({ variables: { input: { entryId: entry.id, expectedVersion: entry.version, action, reason: reason.trim() || null, note: note.trim() || null } } });
      await onDone(incomeUse && use ? `Recorded: ${incomeUseLabel(use).toLowerCase()}.` : `Recorded: ${SANCTION_LEDGER_ACTION_LABELS[action].toLowerCase()}.`);
    } catch (error) {
      setProblems([refusalProblem(error, LEDGER_REFUSALS, FORBIDDEN)]);
      setFocus((n) => n + 1);
    }
  }

  return (
    <div className="nhsuk-card ccg-confirm">
      <div className="nhsuk-card__content">
        <h4 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
          {SANCTION_LEDGER_ACTION_LABELS[action]}: {entry.description}, {monthLabel(entry.period)} ({money(entry.amount)})?
        </h4>
        <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
        <form onSubmit={(event) => void submit(event)} noValidate>
          {action === 'WAIVE' && (
            <FormGroup id="ledger-reason" label="Reason for waiving" error={problemFor(problems, 'ledger-reason')}>
              {({ describedBy, invalid }) => (
                <textarea className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`} id="ledger-reason" rows={3} value={reason} aria-describedby={describedBy} onChange={(e) => setReason(e.currentTarget.value)} />
              )}
            </FormGroup>
          )}
          {incomeUse && (
            <Radios
              name="ledger-use"
              legend="How the income is used"
              hint="Seed 001: be explicit about how any income gained from fines is used."
              value={use}
              items={FINE_INCOME_USES.map((value) => ({ value, label: incomeUseLabel(value) }))}
              onChange={(value) => setUse(value as FineIncomeUse)}
            />
          )}
          <FormGroup id="ledger-note" label={incomeUse ? 'What the income pays for' : 'Note (optional)'} error={problemFor(problems, 'ledger-note')}>
            {({ describedBy, invalid }) => (
              <textarea className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`} id="ledger-note" rows={2} value={note} aria-describedby={describedBy} onChange={(e) => setNote(e.currentTarget.value)} />
            )}
          </FormGroup>
          <ConfirmButtons label={`Yes, ${SANCTION_LEDGER_ACTION_LABELS[action].toLowerCase()}`} busyLabel="Recording…" busy={busy} warning={action === 'RETAIN'} onCancel={onCancel} />
        </form>
      </div>
    </div>
  );
}

/** Adds a sanction counted by hand, or calculates a month's sanctions from the data. */
function RecordSanctionForm({ ledger, onChanged }: { ledger: Ledger; onChanged: () => Promise<unknown> }) {
  const [mode, setMode] = useState<'COUNT' | 'DATA'>('DATA');
  const [code, setCode] = useState(ledger.sanctions[0]?.code ?? '');
  const [month, setMonth] = useState('');
  const [count, setCount] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [record, recording] = useMutation(RecordSanctionMutation);
  const [calculate, calculating] = useMutation(CalculateContractSanctionsMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const found: FormProblem[] = [];
    const start = monthStart(month);
    if (!start) found.push({ field: 'sanction-month', message: 'Enter the month as a year and month, like 2017-10' });
    if (mode === 'COUNT' && !code) found.push({ field: 'sanction-code', message: 'Choose a sanction the contract is under' });
    if (mode === 'COUNT' && !/^[1-9]\d*$/.test(count.trim())) found.push({ field: 'sanction-count', message: 'Enter a whole number of at least 1' });
    setProblems(found);
    if (found.length > 0 || !start) {
      setFocus((n) => n + 1);
      return;
    }
    try {
      if (mode === 'COUNT') {
        await record({ variables: { input: { contractId: ledger.contractId, sanctionCode: code, month: start, count: Number(count.trim()), note: note.trim() || null } } });
        setDone(`Recorded the sanction for ${monthLabel(start)}.`);
      } else {
        const result = await calculate({ variables: { input: { contractId: ledger.contractId, month: start } } });
        const made = result.data?.calculateContractSanctions ?? [];
        setDone(made.length === 0 ? `The data gives no sanction for ${monthLabel(start)}.` : `Calculated ${made.length === 1 ? 'one sanction' : `${made.length} sanctions`} for ${monthLabel(start)}.`);
      }
      setMonth('');
      setCount('');
      setNote('');
      await onChanged();
    } catch (error) {
      setProblems([refusalProblem(error, LEDGER_REFUSALS, FORBIDDEN)]);
      setFocus((n) => n + 1);
    }
  }

  return (
    <section aria-labelledby="record-sanction-heading" className="ccg-no-print">
      <h3 id="record-sanction-heading" className="nhsuk-heading-s">
        Record a sanction
      </h3>
      {done && (
        <p className="nhsuk-body" role="status">
          {done}
        </p>
      )}
      <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Radios
          name="sanction-mode"
          legend="How the sanction is counted"
          value={mode}
          items={[
            { value: 'DATA', label: 'Calculate from the data (A&E breaches beyond the standard’s tolerance)' },
            { value: 'COUNT', label: 'Count by hand' },
          ]}
          onChange={(value) => setMode(value as 'COUNT' | 'DATA')}
        />
        <TextInput id="sanction-month" label="Month" hint="Year and month, for example 2017-10" width={10} value={month} error={problemFor(problems, 'sanction-month')} onChange={(e) => setMonth(e.currentTarget.value)} />
        {mode === 'COUNT' && (
          <>
            <FormGroup id="sanction-code" label="Sanction" error={problemFor(problems, 'sanction-code')}>
              {({ describedBy }) => (
                <select className="nhsuk-select" id="sanction-code" value={code} aria-describedby={describedBy} onChange={(e) => setCode(e.currentTarget.value)}>
                  {ledger.sanctions.map((sanction) => (
                    <option key={sanction.id} value={sanction.code}>
                      {sanction.description} ({money(sanction.unitValue)} {COUNT_UNIT_LABELS[sanction.countUnit]})
                    </option>
                  ))}
                </select>
              )}
            </FormGroup>
            <TextInput id="sanction-count" label="How many" inputMode="numeric" width={5} value={count} error={problemFor(problems, 'sanction-count')} onChange={(e) => setCount(e.currentTarget.value)} />
            <TextInput id="sanction-note" label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          </>
        )}
        <Button type="submit" secondary disabled={recording.loading || calculating.loading}>
          {mode === 'COUNT' ? 'Record the sanction' : 'Calculate the month’s sanctions'}
        </Button>
      </form>
    </section>
  );
}

const LOCAL_REFUSALS: Readonly<Record<string, FormProblem>> = {
  INVALID_SANCTION_CODE: { field: 'local-code', message: 'Enter a code of capitals, digits and underscores, starting with a capital, like LOCAL_AE_4HR' },
  TEXT_REQUIRED: { field: 'local-description', message: 'Say what the sanction is for' },
  MEASURE_NEEDS_TOLERANCE: { field: 'local-unit-1', message: 'A sanction counted from the A&E data charges each breach beyond the standard’s tolerance' },
  NEGATIVE_AMOUNT: { field: 'local-rate', message: 'The rate cannot be negative' },
};

/** A local sanction agreed in the contract: what it is for, its rate, and whether the A&E data counts it. */
function LocalSanctionForm({ contractId, onChanged }: { contractId: string; onChanged: () => Promise<unknown> }) {
  const [code, setCode] = useState('');
  const [description, setDescription] = useState('');
  const [unit, setUnit] = useState<SanctionCountUnit>('BREACH_BEYOND_TOLERANCE');
  const [rate, setRate] = useState('');
  const [fromData, setFromData] = useState(true);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetLocalSanctionMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const found: FormProblem[] = [];
    const trimmedCode = code.trim().toUpperCase();
    if (!isSanctionCode(trimmedCode)) found.push(LOCAL_REFUSALS.INVALID_SANCTION_CODE);
    if (!description.trim()) found.push(LOCAL_REFUSALS.TEXT_REQUIRED);
    let amount: Money | null = null;
    try {
      amount = Money.parse(rate.trim().replace(/^£/, '').replace(/,/g, ''));
    } catch {
      amount = null;
    }
    if (!amount) found.push({ field: 'local-rate', message: 'Enter the rate in pounds and pence, like 120.00' });
    else if (amount.isNegative()) found.push(LOCAL_REFUSALS.NEGATIVE_AMOUNT);
    if (fromData && unit !== 'BREACH_BEYOND_TOLERANCE') found.push(LOCAL_REFUSALS.MEASURE_NEEDS_TOLERANCE);
    setProblems(found);
    if (found.length > 0 || !amount) {
      setFocus((n) => n + 1);
      return;
    }
    try {
      await save({
        variables: {
          input: { contractId, code: trimmedCode, description: description.trim(), countUnit: unit, unitValue: amount.toString(), measure: fromData ? 'AE_FOUR_HOUR_WAIT' : null },
        },
      });
      setDone(`Recorded the local sanction ${trimmedCode}.`);
      setCode('');
      setDescription('');
      setRate('');
      await onChanged();
    } catch (error) {
      setProblems([refusalProblem(error, LOCAL_REFUSALS, 'Only a commissioning manager of the lead commissioner records local sanctions.')]);
      setFocus((n) => n + 1);
    }
  }

  return (
    <details className="nhsuk-details ccg-no-print">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Record a local sanction agreed in the contract</span>
      </summary>
      <div className="nhsuk-details__text">
        {done && (
          <p className="nhsuk-body" role="status">
            {done}
          </p>
        )}
        <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextInput id="local-code" label="Code" hint="Capitals, digits and underscores, for example LOCAL_AE_4HR" width={20} value={code} error={problemFor(problems, 'local-code')} onChange={(e) => setCode(e.currentTarget.value)} />
          <TextInput id="local-description" label="What the sanction is for" value={description} error={problemFor(problems, 'local-description')} onChange={(e) => setDescription(e.currentTarget.value)} />
          <Radios
            name="local-unit"
            legend="What is counted"
            value={unit}
            items={(Object.keys(COUNT_UNIT_LABELS) as SanctionCountUnit[]).map((value) => ({ value, label: `Charged ${COUNT_UNIT_LABELS[value]}` }))}
            onChange={(value) => setUnit(value as SanctionCountUnit)}
          />
          <TextInput id="local-rate" label="Rate" prefix="£" width={10} inputMode="decimal" value={rate} error={problemFor(problems, 'local-rate')} onChange={(e) => setRate(e.currentTarget.value)} />
          <div className="nhsuk-form-group">
            <div className="nhsuk-checkboxes">
              <div className="nhsuk-checkboxes__item">
                <input className="nhsuk-checkboxes__input" id="local-from-data" type="checkbox" checked={fromData} onChange={(e) => setFromData(e.currentTarget.checked)} />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="local-from-data">
                  Counted from the A&amp;E four-hour data
                </label>
              </div>
            </div>
          </div>
          <Button type="submit" secondary disabled={loading}>
            Record the local sanction
          </Button>
        </form>
      </div>
    </details>
  );
}
