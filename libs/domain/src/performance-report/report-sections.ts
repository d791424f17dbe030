/**
 * The sections of the monthly performance report, in the order it shows them (issue 17): each carries the
 * analyst's commentary.
 */
export const REPORT_SECTION_KEYS = ['SCORECARD', 'FINANCE', 'ASSURANCE', 'CONTRACTS', 'ESCALATION', 'ACTIONS'] as const;
export type ReportSectionKey = (typeof REPORT_SECTION_KEYS)[number];

export interface ReportSectionDefinition {
  readonly key: ReportSectionKey;
  /** The section's heading. */
  readonly title: string;
  /** What it shows, in a sentence. */
  readonly description: string;
}

export const REPORT_SECTIONS: readonly ReportSectionDefinition[] = [
  {
    key: 'SCORECARD',
    title: 'Provider scorecard',
    description: 'The CCG’s providers against the national standards: value, target, RAG, variation and assurance, with charts.',
  },
  { key: 'FINANCE', title: 'Financial position', description: 'Plan compliance, the forecast outturn against plan and QIPP.' },
  { key: 'ASSURANCE', title: 'Assurance and special measures', description: 'The latest published assurance category and any special measures.' },
  { key: 'CONTRACTS', title: 'Contract notices and remedial action plans', description: 'Open contract performance notices and remedial action plans.' },
  { key: 'ESCALATION', title: 'Escalation', description: 'Open escalation items of the CCG and the boards they sit at.' },
  { key: 'ACTIONS', title: 'Remedial actions', description: 'Remedial actions signed off with the report, carried forward until closed.' },
];

/** Each section's title, by key. */
export const REPORT_SECTION_TITLES: Readonly<Record<ReportSectionKey, string>> = Object.fromEntries(
  REPORT_SECTIONS.map((section) => [section.key, section.title]),
) as Record<ReportSectionKey, string>;

export function isReportSectionKey(value: unknown): value is ReportSectionKey {
  return (REPORT_SECTION_KEYS as readonly unknown[]).includes(value);
}
