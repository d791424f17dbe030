import { useEffect, useId, useRef, type MouseEvent, type ReactNode, type Ref } from 'react';
import type { FormProblem } from './form-parts';

/** Moves focus to a field named in the error summary (the NHS pattern), rather than only jumping the page. */
function focusField(event: MouseEvent<HTMLAnchorElement>, field: string) {
  const target = document.getElementById(field);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView?.({ block: 'center' });
  target.focus();
}

/**
 * The NHS error summary: a title ("There is a problem") and each problem linked to its field, or what went
 * wrong in `children` (a page that could not be loaded). It is an alert, so it is read out when it appears;
 * a form's summary also takes focus each time `focusRequest` changes (a failed attempt to send).
 */
export function ErrorSummary({
  id,
  title = 'There is a problem',
  problems = [],
  focusRequest = 0,
  headingLevel = 'h3',
  children,
  ref,
}: {
  id?: string;
  title?: ReactNode;
  problems?: readonly FormProblem[];
  focusRequest?: number;
  /** The summary's heading level, one below the heading of the section it is in. */
  headingLevel?: 'h2' | 'h3' | 'h4';
  children?: ReactNode;
  /** For a page that moves focus to the summary itself. */
  ref?: Ref<HTMLDivElement>;
}) {
  const Heading = headingLevel;
  const ownId = useId();
  const titleId = `${id ?? ownId}-title`;
  const element = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (focusRequest) element.current?.focus();
  }, [focusRequest]);
  if (problems.length === 0 && !children) return null;
  const setRef = (node: HTMLDivElement | null) => {
    element.current = node;
    if (typeof ref === 'function') ref(node);
    else if (ref) ref.current = node;
  };
  return (
    <div className="nhsuk-error-summary" aria-labelledby={titleId} role="alert" tabIndex={-1} ref={setRef}>
      <Heading className="nhsuk-error-summary__title" id={titleId}>
        {title}
      </Heading>
      <div className="nhsuk-error-summary__body">
        {children}
        {problems.length > 0 && (
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {problems.map((problem) => (
              <li key={`${problem.field}${problem.message}`}>
                {problem.field ? (
                  <a href={`#${problem.field}`} onClick={(event) => focusField(event, problem.field as string)}>
                    {problem.message}
                  </a>
                ) : (
                  problem.message
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
