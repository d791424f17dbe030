import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type CSSProperties, type DragEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ImportKind } from '../gql/graphql';
import { formatCount } from '../ui/format';
import { Button, ErrorSummary, Radios, problemFor, type FormProblem } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { formatBytes, IMPORT_KINDS, PHASE_LABELS } from './import-kinds';
import { ImportOutcome, refusalMessage } from './import-outcome';
import { ImportProgressQuery } from './imports.operations';
import { uploadWithXhr, type StartUpload, type Upload, type UploadResult } from './upload-file';

/** How often the page asks the server how far the import has got. */
export const PROGRESS_POLL_MS = 500;
/** The polite live region says how far the import has got at most this often (a phase change is said at once). */
const ANNOUNCE_EVERY_MS = 10_000;

// The drop zone enhances the real file input, which stays visible and usable from the keyboard.
const DROP_ZONE: CSSProperties = { border: '2px dashed #768692', padding: 16, backgroundColor: '#ffffff' };
const DROP_ZONE_OVER: CSSProperties = { borderColor: '#005eb8', backgroundColor: '#e8f1f8' };
const PROGRESS_BAR: CSSProperties = { display: 'block', width: '100%', maxWidth: '40em', height: '1.5em', marginBottom: 16, accentColor: '#005eb8' };

interface Sending {
  uploadId: string;
  fileName: string;
  sent: number;
  total: number;
  /** When it started (performance.now()), for the rows per second. */
  startedAt: number;
  result: UploadResult | null;
}

/**
 * `/imports`: an analyst or administrator chooses the kind of file, picks or drops it, and uploads it to the
 * streaming endpoint, watching the bytes sent and, polled from the server, the rows read and the phase; then the
 * outcome (saved with counts, unchanged, or refused with every bad row). `startUpload` and `newUploadId` are the
 * browser's (XMLHttpRequest, crypto.randomUUID) unless a test hands in its own.
 */
