import { DISPLAY_NAME_MAX_LENGTH, DomainError, normaliseDisplayName, normaliseEmail, normaliseUsername, roleFitsOrganisation } from '@ccg-assure/domain';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../auth/role-labels';
import type { Role } from '../gql/graphql';
import { Button, ErrorSummary, Fieldset, problemFor, Radios, TextInput, type FormProblem } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { accountRefusalWords, roleOrganisationHint } from './account-labels';
import { accountRefusals, type AccountFieldIds } from './account-refusals';
import { OneTimePasswordPanel } from './one-time-password-panel';
import { OrganisationField, useOrganisationChoices } from './organisation-field';
import { CreateUserAccountMutation } from './user-accounts.operations';

interface NewUser {
  username: string;
  displayName: string;
  email: string;
  homeOrganisation: string;
  role: Role | '';
  roleOrganisation: string;
}

const EMPTY: NewUser = { username: '', displayName: '', email: '', homeOrganisation: '', role: '', roleOrganisation: '' };

const FIELD_IDS: AccountFieldIds = { username: 'username', displayName: 'display-name', email: 'email', homeOrganisation: 'home-organisation', organisation: 'role-organisation', role: 'role-1' };

const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** A domain check's refusal as the form's problem (its words from the API's refusals of the same reason), or null. */
function refusedBy(check: () => unknown, words: FormProblem): FormProblem | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return words;
    throw error;
  }
}

/**
 * What is missing or malformed before anything is sent, by the domain's own rules (the API checks everything
 * again). `typeOf` gives an organisation's type where the page knows it, to check that the role fits it.
 */
export function newUserProblems(user: NewUser, typeOf: (code: string) => string | undefined = () => undefined): FormProblem[] {
  const words = accountRefusalWords({ username: 'username', displayName: 'display-name', email: 'email', role: 'role-organisation' });
  const roleOrganisationType = typeOf((user.roleOrganisation.trim() || user.homeOrganisation.trim()).toUpperCase());
  const problems: (FormProblem | null)[] = [
    user.username.trim() ? refusedBy(() => normaliseUsername(user.username), words.USERNAME_INVALID) : { field: 'username', message: 'Enter a username' },
    user.displayName.trim()
      ? refusedBy(() => normaliseDisplayName(user.displayName), { field: 'display-name', message: `The name must be ${DISPLAY_NAME_MAX_LENGTH} characters or fewer` })
      : words.DISPLAY_NAME_REQUIRED,
    refusedBy(() => normaliseEmail(user.email), words.EMAIL_INVALID),
    user.homeOrganisation.trim() ? null : { field: 'home-organisation', message: "Enter the user's home organisation" },
    user.role ? null : { field: 'role-1', message: 'Select the role the user will have' },
    user.role && roleOrganisationType && !roleFitsOrganisation(user.role, roleOrganisationType) ? words.ROLE_NOT_FOR_ORGANISATION : null,
  ];
  return problems.filter((problem): problem is FormProblem => problem !== null);
}

