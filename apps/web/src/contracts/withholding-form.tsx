import { useMutation } from '@apollo/client/react';
import { tryParseFinancialYear } from '@ccg-assure/domain';
import { useState, type FormEvent } from 'react';
import { Button, ErrorSummary, MonthSelect, problemFor, refusalProblem, TextInput, type FormProblem } from '../ui/nhs';
import { monthLabel } from '../ui/format';
import { money } from './contract-labels';
import { RecordContractWithholdingMutation } from './contracts.operations';
import { monthStart } from './sanctions-ledger';

const REFUSALS: Readonly<Record<string, FormProblem>> = {
  MONTH_NOT_IN_CONTRACT_YEAR: { field: 'withholding-month', message: 'The month must be in the contract year' },
  ALREADY_IN_LEDGER: { field: 'withholding-month', message: 'That month’s withholding is already in the ledger' },
  NO_CONTRACT_MANAGEMENT_TERMS: { field: null, message: 'No contract management terms are recorded for the contract year, so the share to withhold is not known.' },
  NOTICE_NOT_ISSUED: { field: null, message: 'A withholding follows an issued notice.' },
};

/** GC9.12 and GC9.16: the month's withholding, the share of the monthly contract value the year's terms allow, recorded in the ledger as withheld. */
export function WithholdingForm({ contractId, noticeId, financialYear, withholdingPercent, onChanged }: { contractId: string; noticeId: string; financialYear: string; withholdingPercent: string | null; onChanged: () => Promise<unknown> }) {
  const months = tryParseFinancialYear(financialYear)?.months ?? [];
  const [month, setMonth] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RecordContractWithholdingMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const start = monthStart(month);
    if (!start) {
      setProblems([{ field: 'withholding-month', message: 'Choose the month withheld' }]);
      setFocus((n) => n + 1);
      return;
    }
    setProblems([]);
    try {
      const result = await record({ variables: { input: { contractId, noticeId, month: start, note: note.trim() || null } } });
      const entry = result.data?.recordContractWithholding;
      setDone(entry ? `Withheld ${money(entry.amount)} for ${monthLabel(start)}.` : null);
      setMonth('');
      setNote('');
      await onChanged();
    } catch (error) {
      setProblems([refusalProblem(error, REFUSALS, 'Only the lead commissioner’s commissioning managers and finance officers withhold payment.')]);
      setFocus((n) => n + 1);
    }
  }

  return (
    <section aria-labelledby="withholding-heading" className="ccg-no-print nhsuk-u-margin-bottom-6">
      <h2 id="withholding-heading" className="nhsuk-heading-m">
        Withhold payment
      </h2>
      <p className="nhsuk-body">
        Up to {withholdingPercent ?? 'the share the contract year’s terms give'}
        {withholdingPercent ? '%' : ''} of the monthly contract value may be withheld for each month until the failure is remedied. The sum goes to the contract’s sanctions
        ledger as withheld; it is later returned or retained there.
      </p>
      {done && (
        <p className="nhsuk-body" role="status">
          {done}
        </p>
      )}
      <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h3" />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <MonthSelect id="withholding-month" label="Month withheld" hint={`A month of the contract year ${financialYear}`} months={months} value={month} error={problemFor(problems, 'withholding-month')} onChange={setMonth} />
        <TextInput id="withholding-note" label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Button type="submit" secondary disabled={loading}>
          Record the month’s withholding
        </Button>
      </form>
    </section>
  );
}
