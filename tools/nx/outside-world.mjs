// A task input (nx.json "outsideWorld") for the tests that read more than the workspace: the bundled NHS data
// in ../shared/data (SHARED_DATA_DIR), today's date in London (the API reads "today" at its edge), and, for
// the browser tests, the Chromium they drive. A cached result is reused only while all three are unchanged.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.resolve(root, process.env.SHARED_DATA_DIR ?? '../shared/data');
const hash = createHash('sha256');
if (existsSync(dataDir)) {
  for (const name of readdirSync(dataDir).sort()) {
    const file = path.join(dataDir, name);
    if (statSync(file).isFile()) hash.update(name).update(readFileSync(file));
  }
}
hash.update(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  try {
    hash.update(execFileSync(chromium, ['--version'], { encoding: 'utf8', timeout: 10_000 }));
  } catch {
    hash.update('chromium: no version');
  }
}
console.log(hash.digest('hex'));
