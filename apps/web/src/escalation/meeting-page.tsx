import { PACK_SECTION_LABELS, todayInEngland, type PackSection } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import type { BoardMeetingFieldsFragment, BoardMeetingQuery as BoardMeetingResult, PackItemFieldsFragment } from '../gql/graphql';
import { RagTag, sideOf } from '../providers/scorecard-labels';
import { formatDate, formatInstant, formatValue, monthLabel } from '../ui/format';
import { Loading } from '../ui/loading';
import { ErrorSummary, InsetText, TableContainer } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { AssuranceIcon, VariationIcon } from '../ui/spc-icons';
import { assuranceLabel, variationLabel } from '../ui/spc-labels';
import { IllustrativeEscalation, SeverityTag } from './escalation-labels';
import { BoardMeetingQuery } from './escalation.operations';
import { DecisionForm, MeetingSteps } from './meeting-forms';

type Meeting = BoardMeetingFieldsFragment;
type IndicatorFacts = BoardMeetingResult['indicators'];

const SECTIONS: readonly { key: PackSection; field: 'newItems' | 'escalatedIn' | 'carriedOver' | 'decisionsDue' }[] = [
  { key: 'NEW', field: 'newItems' },
  { key: 'ESCALATED_IN', field: 'escalatedIn' },
  { key: 'CARRIED_OVER', field: 'carriedOver' },
  { key: 'DECISIONS_DUE', field: 'decisionsDue' },
];

