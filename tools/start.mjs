// `npm start`: builds the API and the web app, then runs the product in production mode.
// Without DATABASE_URL it starts the embedded PostgreSQL (data in .data/), migrates it, creates
// the demo accounts and loads the bundled NHS data on first start.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { bin, elapsed, root, run } from './run.mjs';

const startedAt = Date.now();
console.log('Building CCG Assure (API and web app)...');
const built = await run(bin('nx'), ['run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static']);
if (built !== 0) {
  console.error('The build failed: see the messages above.');
  process.exit(built);
}
console.log(`Built in ${elapsed(startedAt)}. Starting...`);

const server = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/apps/api/main.js')], {
  cwd: root,
  stdio: 'inherit',
  // One worker per core unless API_WORKERS says otherwise (README, Configuration).
  env: { NODE_ENV: 'production', API_WORKERS: 'auto', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
