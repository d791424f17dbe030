import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { errorCodes } from '../app/graphql-errors';
import type { BoardQuery as BoardResult } from '../gql/graphql';
import { Button, Details, ErrorSummary, Fieldset, problemFor, refusalProblem, type FormProblem } from '../ui/nhs';
import { CcgUsersQuery, SetBoardMembersMutation } from './escalation.operations';

type Board = NonNullable<BoardResult['board']>;

const MEMBER_REFUSALS = {
  USER_NOT_AT_CCG: { field: null, message: 'Every member must hold a role at the CCG' },
  ONE_CHAIR: { field: 'members-chair', message: 'A board has at most one chair' },
  DUPLICATE_MEMBER: { field: null, message: 'A member is named twice' },
  STALE_VERSION: { field: null, message: 'Someone else changed the board in the meantime. The latest is shown; check the members and try again.' },
};

/** An administrator of the CCG chooses the board's members among the CCG's users, and its chair. */
export function BoardMembersForm({ board, onChanged }: { board: Board; onChanged: () => Promise<unknown> }) {
  const { data, loading: loadingUsers, error: usersError } = useQuery(CcgUsersQuery, { variables: { ccg: board.ccg.code } });
  const [chosen, setChosen] = useState<string[]>(() => board.members.map((member) => member.user.id));
  const [chair, setChair] = useState<string>(() => board.members.find((member) => member.isChair)?.user.id ?? '');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [done, setDone] = useState(false);
  const [save, { loading }] = useMutation(SetBoardMembersMutation);
  // The CCG's users, with any member not among them (a role since removed) kept so they can be taken off.
  const users = [...(data?.userAccounts.nodes ?? [])];
  for (const member of board.members) if (!users.some((user) => user.id === member.user.id)) users.push({ id: member.user.id, username: member.user.username, displayName: member.user.displayName });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (chair && !chosen.includes(chair)) {
      setProblems([{ field: 'members-chair', message: 'The chair must be one of the members' }]);
      setFocus((n) => n + 1);
      return;
    }
    try {
      await save({ variables: { input: { boardId: board.id, expectedVersion: board.version, members: chosen.map((userId) => ({ userId, isChair: userId === chair })) } } });
      setProblems([]);
      setDone(true);
      await onChanged();
    } catch (error) {
      setProblems([refusalProblem(error, MEMBER_REFUSALS, 'Only an administrator of the CCG changes its boards’ members.')]);
      setFocus((n) => n + 1);
      if (errorCodes(error).code === 'CONFLICT') await onChanged();
    }
  }

  return (
    <Details summary="Change the members">
      {loadingUsers && !data ? (
        <p className="nhsuk-body" role="status">
          Loading the CCG’s users…
        </p>
      ) : usersError && !data ? (
        <p className="nhsuk-body">The CCG’s users could not be loaded.</p>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h3" />
          {done && (
            <p className="nhsuk-body" role="status">
              The members are saved.
            </p>
          )}
          <div className="nhsuk-form-group">
            <Fieldset legend="Members" legendSize="s">
              <div className="nhsuk-checkboxes">
                {users.map((user) => (
                  <div className="nhsuk-checkboxes__item" key={user.id}>
                    <input
                      className="nhsuk-checkboxes__input"
                      id={`member-${user.id}`}
                      type="checkbox"
                      checked={chosen.includes(user.id)}
                      onChange={(event) => {
                        const on = event.currentTarget.checked;
                        setChosen((current) => (on ? [...current, user.id] : current.filter((id) => id !== user.id)));
                      }}
                    />
                    <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`member-${user.id}`}>
                      {user.displayName} ({user.username})
                    </label>
                  </div>
                ))}
              </div>
            </Fieldset>
          </div>
          <div className={`nhsuk-form-group${problems.some((problem) => problem.field === 'members-chair') ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor="members-chair">
              Chair
            </label>
            {problemFor(problems, 'members-chair') && (
              <span className="nhsuk-error-message" id="members-chair-error">
                <span className="nhsuk-u-visually-hidden">Error: </span>
                {problemFor(problems, 'members-chair')}
              </span>
            )}
            <select className="nhsuk-select" id="members-chair" value={chair} aria-describedby={problemFor(problems, 'members-chair') ? 'members-chair-error' : undefined} onChange={(event) => setChair(event.currentTarget.value)}>
              <option value="">No chair</option>
              {users
                .filter((user) => chosen.includes(user.id))
                .map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.displayName}
                  </option>
                ))}
            </select>
          </div>
          <Button type="submit" secondary disabled={loading}>
            {loading ? 'Saving…' : 'Save the members'}
          </Button>
        </form>
      )}
    </Details>
  );
}
