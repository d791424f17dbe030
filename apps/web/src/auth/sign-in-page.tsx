import { useApolloClient, useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorCodes, describeError } from '../app/graphql-errors';
import { Button, ErrorSummary, TextInput } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { safeReturnTo } from './return-to';
import { useViewer } from './viewer';
import { SignInMutation, ViewerQuery } from './viewer.operations';

type Field = 'username' | 'password';
interface Problem {
  field: Field | null;
  message: string;
}

/** Checks the form before it is sent, so the server sees only complete sign-ins. */
export function validateSignIn(username: string, password: string): Problem[] {
  const problems: Problem[] = [];
  if (!username.trim()) problems.push({ field: 'username', message: 'Enter your username' });
  if (!password) problems.push({ field: 'password', message: 'Enter your password' });
  return problems;
}

/** "5 minutes", "1 minute": the wait before signing in again, rounded up to whole minutes. */
function waitWords(retryAfterSeconds: unknown): string {
  const minutes = typeof retryAfterSeconds === 'number' && retryAfterSeconds > 0 ? Math.ceil(retryAfterSeconds / 60) : 15;
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

function problemFor(error: unknown): Problem {
  const { reason, code, details } = errorCodes(error);
  if (reason === 'INVALID_CREDENTIALS') return { field: null, message: 'The username or password is not right' };
  if (reason === 'TOO_MANY_ATTEMPTS') {
    return { field: null, message: `There have been too many attempts to sign in. Wait ${waitWords(details?.retryAfterSeconds)}, then try again` };
  }
  if (code === 'BAD_USER_INPUT') return { field: null, message: 'Enter a username and password of the right length' };
  return { field: null, message: describeError(error) };
}

export function SignInPage() {
  usePageTitle('Sign in');
  const { viewer } = useViewer();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  const navigate = useNavigate();
  const client = useApolloClient();
  const [signIn, { loading }] = useMutation(SignInMutation);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problems.length) summaryRef.current?.focus();
  }, [problems]);

  if (viewer && !loading) return <Navigate to={returnTo} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateSignIn(username, password);
    setProblems(found);
    if (found.length) return;
    try {
      await signIn({ variables: { input: { username: username.trim(), password } } });
      await client.refetchQueries({ include: [ViewerQuery] });
      navigate(returnTo, { replace: true });
    } catch (error) {
      setPassword('');
      setProblems([problemFor(error)]);
    }
  }

  const fieldError = (field: Field) => problems.find((problem) => problem.field === field)?.message;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {problems.length > 0 && (
          <ErrorSummary id="sign-in-problems" ref={summaryRef} headingLevel="h2" problems={problems.map((problem) => ({ field: problem.field ?? 'username', message: problem.message }))} />
        )}
        <h1 className="nhsuk-heading-l">Sign in to CCG Assure</h1>
        <form onSubmit={submit} noValidate>
          <TextInput
            id="username"
            name="username"
            label="Username"
            autoComplete="username"
            spellCheck={false}
            value={username}
            error={fieldError('username')}
            onChange={(event) => setUsername(event.currentTarget.value)}
          />
          <TextInput
            id="password"
            name="password"
            type="password"
            label="Password"
            autoComplete="current-password"
            value={password}
            error={fieldError('password')}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" disabled={loading} aria-disabled={loading}>
            {loading ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
        <p className="nhsuk-body-s">
          Published scorecards and assurance ratings are public (<Link to="/">see what is published</Link>); signing in is for CCG and NHS England staff.
        </p>
      </div>
    </div>
  );
}
