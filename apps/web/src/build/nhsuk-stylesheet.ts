import postcss, { type AtRule } from 'postcss';
import selectorParser from 'postcss-selector-parser';

/**
 * How the build adapts nhsuk-frontend's stylesheet (apps/web/vite.config.ts). Pure text to text, so a spec can
 * check it against the real stylesheet.
 *
 * - Its remote Frutiger `@font-face` rules go: the app makes no request off its own origin (privacy, and the closed
 *   networks it runs on); the design system's Arial fallback applies (docs/decisions/0004-nhsuk-assets.md).
 * - Its `@media screen\0 { … }` blocks go: a hack that only Internet Explorer 8 to 10 reads (the `\0` makes the
 *   query invalid elsewhere), styling the details component there. This app does not run in Internet Explorer,
 *   and CSS minifiers rightly call the query a syntax error, which filled the build's output with warnings that
 *   would hide a real one.
 */
export function adaptNhsukStylesheet(css: string): string {
  return css.replace(/@font-face\s*{[^}]*https?:\/\/[^}]*}/g, '').replace(IE_ONLY_MEDIA_BLOCK, '');
}

/** `@media screen\0 …{` then rules of one level (`selector{declarations}`) then the closing `}`. */
const IE_ONLY_MEDIA_BLOCK = /@media\s+screen\\0[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g;

/** The NHS.UK classes the app's modules name: whole names, and the stems of names they complete at run time. */
export type ClassesInUse = { names: ReadonlySet<string>; stems: readonly string[] };

/**
 * The `nhsuk-…` class names in the app's source text. A name followed by `${` (`nhsuk-input--width-${width}`) is
 * a stem: any class it begins keeps its rules.
 */
export function findClassesInUse(sources: readonly string[]): ClassesInUse {
  const names = new Set<string>();
  const stems = new Set<string>();
  for (const source of sources) {
    for (const [, name, completed] of source.matchAll(/(nhsuk-[a-z0-9_-]*)(\$\{)?/g)) (completed ? stems : names).add(name);
  }
  return { names, stems: [...stems] };
}

/**
 * The stylesheet without the rules for NHS.UK components and utilities the app never uses: a selector that needs
 * an `nhsuk-…` class no module names goes, and a rule, `@media` or `@supports` block left with none goes with it.
 * Classes inside `:not()`, `:has()`, `:is()` and the like are not needed for a selector to match, so they never
 * remove one. Everything else (element rules, custom properties, `@keyframes`, …) is kept as it is. The stylesheet
 * is read by PostCSS and each selector by postcss-selector-parser (decision 0039); the spec checks it against the
 * real one.
 */
export function pruneUnusedNhsukRules(css: string, inUse: ClassesInUse): string {
  const used = (name: string) => inUse.names.has(name) || inUse.stems.some((stem) => name.startsWith(stem));
  const tree = postcss.parse(css);
  tree.walkRules((rule) => {
    // Rules inside @keyframes (`from`, `to`, percentages) are not selectors of elements.
    if (rule.parent?.type === 'atrule' && /keyframes$/i.test((rule.parent as AtRule).name)) return;
    const kept = rule.selectors.filter((selector) => selectorParser().astSync(selector).nodes.every((alternative) => requiredClasses(alternative).every(used)));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  // Grouping blocks left with no rule go too (innermost first, as walkAtRules visits parents before children).
  const emptied: AtRule[] = [];
  tree.walkAtRules(GROUPING_AT_RULE, (atRule) => {
    emptied.push(atRule);
  });
  for (const atRule of emptied.reverse()) if (atRule.nodes !== undefined && atRule.nodes.length === 0) atRule.remove();
  return tree.toString();
}

const GROUPING_AT_RULE = /^(media|supports|container|layer)$/i;

/** The `nhsuk-…` classes an element must carry to match a selector: none from inside pseudo-class arguments. */
function requiredClasses(selector: selectorParser.Selector): string[] {
  const classes: string[] = [];
  selector.walkClasses((node) => {
    for (let parent = node.parent; parent && parent !== selector; parent = parent.parent) if (parent.type === 'pseudo') return;
    if (node.value.startsWith('nhsuk-')) classes.push(node.value);
  });
  return classes;
}