export function ImportsPage({ startUpload = uploadWithXhr, newUploadId = () => crypto.randomUUID() }: { startUpload?: StartUpload; newUploadId?: () => string }) {
  usePageTitle('Imports');
  const [kind, setKind] = useState<ImportKind | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);
  const [sending, setSending] = useState<Sending | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const upload = useRef<Upload | null>(null);
  const fileInput = useRef<HTMLInputElement | null>(null);
  const uploading = sending !== null && sending.result === null;

  const progress = useQuery(ImportProgressQuery, {
    variables: { uploadId: sending?.uploadId ?? '' },
    skip: !uploading,
    pollInterval: PROGRESS_POLL_MS,
    fetchPolicy: 'network-only',
  });
  const server = uploading ? (progress.data?.importProgress ?? null) : null;
  const rate = useRowsPerSecond(server?.rowsRead ?? null);
  useAnnouncements(uploading, server?.phase ?? null, server?.rowsRead ?? null, setAnnouncement);

  useEffect(() => () => upload.current?.abort(), []);

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setSending(null);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (uploading) return;
    const dropped = event.dataTransfer.files;
    if (dropped.length === 0) return;
    // Keep the real file input in step, so the form reads the same whichever way the file came.
    try {
      if (fileInput.current) fileInput.current.files = dropped;
    } catch {
      // Some browsers do not let a page set files; the chosen file is kept in state all the same.
    }
    chooseFile(dropped[0]);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: FormProblem[] = [];
    if (!kind) found.push({ field: 'kind-1', message: 'Choose the kind of file' });
    if (!file) found.push({ field: 'file', message: 'Choose a CSV file to upload' });
    else if (!/\.csv$/i.test(file.name)) found.push({ field: 'file', message: 'The file must be a CSV file (ending .csv)' });
    setProblems(found);
    if (found.length || !kind || !file) {
      setFocusRequest((n) => n + 1);
      return;
    }
    const choice = IMPORT_KINDS.find((item) => item.kind === kind);
    if (!choice) return;
    const uploadId = newUploadId();
    setSending({ uploadId, fileName: file.name, sent: 0, total: file.size, startedAt: performance.now(), result: null });
    setAnnouncement(`Uploading ${file.name}.`);
    const started = startUpload({
      kindPath: choice.path,
      file,
      uploadId,
      onProgress: (sent, total) => setSending((current) => (current && current.uploadId === uploadId ? { ...current, sent, total } : current)),
    });
    upload.current = started;
    const result = await started.result;
    upload.current = null;
    setSending((current) => (current && current.uploadId === uploadId ? { ...current, result, ...(result.type === 'batch' ? { sent: current.total } : {}) } : current));
    setAnnouncement(resultAnnouncement(result));
    if (result.type === 'batch' && result.batch.outcome === 'REJECTED') setFocusRequest((n) => n + 1);
  }

  const result = sending?.result ?? null;
  const percent = sending && sending.total > 0 ? Math.floor((sending.sent / sending.total) * 100) : sending?.result ? 100 : 0;

  return (
    <>
      <h1 className="nhsuk-heading-l">Imports</h1>
      <p className="nhsuk-lede-text">Load a national data file. A file is saved whole or not at all: if any row is bad, nothing from it is saved and every bad row is listed.</p>
      <p className="nhsuk-body">
        <Link to="/imports/history">Import history</Link>: who imported what, when, and what it changed.
      </p>

      <ErrorSummary problems={problems} focusRequest={problems.length ? focusRequest : 0} headingLevel="h2" />

      <form onSubmit={(event) => void onSubmit(event)} noValidate className="ccg-no-print">
        <Radios
          name="kind"
          legend="Kind of file"
          legendSize="m"
          items={IMPORT_KINDS.map((choice) => ({ value: choice.kind, label: choice.label, hint: choice.description }))}
          value={kind}
          onChange={(value) => setKind(value as ImportKind)}
          hint={
            problemFor(problems, 'kind-1') && (
              <span className="nhsuk-error-message">
                <span className="nhsuk-u-visually-hidden">Error: </span>
                {problemFor(problems, 'kind-1')}
              </span>
            )
          }
        />

        <div className={`nhsuk-form-group${problemFor(problems, 'file') ? ' nhsuk-form-group--error' : ''}`}>
          <div
            style={dragging ? { ...DROP_ZONE, ...DROP_ZONE_OVER } : DROP_ZONE}
            data-testid="drop-zone"
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <label className="nhsuk-label nhsuk-label--s" htmlFor="file">
              CSV file
            </label>
            <div className="nhsuk-hint" id="file-hint">
              Choose the file, or drop it here. The first line must be the header.
            </div>
            {problemFor(problems, 'file') && (
              <span className="nhsuk-error-message" id="file-error">
                <span className="nhsuk-u-visually-hidden">Error: </span>
                {problemFor(problems, 'file')}
              </span>
            )}
            <input
              ref={fileInput}
              className="nhsuk-file-upload"
              id="file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              disabled={uploading}
              aria-describedby={`file-hint${problemFor(problems, 'file') ? ' file-error' : ''}${file ? ' file-chosen' : ''}`}
              onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
            />
            {file && (
              <p className="nhsuk-body nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0" id="file-chosen">
                Chosen: <strong>{file.name}</strong> ({formatBytes(file.size)})
              </p>
            )}
          </div>
        </div>

        <div className="ccg-button-row">
          <Button disabled={uploading}>Upload</Button>{' '}
          {uploading && (
            <Button type="button" secondary onClick={() => upload.current?.abort()}>
              Cancel
            </Button>
          )}
        </div>
      </form>

      <div className="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="import-announcement">
        {announcement}
      </div>

      {sending && (
        <section aria-labelledby="progress-heading" className="nhsuk-u-margin-bottom-6">
          <h2 id="progress-heading" className="nhsuk-heading-m">
            {sending.fileName}
          </h2>
          <label className="nhsuk-label" htmlFor="upload-progress">
            Sent {formatBytes(sending.sent)} of {formatBytes(sending.total)} ({percent}%)
          </label>
          <progress id="upload-progress" style={PROGRESS_BAR} max={Math.max(sending.total, 1)} value={sending.total === 0 && sending.result ? 1 : sending.sent}>
            {percent}%
          </progress>
          {uploading && (
            <p className="nhsuk-body" data-testid="server-progress">
              {server
                ? `${server.phase ? PHASE_LABELS[server.phase] : 'Finishing'}: ${formatCount(server.rowsRead)} rows read${rate !== null ? `, ${formatCount(Math.round(rate))} rows a second` : ''}.`
                : 'Waiting for the service to start reading the file.'}
            </p>
          )}
        </section>
      )}

      {result?.type === 'batch' && <ImportOutcome batch={result.batch} focusRequest={focusRequest} />}
      {result?.type === 'refused' && (
        <ErrorSummary title="The file was not imported" headingLevel="h2" focusRequest={1}>
          <p>{refusalMessage(result)}</p>
        </ErrorSummary>
      )}
      {result?.type === 'aborted' && (
        <div className="nhsuk-inset-text" role="status">
          <p>Upload cancelled: nothing from the file was saved.</p>
        </div>
      )}
      {result?.type === 'failed' && (
        <ErrorSummary title="The upload did not finish" headingLevel="h2" focusRequest={1}>
          <p>The connection to the service was lost. Nothing from the file was saved. Check your connection and try again.</p>
        </ErrorSummary>
      )}
    </>
  );
}

