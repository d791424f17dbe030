/** @jest-environment node */
// esbuild's API checks its Uint8Arrays against Node's own, which jsdom's globals are not.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { adaptNhsukStylesheet, findClassesInUse, pruneUnusedNhsukRules } from './nhsuk-stylesheet';

const stylesheet = readFileSync(path.join(__dirname, '../../../../node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css'), 'utf8');
const ruleCount = (css: string, selector: string) => css.split(selector).length - 1;

describe('adapting nhsuk-frontend’s stylesheet for the build', () => {
  it('as published, the stylesheet makes the minifier warn of syntax errors (the IE-only media hack)', () => {
    const { warnings } = transformSync(stylesheet, { loader: 'css', minify: true });
    expect(warnings.map((warning) => warning.id)).toContain('css-syntax-error');
  });

  it('drops the IE-only media blocks, so the build minifies it without a warning, and keeps every other rule', () => {
    const adapted = adaptNhsukStylesheet(stylesheet);
    expect(adapted).not.toContain('screen\\0');
    expect(transformSync(adapted, { loader: 'css', minify: true }).warnings).toEqual([]);
    // The details component keeps its own rules; only the copies inside the IE blocks go.
    const ieCopies = (stylesheet.match(/@media screen\\0[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g) ?? []).join('');
    expect(ruleCount(adapted, '.nhsuk-details__summary-text')).toBe(ruleCount(stylesheet, '.nhsuk-details__summary-text') - ruleCount(ieCopies, '.nhsuk-details__summary-text'));
    expect(ruleCount(adapted, '.nhsuk-details__summary-text')).toBeGreaterThan(0);
    expect(adapted.length).toBeGreaterThan(stylesheet.length - ieCopies.length - 2000);
  });

  it('drops the remote fonts and nothing else of the font rules', () => {
    const adapted = adaptNhsukStylesheet('@font-face{font-family:Frutiger;src:url(https://assets.nhs.uk/fonts/x.woff2)}.a{color:red}@media screen\\0 {.b{c:d}}.e{f:g}');
    expect(adapted).toBe('.a{color:red}.e{f:g}');
  });
});

describe('leaving out the NHS.UK rules the app never uses', () => {
  const inUse = (...names: string[]) => findClassesInUse(names);

  it('finds whole class names, and stems completed at run time', () => {
    const found = findClassesInUse(['<p className="nhsuk-body nhsuk-u-margin-bottom-2">', 'className={`nhsuk-input nhsuk-input--width-${width}`}']);
    expect([...found.names].sort()).toEqual(['nhsuk-body', 'nhsuk-input', 'nhsuk-u-margin-bottom-2']);
    expect(found.stems).toEqual(['nhsuk-input--width-']);
  });

  it('drops selectors needing an unused class, and rules and blocks left empty; keeps the rest as written', () => {
    const css = '@charset "UTF-8";:root{--a:1}body{margin:0}.nhsuk-body,.nhsuk-hero{color:red}.nhsuk-hero__body{x:y}@media (min-width:40em){.nhsuk-hero{a:b}.nhsuk-body{c:d}}@media print{.nhsuk-hero{e:f}}@keyframes spin{to{transform:rotate(1turn)}}a:not(.nhsuk-hero){g:h}.nhsuk-input--width-10{w:10}';
    expect(pruneUnusedNhsukRules(css, findClassesInUse(['nhsuk-body', 'nhsuk-input--width-${w}']))).toBe(
      '@charset "UTF-8";:root{--a:1}body{margin:0}.nhsuk-body{color:red}@media (min-width:40em){.nhsuk-body{c:d}}@keyframes spin{to{transform:rotate(1turn)}}a:not(.nhsuk-hero){g:h}.nhsuk-input--width-10{w:10}',
    );
  });

  it('needs every class a selector requires, but none inside :has() or :is()', () => {
    expect(pruneUnusedNhsukRules('.nhsuk-a .nhsuk-b{x:y}.nhsuk-a:has(.nhsuk-c){z:w}', inUse('nhsuk-a'))).toBe('.nhsuk-a:has(.nhsuk-c){z:w}');
  });

  it('keeps strings and data URIs whole, braces and commas inside them included', () => {
    const css = '.nhsuk-a{content:"{,}";background:url("data:image/svg+xml,%3Csvg%3E")}.nhsuk-b[data-x="a,b"]{c:d}';
    expect(pruneUnusedNhsukRules(css, inUse('nhsuk-a'))).toBe('.nhsuk-a{content:"{,}";background:url("data:image/svg+xml,%3Csvg%3E")}');
  });

  it('on the real stylesheet, keeps the rules of every class the app names and is valid CSS, at a fraction of the size', () => {
    const src = path.join(__dirname, '..');
    const sources = (readdirSync(src, { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file) && !/\.spec\.tsx?$/.test(file)).map((file) => readFileSync(path.join(src, file), 'utf8'));
    const appClasses = findClassesInUse(sources);
    const adapted = adaptNhsukStylesheet(stylesheet);
    const pruned = pruneUnusedNhsukRules(adapted, appClasses);
    expect(transformSync(pruned, { loader: 'css', minify: true }).warnings).toEqual([]);
    for (const name of appClasses.names) {
      if (new RegExp(`\\.${name}(?![\\w-])`).test(adapted)) expect(pruned).toMatch(new RegExp(`\\.${name}(?![\\w-])`));
    }
    expect(pruned).not.toContain('.nhsuk-hero');
    expect(pruned.length).toBeLessThan(adapted.length / 2);
  });
});
