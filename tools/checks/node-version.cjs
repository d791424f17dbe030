#!/usr/bin/env node
// Says whether the Node.js running it is one the product supports: package.json's `engines.node`, which the README
// states (decision 0038). CI runs it before `npm install`, so it uses nothing but Node itself. Exit code 1 when not.
const { readFileSync } = require('node:fs');
const path = require('node:path');

/** Whether `running` (for example "20.20.2") meets `engines` (">=MAJOR.MINOR[.PATCH]"); throws on other forms. */
function meetsEngines(running, engines) {
  const minimum = /^>=(\d+)\.(\d+)(?:\.(\d+))?$/.exec(engines);
  if (!minimum) throw new Error(`engines.node is "${engines}"; this check reads only ">=MAJOR.MINOR[.PATCH]".`);
  const wanted = minimum.slice(1, 4).map((part) => Number(part ?? 0));
  const have = running.split('.').map(Number);
  return (have[0] - wanted[0] || have[1] - wanted[1] || have[2] - wanted[2]) >= 0;
}

if (require.main === module) {
  const engines = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).engines.node;
  if (!meetsEngines(process.versions.node, engines)) {
    console.error(`Node.js ${process.versions.node} does not meet the product's ${engines} (package.json engines, README); install a newer Node.js.`);
    process.exit(1);
  }
  console.log(`Node.js ${process.versions.node} meets the product's ${engines}.`);
}

module.exports = { meetsEngines };
