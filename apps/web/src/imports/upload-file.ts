import type { ImportBatchFieldsFragment } from '../gql/graphql';

/** The upload endpoint's answer to a file it imported (valid or refused row by row): the import batch. */
export type UploadedBatch = ImportBatchFieldsFragment & { errors: { line: number; reason: string }[] };

/** How an upload ended. */
export type UploadResult =
  | { type: 'batch'; batch: UploadedBatch }
  /** The endpoint refused the upload itself (not CSV, too large, signed out...), by code and reason. */
  | { type: 'refused'; status: number; code: string | null; reason: string | null; details: Record<string, unknown> | null }
  | { type: 'aborted' }
  /** The connection failed before an answer came. */
  | { type: 'failed' };

export interface UploadRequest {
  /** The kind's path: ae, etr... */
  kindPath: string;
  file: File;
  /** Chosen by the page (crypto.randomUUID()), to poll importProgress with. */
  uploadId: string;
  /** Bytes sent so far of the total. */
  onProgress: (sent: number, total: number) => void;
}

export interface Upload {
  result: Promise<UploadResult>;
  abort(): void;
}

/** Starts an upload; the page receives it as a prop so that tests can hand it a double. */
export type StartUpload = (request: UploadRequest) => Upload;

/**
 * POSTs the file to /imports/<kind>?fileName=<name> with XMLHttpRequest, since fetch cannot report upload
 * progress: the session cookie (same origin), `x-ccg-upload: 1` (which no form on another site can send),
 * `content-type: text/csv` and the upload id.
 */
export const uploadWithXhr: StartUpload = ({ kindPath, file, uploadId, onProgress }) => {
  const xhr = new XMLHttpRequest();
  const result = new Promise<UploadResult>((resolve) => {
    xhr.open('POST', `/imports/${encodeURIComponent(kindPath)}?fileName=${encodeURIComponent(file.name)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-ccg-upload', '1');
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('x-ccg-upload-id', uploadId);
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.upload.onload = () => onProgress(file.size, file.size);
    xhr.onabort = () => resolve({ type: 'aborted' });
    xhr.onerror = () => resolve({ type: 'failed' });
    xhr.onload = () => resolve(readAnswer(xhr.status, xhr.responseText));
    xhr.send(file);
  });
  return { result, abort: () => xhr.abort() };
};

/** The endpoint's JSON: the batch (200), or `{ errors: [{ extensions: { code, reason, details } }] }`. */
export function readAnswer(status: number, text: string): UploadResult {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // A proxy's page, not the API's answer.
  }
  if (status === 200 && body && typeof body === 'object' && 'outcome' in body) return { type: 'batch', batch: body as UploadedBatch };
  const extensions = ((body as { errors?: { extensions?: Record<string, unknown> }[] } | null)?.errors?.[0]?.extensions ?? {}) as Record<string, unknown>;
  return {
    type: 'refused',
    status,
    code: typeof extensions.code === 'string' ? extensions.code : null,
    reason: typeof extensions.reason === 'string' ? extensions.reason : status === 413 ? 'UPLOAD_TOO_LARGE' : null,
    details: typeof extensions.details === 'object' && extensions.details !== null ? (extensions.details as Record<string, unknown>) : null,
  };
}
