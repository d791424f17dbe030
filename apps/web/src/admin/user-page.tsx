import { ACCOUNT_TRANSITIONS, accountActionsFrom } from '@ccg-assure/domain';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import { ConfirmButtons } from '../assurance/confirmation-parts';
import { SessionTable } from '../account/session-table';
import { ROLE_LABELS } from '../auth/role-labels';
import type { AccountAction, Role, UserAccountFieldsFragment } from '../gql/graphql';
import { formatInstantDate } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, FormGroup, type FormProblem, problemFor, TableContainer, TextInput, WarningCallout } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { ACCOUNT_ACTION_LABELS, AccountStatusTag } from './account-labels';
import { accountRefusals } from './account-refusals';
import { useFocusAfterRender } from './focus-after-render';
import { OneTimePasswordPanel } from './one-time-password-panel';
import { OrganisationField, useOrganisationChoices } from './organisation-field';
import {
  AssignRoleMutation,
  DeactivateUserAccountMutation,
  ReactivateUserAccountMutation,
  RemoveRoleMutation,
  ResetUserPasswordMutation,
  UpdateUserAccountMutation,
  UserAccountQuery,
} from './user-accounts.operations';

export type StoredAccount = UserAccountFieldsFragment;

/** The account actions that have a button of their own, in the order they are offered. */
const ACCOUNT_BUTTONS: readonly AccountAction[] = ['EDIT', 'RESET_PASSWORD', 'DEACTIVATE', 'REACTIVATE'];
const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** The actions that move the account through its lifecycle (libs/domain account-lifecycle). */
const LIFECYCLE_ACTIONS: readonly AccountAction[] = ['RESET_PASSWORD', 'DEACTIVATE', 'REACTIVATE'];

/**
 * The actions to offer: those the API lists for the account (its availableActions), and of the lifecycle's only
 * those the domain's transition table allows from the account's status, so a stale or unexpected list never
 * offers a move the rules forbid.
 */
export function offeredAccountActions(account: Pick<StoredAccount, 'status' | 'availableActions'>): AccountAction[] {
  const allowed: readonly string[] = accountActionsFrom(account.status);
  return account.availableActions.filter((action) => !LIFECYCLE_ACTIONS.includes(action) || allowed.includes(action));
}

/** What a lifecycle move does to the account's sessions, from the domain's transition table. */
function sessionsSentence(status: StoredAccount['status'], action: AccountAction, name: string): string {
  const move = ACCOUNT_TRANSITIONS.find((transition) => transition.from === status && transition.action === action);
  if (move?.endsSessions === 'ALL') return `${name} will be signed out of every session now.`;
  if (move?.endsSessions === 'OTHERS') return `${name}'s other sessions end now.`;
  return '';
}

/** Refusals after which what the page shows is out of date: the latest account is loaded. */
const STALE_REASONS = new Set(['ACTION_NOT_AVAILABLE', 'ROLE_NOT_HELD', 'ROLE_ALREADY_HELD']);

const organisationLabel = (organisation: { code: string; name: string }) => `${organisationName(organisation.name)} (${organisation.code})`;

/** `/admin/users/:id`: one account's details, roles and sessions, and the changes the API allows now. */
export function UserPage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(UserAccountQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const account = data?.userAccount;
  usePageTitle(account ? account.displayName : 'User');

  if (loading && !data) return <Loading label="Loading the user" />;
  if (error && !account) {
    const { reason } = errorCodes(error);
    return (
      <>
        <BackToUsers />
        <h1 className="nhsuk-heading-l">{reason === 'NOT_YOUR_ACCOUNT_TO_ADMINISTER' ? 'You cannot administer this user' : 'The user could not be loaded'}</h1>
        <p className="nhsuk-body">{reason === 'NOT_YOUR_ACCOUNT_TO_ADMINISTER' ? 'The user belongs to an organisation you do not administer.' : describeError(error)}</p>
      </>
    );
  }
  if (!account) {
    return (
      <>
        <BackToUsers />
        <h1 className="nhsuk-heading-l">User not found</h1>
        <p className="nhsuk-body">There is no user at this address that you can administer.</p>
      </>
    );
  }
  return <UserAccountView account={account} reload={() => refetch()} />;
}

