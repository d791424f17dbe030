// npm run create-admin -- <username> [--display-name "..."] [--email ...] [--reset-password]
// Creates (or makes sure of) an administrator of NHS England on the database named by DATABASE_URL, or the
// embedded one. The password is read from standard input (its first line) when that is not a terminal, else
// asked for twice without echo; never from the command line. The logic is createAdmin (create-admin.ts).
import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { readConfig } from '../config';
import { openDatabase } from '../database/open-database';
import { createLogger } from '../server/logger';
import { createAdmin, CreateAdminRefusal } from './create-admin';

const usage = `Usage: npm run create-admin -- <username> [--display-name "Name"] [--email address] [--reset-password]
The password is read from standard input (first line) or asked for at the terminal; never give it as an argument.`;

interface Arguments {
  username: string;
  displayName?: string;
  email?: string;
  resetPassword: boolean;
}

function parseArguments(argv: string[]): Arguments | string {
  const parsed: Partial<Arguments> = { resetPassword: false };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--display-name' || argument === '--email') {
      const value = argv[++i];
      if (value === undefined) return `${argument} needs a value.`;
      if (argument === '--display-name') parsed.displayName = value;
      else parsed.email = value;
    } else if (argument === '--reset-password') parsed.resetPassword = true;
    else if (/^--?p(assword)?(=|$)/.test(argument)) return 'The password is never taken from the command line: give it on standard input or at the prompt.';
    else if (argument.startsWith('-')) return `Unknown option ${argument}.`;
    else if (parsed.username === undefined) parsed.username = argument;
    else return `Unexpected argument ${argument}.`;
  }
  return parsed.username ? (parsed as Arguments) : 'Give the username.';
}

/** The first line of standard input (a pipe or a file), without its line end. */
async function readFirstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

/** Asks at the terminal with the typed characters not echoed. */
async function askHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, callback) {
      if (!muted) process.stderr.write(chunk, encoding);
      callback();
    },
  });
  const terminal = createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await new Promise<string>((resolve) => {
      terminal.question(prompt, resolve);
      muted = true;
    });
  } finally {
    terminal.close();
    process.stderr.write('\n');
  }
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();
  const first = await askHidden('Password (at least 12 characters): ');
  const second = await askHidden('The same password again: ');
  if (first !== second) throw new CreateAdminRefusal('PASSWORDS_DIFFER', 'The two passwords differ: nothing was changed.');
  return first;
}

async function main(): Promise<number> {
  const parsed = parseArguments(process.argv.slice(2));
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n${usage}\n`);
    return 1;
  }
  const config = readConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  // As the API opens it: migrated as the owner (so a brand-new database works), used as the least-privilege login.
  const { dataSource, embedded } = await openDatabase(config, logger, { applicationName: 'ccg-assure-create-admin' });
  try {
    const result = await createAdmin(dataSource, { ...parsed, readPassword });
    const where = config.databaseUrl ? 'the database named by DATABASE_URL' : 'the embedded database';
    if (result.outcome === 'UNCHANGED') {
      process.stdout.write(`${result.username} is already an active administrator of NHS England on ${where}: nothing changed (the password is kept; --reset-password sets a new one).\n`);
    } else {
      process.stdout.write(`${result.outcome === 'CREATED' ? 'Created' : 'Updated'} ${result.username} on ${where}: ${result.changes.join('; ')}.\n`);
    }
    if (result.status === 'PASSWORD_CHANGE_REQUIRED') {
      process.stdout.write(`${result.username} still holds a one-time password and must change it at sign-in (or run again with --reset-password).\n`);
    }
    return 0;
  } finally {
    await dataSource.destroy();
    if (embedded) await embedded.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`create-admin refused: ${message}\n`);
    process.exit(1);
  },
);
