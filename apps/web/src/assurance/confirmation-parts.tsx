import type { ReactNode } from 'react';
import { Button } from '../ui/nhs';

/**
 * The buttons of a confirmation card: the move, saying `busyLabel` while it runs, and a way back; both are
 * disabled while it runs. Without `onConfirm` the move submits the card's form. A warning button for a move
 * that cannot be undone.
 */
export function ConfirmButtons({
  label,
  busyLabel,
  busy,
  warning = false,
  onConfirm,
  cancelLabel = 'Cancel',
  onCancel,
}: {
  label: ReactNode;
  busyLabel: ReactNode;
  busy: boolean;
  warning?: boolean;
  onConfirm?: () => void;
  cancelLabel?: ReactNode;
  onCancel: () => void;
}) {
  return (
    <div className="ccg-button-row">
      <Button type={onConfirm ? 'button' : 'submit'} warning={warning} disabled={busy} onClick={onConfirm}>
        {busy ? busyLabel : label}
      </Button>
      <Button type="button" secondary disabled={busy} onClick={onCancel}>
        {cancelLabel}
      </Button>
    </div>
  );
}

/** A change the API refused, said as an alert (read out when it appears) above what was being changed. */
export function RefusalAlert({ text }: { text: string }) {
  return (
    <div className="nhsuk-error-summary" role="alert">
      <div className="nhsuk-error-summary__body">
        <p>{text}</p>
      </div>
    </div>
  );
}