function BackToUsers() {
  return (
    <div className="nhsuk-back-link">
      <Link className="nhsuk-back-link__link" to="/admin/users">
        Users
      </Link>
    </div>
  );
}

type Opened = { kind: 'EDIT' | 'RESET_PASSWORD' | 'DEACTIVATE' | 'REACTIVATE' } | { kind: 'REMOVE_ROLE'; role: Role; organisationCode: string } | null;

/** The ids of an opened change's button and of its confirmation (which takes focus as it opens). */
const triggerId = (opened: NonNullable<Opened>) => (opened.kind === 'REMOVE_ROLE' ? `remove-${opened.role}-${opened.organisationCode}` : `account-action-${opened.kind}`);
const confirmationId = (opened: NonNullable<Opened>) => (opened.kind === 'EDIT' ? 'edit-display-name' : `confirm-${triggerId(opened)}`);

function UserAccountView({ account, reload }: { account: StoredAccount; reload: () => Promise<unknown> }) {
  const client = useApolloClient();
  const [opened, setOpened] = useState<Opened>(null);
  const focusAfterRender = useFocusAfterRender();
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempts, setAttempts] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [oneTimePassword, setOneTimePassword] = useState<{ heading: string; password: string } | null>(null);
  const offered = offeredAccountActions(account);
  const can = (action: AccountAction) => offered.includes(action);

  /** Shows the account the API answered with (the page's query holds it from now on). */
  function show(updated: StoredAccount) {
    client.cache.writeQuery({ query: UserAccountQuery, variables: { id: account.id }, data: { userAccount: updated } });
  }

  /** Problems found before sending: in the error summary, which takes focus. */
  function report(found: FormProblem[]) {
    setProblems(found);
    setAttempts((count) => count + 1);
    setDone(null);
  }

  function refused(error: unknown, fields: Parameters<typeof accountRefusals>[1]) {
    report(accountRefusals(error, fields));
    const { reason } = errorCodes(error);
    if (reason && STALE_REASONS.has(reason)) {
      setOpened(null);
      void reload();
    }
  }

  function started(kind: NonNullable<Opened>) {
    setOpened(kind);
    focusAfterRender(confirmationId(kind));
    setProblems([]);
    setDone(null);
    setOneTimePassword(null);
  }

  function finished(message: string, updated: StoredAccount) {
    show(updated);
    setOpened(null);
    setProblems([]);
    setDone(message);
    focusAfterRender('account-change-done');
  }

  function cancel() {
    if (opened) focusAfterRender(triggerId(opened));
    setOpened(null);
  }

  const context: ActionContext = { account, started, finished, report, refused, cancel, setOneTimePassword, problems };

  return (
    <>
      <BackToUsers />
      <ErrorSummary id="user-problems" headingLevel="h2" problems={problems} focusRequest={problems.length ? attempts : 0} />
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">User</span>
        {account.displayName}
      </h1>
      {done && (
        <div className="nhsuk-inset-text" role="status" aria-live="polite" id="account-change-done" tabIndex={-1}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{done}</p>
        </div>
      )}
      {oneTimePassword && <OneTimePasswordPanel heading={oneTimePassword.heading} username={account.username} password={oneTimePassword.password} />}

      <dl className="nhsuk-summary-list">
        <SummaryRow label="Username">{account.username}</SummaryRow>
        <SummaryRow label="Full name">{account.displayName}</SummaryRow>
        <SummaryRow label="Email address">{account.email || 'None given'}</SummaryRow>
        <SummaryRow label="Home organisation">{account.homeOrganisation ? organisationLabel(account.homeOrganisation) : 'None'}</SummaryRow>
        <SummaryRow label="Status">
          <AccountStatusTag status={account.status} />
        </SummaryRow>
        <SummaryRow label="Created">{account.createdAt ? formatInstantDate(account.createdAt) : ''}</SummaryRow>
        <SummaryRow label="Last signed in">{account.lastSignInAt ? formatInstantDate(account.lastSignInAt) : 'Never'}</SummaryRow>
      </dl>

      <section aria-labelledby="account-actions-heading">
        <h2 className="nhsuk-heading-m" id="account-actions-heading">
          Manage the account
        </h2>
        {ACCOUNT_BUTTONS.some(can) ? (
          opened && opened.kind !== 'REMOVE_ROLE' ? null : (
            <div className="ccg-button-row">
              {ACCOUNT_BUTTONS.filter(can).map((action) => (
                <Button key={action} id={`account-action-${action}`} type="button" secondary={action !== 'DEACTIVATE'} warning={action === 'DEACTIVATE'} onClick={() => started({ kind: action as 'EDIT' })}>
                  {ACCOUNT_ACTION_LABELS[action]}
                </Button>
              ))}
            </div>
          )
        ) : (
          <p className="nhsuk-body">There is nothing you can change about this account.</p>
        )}
        {opened?.kind === 'EDIT' && <EditDetails {...context} />}
        {opened?.kind === 'RESET_PASSWORD' && <ChangeWithReason {...context} action="RESET_PASSWORD" />}
        {opened?.kind === 'DEACTIVATE' && <ChangeWithReason {...context} action="DEACTIVATE" />}
        {opened?.kind === 'REACTIVATE' && <ChangeWithReason {...context} action="REACTIVATE" />}
      </section>

      <section aria-labelledby="roles-heading">
        <h2 className="nhsuk-heading-m" id="roles-heading">
          Roles
        </h2>
        <RolesTable {...context} opened={opened} canRemove={can('REMOVE_ROLE')} />
        {can('ASSIGN_ROLE') && <AddRole {...context} />}
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 className="nhsuk-heading-m" id="sessions-heading">
          Sessions
        </h2>
        {account.sessions.length === 0 ? (
          <p className="nhsuk-body">{account.displayName} is not signed in anywhere.</p>
        ) : (
          <>
            <p className="nhsuk-body">Where {account.displayName} is signed in now.</p>
            <SessionTable caption={`${account.displayName}'s sessions`} sessions={account.sessions} />
          </>
        )}
      </section>
    </>
  );
}

