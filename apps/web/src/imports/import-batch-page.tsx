import { isIsoDate } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import type { ImportBatchQuery as ImportBatchQueryResult } from '../gql/graphql';
import { formatCount, formatDate, formatInstant } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, TableContainer } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { formatBytes, formatDuration, kindLabel, OUTCOME_LABELS, PHASE_LABELS } from './import-kinds';
import { BadRows } from './import-outcome';
import { ImportBatchQuery } from './imports.operations';

const CHANGES_PAGE_SIZE = 50;

const ACTION_LABELS: Record<string, string> = {
  UPDATE_INDICATOR_VALUE: 'Value corrected',
  DELETE_INDICATOR_VALUE: 'Value removed',
  CREATE_ORGANISATION: 'Organisation added',
  UPDATE_ORGANISATION: 'Organisation updated',
  ADD_ORGANISATION_RELATIONSHIP: 'Relationship added',
};

/** The words for the names of a change's values, as the importers record them (never a column or field name on screen). */
const VALUE_NAMES: Record<string, string> = {
  numerator: 'numerator',
  denominator: 'denominator',
  name: 'name',
  type: 'kind of organisation',
  kind: 'relationship',
  openDate: 'opened',
  closeDate: 'closed',
  validFrom: 'from',
  validTo: 'to',
  relatedCode: 'related organisation',
  postcode: 'postcode',
  registeredPatients: 'registered patients',
  question: 'question',
  percentagePositive: 'positive (%)',
};

/** Words for the codes among the values: organisation kinds and relationships. */
const VALUE_WORDS: Record<string, string> = {
  CCG: 'CCG',
  NHS_TRUST: 'NHS trust',
  REGION: 'NHS England region',
  AREA_TEAM: 'area team',
  COMMISSIONING_SUPPORT_UNIT: 'commissioning support unit',
  GP_PRACTICE: 'GP practice',
  INDEPENDENT_PROVIDER: 'independent provider',
  NHS_ENGLAND: 'NHS England',
  STP: 'sustainability and transformation partnership',
  OTHER: 'other',
  IN_REGION: 'in the region',
  IN_AREA_TEAM: 'in the area team',
  IN_STP: 'in the STP',
  SITE_OF: 'a site of',
  SUCCEEDED_BY: 'succeeded by',
};

/** A value name in words: the known ones, else its parts ("someThing" or "some_thing" → "some thing"). */
const valueName = (name: string) => VALUE_NAMES[name] ?? name.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function valueWords(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'string' && isIsoDate(value)) return formatDate(value);
  if (typeof value === 'string' && VALUE_WORDS[value]) return VALUE_WORDS[value];
  return String(value);
}

/** A change's values in words: "numerator: 900, denominator: 1000", "kind of organisation: NHS trust, opened: 1 April 2016". */
export function describeValues(values: unknown): string {
  if (values === null || values === undefined) return '';
  if (typeof values !== 'object') return valueWords(values);
  return Object.entries(values as Record<string, unknown>)
    .filter(([name]) => name !== 'source')
    .map(([name, value]) => `${valueName(name)}: ${valueWords(value)}`)
    .join(', ');
}

type Batch = NonNullable<ImportBatchQueryResult['importBatch']>;

