import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate, formatInstant } from '../ui/format';
import { InsetText, WarningCallout } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { ReportStatusTag } from './report-labels';
import { ReportSections } from './report-sections';
import { SignOffRecord } from './report-sign-off';
import type { Report } from './report-types';

/** Where a version of a report is read: the staff page by id, or the public page by CCG, month and version. */
export type VersionPath = (version: Report['versions'][number]) => string;

const changedWords = (count: number) => (count === 1 ? '1 value has changed since this report was signed' : `${count} values have changed since this report was signed`);

/**
 * A report as it reads, on screen and printed: its heading, standing, the sections with their content and
 * commentary, the sign-off record, history and versions. `actions` is the sign-off panel (staff only);
 * `editable` opens the draft's forms.
 */
export function ReportView({
  report,
  editable,
  actions,
  versionPath,
  onChanged,
}: {
  report: Report;
  editable: boolean;
  actions?: ReactNode;
  versionPath: VersionPath;
  onChanged: () => Promise<unknown>;
}) {
  const ccgName = organisationName(report.ccg.name);
  const supersededBy = report.supersededBy;
  return (
    <article className="ccg-report">
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">
          Monthly performance report · {ccgName} ({report.ccg.code})
        </span>
        {report.monthLabel} performance report
      </h1>
      <p className="nhsuk-body">
        Version {report.version} <ReportStatusTag status={report.status} label={report.statusLabel} />
      </p>
      {report.status === 'SUPERSEDED' && (
        <WarningCallout heading="This version has been superseded" headingLevel="h2">
          <p>
            A correction replaced it.
            {supersededBy && (
              <>
                {' '}
                <Link className="nhsuk-link" to={versionPath(supersededBy)}>
                  Read version {supersededBy.version} ({supersededBy.statusLabel.toLowerCase()})
                </Link>
              </>
            )}
          </p>
        </WarningCallout>
      )}
      {report.status !== 'SUPERSEDED' && supersededBy && (
        <InsetText>
          <p>
            Version {supersededBy.version}, a correction of this one, is {supersededBy.statusLabel.toLowerCase()}.{' '}
            <Link className="nhsuk-link" to={versionPath(supersededBy)}>
              Read version {supersededBy.version}
            </Link>
          </p>
        </InsetText>
      )}
      {report.correctionReason && (
        <InsetText>
          <p>
            <strong>Correction of version {report.supersedes?.version ?? report.version - 1}:</strong> <span className="ccg-pre-line">{report.correctionReason}</span>
          </p>
        </InsetText>
      )}
      {report.frozen && report.changedValuesSinceFrozen !== null && report.changedValuesSinceFrozen !== undefined && (
        <InsetText>
          <p>
            {report.changedValuesSinceFrozen > 0 ? (
              <strong>{changedWords(report.changedValuesSinceFrozen)}.</strong>
            ) : (
              'No value has changed since this report was signed.'
            )}{' '}
            The report shows the {report.frozenValueCount ?? ''} values as they stood when the CCG signed it.
          </p>
        </InsetText>
      )}
      <dl className="nhsuk-summary-list">
        <Row label="Prepared">
          {formatInstant(report.preparedAt)}
          {report.preparedBy ? ` by ${report.preparedBy}` : ''}
        </Row>
        <Row label="Data as at">{report.frozen ? `${formatInstant(report.builtAt)}, when the CCG signed it (frozen)` : `${formatInstant(report.builtAt)} (live: the draft follows the data until the CCG signs it)`}</Row>
        <Row label="Providers">{report.providersBasis === 'CONTRACTS' ? 'The providers the CCG holds contracts with for the year' : 'The NHS trusts in the CCG’s region (the CCG has no contracts for the year)'}</Row>
        <Row label="Higher board">
          {report.higherBoard.organisationName ? `${organisationName(report.higherBoard.organisationName)} (${report.higherBoard.kindLabel}). ` : `${report.higherBoard.kindLabel}. `}
          {report.higherBoard.explanation}
        </Row>
        <Row label="PDF">
          <a className="nhsuk-link" href={report.pdfUrl} download>
            Download the {report.monthLabel} report, version {report.version}, as a PDF
          </a>
        </Row>
      </dl>
      {actions}
      <ReportSections report={report} editable={editable} onChanged={onChanged} />
      <SignOffRecord report={report} />
      <History report={report} />
      <Versions report={report} versionPath={versionPath} />
    </article>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** Who did what and when, oldest first. */
function History({ report }: { report: Report }) {
  return (
    <section aria-labelledby="history-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="history-heading" className="nhsuk-heading-m">
        History of version {report.version}
      </h2>
      {report.history.length === 0 ? (
        <p className="nhsuk-body">Nothing has been recorded.</p>
      ) : (
        <ol className="nhsuk-list ccg-timeline">
          {report.history.map((event, index) => (
            <li key={`${event.at}-${index}`} className="nhsuk-u-margin-bottom-3">
              <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">{event.actionLabel}</h3>
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                {formatInstant(event.at)} by {event.actor}
              </p>
              {event.meeting && (
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                  At {event.meeting}
                  {event.signedOn ? `, signed on ${formatDate(event.signedOn)}` : ''}
                </p>
              )}
              {event.reason && <p className="nhsuk-body-s nhsuk-u-margin-bottom-1 ccg-pre-line">Why: {event.reason}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Every version the viewer may read, each linked; the one shown is marked. */
function Versions({ report, versionPath }: { report: Report; versionPath: VersionPath }) {
  if (report.versions.length <= 1) return null;
  return (
    <section aria-labelledby="versions-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="versions-heading" className="nhsuk-heading-m">
        Versions
      </h2>
      <ul className="nhsuk-list">
        {report.versions.map((version) => (
          <li key={version.id}>
            {version.id === report.id ? (
              <strong aria-current="page">Version {version.version} (this version)</strong>
            ) : (
              <Link className="nhsuk-link" to={versionPath(version)}>
                Version {version.version}
              </Link>
            )}
            : {version.statusLabel}
            {version.publishedAt ? `, published ${formatInstant(version.publishedAt)}` : ''}
            {version.correctionReason ? `. Correction: ${version.correctionReason}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
