import { Link } from 'react-router';
import { DownloadCsvButton } from '../ui/download-csv-button';
import { formatCount } from '../ui/format';
import { ErrorSummary, TableContainer } from '../ui/nhs';
import type { UploadedBatch, UploadResult } from './upload-file';

/** The API keeps the first thousand bad rows of a refused file (import.service MAX_REPORTED_ERRORS). */
export const MAX_REPORTED_ERRORS = 1000;

/** What an import did: saved with counts, unchanged, or refused with every bad row. */
export function ImportOutcome({ batch, focusRequest }: { batch: UploadedBatch; focusRequest?: number }) {
  if (batch.outcome === 'REJECTED') return <RefusedFile batch={batch} focusRequest={focusRequest} />;
  if (batch.outcome === 'UNCHANGED') {
    return (
      <div className="nhsuk-inset-text" role="status">
        <h2 className="nhsuk-heading-m">Unchanged</h2>
        <p>
          {batch.fileName} matched the data already held: nothing changed ({formatCount(batch.rowsRead)} rows read). <Link to={`/imports/${batch.id}`}>See this import</Link>
        </p>
      </div>
    );
  }
  if (batch.outcome === 'SUCCEEDED') {
    return (
      <div className="nhsuk-inset-text" role="status">
        <h2 className="nhsuk-heading-m">Saved</h2>
        <p>
          {batch.fileName}: {formatCount(batch.rowsRead)} rows read; {formatCount(batch.inserted)} added, {formatCount(batch.updated)} changed, {formatCount(batch.deleted)} removed.{' '}
          <Link to={`/imports/${batch.id}`}>See what changed</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="nhsuk-inset-text" role="status">
      <h2 className="nhsuk-heading-m">Not finished</h2>
      <p>The import of {batch.fileName} was cut short: nothing from the file was saved. Try again.</p>
    </div>
  );
}

/** A refused file: the error summary, and a table of every bad row (the first thousand), downloadable as CSV. */
export function RefusedFile({ batch, focusRequest }: { batch: UploadedBatch; focusRequest?: number }) {
  const more = batch.rowsRejected > batch.errors.length;
  return (
    <>
      <ErrorSummary title="The file was refused" headingLevel="h2" focusRequest={focusRequest}>
        <p>
          {formatCount(batch.rowsRejected)} bad {batch.rowsRejected === 1 ? 'row' : 'rows'} in {batch.fileName}: nothing from the file was saved. Correct the rows below and upload the file again.
        </p>
      </ErrorSummary>
      <BadRows batch={batch} more={more} />
    </>
  );
}

export function BadRows({ batch, more = batch.rowsRejected > batch.errors.length }: { batch: UploadedBatch; more?: boolean }) {
  if (batch.errors.length === 0) return null;
  return (
    <>
      {more && (
        <p className="nhsuk-body">
          The table shows the first {formatCount(batch.errors.length)} of {formatCount(batch.rowsRejected)} bad rows
          {batch.errors.length >= MAX_REPORTED_ERRORS ? ' (the service keeps the first 1,000)' : ''}.
        </p>
      )}
      <TableContainer>
        <table className="nhsuk-table nhsuk-table--compact">
          <caption className="nhsuk-table__caption">Bad rows of {batch.fileName}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                Line
              </th>
              <th scope="col" className="nhsuk-table__header">
                What is wrong
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {batch.errors.map((error) => (
              <tr key={`${error.line}-${error.reason}`} className="nhsuk-table__row">
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{error.line}</td>
                <td className="nhsuk-table__cell">{error.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>
      <DownloadCsvButton name={`Bad rows ${batch.fileName.replace(/\.csv$/i, '')}`} columns={['line', 'reason']} rows={batch.errors.map((error) => [error.line, error.reason])} what="bad rows" />
    </>
  );
}

/** Words for a refusal of the upload itself, chosen by its reason (never by the message). */
export function refusalMessage(result: Extract<UploadResult, { type: 'refused' }>): string {
  switch (result.reason) {
    case 'UPLOAD_NOT_CSV':
      return 'The file must be sent as a CSV file.';
    case 'UPLOAD_TOO_LARGE':
      return 'The file is too large: a file may be at most 200 MB.';
    case 'FILE_NAME_INVALID':
      return 'The file name must be 1 to 255 characters long. Rename the file and try again.';
    case 'IMPORT_KIND_UNKNOWN':
      return 'The service does not know this kind of file.';
    case 'IMPORT_HEADER_INVALID': {
      const missing = Array.isArray(result.details?.missing) ? (result.details.missing as string[]).join(', ') : null;
      return `The first line of the file is not the header of this kind of file${missing ? `: it lacks ${missing}` : ''}. Check that you chose the right kind. Nothing from the file was saved.`;
    }
    case 'IMPORT_FILE_EMPTY':
      return 'The file is empty. Nothing was saved.';
    case 'UPLOAD_ID_IN_USE':
      return 'This upload was already sent. Upload the file again.';
  }
  switch (result.code) {
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again, then upload the file again.';
    case 'FORBIDDEN':
      return 'Your role does not allow imports: only analysts and administrators may import files.';
    default:
      return `The service could not take the file (error ${result.status}). Nothing from the file was saved. Try again later.`;
  }
}
