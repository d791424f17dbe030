import type { ComponentProps, ReactNode } from 'react';

/** Groups related fields under a legend (sized like the heading it stands for). */
export function Fieldset({
  legend,
  legendSize,
  children,
  ...rest
}: Omit<ComponentProps<'fieldset'>, 'className'> & { legend: ReactNode; legendSize?: 's' | 'm' | 'l' | 'xl'; children: ReactNode }) {
  return (
    <fieldset className="nhsuk-fieldset" {...rest}>
      <legend className={`nhsuk-fieldset__legend${legendSize ? ` nhsuk-fieldset__legend--${legendSize}` : ''}`}>{legend}</legend>
      {children}
    </fieldset>
  );
}
