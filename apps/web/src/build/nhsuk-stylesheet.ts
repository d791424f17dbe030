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
 * remove one. Everything else (element rules, custom properties, `@keyframes`, …) is kept as it is. Written for
 * nhsuk-frontend's minified stylesheet (no CSS nesting); the spec checks it against the real one.
 */
export function pruneUnusedNhsukRules(css: string, inUse: ClassesInUse): string {
  const used = (name: string) => inUse.names.has(name) || inUse.stems.some((stem) => name.startsWith(stem));
  const selectorUsed = (selector: string) => {
    // Only the classes a matching element must carry: not those inside functional pseudo-classes or attributes.
    let outside = '';
    let depth = 0;
    for (const char of selector) {
      if (char === '(' || char === '[') depth += 1;
      else if (char === ')' || char === ']') depth -= 1;
      else if (depth === 0) outside += char;
    }
    return [...outside.matchAll(/\.(nhsuk-[a-zA-Z0-9_-]+)/g)].every(([, name]) => used(name));
  };
  return pruneBlock(css, selectorUsed);
}

/** The index of the quote that closes the string opening at `at`. */
function stringEnd(css: string, at: number): number {
  for (let i = at + 1; i < css.length; i += 1) {
    if (css[i] === '\\') i += 1;
    else if (css[i] === css[at]) return i;
  }
  throw new Error('The stylesheet has an unclosed string');
}

/** Where a block that opens just before `from` closes (the index of its `}`), minding strings. */
function closingBrace(css: string, from: number): number {
  let depth = 1;
  for (let i = from; i < css.length; i += 1) {
    const char = css[i];
    if (char === '"' || char === "'") i = stringEnd(css, i);
    else if (char === '{') depth += 1;
    else if (char === '}' && --depth === 0) return i;
  }
  throw new Error('The stylesheet has an unclosed block');
}

/** `selectors` split at their top-level commas. */
function splitSelectors(selectors: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selectors.length; i += 1) {
    const char = selectors[i];
    if (char === '"' || char === "'") i = stringEnd(selectors, i);
    else if (char === '(' || char === '[') depth += 1;
    else if (char === ')' || char === ']') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(selectors.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(selectors.slice(start));
  return parts;
}

const GROUPING_AT_RULE = /^@(media|supports|container|layer)\b/;

function pruneBlock(css: string, selectorUsed: (selector: string) => boolean): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    if (css.startsWith('/*', i)) {
      const close = css.indexOf('*/', i + 2);
      if (close === -1) break;
      i = close + 2;
      continue;
    }
    // The prelude runs to the block's `{`, or to the `;` of a statement (`@charset "UTF-8";`).
    let j = i;
    while (j < css.length && css[j] !== '{' && css[j] !== ';' && css[j] !== '}') {
      if (css[j] === '"' || css[j] === "'") j = stringEnd(css, j);
      j += 1;
    }
    const prelude = css.slice(i, j);
    if (j >= css.length || css[j] !== '{') {
      if (prelude.trim()) out += `${prelude}${css[j] === ';' ? ';' : ''}`;
      i = j + 1;
      continue;
    }
    const end = closingBrace(css, j + 1);
    const body = css.slice(j + 1, end);
    const name = prelude.trim();
    if (GROUPING_AT_RULE.test(name)) {
      const inner = pruneBlock(body, selectorUsed);
      if (inner) out += `${prelude}{${inner}}`;
    } else if (name.startsWith('@')) {
      out += `${prelude}{${body}}`;
    } else {
      const kept = splitSelectors(prelude).filter(selectorUsed);
      if (kept.length) out += `${kept.join(',')}{${body}}`;
    }
    i = end + 1;
  }
  return out;
}
