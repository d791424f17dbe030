/** A polite, announced loading message. */
export function Loading({ label }: { label: string }) {
  return (
    <p className="nhsuk-body" role="status" aria-live="polite">
      {label}…
    </p>
  );
}
