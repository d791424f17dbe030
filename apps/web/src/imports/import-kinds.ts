import type { ImportKind, ImportOutcome, ImportPhase } from '../gql/graphql';

export interface ImportKindChoice {
  /** The GraphQL enum value. */
  kind: ImportKind;
  /** The kind's name in the upload address: POST /imports/<path>. */
  path: string;
  label: string;
  description: string;
}

/** Every kind of national data file, in the order an analyst usually loads them (organisations before returns). */
export const IMPORT_KINDS: readonly ImportKindChoice[] = [
  { kind: 'ETR', path: 'etr', label: 'NHS trusts (ODS etr)', description: 'The ODS list of NHS trusts: code, name, grouping, postcode, open and close dates.' },
  { kind: 'ECCG', path: 'eccg', label: 'Commissioners (ODS eccg)', description: 'The ODS list of commissioners (CCGs), with the same columns.' },
  {
    kind: 'CCG_HIERARCHY',
    path: 'ccg-hierarchy',
    label: 'CCG hierarchy',
    description: 'CCGs by financial year with their STP, sub-region, region and registered patients.',
  },
  {
    kind: 'AE',
    path: 'ae',
    label: 'A&E attendances (monthly return)',
    description: 'period, org_code, type, attendances, breaches, admissions. A file replaces the months it contains.',
  },
  {
    kind: 'STAKEHOLDER_SURVEY',
    path: 'stakeholder-survey',
    label: '360-degree stakeholder survey',
    description: 'survey_year, ccg_code, question_code, question, percentage_positive (0 to 100); every CCG must be known.',
  },
  {
    kind: 'INDICATOR_VALUES',
    path: 'indicator-values',
    label: 'Values of any defined indicator',
    description:
      'indicator_code, org_code, period (the first day of the period, YYYY-MM-DD), numerator, denominator. An administrator defines the indicator first (Indicators); every organisation must be known; a percentage’s numerator may not exceed its denominator. New values are added and changed ones corrected; others are kept.',
  },
];

export const kindLabel = (kind: string) => IMPORT_KINDS.find((choice) => choice.kind === kind || choice.path === kind)?.label ?? kind;

export const PHASE_LABELS: Record<ImportPhase, string> = { READING: 'Reading rows', CHECKING: 'Checking', SAVING: 'Saving' };

export const OUTCOME_LABELS: Record<ImportOutcome, string> = {
  SUCCEEDED: 'Saved',
  UNCHANGED: 'Unchanged',
  REJECTED: 'Refused',
  RUNNING: 'Running',
  INTERRUPTED: 'Interrupted',
};

/** 1536 → "1.5 KB"; bytes in the units people read (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} ${units[unit]}`;
}

/** 75.25 → "1 min 15 s"; 0.4 → "0.4 s". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  if (seconds < 60) return `${seconds.toLocaleString('en-GB', { maximumFractionDigits: 1 })} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
