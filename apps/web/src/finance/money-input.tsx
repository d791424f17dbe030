/** An amount in pounds, typed as text (read exactly by readAmount), with "£" before it at every width. */
export function MoneyInput({ id, value, describedBy, invalid, onChange }: { id: string; value: string; describedBy: string | undefined; invalid: boolean; onChange: (value: string) => void }) {
  return (
    <div className="nhsuk-input-wrapper ccg-money-input">
      <div className="nhsuk-input-wrapper__prefix" aria-hidden="true">
        £
      </div>
      <input
        className={`nhsuk-input ccg-money-input__field${invalid ? ' nhsuk-input--error' : ''}`}
        id={id}
        name={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </div>
  );
}
