import { PLAN_CATEGORIES } from '@ccg-assure/domain';
import { useEffect, useRef } from 'react';
import { readAmount, type PlanDraft } from './plan-draft';
import { fieldLabel, lineFieldId, type FieldId } from './plan-fields';
import type { PlanConflict as Conflict } from './use-plan-actions';
import { TableContainer } from '../ui/nhs';

/** The words for a CONFLICT, by the refusal's reason. */
function conflictWords(reason: string | null): string {
  switch (reason) {
    case 'NOT_A_DRAFT':
    case 'NOT_SUBMITTED':
      return 'Someone else moved this plan on (submitted, approved or returned it) since you opened it.';
    case 'PLAN_HAS_OPEN_VERSION':
      return 'Someone else started a draft of this plan since you opened it.';
    case 'PLAN_APPROVED':
      return 'This plan has been approved since you opened it.';
    default:
      return 'Someone else changed this plan since you opened it.';
  }
}

interface PlanConflictProps {
  conflict: Conflict;
  /** The figures on the page now: after a reload, the latest saved ones. */
  latest: PlanDraft;
  canReuse: boolean;
  busy: boolean;
  onReload: () => void;
  onReuse: () => void;
  onDismiss: () => void;
}

/**
 * The server refused the figures because the plan moved on: says so (and takes focus), offers a reload, then
 * shows the typed figures beside the latest saved ones so the person can use theirs again or keep the latest.
 */
export function PlanConflictSummary({ conflict, latest, canReuse, busy, onReload, onReuse, onDismiss }: PlanConflictProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!conflict.reloaded) ref.current?.focus();
  }, [conflict]);
  return (
    <div className="nhsuk-error-summary" aria-labelledby="conflict-title" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-error-summary__title" id="conflict-title">
        {conflict.reloaded ? 'You are now seeing the latest version' : 'Your changes have not been saved'}
      </h2>
      <div className="nhsuk-error-summary__body">
        {!conflict.reloaded ? (
          <>
            <p>{conflictWords(conflict.reason)} Your figures are still on this page, but they are not saved.</p>
            <p>Reload the plan to see the latest version. Your figures will stay listed here so you can use them again.</p>
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" disabled={busy} onClick={onReload}>
              Reload the plan
            </button>
          </>
        ) : (
          <ConflictFigures typed={conflict.typed} latest={latest} canReuse={canReuse} onReuse={onReuse} onDismiss={onDismiss} />
        )}
      </div>
    </div>
  );
}

/** Every figure of a draft by field, in the order of the form. */
function figuresOf(draft: PlanDraft): [FieldId, string][] {
  return [
    ['allocation', draft.allocation],
    ['prior-year-running-costs', draft.priorYearRunningCosts],
    ['better-care-fund-minimum', draft.betterCareFundMinimum],
    ...PLAN_CATEGORIES.map((category): [FieldId, string] => [lineFieldId(category), draft.lines[category]]),
  ];
}

/** After a reload: the figures the person had typed beside the latest saved ones, where they differ. */
function ConflictFigures({ typed, latest, canReuse, onReuse, onDismiss }: { typed: PlanDraft; latest: PlanDraft; canReuse: boolean; onReuse: () => void; onDismiss: () => void }) {
  const shown = (text: string) => {
    const amount = readAmount(text, '');
    return amount.state === 'valid' ? amount.amount.toDisplayString() : text.trim() || 'None';
  };
  const theirs = new Map(figuresOf(latest));
  const differing = figuresOf(typed).filter(([field, mine]) => shown(mine) !== shown(theirs.get(field) ?? ''));
  return (
    <>
      <p>The figures below the table are the latest saved version. Your unsaved figures were:</p>
      {differing.length === 0 ? (
        <p>the same as the latest version.</p>
      ) : (
        <TableContainer>
          <table className="nhsuk-table nhsuk-table--compact">
            <caption className="nhsuk-u-visually-hidden">Your unsaved figures and the latest saved ones</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Figure</th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Your figure</th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Latest saved</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {differing.map(([field, mine]) => (
                <tr key={field} className="nhsuk-table__row">
                  <th scope="row" className="nhsuk-table__header">{fieldLabel(field)}</th>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{shown(mine)}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{shown(theirs.get(field) ?? '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
      <div className="ccg-button-row">
        {canReuse && differing.length > 0 && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={onReuse}>
            Use my figures again
          </button>
        )}
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={onDismiss}>
          Keep the latest version
        </button>
      </div>
    </>
  );
}
