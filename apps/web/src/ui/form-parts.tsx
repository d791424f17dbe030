import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { describeError, errorCodes } from '../app/graphql-errors';

/** One thing wrong with a form: the id of the field it belongs to (null: the form as a whole) and what to do. */
export interface FormProblem {
  field: string | null;
  message: string;
}

/** What a refusal's reason means for the form: the field it points at and the words for a person. */
export type ReasonWords = Readonly<Record<string, FormProblem>>;

/**
 * The server's refusal as a problem on the form, chosen by `extensions.reason` (then by code), never by the
 * message text (STYLE.md "Errors"). FORBIDDEN says who may do it; anything unknown falls back to the code.
 */
export function refusalProblem(error: unknown, byReason: ReasonWords, forbidden: string): FormProblem {
  const { code, reason } = errorCodes(error);
  if (reason && byReason[reason]) return byReason[reason];
  if (code === 'FORBIDDEN') return { field: null, message: forbidden };
  if (code === 'BAD_USER_INPUT') return { field: null, message: `The server refused the values (${reason ?? 'invalid input'}). Nothing was recorded.` };
  return { field: null, message: describeError(error) };
}

/** Moves focus to a field named in the error summary (the NHS pattern), rather than only jumping the page. */
function focusField(event: MouseEvent<HTMLAnchorElement>, field: string) {
  const target = document.getElementById(field);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView?.({ block: 'center' });
  target.focus();
}

/**
 * The NHS error summary: "There is a problem", each problem linked to its field. It takes focus each time
 * `focusRequest` changes (a failed attempt to send), so a screen reader hears it at once.
 */
export function ErrorSummary({
  id,
  problems,
  focusRequest,
  headingLevel = 'h3',
}: {
  id: string;
  problems: readonly FormProblem[];
  focusRequest: number;
  /** The summary's heading level, one below the heading of the section the form is in. */
  headingLevel?: 'h2' | 'h3' | 'h4';
}) {
  const Heading = headingLevel;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusRequest) ref.current?.focus();
  }, [focusRequest]);
  if (problems.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" aria-labelledby={`${id}-title`} role="alert" tabIndex={-1} ref={ref}>
      <Heading className="nhsuk-error-summary__title" id={`${id}-title`}>
        There is a problem
      </Heading>
      <div className="nhsuk-error-summary__body">
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
      </div>
    </div>
  );
}

/** The message for one field, if any. */
export const problemFor = (problems: readonly FormProblem[], field: string) => problems.find((problem) => problem.field === field)?.message;

/**
 * A labelled form group: label, hint and error message, with the control told which of them describe it
 * (`aria-describedby`) and whether it is in error.
 */
export function FormGroup({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: (control: { describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </span>
      )}
      {children({ describedBy, invalid: Boolean(error) })}
    </div>
  );
}
