import type { ComponentProps, ReactNode } from 'react';
import { FormGroup } from './form-parts';

/**
 * A labelled NHS text input with its hint and error, sized to what it holds (`width` in characters) and
 * optionally prefixed or suffixed ("£", "%"); the prefix and suffix are for sight only.
 */
export function TextInput({
  id,
  name = id,
  label,
  hint,
  error,
  width,
  prefix,
  suffix,
  className,
  type = 'text',
  'aria-describedby': extraDescribedBy,
  ...rest
}: Omit<ComponentProps<'input'>, 'width' | 'prefix'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  prefix?: string;
  suffix?: string;
}) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {({ describedBy }) => {
        const input = (
          <input
            className={['nhsuk-input', width && `nhsuk-input--width-${width}`, error && 'nhsuk-input--error', className].filter(Boolean).join(' ')}
            id={id}
            name={name}
            type={type}
            aria-describedby={[describedBy, extraDescribedBy].filter(Boolean).join(' ') || undefined}
            {...rest}
          />
        );
        if (!prefix && !suffix) return input;
        return (
          <div className="nhsuk-input-wrapper">
            {prefix && (
              <div className="nhsuk-input-wrapper__prefix" aria-hidden="true">
                {prefix}
              </div>
            )}
            {input}
            {suffix && (
              <div className="nhsuk-input-wrapper__suffix" aria-hidden="true">
                {suffix}
              </div>
            )}
          </div>
        );
      }}
    </FormGroup>
  );
}
