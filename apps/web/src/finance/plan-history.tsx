import { Money } from '@ccg-assure/domain';
import { fieldLabel } from './plan-fields';
import { RULE_LABELS, shortfallVerb } from './plan-labels';
import { StatusTag } from './status-tag';
import type { StoredVersion } from './financial-plan.fragment';
import { formatInstant } from '../ui/format';
import { versionChanges } from './version-changes';
import { TableContainer } from '../ui/nhs';

const who = (actor: StoredVersion['createdBy']) => (actor ? actor.displayName : 'the system (illustrative data)');

function complianceWords(compliance: StoredVersion['compliance']): string {
  if (compliance.compliant) return `Met all ${compliance.rules.length} of the ${compliance.financialYear} rules`;
  const failing = compliance.rules.filter((rule) => !rule.met);
  return `Did not meet ${failing
    .map((rule) => `${RULE_LABELS[rule.rule]} (${shortfallVerb(rule.rule)} ${Money.parse(rule.shortfall).toDisplayString()})`)
    .join(', ')}`;
}

/** Every version of the plan, newest first: who did what and when, why it was returned, and what changed from the version before. */
export function PlanHistory({ versions }: { versions: readonly StoredVersion[] }) {
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  return (
    <section aria-labelledby="history-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="history-heading" className="nhsuk-heading-m">
        Version history
      </h2>
      {newestFirst.length === 0 && <p className="nhsuk-body">No version has been saved yet.</p>}
      <ol className="nhsuk-list ccg-version-list">
        {newestFirst.map((version) => {
          const previous = versions.find((other) => other.number === version.number - 1);
          const changes = previous ? versionChanges(previous, version) : null;
          const events: [string, string][] = [
            ['Started', `${formatInstant(version.createdAt)} by ${who(version.createdBy)}`],
            ...(version.updatedAt !== version.createdAt ? [['Figures last changed', `${formatInstant(version.updatedAt)} by ${who(version.updatedBy)}`] as [string, string]] : []),
            ...(version.submittedAt ? [['Submitted', `${formatInstant(version.submittedAt)} by ${who(version.submittedBy)}`] as [string, string]] : []),
            ...(version.decidedAt ? [[version.status === 'RETURNED' ? 'Returned' : 'Approved', `${formatInstant(version.decidedAt)} by ${who(version.decidedBy)}`] as [string, string]] : []),
            ...(version.returnReason ? [['Reason for return', version.returnReason] as [string, string]] : []),
            ['Compliance', complianceWords(version.compliance)],
            ['QIPP requirement', `${Money.parse(version.compliance.qippRequirement).toDisplayString()} (${version.compliance.qippPercentOfAllocation}% of allocation)`],
          ];
          return (
            <li key={version.number} className="ccg-version" aria-labelledby={`version-${version.number}-heading`}>
              <h3 id={`version-${version.number}-heading`} className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
                Version {version.number} <StatusTag status={version.status} />
              </h3>
              <dl className="nhsuk-summary-list nhsuk-u-margin-bottom-3">
                {events.map(([key, value]) => (
                  <div key={key} className="nhsuk-summary-list__row">
                    <dt className="nhsuk-summary-list__key">{key}</dt>
                    <dd className="nhsuk-summary-list__value">{value}</dd>
                  </div>
                ))}
              </dl>
              {changes && (
                <>
                  <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">What changed from version {previous?.number}</h4>
                  {changes.figures.length === 0 ? (
                    <p className="nhsuk-body-s">No figures changed.</p>
                  ) : (
                    <TableContainer>
                      <table className="nhsuk-table nhsuk-table--compact">
                        <caption className="nhsuk-u-visually-hidden">
                          Figures changed from version {previous?.number} to version {version.number}
                        </caption>
                        <thead className="nhsuk-table__head">
                          <tr className="nhsuk-table__row">
                            <th scope="col" className="nhsuk-table__header">Figure</th>
                            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Version {previous?.number}</th>
                            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Version {version.number}</th>
                            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Change</th>
                          </tr>
                        </thead>
                        <tbody className="nhsuk-table__body">
                          {changes.figures.map((change) => (
                            <tr key={change.field} className="nhsuk-table__row">
                              <th scope="row" className="nhsuk-table__header">{fieldLabel(change.field)}</th>
                              <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{change.from}</td>
                              <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{change.to}</td>
                              <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{change.change}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </TableContainer>
                  )}
                  {changes.outcomes.length > 0 && (
                    <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
                      {changes.outcomes.map((outcome) => (
                        <li key={outcome}>{outcome}</li>
                      ))}
                    </ul>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
