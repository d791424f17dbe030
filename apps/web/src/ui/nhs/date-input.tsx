import { daysInMonth, formatIsoDate, isIsoDate } from '@ccg-assure/domain';
import { useState, type ReactNode } from 'react';
import type { FormProblem } from './form-parts';

/** The three fields of a date, in the order the NHS asks for them. */
export type DatePart = 'day' | 'month' | 'year';
const PARTS: readonly DatePart[] = ['day', 'month', 'year'];

/**
 * The id of one field of a date input. The day, the first field, carries the date's own id, so an error summary
 * link or a server refusal naming the date reaches its first field.
 */
export const datePartId = (id: string, part: DatePart): string => (part === 'day' ? id : `${id}-${part}`);

type DateParts = Record<DatePart, string>;

/**
 * What the three fields hold, as the form keeps it: `''` when all are empty, an ISO calendar date (2026-12-06)
 * once they make a real one, and otherwise the parts as typed, `year-month-day` (a hyphen typed inside a part
 * becomes `x`, so the text still reads back as three parts and the part is still wrong).
 */
function valueOf(parts: DateParts): string {
  const [day, month, year] = PARTS.map((part) => parts[part].trim());
  if (!day && !month && !year) return '';
  if (/^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year)) {
    const date = { year: Number(year), month: Number(month), day: Number(day) };
    if (date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(date.year, date.month)) {
      const iso = formatIsoDate(date);
      if (isIsoDate(iso)) return iso;
    }
  }
  return [year, month, day].map((part) => part.replace(/-/g, 'x')).join('-');
}

function partsOf(value: string): DateParts {
  if (!value) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = value.split('-');
  // A date from the form shows as a person writes it: 5 3 2018, not 05 03 2018.
  if (isIsoDate(value)) return { day: String(Number(day)), month: String(Number(month)), year };
  return { day, month, year };
}

/** How a date input's value reads: nothing, a date, or what is wrong and in which fields. */
export type DateReading =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  | { kind: 'incomplete'; missing: DatePart[] }
  | { kind: 'short-year' }
  | { kind: 'not-real'; parts: DatePart[] };

/** Reads a date input's value (see `DateInput`). */
export function readDateInput(value: string): DateReading {
  if (!value.trim()) return { kind: 'empty' };
  if (isIsoDate(value)) return { kind: 'date', iso: value };
  const parts = partsOf(value);
  const missing = PARTS.filter((part) => !parts[part].trim());
  if (missing.length > 0) return { kind: 'incomplete', missing };
  const notNumbers = PARTS.filter((part) => !/^\d+$/.test(parts[part].trim()));
  if (notNumbers.length > 0) return { kind: 'not-real', parts: notNumbers };
  if (parts.year.trim().length !== 4) return { kind: 'short-year' };
  const month = Number(parts.month);
  if (month < 1 || month > 12) return { kind: 'not-real', parts: ['month'] };
  const day = Number(parts.day);
  if (day < 1 || day > daysInMonth(Number(parts.year), month)) return { kind: 'not-real', parts: ['day'] };
  return { kind: 'not-real', parts: [...PARTS] };
}

const listed = (parts: readonly DatePart[]) => (parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`);

/**
 * What is wrong with a date input's value, in the NHS's words, pointing at the field to fix: nothing entered
 * (`missing`, the form's own words; no problem when the date is optional and `missing` is not given), a part left
 * out ("… must include a month"), a year of other than 4 numbers, or a date that does not exist ("… must be a
 * real date"). Null when the value is a date (the form then checks its range) or is empty and optional.
 */
export function dateInputProblem(id: string, value: string, words: { what: string; missing?: string }): FormProblem | null {
  const reading = readDateInput(value);
  switch (reading.kind) {
    case 'date':
      return null;
    case 'empty':
      return words.missing ? { field: id, message: words.missing } : null;
    case 'incomplete':
      return { field: datePartId(id, reading.missing[0]), message: `${words.what} must include a ${listed(reading.missing)}` };
    case 'short-year':
      return { field: datePartId(id, 'year'), message: 'Year must include 4 numbers' };
    case 'not-real':
      return { field: datePartId(id, reading.parts[0]), message: `${words.what} must be a real date` };
  }
}

/** The NHS hint for a date input, from a date of the right kind: "For example, 15 3 2018". */
export function dateInputExample(isoDate: string): string {
  const parts = partsOf(isoDate);
  return `For example, ${parts.day} ${parts.month} ${parts.year}`;
}

/** The message for a date input among a form's problems, whichever of its fields the problem points at. */
export const dateProblemFor = (problems: readonly FormProblem[], id: string): string | undefined =>
  problems.find((problem) => problem.field !== null && PARTS.some((part) => problem.field === datePartId(id, part)))?.message;

/** The fields an error concerns: those the value gets wrong, or all three when the date as a whole is wrong. */
function partsInError(value: string): readonly DatePart[] {
  const reading = readDateInput(value);
  if (reading.kind === 'incomplete') return reading.missing;
  if (reading.kind === 'short-year') return ['year'];
  if (reading.kind === 'not-real') return reading.parts;
  return PARTS;
}

/** The id of the field to fix first in a date input holding `value`: the first field at fault, or the day. */
export const dateFieldToFix = (id: string, value: string): string => datePartId(id, partsInError(value)[0]);

/**
 * The NHS date input: day, month and year as three numeric fields in a group named by its legend (never the
 * browser's date picker, which shows the date in the order of the browser's locale). The value in and out is a
 * string (see `valueOf`): an ISO calendar date once the fields make one, so forms keep their state as before;
 * `dateInputProblem` says what is wrong otherwise. With an error, only the fields at fault are marked.
 */
export function DateInput({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  // What the fields show with the value they stand for. A value set from outside (a form reset, a default)
  // replaces what is shown; the value these fields sent does not, so "09" stays as typed.
  const [shown, setShown] = useState(() => ({ value, parts: partsOf(value) }));
  if (value !== shown.value) setShown({ value, parts: partsOf(value) });
  const parts = shown.value === value ? shown.parts : partsOf(value);
  const set = (part: DatePart, text: string) => {
    const next = { ...parts, [part]: text };
    const nextValue = valueOf(next);
    setShown({ value: nextValue, parts: next });
    onChange(nextValue);
  };
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const faulty = error ? partsInError(value) : [];
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        {error && (
          <span className="nhsuk-error-message" id={errorId}>
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {error}
          </span>
        )}
        <div className="nhsuk-date-input">
          {PARTS.map((part) => {
            const partId = datePartId(id, part);
            const inError = faulty.includes(part);
            return (
              <div className="nhsuk-date-input__item" key={part}>
                <div className="nhsuk-form-group">
                  <label className="nhsuk-label nhsuk-date-input__label" htmlFor={partId}>
                    {part === 'day' ? 'Day' : part === 'month' ? 'Month' : 'Year'}
                  </label>
                  <input
                    className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${part === 'year' ? 4 : 2}${inError ? ' nhsuk-input--error' : ''}`}
                    id={partId}
                    name={`${id}[${part}]`}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    aria-invalid={inError || undefined}
                    value={parts[part]}
                    onChange={(event) => set(part, event.currentTarget.value)}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
