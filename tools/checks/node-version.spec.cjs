// Issue 20 point 9: the README names the Node.js version the product needs, package.json's `engines` says the same,
// and every installed package supports it, so `npm install` on that version prints no EBADENGINE warning.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const semver = require('semver');

const root = path.resolve(__dirname, '../..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

const engines = packageJson.engines.node;
const minimum = semver.minVersion(engines).version;

describe('the Node.js version the README states', () => {
  it('is the minimum of package.json engines', () => {
    const stated = /You need Node\.js (\d+\.\d+(?:\.\d+)?) or later/.exec(readme);
    expect(stated).not.toBeNull();
    expect(semver.coerce(stated[1]).version).toBe(minimum);
  });

  it('is supported by every package in the lockfile (no EBADENGINE on install)', () => {
    const unsupported = Object.entries(lock.packages)
      .filter(([where, entry]) => where !== '' && entry.engines && typeof entry.engines.node === 'string')
      .filter(([, entry]) => !semver.satisfies(minimum, entry.engines.node))
      .map(([where, entry]) => `${where.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${entry.engines.node}`);
    expect(unsupported).toEqual([]);
  });

  it('is met by the Node.js running the tests', () => {
    expect(semver.satisfies(process.versions.node, engines)).toBe(true);
  });
});
