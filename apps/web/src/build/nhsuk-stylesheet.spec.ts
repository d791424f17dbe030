/** @jest-environment node */
// esbuild's API checks its Uint8Arrays against Node's own, which jsdom's globals are not.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { adaptNhsukStylesheet } from './nhsuk-stylesheet';

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
