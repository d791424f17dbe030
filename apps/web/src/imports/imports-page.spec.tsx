import { MockedProvider } from '@apollo/client/testing/react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import type { ViewerQuery } from '../gql/graphql';
import { renderApp, viewerMock } from '../testing/render-app';
import { ImportsPage } from './imports-page';
import { ImportProgressQuery } from './imports.operations';
import type { StartUpload, UploadedBatch, UploadRequest, UploadResult } from './upload-file';

jest.setTimeout(20_000);

const analyst: NonNullable<ViewerQuery['me']> = {
  id: '5',
  username: 'demo-analyst',
  displayName: 'Demo Analyst',
  mustChangePassword: false,
  roles: [{ role: 'ANALYST', organisation: { code: 'X24', name: 'NHS ENGLAND' } }],
};
const financeOfficer: NonNullable<ViewerQuery['me']> = {
  id: '6',
  username: 'demo-finance-officer',
  displayName: 'Demo Finance Officer',
  mustChangePassword: false,
  roles: [{ role: 'FINANCE_OFFICER', organisation: { code: '02V', name: 'NHS LEEDS NORTH CCG' } }],
};

const UPLOAD_ID = '6f9619ff-8b86-4d01-b42d-00cf4fc964ff';

/** A stand-in for the XHR upload: the test says how far it has got and how it ends. */
function fakeUpload() {
  const calls: UploadRequest[] = [];
  let finish: (result: UploadResult) => void = () => undefined;
  let aborted = false;
  const start: StartUpload = (request) => {
    calls.push(request);
    return {
      result: new Promise<UploadResult>((resolve) => (finish = resolve)),
      abort: () => {
        aborted = true;
        finish({ type: 'aborted' });
      },
    };
  };
  return { start, calls, finish: (result: UploadResult) => act(async () => finish(result)), wasAborted: () => aborted };
}

const batch = (extra: Partial<UploadedBatch>): UploadedBatch => ({
  id: '42',
  kind: 'AE',
  fileName: 'ae.csv',
  outcome: 'SUCCEEDED',
  phase: null,
  startedAt: '2026-12-06T08:00:00Z',
  finishedAt: '2026-12-06T08:00:02Z',
  durationSeconds: 2,
  rowsRead: 3,
  bytesRead: 1024,
  rowsRejected: 0,
  inserted: 0,
  updated: 0,
  deleted: 0,
  actorUsername: 'demo-analyst',
  errors: [],
  ...extra,
});

