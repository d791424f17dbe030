import type { PerformanceReportStatus } from '../gql/graphql';

/** Tag colours for a report's status (the words always say it too). */
const STATUS_TAG_CLASSES: Readonly<Record<PerformanceReportStatus, string>> = {
  DRAFT: 'nhsuk-tag--grey',
  READY_FOR_CCG: 'nhsuk-tag--blue',
  SIGNED_BY_CCG: 'nhsuk-tag--purple',
  PUBLISHED: 'nhsuk-tag--green',
  RETURNED_BY_HIGHER_BOARD: 'nhsuk-tag--orange',
  SUPERSEDED: 'nhsuk-tag--white',
};

/** A report's status as a tag: the API's words, the colour a second cue only. */
export function ReportStatusTag({ status, label }: { status: PerformanceReportStatus; label: string }) {
  return <strong className={`nhsuk-tag ${STATUS_TAG_CLASSES[status]}`}>{label}</strong>;
}
