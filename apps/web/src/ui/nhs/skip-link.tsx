/** The first thing a keyboard user reaches: a link past the header to the page's main content. */
export function SkipLink({ href }: { href: string }) {
  return (
    <a href={href} className="nhsuk-skip-link">
      Skip to main content
    </a>
  );
}
