import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ViewerQuery } from '../gql/graphql';
import { renderApp, viewerMock } from '../testing/render-app';
import { ImportBatchPageQuery, ImportBatchQuery } from './imports.operations';

jest.setTimeout(20_000);

const admin: NonNullable<ViewerQuery['me']> = {
  id: '1',
  username: 'demo-admin',
  displayName: 'Demo Admin',
  mustChangePassword: false,
  roles: [{ role: 'ADMIN', organisation: { code: 'X24', name: 'NHS ENGLAND' } }],
};

const fields = {
  __typename: 'ImportBatch',
  kind: 'AE',
  phase: null,
  startedAt: '2026-07-01T09:00:00Z',
  finishedAt: '2026-07-01T09:01:15Z',
  durationSeconds: 75,
  bytesRead: 2048,
  rowsRejected: 0,
  inserted: 0,
  updated: 2,
  deleted: 1,
  actorUsername: 'demo-analyst',
};
const corrected = { ...fields, id: '7', fileName: 'ae-corrected.csv', outcome: 'SUCCEEDED', rowsRead: 12765 };
const refused = { ...fields, id: '6', fileName: 'ae-bad.csv', outcome: 'REJECTED', rowsRead: 4, rowsRejected: 2, updated: 0, deleted: 0, durationSeconds: 0.4 };

const page = (nodes: object[], hasNextPage: boolean, endCursor: string | null, totalCount: number) => ({
  data: { importBatchPage: { __typename: 'ImportBatchConnection', totalCount, pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor }, nodes } },
});

describe('the import history', () => {
  it('lists who imported what, when, rows, outcome and duration, page by page', async () => {
    renderApp('/imports/history', [
      viewerMock(admin),
      { request: { query: ImportBatchPageQuery, variables: { first: 50, kind: null, outcome: null } }, result: page([corrected], true, 'Nw', 2) },
      { request: { query: ImportBatchPageQuery, variables: { first: 50, kind: null, outcome: null, after: 'Nw' } }, result: page([refused], false, 'Ng', 2) },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(/Loading|Checking/);
    const table = await screen.findByRole('table', { name: 'Imports, newest first' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('1 July 2026 at 10:00demo-analystA&E attendances (monthly return)ae-corrected.csv12,765Saved (0 added, 2 changed, 1 removed)1 min 15 s');
    expect(within(table).getByRole('link', { name: '1 July 2026 at 10:00' })).toHaveAttribute('href', '/imports/7');
    await userEvent.click(screen.getByRole('button', { name: 'Show more imports' }));
    expect(await within(table).findByText('ae-bad.csv')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('Refused (2 bad rows)0.4 s');
    expect(screen.queryByRole('button', { name: 'Show more imports' })).not.toBeInTheDocument();
  });

  it('says when no import matches the filters', async () => {
    renderApp('/imports/history?kind=ETR&outcome=REJECTED', [
      viewerMock(admin),
      { request: { query: ImportBatchPageQuery, variables: { first: 50, kind: 'ETR', outcome: 'REJECTED' } }, result: page([], false, null, 0) },
    ]);
    expect(await screen.findByText('No imports match these filters.')).toBeInTheDocument();
    expect(screen.getByLabelText('Kind of file')).toHaveValue('ETR');
  });
});

describe('one import', () => {
  it('shows the import and the values it changed, before and after', async () => {
    renderApp('/imports/7', [
      viewerMock(admin),
      {
        request: { query: ImportBatchQuery, variables: { id: '7', first: 50 } },
        result: {
          data: {
            importBatch: {
              ...corrected,
              fileSha256: 'a'.repeat(64),
              errors: [],
              changes: {
                __typename: 'ImportChangeConnection',
                totalCount: 1,
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'MQ' },
                nodes: [
                  {
                    __typename: 'ImportChange',
                    id: '1',
                    action: 'UPDATE_INDICATOR_VALUE',
                    entityType: 'indicator_value',
                    entityId: 'AE_4HR_ALL/RR8/12',
                    before: { numerator: 900, denominator: 1000 },
                    after: { numerator: 910, denominator: 1000 },
                  },
                ],
              },
            },
          },
        },
      },
    ]);
    expect(await screen.findByRole('heading', { name: /ae-corrected\.csv/, level: 1 })).toBeInTheDocument();
    const row = within(screen.getByRole('table', { name: 'Values the import changed' })).getAllByRole('row')[1];
    expect(row).toHaveTextContent('Value correctedIndicator value AE_4HR_ALL/RR8/12numerator: 900, denominator: 1000numerator: 910, denominator: 1000');
  });
});