/** `/admin/users/new`: an administrator creates an account with its first role and reads its one-time password once. */
export function NewUserPage() {
  usePageTitle('Create a user');
  const [user, setUser] = useState<NewUser>(EMPTY);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempts, setAttempts] = useState(0);
  const [created, setCreated] = useState<{ id: string; username: string; displayName: string; oneTimePassword: string } | null>(null);
  // The answer holds the one-time password: it stays out of the cache, kept only in this page's memory.
  const [createAccount, { loading }] = useMutation(CreateUserAccountMutation, { fetchPolicy: 'no-cache' });
  const { choices } = useOrganisationChoices();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = newUserProblems(user, (code) => choices?.find((choice) => choice.code === code)?.type);
    setProblems(found);
    setAttempts((count) => count + 1);
    if (found.length) return;
    try {
      const { data } = await createAccount({
        variables: {
          input: {
            username: normaliseUsername(user.username),
            displayName: normaliseDisplayName(user.displayName),
            email: normaliseEmail(user.email),
            homeOrganisationCode: user.homeOrganisation.trim().toUpperCase(),
            roles: [{ role: user.role as Role, organisationCode: (user.roleOrganisation.trim() || user.homeOrganisation.trim()).toUpperCase() }],
          },
        },
      });
      const answer = data?.createUserAccount;
      if (!answer) return;
      setCreated({ id: answer.account.id, username: answer.account.username, displayName: answer.account.displayName, oneTimePassword: answer.oneTimePassword });
      setUser(EMPTY);
    } catch (error) {
      setProblems(accountRefusals(error, FIELD_IDS));
      setAttempts((count) => count + 1);
    }
  }

  if (created) {
    return (
      <>
        <h1 className="nhsuk-heading-l">User created</h1>
        <OneTimePasswordPanel heading={`One-time password for ${created.displayName}`} username={created.username} password={created.oneTimePassword} />
        <ul className="nhsuk-list">
          <li>
            <Link to={`/admin/users/${encodeURIComponent(created.id)}`}>Go to {created.displayName}'s page</Link>
          </li>
          <li>
            <Link to="/admin/users/new" onClick={() => setCreated(null)}>
              Create another user
            </Link>
          </li>
          <li>
            <Link to="/admin/users">Back to users</Link>
          </li>
        </ul>
      </>
    );
  }

  const error = (field: string) => problemFor(problems, field);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-back-link">
          <Link className="nhsuk-back-link__link" to="/admin/users">
            Users
          </Link>
        </div>
        <ErrorSummary id="new-user-problems" headingLevel="h2" problems={problems} focusRequest={problems.length ? attempts : 0} />
        <h1 className="nhsuk-heading-l">Create a user</h1>
        <p className="nhsuk-body">The user gets a one-time password, shown on the next page, which they must change when they first sign in.</p>
        <form onSubmit={submit} noValidate>
          <TextInput
            id="username"
            label="Username"
            hint="What they type to sign in, for example jane.smith"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            width={20}
            value={user.username}
            error={error('username')}
            onChange={(event) => setUser({ ...user, username: event.currentTarget.value })}
          />
          <TextInput id="display-name" label="Full name" hint="As it is shown to other people" autoComplete="off" value={user.displayName} error={error('display-name')} onChange={(event) => setUser({ ...user, displayName: event.currentTarget.value })} />
          <TextInput
            id="email"
            type="email"
            label="Email address (optional)"
            autoComplete="off"
            spellCheck={false}
            value={user.email}
            error={error('email')}
            onChange={(event) => setUser({ ...user, email: event.currentTarget.value })}
          />
          <OrganisationField
            id="home-organisation"
            label="Home organisation"
            hint={choices ? 'The organisation the user works for' : 'The ODS code of the organisation the user works for, for example 02V'}
            choices={choices}
            emptyLabel="Choose an organisation"
            value={user.homeOrganisation}
            error={error('home-organisation')}
            onChange={(homeOrganisation) => setUser({ ...user, homeOrganisation })}
          />
          <Fieldset legend="First role" legendSize="m">
            <div className={`nhsuk-form-group${error('role-1') ? ' nhsuk-form-group--error' : ''}`}>
              {error('role-1') && (
                <span className="nhsuk-error-message" id="role-error">
                  <span className="nhsuk-u-visually-hidden">Error: </span>
                  {error('role-1')}
                </span>
              )}
              <Radios name="role" legend="Role" legendSize="s" items={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], hint: roleOrganisationHint(role) }))} value={user.role || null} onChange={(role) => setUser({ ...user, role: role as Role })} />
            </div>
            <OrganisationField
              id="role-organisation"
              label="Organisation the role is for"
              hint={choices ? 'Leave as the home organisation unless the role is for another one' : 'The ODS code; leave empty for the home organisation'}
              choices={choices}
              emptyLabel="The home organisation"
              value={user.roleOrganisation}
              error={error('role-organisation')}
              onChange={(roleOrganisation) => setUser({ ...user, roleOrganisation })}
            />
          </Fieldset>
          <Button type="submit" disabled={loading}>
            {loading ? 'Creating the user…' : 'Create the user'}
          </Button>
        </form>
      </div>
    </div>
  );
}
