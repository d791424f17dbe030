import { monthInWords, yearMonthOf } from '@ccg-assure/domain';
import type { ReactNode } from 'react';
import { FormGroup } from './form-parts';

/**
 * A month chosen from a list of months in words ("October 2018"), as NHS forms ask for a month: never typed as
 * `2018-10`. `months` are the first days of the months offered, in order; the value in and out is the year and
 * month (`2018-10`), or with `firstDay` the month's first day (`2018-10-01`), or `''` before one is chosen.
 */
export function MonthSelect({
  id,
  label,
  hint,
  error,
  months,
  value,
  onChange,
  firstDay = false,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  months: readonly string[];
  value: string;
  onChange: (value: string) => void;
  firstDay?: boolean;
}) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {({ describedBy }) => (
        <select className={['nhsuk-select', error && 'nhsuk-select--error'].filter(Boolean).join(' ')} id={id} name={id} aria-describedby={describedBy} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
          <option value="">Choose a month</option>
          {months.map((month) => (
            <option key={month} value={firstDay ? month : yearMonthOf(month)}>
              {monthInWords(month)}
            </option>
          ))}
        </select>
      )}
    </FormGroup>
  );
}
