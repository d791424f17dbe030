import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from '@ccg-assure/domain';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeReturnTo } from '../auth/return-to';
import { useViewer } from '../auth/viewer';
import { ViewerQuery } from '../auth/viewer.operations';
import { errorCodes } from '../app/graphql-errors';
import { Button, ErrorSummary, refusalProblem, TextInput, type FormProblem } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { ChangePasswordMutation } from './account.operations';

const FIELDS = { current: 'current-password', next: 'new-password', confirm: 'confirm-password' } as const;

interface PasswordChange {
  current: string;
  next: string;
  confirm: string;
}

/** The API's refusals of a new password, by `extensions.reason` (the policy's problems and the change's own). */
const PASSWORD_REFUSALS: Record<string, FormProblem> = {
  CURRENT_PASSWORD_WRONG: { field: FIELDS.current, message: 'Your current password is not right' },
  PASSWORD_TOO_SHORT: { field: FIELDS.next, message: `Your new password must be at least ${PASSWORD_MIN_LENGTH} characters` },
  PASSWORD_TOO_LONG: { field: FIELDS.next, message: `Your new password must be ${PASSWORD_MAX_LENGTH} characters or fewer` },
  PASSWORD_CONTAINS_USERNAME: { field: FIELDS.next, message: 'Your new password must not contain your username' },
  PASSWORD_TOO_COMMON: { field: FIELDS.next, message: 'That password is too common and easy to guess: choose another' },
  PASSWORD_UNCHANGED: { field: FIELDS.next, message: 'Your new password must be different from the one you have now' },
};

/**
 * What can be checked before sending: everything entered, the domain's password policy as far as the page can
 * apply it (the list of common passwords is the API's), and the two copies the same.
 */
export function passwordChangeProblems(change: PasswordChange, username: string, oneTime: boolean): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!change.current) problems.push({ field: FIELDS.current, message: oneTime ? 'Enter your one-time password' : 'Enter your current password' });
  if (!change.next) problems.push({ field: FIELDS.next, message: 'Enter a new password' });
  else {
    const [first] = passwordProblems(change.next, { username, isCommon: () => false });
    if (first) problems.push(PASSWORD_REFUSALS[first]);
  }
  if (change.next && !change.confirm) problems.push({ field: FIELDS.confirm, message: 'Enter your new password again' });
  else if (change.next && change.confirm !== change.next) problems.push({ field: FIELDS.confirm, message: 'The passwords do not match: enter the same new password twice' });
  return problems;
}

/** The refusal as a problem; a lockout (wrong current passwords count like failed sign-ins) says how long to wait. */
function passwordRefusal(error: unknown): FormProblem {
  const { reason, details } = errorCodes(error);
  if (reason === 'TOO_MANY_ATTEMPTS') {
    const seconds = typeof details?.retryAfterSeconds === 'number' && details.retryAfterSeconds > 0 ? details.retryAfterSeconds : 15 * 60;
    const minutes = Math.ceil(seconds / 60);
    return { field: FIELDS.current, message: `There have been too many wrong passwords. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, then try again` };
  }
  return refusalProblem(error, PASSWORD_REFUSALS, 'You cannot change your password now.');
}

/** Where to go once a one-time password has been changed: the page asked for, never back here. */
function afterChange(returnTo: string | null): string {
  const target = safeReturnTo(returnTo);
  return target.startsWith('/account/password') ? '/' : target;
}

/**
 * `/account/password`: a signed-in user changes their password. A user who signed in with a one-time password
 * is brought here before anything else (RequireSignIn) and goes on to the page they asked for afterwards.
 */
export function ChangePasswordPage() {
  const { viewer } = useViewer();
  const oneTime = Boolean(viewer?.mustChangePassword);
  const title = oneTime ? 'Change your one-time password' : 'Change your password';
  usePageTitle(title);
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [changePassword, { loading }] = useMutation(ChangePasswordMutation);
  const [change, setChange] = useState<PasswordChange>({ current: '', next: '', confirm: '' });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempts, setAttempts] = useState(0);
  const [changed, setChanged] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = passwordChangeProblems(change, viewer?.username ?? '', oneTime);
    setProblems(found);
    setAttempts((count) => count + 1);
    if (found.length) return;
    try {
      const { data } = await changePassword({ variables: { input: { currentPassword: change.current, newPassword: change.next } } });
      setChange({ current: '', next: '', confirm: '' });
      // The answer is the viewer as they are now: no longer bound to change their password.
      if (data) client.cache.writeQuery({ query: ViewerQuery, data: { me: data.changePassword } });
      if (oneTime) navigate(afterChange(searchParams.get('returnTo')), { replace: true });
      else setChanged(true);
    } catch (error) {
      setChange({ ...change, current: '' });
      setProblems([passwordRefusal(error)]);
      setAttempts((count) => count + 1);
    }
  }

  const error = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const edit = (key: keyof PasswordChange) => (event: { currentTarget: HTMLInputElement }) => {
    setChanged(false);
    setChange({ ...change, [key]: event.currentTarget.value });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary id="password-problems" headingLevel="h2" problems={problems} focusRequest={problems.length ? attempts : 0} />
        {changed && (
          <div className="nhsuk-card nhsuk-card--feature" role="status">
            <div className="nhsuk-card__content nhsuk-card__content--feature">
              <h2 className="nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m">Your password has been changed</h2>
              <p className="nhsuk-body">Any other sessions you had have been ended: sign in again with the new password on other devices.</p>
              <p className="nhsuk-body">
                <Link to="/account/sessions">See your sessions</Link>
              </p>
            </div>
          </div>
        )}
        <h1 className="nhsuk-heading-l">{title}</h1>
        {oneTime ? (
          <p className="nhsuk-body">You signed in with a one-time password from an administrator. Choose a password of your own to continue.</p>
        ) : (
          <p className="nhsuk-body">Changing your password signs you out of every other session you have.</p>
        )}
        <form onSubmit={submit} noValidate>
          <TextInput id={FIELDS.current} type="password" label={oneTime ? 'One-time password' : 'Current password'} autoComplete="current-password" value={change.current} error={error(FIELDS.current)} onChange={edit('current')} />
          <TextInput
            id={FIELDS.next}
            type="password"
            label="New password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters. It must not contain your username or be a common password. A few unrelated words make a strong password that is easy to remember.`}
            autoComplete="new-password"
            value={change.next}
            error={error(FIELDS.next)}
            onChange={edit('next')}
          />
          <TextInput id={FIELDS.confirm} type="password" label="Confirm the new password" autoComplete="new-password" value={change.confirm} error={error(FIELDS.confirm)} onChange={edit('confirm')} />
          <Button type="submit" disabled={loading}>
            {loading ? 'Changing your password…' : 'Change password'}
          </Button>
        </form>
      </div>
    </div>
  );
}
