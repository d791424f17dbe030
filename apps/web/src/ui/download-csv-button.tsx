import { csvFileName, downloadCsv, toCsv, type CsvCell } from './csv';

interface DownloadCsvButtonProps {
  /** The view, for the file name: "Provider scorecard RR8" → provider-scorecard-rr8-2026-05-07.csv. */
  name: string;
  columns: readonly string[];
  rows: ReadonlyArray<readonly CsvCell[]>;
  /** What the file holds, said to screen readers after "Download CSV": "of the grid". */
  what: string;
  /** The day the file is made (tests fix it). */
  today?: () => Date;
}

/** "Download CSV": the rows shown, as a CSV file made in the browser. */
export function DownloadCsvButton({ name, columns, rows, what, today = () => new Date() }: DownloadCsvButtonProps) {
  return (
    <button
      type="button"
      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small ccg-csv-button"
      disabled={rows.length === 0}
      onClick={() => downloadCsv(csvFileName(name, today()), toCsv(columns, rows))}
    >
      Download CSV<span className="nhsuk-u-visually-hidden"> of the {what}</span>
    </button>
  );
}
