import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFocusAfterRender } from '../admin/focus-after-render';
import { describeError } from '../app/graphql-errors';
import { ConfirmButtons, RefusalAlert } from '../assurance/confirmation-parts';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/page-title';
import { EndSessionMutation, MySessionsQuery } from './account.operations';
import { formatInstant } from '../ui/format';
import { describeBrowser, SessionTable, type StoredSession } from './session-table';

/** `/account/sessions`: where the user is signed in, and a way to end any session but this one. */
export function SessionsPage() {
  usePageTitle('Your sessions');
  const client = useApolloClient();
  const { data, loading, error } = useQuery(MySessionsQuery, { fetchPolicy: 'cache-and-network' });
  const [endSession, ending] = useMutation(EndSessionMutation);
  const [confirming, setConfirming] = useState<string | null>(null);
  const focusAfterRender = useFocusAfterRender();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [ended, setEnded] = useState<string | null>(null);
  const sessions = data?.mySessions ?? [];

  async function end(session: StoredSession) {
    setRefusal(null);
    try {
      const { data: answer } = await endSession({ variables: { id: session.id } });
      // The answer is the sessions left.
      if (answer) client.cache.writeQuery({ query: MySessionsQuery, data: { mySessions: answer.endSession } });
      focusAfterRender('session-ended');
      setEnded(`Ended the session in ${describeBrowser(session.userAgent)} that signed in on ${formatInstant(session.createdAt)}.`);
    } catch (failure) {
      setRefusal(`The session could not be ended. ${describeError(failure)}`);
    } finally {
      setConfirming(null);
    }
  }

  function action(session: StoredSession) {
    if (session.current) return <span className="nhsuk-body-s">To end this one, sign out</span>;
    if (confirming === session.id) {
      return (
        <div role="group" aria-label="End this session?" aria-describedby={`confirm-end-${session.id}-explain`} id={`confirm-end-${session.id}`} tabIndex={-1}>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-2" id={`confirm-end-${session.id}-explain`}>End this session? That browser will be signed out at once.</p>
          <ConfirmButtons label="End the session" busyLabel="Ending…" busy={ending.loading} warning onConfirm={() => void end(session)} onCancel={() => {
              setConfirming(null);
              focusAfterRender(`end-${session.id}`);
            }}
          />
        </div>
      );
    }
    return (
      <button
        type="button"
        id={`end-${session.id}`}
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
        onClick={() => {
          setEnded(null);
          setConfirming(session.id);
          focusAfterRender(`confirm-end-${session.id}`);
        }}
      >
        End session<span className="nhsuk-u-visually-hidden"> in {describeBrowser(session.userAgent)} signed in {formatInstant(session.createdAt)}</span>
      </button>
    );
  }

  return (
    <>
      <h1 className="nhsuk-heading-l">Your sessions</h1>
      <p className="nhsuk-body">
        The browsers where you are signed in to CCG Assure. If you do not recognise one, end it and <Link to="/account/password">change your password</Link>, which ends every other
        session.
      </p>
      {refusal && <RefusalAlert text={refusal} />}
      {ended && (
        <p className="nhsuk-body" role="status" aria-live="polite" id="session-ended" tabIndex={-1}>
          {ended}
        </p>
      )}
      {loading && !data && <Loading label="Loading your sessions" />}
      {error && !data && <RefusalAlert text={`Your sessions could not be loaded. ${describeError(error)}`} />}
      {data && (sessions.length === 0 ? <p className="nhsuk-body">You have no sessions.</p> : <SessionTable caption="Your sessions" sessions={sessions} action={action} />)}
    </>
  );
}