function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

interface ActionContext {
  account: StoredAccount;
  started: (kind: NonNullable<Opened>) => void;
  finished: (message: string, updated: StoredAccount) => void;
  report: (problems: FormProblem[]) => void;
  refused: (error: unknown, fields: Parameters<typeof accountRefusals>[1]) => void;
  cancel: () => void;
  setOneTimePassword: (shown: { heading: string; password: string } | null) => void;
  problems: FormProblem[];
}

function EditDetails({ account, finished, report, refused, cancel, problems }: ActionContext) {
  const [displayName, setDisplayName] = useState(account.displayName);
  const [email, setEmail] = useState(account.email ?? '');
  const [update, { loading }] = useMutation(UpdateUserAccountMutation);
  const fields = { displayName: 'edit-display-name', email: 'edit-email' };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!displayName.trim()) {
      report([{ field: fields.displayName, message: "Enter the user's name" }]);
      return;
    }
    try {
      const { data } = await update({ variables: { input: { userId: account.id, displayName: displayName.trim(), email: email.trim() || null } } });
      if (data) finished('The details were saved.', data.updateUserAccount);
    } catch (error) {
      refused(error, fields);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading">Edit details</h3>
        <TextInput id={fields.displayName} label="Full name" value={displayName} error={problemFor(problems, fields.displayName)} onChange={(event) => setDisplayName(event.currentTarget.value)} />
        <TextInput id={fields.email} type="email" label="Email address (optional)" spellCheck={false} value={email} error={problemFor(problems, fields.email)} onChange={(event) => setEmail(event.currentTarget.value)} />
        <ConfirmButtons label="Save the details" busyLabel="Saving…" busy={loading} onCancel={cancel} />
      </div>
    </form>
  );
}

const CHANGE_WORDS = {
  RESET_PASSWORD: {
    heading: 'Reset the password',
    explain: (name: string) => `${name} gets a new one-time password, shown here once, and must change it at their next sign-in. The current password stops working.`,
    button: 'Reset the password',
    busy: 'Resetting…',
    done: 'The password was reset.',
  },
  DEACTIVATE: {
    heading: 'Deactivate the account',
    explain: (name: string) => `${name} cannot sign in until the account is reactivated. Their roles are kept.`,
    button: 'Deactivate the account',
    busy: 'Deactivating…',
    done: 'The account was deactivated and its sessions ended.',
  },
  REACTIVATE: {
    heading: 'Reactivate the account',
    explain: (name: string) => `${name} can sign in again with a new one-time password, shown here once, which they must change at their first sign-in.`,
    button: 'Reactivate the account',
    busy: 'Reactivating…',
    done: 'The account was reactivated.',
  },
} as const;

