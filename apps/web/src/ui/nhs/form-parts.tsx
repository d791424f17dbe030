import type { ReactNode } from 'react';
import { describeError, errorCodes } from '../../app/graphql-errors';

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
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      {children({ describedBy, invalid: Boolean(error) })}
    </div>
  );
}

/** A field's error, read out as "Error: …". */
function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error: </span>
      {children}
    </span>
  );
}