/** `/imports/:id`: one import (who, when, file, rows, outcome, duration), its bad rows, and the values it changed, page by page. */
export function ImportBatchPage() {
  const { id = '' } = useParams();
  usePageTitle(`Import ${id}`);
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, loading, error, fetchMore } = useQuery(ImportBatchQuery, { variables: { id, first: CHANGES_PAGE_SIZE } });
  const batch = data?.importBatch;

  async function showMore(current: Batch) {
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: current.changes.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          if (!previous.importBatch || !fetchMoreResult.importBatch) return previous;
          return {
            importBatch: {
              ...previous.importBatch,
              changes: { ...fetchMoreResult.importBatch.changes, nodes: [...previous.importBatch.changes.nodes, ...fetchMoreResult.importBatch.changes.nodes] },
            },
          };
        },
      });
    } finally {
      setLoadingMore(false);
    }
  }

  if (loading && !data) return <Loading label="Loading the import" />;
  if (error && !data) {
    return (
      <ErrorSummary title="The import could not be loaded" headingLevel="h2">
        <p>{describeError(error)}</p>
      </ErrorSummary>
    );
  }
  if (!batch) {
    return (
      <>
        <h1 className="nhsuk-heading-l">Import not found</h1>
        <p className="nhsuk-body">
          There is no import {id}. <Link to="/imports/history">See the import history</Link>.
        </p>
      </>
    );
  }
  const changes = batch.changes;
  return (
    <div className="ccg-report">
      <p className="nhsuk-body ccg-no-print">
        <Link to="/imports/history">Import history</Link>
      </p>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">{kindLabel(batch.kind)}</span>
        {batch.fileName}
      </h1>
      <dl className="nhsuk-summary-list">
        <SummaryRow name="Outcome" value={`${OUTCOME_LABELS[batch.outcome]}${batch.phase ? ` (${PHASE_LABELS[batch.phase]})` : ''}`} />
        <SummaryRow name="Imported by" value={batch.actorUsername ?? 'the system'} />
        <SummaryRow name="Started" value={formatInstant(batch.startedAt, 'seconds')} />
        <SummaryRow name="Duration" value={batch.durationSeconds === null || batch.durationSeconds === undefined ? 'Still running' : formatDuration(batch.durationSeconds)} />
        <SummaryRow name="Rows read" value={`${formatCount(batch.rowsRead)} (${formatBytes(batch.bytesRead)})`} />
        {batch.outcome === 'REJECTED' ? (
          <SummaryRow name="Bad rows" value={`${formatCount(batch.rowsRejected)}: nothing from the file was saved`} />
        ) : (
          <SummaryRow name="Changes" value={`${formatCount(batch.inserted)} added, ${formatCount(batch.updated)} changed, ${formatCount(batch.deleted)} removed`} />
        )}
        <SummaryRow name="SHA-256 of the file" value={<code>{batch.fileSha256}</code>} />
      </dl>

      {batch.outcome === 'REJECTED' && (
        <section aria-labelledby="bad-rows-heading">
          <h2 id="bad-rows-heading" className="nhsuk-heading-m">
            Bad rows
          </h2>
          <BadRows batch={batch} />
        </section>
      )}

      {batch.outcome !== 'REJECTED' && (
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading" className="nhsuk-heading-m">
            Values it changed
          </h2>
          {changes.totalCount === 0 ? (
            <p className="nhsuk-body">No value held before was corrected or removed by this import{batch.inserted ? ' (values it added have no earlier value to show)' : ''}.</p>
          ) : (
            <>
              <p className="nhsuk-body" role="status">
                Showing {formatCount(changes.nodes.length)} of {formatCount(changes.totalCount)} changes, from the audit trail.
              </p>
              <TableContainer>
                <table className="nhsuk-table nhsuk-table--compact">
                  <caption className="nhsuk-u-visually-hidden">Values the import changed</caption>
                  <thead className="nhsuk-table__head">
                    <tr className="nhsuk-table__row">
                      <th scope="col" className="nhsuk-table__header">Change</th>
                      <th scope="col" className="nhsuk-table__header">What</th>
                      <th scope="col" className="nhsuk-table__header">Before</th>
                      <th scope="col" className="nhsuk-table__header">After</th>
                    </tr>
                  </thead>
                  <tbody className="nhsuk-table__body">
                    {changes.nodes.map((change) => (
                      <tr key={change.id} className="nhsuk-table__row">
                        <td className="nhsuk-table__cell">{ACTION_LABELS[change.action] ?? change.action}</td>
                        <td className="nhsuk-table__cell">
                          {change.entityType === 'indicator_value' ? 'Indicator value ' : `${change.entityType.replace(/_/g, ' ')} `}
                          {change.entityId}
                        </td>
                        <td className="nhsuk-table__cell">{describeValues(change.before)}</td>
                        <td className="nhsuk-table__cell">{describeValues(change.after) || (change.action.startsWith('DELETE') ? 'removed' : '')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableContainer>
              {changes.pageInfo.hasNextPage && (
                <Button type="button" secondary className="ccg-no-print" disabled={loadingMore} onClick={() => void showMore(batch)}>
                  {loadingMore ? 'Loading more changes' : 'Show more changes'}
                </Button>
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}

function SummaryRow({ name, value }: { name: string; value: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{name}</dt>
      <dd className="nhsuk-summary-list__value">{value}</dd>
    </div>
  );
}