/** Reset, deactivate or reactivate: a confirmation that says what follows, with the reason recorded in the audit trail. */
function ChangeWithReason({ account, action, finished, report, refused, cancel, setOneTimePassword, problems }: ActionContext & { action: 'RESET_PASSWORD' | 'DEACTIVATE' | 'REACTIVATE' }) {
  const words = CHANGE_WORDS[action];
  const [reason, setReason] = useState('');
  // Answers holding a one-time password stay out of the cache: the page keeps the password in memory only.
  const [reset, resetState] = useMutation(ResetUserPasswordMutation, { fetchPolicy: 'no-cache' });
  const [deactivate, deactivateState] = useMutation(DeactivateUserAccountMutation);
  const [reactivate, reactivateState] = useMutation(ReactivateUserAccountMutation, { fetchPolicy: 'no-cache' });
  const busy = resetState.loading || deactivateState.loading || reactivateState.loading;
  const reasonId = `${action.toLowerCase().replace('_', '-')}-reason`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (action === 'DEACTIVATE' && !reason.trim()) {
      report([{ field: reasonId, message: 'Enter why the account is being deactivated' }]);
      return;
    }
    const input = { userId: account.id, reason: reason.trim() || null };
    try {
      if (action === 'DEACTIVATE') {
        const { data } = await deactivate({ variables: { input } });
        if (data) finished(words.done, data.deactivateUserAccount);
        return;
      }
      const { data } = action === 'RESET_PASSWORD' ? await reset({ variables: { input } }) : await reactivate({ variables: { input } });
      const answer = data && ('resetUserPassword' in data ? data.resetUserPassword : data.reactivateUserAccount);
      if (!answer) return;
      finished(words.done, answer.account);
      setOneTimePassword({ heading: `New one-time password for ${answer.account.displayName}`, password: answer.oneTimePassword });
    } catch (error) {
      refused(error, {});
    }
  }

  const reasonError = problemFor(problems, reasonId);
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${reasonId}-heading`} aria-describedby={`${reasonId}-explain`} id={`confirm-account-action-${action}`} tabIndex={-1}>
      <WarningCallout heading={<span id={`${reasonId}-heading`}>{words.heading}</span>}>
        <p id={`${reasonId}-explain`}>
          {words.explain(account.displayName)} {sessionsSentence(account.status, action, account.displayName)}
        </p>
        <FormGroup id={reasonId} label={action === 'DEACTIVATE' ? 'Why is it being deactivated?' : 'Reason (optional)'} hint="Kept in the audit trail" error={reasonError}>
          {({ describedBy }) => (
            <textarea className={`nhsuk-textarea${reasonError ? ' nhsuk-textarea--error' : ''}`} id={reasonId} name={reasonId} rows={2} aria-describedby={describedBy} value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
          )}
        </FormGroup>
        <ConfirmButtons label={words.button} busyLabel={words.busy} busy={busy} warning={action === 'DEACTIVATE'} onCancel={cancel} />
      </WarningCallout>
    </form>
  );
}

function RolesTable({ account, opened, canRemove, started, finished, refused, cancel }: ActionContext & { opened: Opened; canRemove: boolean }) {
  const [remove, { loading }] = useMutation(RemoveRoleMutation);
  if (account.roles.length === 0) return <p className="nhsuk-body">{account.displayName} holds no roles, so can sign in but see only public pages.</p>;

  async function confirmRemove(role: Role, organisationCode: string) {
    try {
      const { data } = await remove({ variables: { input: { userId: account.id, role, organisationCode } } });
      if (data) finished(`Removed the role ${ROLE_LABELS[role]} for ${organisationCode}.`, data.removeRole);
    } catch (error) {
      refused(error, {});
    }
  }

  return (
    <TableContainer>
      <table className="nhsuk-table nhsuk-table--compact">
        <caption className="nhsuk-u-visually-hidden">{account.displayName}'s roles</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Role
            </th>
            <th scope="col" className="nhsuk-table__header">
              Organisation
            </th>
            {canRemove && (
              <th scope="col" className="nhsuk-table__header">
                <span className="nhsuk-u-visually-hidden">Action</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {account.roles.map((assignment) => {
            const label = `${ROLE_LABELS[assignment.role]}, ${organisationLabel(assignment.organisation)}`;
            const confirming = opened?.kind === 'REMOVE_ROLE' && opened.role === assignment.role && opened.organisationCode === assignment.organisation.code;
            return (
              <tr key={`${assignment.role}-${assignment.organisation.code}`} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__header">
                  {ROLE_LABELS[assignment.role]}
                </th>
                <td className="nhsuk-table__cell">{organisationLabel(assignment.organisation)}</td>
                {canRemove && (
                  <td className="nhsuk-table__cell">
                    {confirming ? (
                      <div role="group" aria-label={`Remove ${label}?`} aria-describedby={`confirm-remove-${assignment.role}-${assignment.organisation.code}-explain`} id={`confirm-remove-${assignment.role}-${assignment.organisation.code}`} tabIndex={-1}>
                        <p className="nhsuk-body-s" id={`confirm-remove-${assignment.role}-${assignment.organisation.code}-explain`}>
                          Remove {label}? {account.displayName} loses what the role allows at once.
                        </p>
                        <ConfirmButtons label="Remove the role" busyLabel="Removing…" busy={loading} warning onConfirm={() => void confirmRemove(assignment.role, assignment.organisation.code)} onCancel={cancel} />
                      </div>
                    ) : (
                      <button
                        type="button"
                        id={`remove-${assignment.role}-${assignment.organisation.code}`}
                        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                        onClick={() => started({ kind: 'REMOVE_ROLE', role: assignment.role, organisationCode: assignment.organisation.code })}>
                        Remove<span className="nhsuk-u-visually-hidden"> {label}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableContainer>
  );
}

function AddRole({ account, finished, report, refused, problems }: ActionContext) {
  const { choices } = useOrganisationChoices();
  const [role, setRole] = useState<Role | ''>('');
  const [organisation, setOrganisation] = useState('');
  const [assign, { loading }] = useMutation(AssignRoleMutation);
  const fields = { role: 'add-role', organisation: 'add-role-organisation' };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FormProblem[] = [];
    if (!role) found.push({ field: fields.role, message: 'Select a role' });
    if (!organisation.trim()) found.push({ field: fields.organisation, message: 'Enter the organisation the role is for' });
    if (found.length) {
      report(found);
      return;
    }
    try {
      const organisationCode = organisation.trim().toUpperCase();
      const { data } = await assign({ variables: { input: { userId: account.id, role: role as Role, organisationCode } } });
      if (data) {
        finished(`Added the role ${ROLE_LABELS[role as Role]} for ${organisationCode}.`, data.assignRole);
        setRole('');
        setOrganisation('');
      }
    } catch (error) {
      refused(error, fields);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-role-heading">
      <h3 className="nhsuk-heading-s" id="add-role-heading">
        Add a role
      </h3>
      <FormGroup id={fields.role} label="Role" error={problemFor(problems, fields.role)}>
        {({ describedBy }) => (
          <select className="nhsuk-select" id={fields.role} name={fields.role} aria-describedby={describedBy} value={role} onChange={(event) => setRole(event.currentTarget.value as Role | '')}>
            <option value="">Choose a role</option>
            {ROLES.map((choice) => (
              <option key={choice} value={choice}>
                {ROLE_LABELS[choice]}
              </option>
            ))}
          </select>
        )}
      </FormGroup>
      <OrganisationField id={fields.organisation} label="Organisation the role is for" choices={choices} emptyLabel="Choose an organisation" value={organisation} error={problemFor(problems, fields.organisation)} onChange={setOrganisation} />
      <Button type="submit" secondary disabled={loading}>
        {loading ? 'Adding the role…' : 'Add the role'}
      </Button>
    </form>
  );
}
