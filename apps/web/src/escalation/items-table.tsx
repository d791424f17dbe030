import { Link } from 'react-router';
import type { EscalationItemSummaryFieldsFragment } from '../gql/graphql';
import { formatDate } from '../ui/format';
import { SeverityTag } from './escalation-labels';
import { TableContainer } from '../ui/nhs';

/** Items as a table: title (linked), kind, severity, board, owner and due date; `caption` names it for screen readers. */
export function ItemsTable({ items, caption, showBoard = true }: { items: readonly EscalationItemSummaryFieldsFragment[]; caption: string; showBoard?: boolean }) {
  return (
    <TableContainer>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Kind</th>
            <th scope="col">Severity</th>
            {showBoard && <th scope="col">Board</th>}
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <Link className="nhsuk-link" to={`/escalation/items/${item.id}`}>
                  {item.title}
                </Link>
                {item.illustrative && <span className="nhsuk-body-s nhsuk-u-secondary-text-colour"> (illustrative)</span>}
                {item.status !== 'OPEN' && <span className="nhsuk-body-s"> ({item.statusLabel})</span>}
              </td>
              <td>{item.kindLabel}</td>
              <td>
                <SeverityTag severity={item.severity} label={item.severityLabel} />
              </td>
              {showBoard && <td>{item.board.name}</td>}
              <td>{item.owner.displayName}</td>
              <td>
                {item.dueOn ? formatDate(item.dueOn) : 'No due date'}
                {item.overdue && <strong className="nhsuk-tag nhsuk-tag--red nhsuk-u-margin-left-1">Overdue</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