/** Rows a second since the first rows the server reported for this upload. */
function useRowsPerSecond(rowsRead: number | null): number | null {
  const first = useRef<{ rows: number; at: number } | null>(null);
  const [rate, setRate] = useState<number | null>(null);
  useEffect(() => {
    if (rowsRead === null) {
      first.current = null;
      setRate(null);
      return;
    }
    const now = performance.now();
    if (!first.current) {
      first.current = { rows: rowsRead, at: now };
      return;
    }
    const seconds = (now - first.current.at) / 1000;
    if (seconds > 0 && rowsRead > first.current.rows) setRate((rowsRead - first.current.rows) / seconds);
  }, [rowsRead]);
  return rate;
}

/** Says the phase when it changes and the rows read now and then, so the polite live region is not flooded. */
function useAnnouncements(active: boolean, phase: string | null, rowsRead: number | null, announce: (text: string) => void) {
  const last = useRef<{ phase: string | null; at: number }>({ phase: null, at: 0 });
  useEffect(() => {
    if (!active || rowsRead === null) {
      last.current = { phase: null, at: 0 };
      return;
    }
    const now = performance.now();
    if (phase !== last.current.phase || now - last.current.at >= ANNOUNCE_EVERY_MS) {
      last.current = { phase, at: now };
      const label = phase ? PHASE_LABELS[phase as keyof typeof PHASE_LABELS] : 'Finishing';
      announce(`${label}: ${formatCount(rowsRead)} rows read.`);
    }
  }, [active, phase, rowsRead, announce]);
}

function resultAnnouncement(result: UploadResult): string {
  if (result.type === 'aborted') return 'Upload cancelled: nothing from the file was saved.';
  if (result.type === 'failed') return 'The upload did not finish: nothing from the file was saved.';
  if (result.type === 'refused') return `The file was not imported. ${refusalMessage(result)}`;
  switch (result.batch.outcome) {
    case 'SUCCEEDED':
      return `Saved: ${result.batch.inserted} added, ${result.batch.updated} changed, ${result.batch.deleted} removed.`;
    case 'UNCHANGED':
      return 'Unchanged: the file matched the data already held.';
    case 'REJECTED':
      return `The file was refused: ${result.batch.rowsRejected} bad rows. Nothing from the file was saved.`;
    default:
      return 'The import was cut short: nothing from the file was saved.';
  }
}