const progressMock = {
  request: { query: ImportProgressQuery, variables: { uploadId: UPLOAD_ID } },
  result: { data: { importProgress: { __typename: 'ImportBatch', id: '42', outcome: 'RUNNING', phase: 'READING', rowsRead: 1200, bytesRead: 512 } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function renderPage(start: StartUpload) {
  return render(
    <MockedProvider mocks={[progressMock]}>
      <MemoryRouter>
        <ImportsPage startUpload={start} newUploadId={() => UPLOAD_ID} />
      </MemoryRouter>
    </MockedProvider>,
  );
}

const csv = (name = 'ae.csv', size = 1024) => new File(['x'.repeat(size)], name, { type: 'text/csv' });

async function chooseAndUpload(file = csv()) {
  await userEvent.click(screen.getByRole('radio', { name: 'A&E attendances (monthly return)' }));
  await userEvent.upload(screen.getByLabelText('CSV file'), file);
  await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
}

describe('who may import', () => {
  it('tells a finance officer they do not have access, and shows no Imports link', async () => {
    renderApp('/imports', [viewerMock(financeOfficer)]);
    expect(await screen.findByRole('heading', { name: 'You do not have access to imports' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Imports' })).not.toBeInTheDocument();
  });

  it('shows an analyst the page, each kind with its description, and Imports in the navigation', async () => {
    renderApp('/imports', [viewerMock(analyst)]);
    expect(await screen.findByRole('heading', { name: 'Imports', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Imports' })).toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(6);
    expect(screen.getByRole('radio', { name: 'A&E attendances (monthly return)' })).toHaveAccessibleDescription(/period, org_code, type, attendances/);
    expect(screen.getByRole('radio', { name: 'Values of any defined indicator' })).toHaveAccessibleDescription(/indicator_code, org_code, period .*numerator, denominator.*An administrator defines the indicator first/);
  });
});

describe('the imports page', () => {
  it('asks for the kind and the file before uploading, in an error summary', async () => {
    const upload = fakeUpload();
    renderPage(upload.start);
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose the kind of file' })).toHaveAttribute('href', '#kind-1');
    expect(within(summary).getByRole('link', { name: 'Choose a CSV file to upload' })).toHaveAttribute('href', '#file');
    expect(upload.calls).toHaveLength(0);
  });

  it('takes a file dropped on the drop zone and shows its size; the file input stays usable', async () => {
    renderPage(fakeUpload().start);
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [csv('dropped.csv', 1536)] } });
    expect(screen.getByText(/Chosen:/)).toHaveTextContent('Chosen: dropped.csv (1.5 KB)');
    expect(screen.getByLabelText('CSV file')).toHaveAttribute('type', 'file');
  });

  it('shows the bytes sent on a progress bar, then the rows read and phase from the server, then the outcome', async () => {
    const upload = fakeUpload();
    renderPage(upload.start);
    await chooseAndUpload();
    expect(upload.calls[0]).toMatchObject({ kindPath: 'ae', uploadId: UPLOAD_ID });
    act(() => upload.calls[0].onProgress(512, 1024));
    const bar = screen.getByLabelText('Sent 512 bytes of 1 KB (50%)');
    expect(bar).toHaveAttribute('value', '512');
    expect(bar).toHaveAttribute('max', '1024');
    // the visible line and the polite announcement say the same, whichever renders first
    await waitFor(() => expect(screen.getByTestId('server-progress')).toHaveTextContent('Reading rows: 1,200 rows read.'));
    await waitFor(() => expect(screen.getByTestId('import-announcement')).toHaveTextContent('Reading rows: 1,200 rows read.'));
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();

    await upload.finish({ type: 'batch', batch: batch({ outcome: 'UNCHANGED' }) });
    expect(screen.getByRole('heading', { name: 'Unchanged' })).toBeInTheDocument();
    expect(screen.getByText(/matched the data already held: nothing changed/)).toBeInTheDocument();
    expect(screen.getByLabelText('Sent 1 KB of 1 KB (100%)')).toHaveAttribute('value', '1024');
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
  });

  it('shows a saved file with its counts', async () => {
    const upload = fakeUpload();
    renderPage(upload.start);
    await chooseAndUpload();
    await upload.finish({ type: 'batch', batch: batch({ outcome: 'SUCCEEDED', inserted: 4, updated: 2, deleted: 1 }) });
    expect(screen.getByRole('heading', { name: 'Saved' }).parentElement).toHaveTextContent('3 rows read; 4 added, 2 changed, 1 removed.');
  });

  it('lists every bad row of a refused file by line, says nothing was saved, and offers them as CSV', async () => {
    const upload = fakeUpload();
    renderPage(upload.start);
    await chooseAndUpload();
    const errors = [
      { line: 3, reason: 'attendances "lots" is not a whole number' },
      { line: 5, reason: 'period "2016-13-01" is not a date (YYYY-MM-DD)' },
    ];
    await upload.finish({ type: 'batch', batch: batch({ outcome: 'REJECTED', rowsRejected: 2, errors }) });
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('The file was refused');
    expect(summary).toHaveTextContent('nothing from the file was saved');
    expect(summary).toHaveFocus();
    const rows = within(screen.getByRole('table', { name: 'Bad rows of ae.csv' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['3attendances "lots" is not a whole number', '5period "2016-13-01" is not a date (YYYY-MM-DD)']);
    expect(screen.getByRole('button', { name: 'Download CSV of the bad rows' })).toBeEnabled();
  });

  it('says when the table holds only the first thousand bad rows', async () => {
    const upload = fakeUpload();
    renderPage(upload.start);
    await chooseAndUpload();
    const errors = Array.from({ length: 1000 }, (_, i) => ({ line: i + 2, reason: 'type "9" is not 1, 2 or other' }));
    await upload.finish({ type: 'batch', batch: batch({ outcome: 'REJECTED', rowsRejected: 1500, errors }) });
    expect(screen.getByText(/The table shows the first 1,000 of 1,500 bad rows/)).toBeInTheDocument();
  });

  it('says why the endpoint refused the upload itself, by reason', async () => {
    const upload = fakeUpload();
    renderPage(upload.start);
    await chooseAndUpload();
    await upload.finish({ type: 'refused', status: 401, code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED', details: null });
    expect(screen.getByRole('alert')).toHaveTextContent('Your session has ended. Sign in again, then upload the file again.');
  });

  it('cancels an upload under way', async () => {
    const upload = fakeUpload();
    renderPage(upload.start);
    await chooseAndUpload();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(upload.wasAborted()).toBe(true);
    expect(await screen.findByText('Upload cancelled: nothing from the file was saved.', { selector: 'p' })).toBeInTheDocument();
  });
});
