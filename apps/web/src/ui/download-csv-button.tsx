import { useId, useState } from 'react';
import { csvFileName, downloadCsv, toCsv, type CsvCell } from './csv';

type CsvRows = ReadonlyArray<readonly CsvCell[]>;

interface DownloadCsvButtonProps {
  /** The view, for the file name: "Provider scorecard RR8" → provider-scorecard-rr8-2026-05-07.csv. */
  name: string;
  columns: readonly string[];
  /** The rows, when they are all on hand; otherwise `loadRows`. */
  rows?: CsvRows;
  /** Fetches every row of the file (all pages of a filtered list) when the button is pressed. */
  loadRows?: () => Promise<CsvRows>;
  /** What the file holds, said to screen readers after "Download CSV": "of the grid". */
  what: string;
  /** What the file holds, shown beside the button: "Every provider that matches the filter (273)". */
  holds?: string;
  /** The day the file is made (tests fix it). */
  today?: () => Date;
}

/**
 * "Download CSV": a CSV file made in the browser, of the rows given, or of every row `loadRows` fetches (the whole
 * filtered set, not the page on screen: issue 20), saying what the file holds.
 */
export function DownloadCsvButton({ name, columns, rows, loadRows, what, holds, today = () => new Date() }: DownloadCsvButtonProps) {
  const [state, setState] = useState<'idle' | 'preparing' | 'failed'>('idle');
  const hintId = useId();
  async function download() {
    if (rows) return downloadCsv(csvFileName(name, today()), toCsv(columns, rows));
    if (!loadRows) return;
    setState('preparing');
    try {
      const all = await loadRows();
      downloadCsv(csvFileName(name, today()), toCsv(columns, all));
      setState('idle');
    } catch {
      setState('failed');
    }
  }
  return (
    <>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small ccg-csv-button"
        disabled={(rows !== undefined && rows.length === 0) || state === 'preparing'}
        aria-describedby={holds ? hintId : undefined}
        onClick={() => void download()}
      >
        {state === 'preparing' ? 'Preparing the CSV…' : 'Download CSV'}
        <span className="nhsuk-u-visually-hidden"> of the {what}</span>
      </button>
      {holds && (
        <p className="nhsuk-hint nhsuk-body-s" id={hintId}>
          {holds}
        </p>
      )}
      <span role="status" className="nhsuk-u-visually-hidden">
        {state === 'preparing' ? 'Preparing the CSV file' : ''}
      </span>
      {state === 'failed' && (
        <p className="nhsuk-error-message" role="alert">
          The file could not be prepared. Try again.
        </p>
      )}
    </>
  );
}
