import { todayInEngland, compareIsoDates } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import type { BoardQuery as BoardResult, MeetingSummaryFieldsFragment } from '../gql/graphql';
import { formatDate, formatInstant } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, DateInput, dateInputExample, dateInputProblem, dateProblemFor, ErrorSummary, InsetText, refusalProblem, type FormProblem } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { BoardDetailsForm } from './board-forms';
import { BoardMembersForm } from './board-members-form';
import { IllustrativeEscalation } from './escalation-labels';
import { BoardQuery, ScheduleBoardMeetingMutation } from './escalation.operations';
import { ItemsTable } from './items-table';

type Board = NonNullable<BoardResult['board']>;

/** `/escalation/boards/:id`: a board's open items, next meeting, past meetings with their packs, and members. */
export function BoardPage() {
  const id = useParams().id ?? '';
  const { data, loading, error, refetch } = useQuery(BoardQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const board = data?.board;
  usePageTitle(board ? board.name : 'Board');
  if (loading && !data) return <Loading label="Loading the board" />;
  if (!board) {
    return (
      <>
        <h1 className="nhsuk-heading-l">{error ? 'The board could not be loaded' : 'Board not found'}</h1>
        {error && (
          <ErrorSummary title="There is a problem" headingLevel="h2">
            <p>{describeError(error)}</p>
          </ErrorSummary>
        )}
        {!error && <p className="nhsuk-body">There is no such board, or it belongs to a CCG whose boards you do not read.</p>}
        <p className="nhsuk-body">
          <Link className="nhsuk-link" to="/escalation">
            Back to escalation
          </Link>
        </p>
      </>
    );
  }
  return <BoardView board={board} onChanged={() => refetch().catch(() => undefined)} />;
}

function BoardView({ board, onChanged }: { board: Board; onChanged: () => Promise<unknown> }) {
  const ccgName = organisationName(board.ccg.name);
  const chair = board.members.find((member) => member.isChair);
  const termsIsLink = board.termsOfReference ? /^https?:\/\//.test(board.termsOfReference.trim()) : false;
  const upcoming = board.scheduledMeetings.filter((meeting) => meeting.id !== board.nextMeeting?.id);
  return (
    <>
      <div className="nhsuk-back-link">
        <Link className="nhsuk-back-link__link" to={`/escalation/ccgs/${board.ccg.code}`}>
          Escalation map, {ccgName}
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">
          {ccgName} ({board.ccg.code}) · {board.kindLabel}
        </span>
        {board.name}
      </h1>
      {board.illustrative && <IllustrativeEscalation what="This board, its members and meetings are" />}
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Meets</dt>
          <dd className="nhsuk-summary-list__value">{board.frequency}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Chair</dt>
          <dd className="nhsuk-summary-list__value">{chair ? chair.user.displayName : 'No chair yet'}</dd>
        </div>
        {board.provider && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Provider</dt>
            <dd className="nhsuk-summary-list__value">
              <Link className="nhsuk-link" to={`/providers/${board.provider.code}`}>
                {organisationName(board.provider.name)} ({board.provider.code})
              </Link>
            </dd>
          </div>
        )}
        {board.systemName && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">System</dt>
            <dd className="nhsuk-summary-list__value">{board.systemName}</dd>
          </div>
        )}
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Terms of reference</dt>
          <dd className="nhsuk-summary-list__value ccg-pre-line">
            {!board.termsOfReference ? (
              'None recorded'
            ) : termsIsLink ? (
              <a className="nhsuk-link" href={board.termsOfReference.trim()} rel="noreferrer">
                The terms of reference
              </a>
            ) : (
              board.termsOfReference
            )}
          </dd>
        </div>
      </dl>
      {board.viewerMayConfigure && <BoardDetailsForm board={board} onChanged={onChanged} />}

      <section aria-labelledby="open-items-heading" className="nhsuk-u-margin-bottom-6">
        <h2 id="open-items-heading" className="nhsuk-heading-m">
          Open items
        </h2>
        {board.openItems.length === 0 ? (
          <InsetText>
            <p>There are no open items at this board.</p>
          </InsetText>
        ) : (
          <ItemsTable items={board.openItems} caption={`Open items at ${board.name}`} showBoard={false} />
        )}
      </section>

      <section aria-labelledby="next-meeting-heading" className="nhsuk-u-margin-bottom-6">
        <h2 id="next-meeting-heading" className="nhsuk-heading-m">
          Next meeting
        </h2>
        {board.nextMeeting ? (
          <p className="nhsuk-body">
            <Link className="nhsuk-link" to={`/escalation/meetings/${board.nextMeeting.id}`}>
              Meeting of {formatDate(board.nextMeeting.meetsOn)} and its pack
            </Link>
          </p>
        ) : (
          <p className="nhsuk-body">No meeting is scheduled.</p>
        )}
        {upcoming.length > 0 && (
          <>
            <h3 className="nhsuk-heading-s">Other scheduled meetings</h3>
            <ul className="nhsuk-list">
              {upcoming.map((meeting) => (
                <li key={meeting.id}>
                  <Link className="nhsuk-link" to={`/escalation/meetings/${meeting.id}`}>
                    Meeting of {formatDate(meeting.meetsOn)}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
        {board.viewerIsMember && <ScheduleMeetingForm boardId={board.id} />}
      </section>

      <section aria-labelledby="past-meetings-heading" className="nhsuk-u-margin-bottom-6">
        <h2 id="past-meetings-heading" className="nhsuk-heading-m">
          Past meetings
        </h2>
        {board.pastMeetings.length === 0 ? <p className="nhsuk-body">No meeting has been held yet.</p> : <PastMeetings meetings={board.pastMeetings} />}
      </section>

      <section aria-labelledby="members-heading" className="nhsuk-u-margin-bottom-6">
        <h2 id="members-heading" className="nhsuk-heading-m">
          Members
        </h2>
        {board.members.length === 0 ? (
          <p className="nhsuk-body">The board has no members yet.</p>
        ) : (
          <ul className="nhsuk-list nhsuk-list--bullet">
            {board.members.map((member) => (
              <li key={member.user.id}>
                {member.user.displayName}
                {member.isChair && ' (chair)'}
              </li>
            ))}
          </ul>
        )}
        {board.viewerMayConfigure && <BoardMembersForm board={board} onChanged={onChanged} />}
      </section>
    </>
  );
}

function PastMeetings({ meetings }: { meetings: readonly MeetingSummaryFieldsFragment[] }) {
  return (
    <ul className="nhsuk-list">
      {meetings.map((meeting) => (
        <li key={meeting.id}>
          <Link className="nhsuk-link" to={`/escalation/meetings/${meeting.id}`}>
            Meeting of {formatDate(meeting.meetsOn)}
          </Link>{' '}
          ({meeting.statusLabel.toLowerCase()}
          {meeting.heldAt ? `, recorded ${formatInstant(meeting.heldAt)}` : ''}
          {meeting.cancelledReason ? `: ${meeting.cancelledReason}` : ''})
          {meeting.pdfUrl && (
            <>
              {' '}
              <a className="nhsuk-link" href={meeting.pdfUrl} download>
                Pack and minutes (PDF)<span className="nhsuk-u-visually-hidden">, meeting of {formatDate(meeting.meetsOn)}</span>
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

const SCHEDULE_REFUSALS = {
  MEETING_EXISTS: { field: 'meeting-meetsOn', message: 'The board already has a meeting on that day' },
};

/** A member schedules the board's next meeting. */
function ScheduleMeetingForm({ boardId }: { boardId: string }) {
  const navigate = useNavigate();
  const [today] = useState(() => todayInEngland(new Date()));
  const [meetsOn, setMeetsOn] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [schedule, { loading }] = useMutation(ScheduleBoardMeetingMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = dateInputProblem('meeting-meetsOn', meetsOn, { what: 'The meeting date', missing: 'Enter the date of the meeting' });
    const found = problem ? [problem] : compareIsoDates(meetsOn, today) < 0 ? [{ field: 'meeting-meetsOn', message: 'The meeting date cannot be in the past' }] : [];
    setProblems(found);
    if (found.length > 0) {
      setFocus((n) => n + 1);
      return;
    }
    try {
      const result = await schedule({ variables: { input: { boardId, meetsOn } } });
      if (result.data) navigate(`/escalation/meetings/${result.data.scheduleBoardMeeting.id}`);
    } catch (error) {
      setProblems([refusalProblem(error, SCHEDULE_REFUSALS, 'Only the board’s members schedule its meetings.')]);
      setFocus((n) => n + 1);
    }
  }
  return (
    <form className="ccg-no-print" onSubmit={(event) => void submit(event)} noValidate>
      <h3 className="nhsuk-heading-s">Schedule a meeting</h3>
      <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
      <DateInput id="meeting-meetsOn" legend="Date of the meeting" hint={dateInputExample(today)} value={meetsOn} error={dateProblemFor(problems, 'meeting-meetsOn')} onChange={setMeetsOn} />
      <Button type="submit" secondary disabled={loading}>
        {loading ? 'Scheduling…' : 'Schedule the meeting'}
      </Button>
    </form>
  );
}

