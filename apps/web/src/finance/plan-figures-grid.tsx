import { Money, PLAN_CATEGORIES, type PlanCategory } from '@ccg-assure/domain';
import { percentOfAllocation } from './compliance-panel';
import { MoneyInput } from './money-input';
import { inputsNeeded, readAmount, type PlanDraft, type PlanReading } from './plan-draft';
import { fieldLabel, lineFieldId, type ExtraAmountFieldId, type FieldId } from './plan-fields';
import { CATEGORY_LABELS } from './plan-labels';
import { TableContainer } from '../ui/nhs';

interface PlanFiguresGridProps {
  draft: PlanDraft;
  reading: PlanReading;
  /** Null: read-only (a submitted or approved version, or a viewer who may not change it). */
  onChange: ((change: Partial<Omit<PlanDraft, 'lines'>> & { lines?: Partial<Record<PlanCategory, string>> }) => void) | null;
  errorFor: (field: FieldId) => string | undefined;
}

const valid = (text: string): Money | null => {
  const reading = readAmount(text, '');
  return reading.state === 'valid' ? reading.amount : null;
};

/** A money field inside a table cell: labelled for screen readers by its row, its error said beside it. */
function MoneyCell({ id, label, value, error, onChange }: { id: FieldId; label: string; value: string; error?: string; onChange: (value: string) => void }) {
  const errorId = `${id}-error`;
  return (
    <div className={`nhsuk-form-group nhsuk-u-margin-bottom-0${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-u-visually-hidden" htmlFor={id}>
        {label}, in pounds
      </label>
      {error && (
        <span className="nhsuk-error-message" id={errorId}>
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </span>
      )}
      <MoneyInput id={id} value={value} describedBy={error ? errorId : undefined} invalid={Boolean(error)} onChange={onChange} />
    </div>
  );
}

/**
 * The plan's figures as a grid: the allocation (and the amounts the year's rules need), then one row a
 * category with its amount and its percentage of allocation, then the totals. Editable while a draft.
 */
export function PlanFiguresGrid({ draft, reading, onChange, errorFor }: PlanFiguresGridProps) {
  const needed = inputsNeeded(draft.financialYear);
  const allocation = valid(draft.allocation);
  const usableAllocation = allocation?.isPositive() ? allocation : null;
  const percent = (amount: Money | null) => (amount && usableAllocation ? percentOfAllocation(amount, usableAllocation) : '');
  const lineAmounts = PLAN_CATEGORIES.map((category) => valid(draft.lines[category]));
  const total = reading.compliance?.plannedSpend ?? Money.sum(lineAmounts.filter((amount): amount is Money => amount !== null));
  const surplus = reading.compliance?.plannedSurplus ?? null;

  const figure = (id: FieldId, label: string, value: string, set: (value: string) => void) =>
    onChange ? <MoneyCell id={id} label={label} value={value} error={errorFor(id)} onChange={set} /> : <span className="ccg-nowrap">{valid(value)?.toDisplayString() ?? 'None'}</span>;

  const extraRows: { id: ExtraAmountFieldId; key: 'priorYearRunningCosts' | 'betterCareFundMinimum' }[] = [
    ...(needed.priorYearRunningCosts ? [{ id: 'prior-year-running-costs' as const, key: 'priorYearRunningCosts' as const }] : []),
    ...(needed.betterCareFundMinimum ? [{ id: 'better-care-fund-minimum' as const, key: 'betterCareFundMinimum' as const }] : []),
  ];

  return (
    <TableContainer className="ccg-plan-grid">
      <table className="nhsuk-table nhsuk-table--compact" role="table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m">Plan figures</caption>
        <thead className="nhsuk-table__head" role="rowgroup">
          <tr role="row" className="nhsuk-table__row">
            <th scope="col" role="columnheader" className="nhsuk-table__header">
              Figure
            </th>
            <th scope="col" role="columnheader" className="nhsuk-table__header">
              Amount (£)
            </th>
            <th scope="col" role="columnheader" className="nhsuk-table__header nhsuk-table__header--numeric">
              % of allocation
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body" role="rowgroup">
          <tr role="row" className="nhsuk-table__row">
            <th scope="row" role="rowheader" className="nhsuk-table__header">
              Allocation
            </th>
            <td role="cell" className="nhsuk-table__cell">{figure('allocation', 'Allocation', draft.allocation, (value) => onChange?.({ allocation: value }))}</td>
            <td role="cell" className="nhsuk-table__cell nhsuk-table__cell--numeric">{usableAllocation ? '100.00%' : ''}</td>
          </tr>
          {extraRows.map((row) => (
            <tr key={row.id} role="row" className="nhsuk-table__row">
              <th scope="row" role="rowheader" className="nhsuk-table__header">
                {fieldLabel(row.id)}
              </th>
              <td role="cell" className="nhsuk-table__cell">{figure(row.id, fieldLabel(row.id), draft[row.key], (value) => onChange?.({ [row.key]: value }))}</td>
              <td role="cell" className="nhsuk-table__cell nhsuk-table__cell--numeric" />
            </tr>
          ))}
          {PLAN_CATEGORIES.map((category, index) => (
            <tr key={category} role="row" className="nhsuk-table__row" data-category={category}>
              <th scope="row" role="rowheader" className="nhsuk-table__header">
                {CATEGORY_LABELS[category]}
              </th>
              <td role="cell" className="nhsuk-table__cell">{figure(lineFieldId(category), CATEGORY_LABELS[category], draft.lines[category], (value) => onChange?.({ lines: { [category]: value } }))}</td>
              <td role="cell" className="nhsuk-table__cell nhsuk-table__cell--numeric">{percent(lineAmounts[index])}</td>
            </tr>
          ))}
          <tr role="row" className="nhsuk-table__row ccg-plan-grid__total">
            <th scope="row" role="rowheader" className="nhsuk-table__header">
              Planned spend
            </th>
            <td role="cell" className="nhsuk-table__cell nhsuk-u-font-weight-bold ccg-nowrap" id="planned-spend-total">
              {total.toDisplayString()}
            </td>
            <td role="cell" className="nhsuk-table__cell nhsuk-table__cell--numeric nhsuk-u-font-weight-bold">{percent(total)}</td>
          </tr>
          <tr role="row" className="nhsuk-table__row">
            <th scope="row" role="rowheader" className="nhsuk-table__header">
              {surplus?.isNegative() ? 'Planned deficit' : 'Planned surplus'}
            </th>
            <td role="cell" className="nhsuk-table__cell ccg-nowrap">{surplus ? surplus.abs().toDisplayString() : ''}</td>
            <td role="cell" className="nhsuk-table__cell nhsuk-table__cell--numeric">{surplus ? percent(surplus.abs()) : ''}</td>
          </tr>
        </tbody>
      </table>
    </TableContainer>
  );
}
