// Issue 20 point 9: the README names the Node.js version the product needs, package.json's `engines` says the same,
// and every installed package supports it, so `npm install` on that version prints no EBADENGINE warning.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const semver = require('semver');
const { execFileSync } = require('node:child_process');
const { meetsEngines } = require('./node-version.cjs');

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

describe('the check CI runs before npm install (tools/checks/node-version.cjs)', () => {
  it('compares major, minor and patch against engines', () => {
    expect(meetsEngines('20.19.0', '>=20.19')).toBe(true);
    expect(meetsEngines('20.20.2', '>=20.19')).toBe(true);
    expect(meetsEngines('22.0.0', '>=20.19')).toBe(true);
    expect(meetsEngines('20.18.3', '>=20.19')).toBe(false);
    expect(meetsEngines('18.20.0', '>=20.19')).toBe(false);
    expect(meetsEngines('20.19.1', '>=20.19.2')).toBe(false);
  });

  it('refuses an engines range it cannot read rather than passing it', () => {
    expect(() => meetsEngines('20.20.2', '^20 || ^22')).toThrow(/engines.node/);
  });

  it('passes on the Node.js running the tests and says so', () => {
    const out = execFileSync(process.execPath, [path.join(__dirname, 'node-version.cjs')], { encoding: 'utf8' });
    expect(out).toContain(`Node.js ${process.versions.node} meets the product's ${engines}`);
  });

  it('is what .ci/run does first', () => {
    const ci = readFileSync(path.join(root, '.ci/run'), 'utf8');
    expect(ci.indexOf('node tools/checks/node-version.cjs')).toBeGreaterThan(-1);
    expect(ci.indexOf('node tools/checks/node-version.cjs')).toBeLessThan(ci.indexOf('npm install'));
  });
});