/** `/escalation/meetings/:id`: a board meeting's pack (live until held, then frozen), the chair's decisions, the minutes; printable. */
export function MeetingPage() {
  const id = useParams().id ?? '';
  const { data, loading, error, refetch } = useQuery(BoardMeetingQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const meeting = data?.boardMeeting;
  usePageTitle(meeting ? `${meeting.board.name}, meeting of ${formatDate(meeting.meetsOn)}` : 'Board meeting');
  const [today] = useState(() => todayInEngland(new Date()));
  if (loading && !data) return <Loading label="Loading the meeting and its pack" />;
  if (!meeting) {
    return (
      <>
        <h1 className="nhsuk-heading-l">{error ? 'The meeting could not be loaded' : 'Meeting not found'}</h1>
        {error ? (
          <ErrorSummary title="There is a problem" headingLevel="h2">
            <p>{describeError(error)}</p>
          </ErrorSummary>
        ) : (
          <p className="nhsuk-body">There is no such meeting, or it is of a board whose CCG you do not read.</p>
        )}
        <p className="nhsuk-body">
          <Link className="nhsuk-link" to="/escalation">
            Back to escalation
          </Link>
        </p>
      </>
    );
  }
  return <MeetingView meeting={meeting} indicators={data?.indicators ?? []} today={today} onChanged={() => refetch().catch(() => undefined)} />;
}

function MeetingView({ meeting, indicators, today, onChanged }: { meeting: Meeting; indicators: IndicatorFacts; today: string; onChanged: () => Promise<unknown> }) {
  const { board, pack } = meeting;
  const ccgName = organisationName(board.ccg.name);
  const chair = board.members.find((member) => member.isChair);
  const mayDecide = meeting.availableActions.includes('RECORD_ITEM_DECISION');
  // An item appears once in the first three sections; "decisions due" repeats some of them.
  const packed = pack.newItems.length + pack.escalatedIn.length + pack.carriedOver.length;
  return (
    <article className="ccg-report">
      <div className="nhsuk-back-link ccg-no-print">
        <Link className="nhsuk-back-link__link" to={`/escalation/boards/${board.id}`}>
          {board.name}
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">
          {board.name} · {ccgName} ({board.ccg.code})
        </span>
        Meeting of {formatDate(meeting.meetsOn)}
      </h1>
      <p className="nhsuk-body">
        <strong className={`nhsuk-tag ${meeting.status === 'HELD' ? 'nhsuk-tag--green' : meeting.status === 'CANCELLED' ? 'nhsuk-tag--grey' : 'nhsuk-tag--blue'}`}>{meeting.statusLabel}</strong>
        {chair && <span> Chair: {chair.user.displayName}.</span>}
      </p>
      {(meeting.illustrative || board.illustrative) && <IllustrativeEscalation what="This meeting, its pack and decisions are" />}
      <div className="ccg-button-row ccg-no-print">
        {meeting.pdfUrl && (
          <a className="nhsuk-button" href={meeting.pdfUrl} download>
            Download the pack and minutes (PDF)
          </a>
        )}
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => window.print()}>
          Print the pack
        </button>
      </div>
      {meeting.cancelledReason && (
        <InsetText>
          <p>The meeting was cancelled: {meeting.cancelledReason}. Its items carry over to the next meeting.</p>
        </InsetText>
      )}
      <p className="nhsuk-body">
        {pack.frozen
          ? `The pack as it stood when the meeting was held (${formatInstant(pack.builtAt)}). It does not change.`
          : `The pack is built from the items at the board as they stand now (${formatInstant(pack.builtAt)}); it is frozen when the meeting is recorded as held.`}
      </p>
      <h2 className="nhsuk-heading-m">The pack</h2>
      {packed === 0 && pack.decisionsDue.length === 0 ? (
        <InsetText>
          <p>There are no items at the board for this meeting.</p>
        </InsetText>
      ) : (
        SECTIONS.map(({ key, field }) => <PackSection key={key} meeting={meeting} title={PACK_SECTION_LABELS[key]} sectionKey={key} items={pack[field]} mayDecide={mayDecide && key !== 'DECISIONS_DUE'} today={today} />)
      )}
      {board.kind === 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD' && <FailingIndicators meeting={meeting} indicators={indicators} />}
      <Decisions meeting={meeting} />
      <Minutes meeting={meeting} />
      <MeetingSteps meeting={meeting} onChanged={onChanged} />
    </article>
  );
}

function PackSection({ meeting, title, sectionKey, items, mayDecide, today }: { meeting: Meeting; title: string; sectionKey: PackSection; items: readonly PackItemFieldsFragment[]; mayDecide: boolean; today: string }) {
  const headingId = `pack-${sectionKey}`;
  return (
    <section aria-labelledby={headingId} className="nhsuk-u-margin-bottom-5">
      <h3 id={headingId} className="nhsuk-heading-s">
        {title} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className="nhsuk-body-s">None.</p>
      ) : (
        <ul className="nhsuk-list">
          {items.map((item) => (
            <li key={item.id} className="nhsuk-card nhsuk-u-margin-bottom-3">
              <div className="nhsuk-card__content" role="group" aria-labelledby={`${headingId}-${item.id}`}>
                <h4 id={`${headingId}-${item.id}`} className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">
                  <Link className="nhsuk-link" to={`/escalation/items/${item.id}`}>
                    {item.title}
                  </Link>
                </h4>
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
                  <SeverityTag severity={item.severity} label={item.severityLabel} /> {item.kindLabel}. Owner: {item.owner.displayName}. {item.dueOn ? `Due ${formatDate(item.dueOn)}.` : 'No due date.'}
                  {item.arrivedFrom ? ` Escalated in from ${item.arrivedFrom}.` : ''}
                  {item.status === 'CLOSED' ? ' Closed.' : ''}
                </p>
                <ItemDecisions meeting={meeting} itemId={item.id} />
                {mayDecide && item.status === 'OPEN' && <DecisionForm meeting={meeting} item={item} today={today} />}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ItemDecisions({ meeting, itemId }: { meeting: Meeting; itemId: string }) {
  const decisions = meeting.decisions.filter((decision) => decision.itemId === itemId);
  if (decisions.length === 0) return null;
  return (
    <ul className="nhsuk-list nhsuk-body-s">
      {decisions.map((decision, index) => (
        <li key={`${decision.recordedAt}-${index}`}>
          <strong>Decision: {decision.decisionLabel}</strong>
          {decision.toBoardName ? ` (to ${decision.toBoardName})` : ''}: {decision.note} ({decision.recordedBy}, {formatInstant(decision.recordedAt)})
        </li>
      ))}
    </ul>
  );
}

/** For the Integrated Board: the month's failing indicators of the CCG's providers, from the stored scores, with their icons and words. */
function FailingIndicators({ meeting, indicators }: { meeting: Meeting; indicators: IndicatorFacts }) {
  const { pack } = meeting;
  const facts = new Map(indicators.map((indicator) => [indicator.code, indicator]));
  return (
    <section aria-labelledby="failing-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="failing-heading" className="nhsuk-heading-m">
        Failing indicators{pack.indicatorsAsOf ? `, ${monthLabel(pack.indicatorsAsOf)}` : ''}
      </h2>
      <p className="nhsuk-body">
        {pack.providersBasis === 'REGION'
          ? 'The CCG has no contracts recorded for the year, so these are the NHS trusts of its region.'
          : pack.providersBasis === 'CONTRACTS'
            ? 'The providers the CCG holds contracts with.'
            : ''}{' '}
        Real published figures, as scored when the data was loaded.
      </p>
      {pack.failingIndicators.length === 0 ? (
        <p className="nhsuk-body">No indicator of these providers fails its standard in the month.</p>
      ) : (
        <TableContainer>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Failing indicators of the CCG’s providers</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Indicator</th>
                <th scope="col">Month</th>
                <th scope="col">Value</th>
                <th scope="col">Standard</th>
                <th scope="col">RAG</th>
                <th scope="col">Variation</th>
                <th scope="col">Assurance</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {pack.failingIndicators.map((row) => {
                const indicator = facts.get(row.indicatorCode);
                const unit = indicator?.unit ?? '';
                const side = sideOf(row.variationType, indicator?.polarity);
                return (
                  <tr key={`${row.providerCode}-${row.indicatorCode}-${row.period}`}>
                    <td>
                      {organisationName(row.providerName)} ({row.providerCode})
                    </td>
                    <td>{row.indicatorName}</td>
                    <td>{monthLabel(row.period)}</td>
                    <td>{formatValue(row.value, unit)}</td>
                    <td>{row.target === null || row.target === undefined ? 'None' : formatValue(row.target, unit)}</td>
                    <td>
                      <RagTag rag={row.rag} />
                    </td>
                    <td>
                      <span>
                        <VariationIcon type={row.variationType} side={side} size={32} /> <span aria-hidden="true">{variationLabel(row.variationType, side)}</span>
                      </span>
                    </td>
                    <td>
                      <span>
                        {row.assuranceType ? <AssuranceIcon type={row.assuranceType} size={32} /> : null} <span aria-hidden={row.assuranceType ? 'true' : undefined}>{assuranceLabel(row.assuranceType)}</span>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableContainer>
      )}
    </section>
  );
}

function Decisions({ meeting }: { meeting: Meeting }) {
  return (
    <section aria-labelledby="decisions-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="decisions-heading" className="nhsuk-heading-m">
        Decisions
      </h2>
      {meeting.decisions.length === 0 ? (
        <p className="nhsuk-body">No decision has been recorded{meeting.status === 'SCHEDULED' ? ' yet' : ''}.</p>
      ) : (
        <ol className="nhsuk-list nhsuk-list--number">
          {meeting.decisions.map((decision, index) => (
            <li key={`${decision.itemId}-${decision.recordedAt}-${index}`}>
              <Link className="nhsuk-link" to={`/escalation/items/${decision.itemId}`}>
                {decision.itemTitle}
              </Link>
              : {decision.decisionLabel}
              {decision.toBoardName ? ` (to ${decision.toBoardName})` : ''}. {decision.note} ({decision.recordedBy}, {formatInstant(decision.recordedAt)})
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Minutes({ meeting }: { meeting: Meeting }) {
  if (meeting.status !== 'HELD') return null;
  return (
    <section aria-labelledby="minutes-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="minutes-heading" className="nhsuk-heading-m">
        Minutes
      </h2>
      <p className="nhsuk-body ccg-pre-line">{meeting.minutes}</p>
      {meeting.heldAt && <p className="nhsuk-body-s">Recorded as held {formatInstant(meeting.heldAt)}.</p>}
    </section>
  );
}
