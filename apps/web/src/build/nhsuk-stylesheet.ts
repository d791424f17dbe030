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
