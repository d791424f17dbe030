import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import type { EscalationMapQuery as EscalationMapResult } from '../gql/graphql';
import { formatDate } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, InsetText } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { AddBoardForm } from './board-forms';
import { IllustrativeEscalation } from './escalation-labels';
import { EscalationMapQuery, SetUpStandardBoardsMutation } from './escalation.operations';
import { ItemsTable } from './items-table';

type EscalationMap = EscalationMapResult['escalationMap'];

/** `/escalation/ccgs/:code`: one printable page of where every open item of a CCG sits, board by board in route order. */
export function EscalationMapPage() {
  const code = (useParams().code ?? '').toUpperCase();
  const { data, loading, error, refetch } = useQuery(EscalationMapQuery, { variables: { ccg: code } });
  const map = data?.escalationMap;
  usePageTitle(map ? `Escalation map, ${organisationName(map.ccg.name)}` : 'Escalation map');
  if (loading && !data) return <Loading label="Loading the escalation map" />;
  if (!map) {
    const { code: errorCode, reason } = errorCodes(error);
    const heading = errorCode === 'FORBIDDEN' ? 'You cannot see this CCG’s boards' : errorCode === 'NOT_FOUND' || reason === 'NOT_A_CCG' ? 'CCG not found' : 'The escalation map could not be loaded';
    return (
      <>
        <h1 className="nhsuk-heading-l">{heading}</h1>
        {errorCode !== 'FORBIDDEN' && errorCode !== 'NOT_FOUND' && reason !== 'NOT_A_CCG' && (
          <ErrorSummary title="There is a problem" headingLevel="h2">
            <p>{describeError(error)}</p>
          </ErrorSummary>
        )}
        {errorCode === 'FORBIDDEN' && <p className="nhsuk-body">A CCG’s boards are read by its own staff and NHS England’s administrators.</p>}
        <p className="nhsuk-body">
          <Link className="nhsuk-link" to="/escalation">
            Back to escalation
          </Link>
        </p>
      </>
    );
  }
  const mayConfigure = Boolean(data.me?.administersEveryone || data.me?.administers.some((organisation) => organisation.code === map.ccg.code));
  return <MapView map={map} mayConfigure={mayConfigure} onChanged={() => refetch().catch(() => undefined)} />;
}

function MapView({ map, mayConfigure, onChanged }: { map: EscalationMap; mayConfigure: boolean; onChanged: () => Promise<unknown> }) {
  const ccgName = organisationName(map.ccg.name);
  const illustrative = map.boards.some((entry) => entry.board.illustrative);
  return (
    <article className="ccg-report">
      <div className="nhsuk-back-link ccg-no-print">
        <Link className="nhsuk-back-link__link" to="/escalation">
          Escalation
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">
          {ccgName} ({map.ccg.code})
        </span>
        Escalation map
      </h1>
      <p className="nhsuk-lede-text">
        {map.openItems === 0 ? 'No open items' : map.openItems === 1 ? 'One open item' : `${map.openItems} open items`} across {map.boards.length === 1 ? 'one board' : `${map.boards.length} boards`}, in the order of the escalation route.
      </p>
      {illustrative && <IllustrativeEscalation what="The boards and items marked illustrative are" />}
      <div className="ccg-button-row ccg-no-print">
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => window.print()}>
          Print the map
        </button>
        <Link className="nhsuk-button nhsuk-button--secondary" to={`/escalation/items/new?${new URLSearchParams({ ccg: map.ccg.code }).toString()}`}>
          Raise an escalation item
        </Link>
      </div>
      <p className="nhsuk-body ccg-no-print">
        <Link className="nhsuk-link" to={`/escalation/ccgs/${map.ccg.code}/routes`}>
          Escalation routes: where each kind of item starts and goes next
        </Link>
      </p>
      {map.boards.length === 0 ? <NoBoards ccg={map.ccg.code} mayConfigure={mayConfigure} onChanged={onChanged} /> : null}
      {mayConfigure && (
        <div className="ccg-no-print">
          <AddBoardForm ccg={map.ccg.code} onChanged={onChanged} />
        </div>
      )}
      {map.boards.map(({ board, openItems, bySeverity, items }) => {
        const headingId = `board-${board.id}`;
        return (
          <section key={board.id} aria-labelledby={headingId} className="nhsuk-u-margin-bottom-6">
            <h2 id={headingId} className="nhsuk-heading-m">
              <Link className="nhsuk-link" to={`/escalation/boards/${board.id}`}>
                {board.name}
              </Link>
            </h2>
            <p className="nhsuk-body">
              {openItems === 0 ? 'No open items' : openItems === 1 ? 'One open item' : `${openItems} open items`}
              {bySeverity.filter((entry) => entry.count > 0).length > 0 && `: ${bySeverity.filter((entry) => entry.count > 0).map((entry) => `${entry.count} ${entry.severityLabel.toLowerCase()}`).join(', ')}`}.
              {board.chair ? ` Chair: ${board.chair.user.displayName}.` : ' No chair yet.'}
              {board.nextMeeting ? ` Next meeting ${formatDate(board.nextMeeting.meetsOn)}.` : ' No meeting scheduled.'}
              {board.illustrative && ' (Illustrative.)'}
            </p>
            {items.length > 0 && <ItemsTable items={items} caption={`Open items at ${board.name}`} showBoard={false} />}
          </section>
        );
      })}
    </article>
  );
}

/** A CCG without boards: an administrator sets up the seed-002 set; anyone else is told who may. */
function NoBoards({ ccg, mayConfigure, onChanged }: { ccg: string; mayConfigure: boolean; onChanged: () => Promise<unknown> }) {
  const [setUp, { loading }] = useMutation(SetUpStandardBoardsMutation);
  const [failure, setFailure] = useState<string | null>(null);
  async function run() {
    setFailure(null);
    try {
      await setUp({ variables: { ccg } });
      await onChanged();
    } catch (error) {
      setFailure(errorCodes(error).code === 'FORBIDDEN' ? 'Only an administrator of the CCG sets up its boards.' : describeError(error));
    }
  }
  return (
    <InsetText>
      <p>The CCG has no boards yet, so nothing can be raised or escalated.</p>
      {mayConfigure ? (
        <>
          {failure && (
            <ErrorSummary title="The boards were not set up" headingLevel="h2">
              <p>{failure}</p>
            </ErrorSummary>
          )}
          <p>The standard boards are those of Sheffield CCG’s performance management framework (2015): the Programme Management Delivery Group, the Integrated Performance and Delivery Board, the Commissioning Executive Team, the Governing Body, and a Contract Management Board for each contracted provider.</p>
          <Button type="button" className="ccg-no-print" disabled={loading} onClick={() => void run()}>
            {loading ? 'Setting up the boards…' : 'Set up the standard boards'}
          </Button>
        </>
      ) : (
        <p>An administrator of the CCG sets them up.</p>
      )}
    </InsetText>
  );
}
