import type { ReactNode } from 'react';
import { Fieldset } from './fieldset';

export interface RadioItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

/**
 * One choice among a few, as NHS radios in a fieldset: the legend names the question, the hint and each
 * item's hint describe their inputs. Item ids are `idPrefix-1`, `idPrefix-2`, … in order.
 */
export function Radios({
  name,
  idPrefix = name,
  legend,
  legendSize,
  hint,
  items,
  value,
  onChange,
}: {
  name: string;
  idPrefix?: string;
  legend: ReactNode;
  legendSize?: 's' | 'm' | 'l' | 'xl';
  hint?: ReactNode;
  items: readonly RadioItem[];
  /** The chosen item's value. */
  value: string | null;
  onChange: (value: string) => void;
}) {
  const hintId = `${idPrefix}-hint`;
  return (
    <div className="nhsuk-form-group">
      <Fieldset legend={legend} legendSize={legendSize} aria-describedby={hint ? hintId : undefined}>
        {hint && (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        <div className="nhsuk-radios">
          {items.map((item, index) => {
            const id = `${idPrefix}-${index + 1}`;
            return (
              <div key={item.value} className="nhsuk-radios__item">
                <input
                  className="nhsuk-radios__input"
                  id={id}
                  type="radio"
                  name={name}
                  value={item.value}
                  checked={item.value === value}
                  onChange={() => onChange(item.value)}
                  aria-describedby={item.hint ? `${id}-hint` : undefined}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                  {item.label}
                </label>
                {item.hint && (
                  <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-hint`}>
                    {item.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
