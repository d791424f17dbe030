import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { describeError, errorCodes } from '../app/graphql-errors';

/** One thing wrong with an assurance form: the id of its field (null: the form as a whole) and what to do. */
export interface FormProblem {
  field: string | null;
  message: string;
}

/**
 * The server's refusal as a problem on the form, chosen by `extensions.reason` (then by code), never by the
 * message text (STYLE.md "Errors"). Anything unknown falls back to the code's sentence.
 */
export function refusalProblem(error: unknown, byReason: Readonly<Record<string, FormProblem>>): FormProblem {
  const { code, reason } = errorCodes(error);
  if (reason && byReason[reason]) return byReason[reason];
  if (code === 'FORBIDDEN') return { field: null, message: 'Only NHS England assessors can do this. Nothing was recorded.' };
  if (code === 'BAD_USER_INPUT') return { field: null, message: `The server refused the values (${reason ?? 'invalid input'}). Nothing was recorded.` };
  return { field: null, message: describeError(error) };
}

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
export function ErrorSummary({ id, problems, focusRequest }: { id: string; problems: readonly FormProblem[]; focusRequest: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusRequest) ref.current?.focus();
  }, [focusRequest]);
  if (problems.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" aria-labelledby={`${id}-title`} role="alert" tabIndex={-1} ref={ref}>
      <h4 className="nhsuk-error-summary__title" id={`${id}-title`}>
        There is a problem
      </h4>
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

/** A labelled form group: label, hint and error message, with the control told which describe it. */
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
