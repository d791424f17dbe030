import type { ComponentProps } from 'react';

/**
 * An NHS button. Disabled buttons also say so with `aria-disabled`. Secondary for actions beside the main
 * one (search, show more), warning for actions that cannot be undone.
 */
export function Button({
  secondary,
  warning,
  small,
  className,
  type = 'submit',
  disabled,
  ...rest
}: ComponentProps<'button'> & { secondary?: boolean; warning?: boolean; small?: boolean }) {
  const classes = ['nhsuk-button', secondary && 'nhsuk-button--secondary', warning && 'nhsuk-button--warning', small && 'nhsuk-button--small', className].filter(Boolean).join(' ');
  return <button className={classes} type={type} disabled={disabled} aria-disabled={disabled ? true : undefined} {...rest} />;
}
