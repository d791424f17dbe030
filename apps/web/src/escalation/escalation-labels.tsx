import type { EscalationItemStatus, EscalationSeverity } from '../gql/graphql';

/** Tag colours for severities, most serious in red (the words always say it too). */
const SEVERITY_TAG_CLASSES: Readonly<Record<EscalationSeverity, string>> = {
  CRITICAL: 'nhsuk-tag--red',
  HIGH: 'nhsuk-tag--orange',
  MEDIUM: 'nhsuk-tag--yellow',
  LOW: 'nhsuk-tag--grey',
};

/** An item's severity as a tag: its words from the API, the colour a second cue only. */
export function SeverityTag({ severity, label }: { severity: EscalationSeverity; label: string }) {
  return <strong className={`nhsuk-tag ${SEVERITY_TAG_CLASSES[severity]} ccg-severity`}>{label}</strong>;
}

/** An item's status as a tag. */
export function ItemStatusTag({ status, label }: { status: EscalationItemStatus; label: string }) {
  return <strong className={`nhsuk-tag ${status === 'OPEN' ? 'nhsuk-tag--blue' : 'nhsuk-tag--grey'}`}>{label}</strong>;
}

/** Demonstration boards, items and meetings say so wherever they show (issue 16 point 6). */
export function IllustrativeEscalation({ what }: { what: string }) {
  return (
    <div className="nhsuk-inset-text ccg-illustrative">
      <p>
        <strong>Illustrative demonstration data.</strong> {what} is invented to show how boards and escalation work: not a real CCG’s governance record.
      </p>
    </div>
  );
}

/** The field ids an API refusal names (`extensions.details.fields`), as a list whatever shape it came in. */
export function refusedFields(details: Record<string, unknown> | null): string[] {
  const fields = details?.fields;
  if (Array.isArray(fields)) return fields.filter((field): field is string => typeof field === 'string');
  if (fields && typeof fields === 'object') return Object.keys(fields);
  return [];
}
