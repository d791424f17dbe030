import { ASSURANCE_CATEGORY_CODES, type AssuranceCategory } from '@ccg-assure/domain';
import type { ReactNode } from 'react';
import { Fieldset } from '../ui/nhs';
import { CATEGORY_NAMES } from './assurance-labels';

/**
 * One of the four assurance categories as NHS radios in a fieldset: a domain's rating or the overall
 * decision. The first radio's id is `fieldId` itself, so that an error summary's link lands on the choice.
 */
export function CategoryChoice({
  fieldId,
  name,
  legend,
  hint,
  error,
  value,
  onChange,
  small = false,
  itemLabel = (category) => CATEGORY_NAMES[category],
  itemHint,
}: {
  fieldId: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: AssuranceCategory | null | undefined;
  onChange: (category: AssuranceCategory) => void;
  /** Small radios, side by side where there is room (a rating per domain). */
  small?: boolean;
  itemLabel?: (category: AssuranceCategory) => ReactNode;
  itemHint?: (category: AssuranceCategory) => ReactNode;
}) {
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <Fieldset legend={legend} legendSize="s" aria-describedby={describedBy}>
        {hint && (
          <div className="nhsuk-hint" id={`${fieldId}-hint`}>
            {hint}
          </div>
        )}
        {error && (
          <span className="nhsuk-error-message" id={`${fieldId}-error`}>
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {error}
          </span>
        )}
        <div className={small ? 'nhsuk-radios nhsuk-radios--small ccg-rating-radios' : 'nhsuk-radios'}>
          {ASSURANCE_CATEGORY_CODES.map((category, index) => {
            const id = index === 0 ? fieldId : `${fieldId}-${category}`;
            const itemHintText = itemHint?.(category);
            return (
              <div className="nhsuk-radios__item" key={category}>
                <input
                  className="nhsuk-radios__input"
                  id={id}
                  name={name}
                  type="radio"
                  value={category}
                  checked={value === category}
                  aria-describedby={itemHintText ? `${id}-item-hint` : undefined}
                  onChange={() => onChange(category)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                  {itemLabel(category)}
                </label>
                {itemHintText && (
                  <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-item-hint`}>
                    {itemHintText}
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
