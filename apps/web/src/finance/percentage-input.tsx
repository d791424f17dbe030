import { Percentage } from '@ccg-assure/domain';

/** A percentage input with its "%" beside it, at every width. */
export function PercentageInput({ id, value, describedBy, invalid, onChange }: { id: string; value: string; describedBy: string | undefined; invalid: boolean; onChange: (value: string) => void }) {
  return (
    <div className="nhsuk-input-wrapper ccg-money-input">
      <input
        className={`nhsuk-input nhsuk-input--width-5${invalid ? ' nhsuk-input--error' : ''}`}
        id={id}
        name={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      <div className="nhsuk-input-wrapper__suffix" aria-hidden="true">
        %
      </div>
    </div>
  );
}

export type PercentageReading = { state: 'empty' } | { state: 'valid'; percentage: Percentage } | { state: 'invalid'; message: string };

/**
 * Reads a percentage from 0 to 100 as people type it: spaces around it and a trailing "%" are forgiven, then
 * the domain's exact parser decides ("2.5", never a binary float).
 */
export function readPercentage(text: string, label: string): PercentageReading {
  const cleaned = text.trim().replace(/\s*%$/, '');
  if (cleaned === '') return { state: 'empty' };
  let percentage: Percentage;
  try {
    percentage = Percentage.parse(cleaned);
  } catch {
    return { state: 'invalid', message: `${label} must be a number, like 1 or 2.5` };
  }
  if (!percentage.isBetween(Percentage.ZERO, Percentage.HUNDRED)) return { state: 'invalid', message: `${label} must be from 0 to 100` };
  return { state: 'valid', percentage };
}
