import { ESCALATION_MOVE_KIND_LABELS, todayInEngland } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import type { EscalationItemFieldsFragment } from '../gql/graphql';
import { formatDate, formatInstant, monthLabel } from '../ui/format';
import { Loading } from '../ui/loading';
import { ErrorSummary } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { IllustrativeEscalation, ItemStatusTag, SeverityTag } from './escalation-labels';
import { EscalationItemQuery } from './escalation.operations';
import { ItemActionsList, ItemMoves } from './item-moves';

type Item = EscalationItemFieldsFragment;

/** `/escalation/items/:id`: an item, its timeline (every step: who, when, what and why), its actions, and what the viewer may do. */
export function EscalationItemPage() {
  const id = useParams().id ?? '';
  const { data, loading, error, refetch } = useQuery(EscalationItemQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const item = data?.escalationItem;
  usePageTitle(item ? item.title : 'Escalation item');
  const [today] = useState(() => todayInEngland(new Date()));
  if (loading && !data) return <Loading label="Loading the escalation item" />;
  if (!item) {
    return (
      <>
        <h1 className="nhsuk-heading-l">{error ? 'The item could not be loaded' : 'Escalation item not found'}</h1>
        {error ? (
          <ErrorSummary title="There is a problem" headingLevel="h2">
            <p>{describeError(error)}</p>
          </ErrorSummary>
        ) : (
          <p className="nhsuk-body">There is no such item, or it belongs to a CCG whose items you do not read.</p>
        )}
        <p className="nhsuk-body">
          <Link className="nhsuk-link" to="/escalation">
            Back to escalation
          </Link>
        </p>
      </>
    );
  }
  return <ItemView item={item} today={today} onChanged={() => refetch().catch(() => undefined)} />;
}

function ItemView({ item, today, onChanged }: { item: Item; today: string; onChanged: () => Promise<unknown> }) {
  const ccgName = organisationName(item.ccg.name);
  return (
    <article className="ccg-report">
      <div className="nhsuk-back-link ccg-no-print">
        <Link className="nhsuk-back-link__link" to={`/escalation/boards/${item.board.id}`}>
          {item.board.name}
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">
          {item.kindLabel} · {ccgName} ({item.ccg.code})
        </span>
        {item.title}
      </h1>
      <p className="nhsuk-body">
        <ItemStatusTag status={item.status} label={item.statusLabel} /> <SeverityTag severity={item.severity} label={item.severityLabel} />
        {item.overdue && <strong className="nhsuk-tag nhsuk-tag--red nhsuk-u-margin-left-1">Overdue</strong>}
      </p>
      {item.illustrative && <IllustrativeEscalation what="This item and its history are" />}
      <ItemFacts item={item} />
      <ItemMoves item={item} today={today} onChanged={onChanged} />
      <ItemActionsList item={item} />
      <Timeline item={item} />
    </article>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

function ItemFacts({ item }: { item: Item }) {
  const { source } = item;
  return (
    <dl className="nhsuk-summary-list">
      <Row label="At board">
        <Link className="nhsuk-link" to={`/escalation/boards/${item.board.id}`}>
          {item.board.name}
        </Link>{' '}
        since {formatInstant(item.arrivedAtBoardAt)}
      </Row>
      <Row label="Owner">{item.owner.displayName}</Row>
      <Row label="Due">{item.dueOn ? formatDate(item.dueOn) : 'No due date'}</Row>
      <Row label="Raised">
        {formatInstant(item.raisedAt)}
        {item.raisedBy ? ` by ${item.raisedBy.displayName}` : ''}
      </Row>
      {source.provider && (
        <Row label="Provider">
          <Link className="nhsuk-link" to={`/providers/${source.provider.code}`}>
            {organisationName(source.provider.name)} ({source.provider.code})
          </Link>
        </Row>
      )}
      {source.indicator && <Row label="Indicator">{source.indicator.name}</Row>}
      {source.period && <Row label="Month">{monthLabel(source.period)}</Row>}
      {source.noticeId && (
        <Row label="Contract notice">
          <Link className="nhsuk-link" to={`/contracts/notices/${source.noticeId}`}>
            The contract performance notice
          </Link>
        </Row>
      )}
      {source.text && (
        <Row label="Source">
          <span className="ccg-pre-line">{source.text}</span>
        </Row>
      )}
      <Row label="The concern">
        <span className="ccg-pre-line">{item.description}</span>
      </Row>
      {item.closedReason && <Row label="Closed because">{item.closedReason}</Row>}
    </dl>
  );
}

/** Every step of the item's life, oldest first: when, who, what (and between which boards), and why. */
function Timeline({ item }: { item: Item }) {
  return (
    <section aria-labelledby="timeline-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="timeline-heading" className="nhsuk-heading-m">
        Timeline
      </h2>
      <ol className="nhsuk-list ccg-timeline">
        {item.history.map((event, index) => (
          <li key={`${event.at}-${index}`} className="nhsuk-u-margin-bottom-4">
            <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">
              {event.actionLabel}
              {event.moveKind && event.action !== 'RAISE' && event.moveKind !== 'ESCALATION' && event.moveKind !== 'DE_ESCALATION' ? ` (${ESCALATION_MOVE_KIND_LABELS[event.moveKind].toLowerCase()})` : ''}
            </h3>
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
              {formatInstant(event.at)} by {event.actor}
              {event.meeting && (
                <>
                  {' '}
                  at the{' '}
                  <Link className="nhsuk-link" to={`/escalation/meetings/${event.meeting.id}`}>
                    meeting of {formatDate(event.meeting.meetsOn)}
                  </Link>
                </>
              )}
            </p>
            {event.fromBoard && event.toBoard ? (
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                From {event.fromBoard.name} to {event.toBoard.name}
              </p>
            ) : event.toBoard ? (
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">At {event.toBoard.name}</p>
            ) : null}
            {event.decision && <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Decision: {event.decision}</p>}
            {event.reason && <p className="nhsuk-body-s nhsuk-u-margin-bottom-1 ccg-pre-line">Why: {event.reason}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
