/** Illustrative demonstration data, said on screen wherever it shows (the API flags it and says what is invented). */
export function IllustrativeNotice({ note, what = 'This' }: { note?: string | null; what?: string }) {
  return (
    <div className="nhsuk-inset-text ccg-illustrative">
      <p>
        <strong>Illustrative demonstration data.</strong> {note ?? `${what} is not a real NHS England judgement.`}
      </p>
    </div>
  );
}
