import { listFinancialRuleSets, Money } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { describeError } from '../app/graphql-errors';
import { useViewer } from '../auth/viewer';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/page-title';
import { FinancialPlansQuery } from './financial-plans.operations';
import { StatusTag } from './status-tag';
import { planPath } from './stored-plan';
import { organisationName } from '../ui/organisation-name';
import { TableContainer } from '../ui/nhs';

/**
 * `/finance`: leads a finance officer to their own CCG's plans, an NHS England assessor (or administrator)
 * to the England and region view, and anyone to the what-if check.
 */
export function FinancePage() {
  usePageTitle('Finance');
  const { viewer } = useViewer();
  const roles = viewer?.roles ?? [];
  const ownCcgs = [...new Map(roles.filter((assignment) => assignment.role === 'FINANCE_OFFICER').map((assignment) => [assignment.organisation.code, assignment.organisation])).values()];
  const seesEngland = roles.some((assignment) => assignment.role === 'ASSESSOR' || assignment.role === 'ADMIN');

  return (
    <>
      <h1 className="nhsuk-heading-l">Finance</h1>
      <p className="nhsuk-lede-text">CCG financial plans checked against each year's planning rules: the surplus, contingency and non-recurrent fund, and the QIPP saving they imply.</p>
      {ownCcgs.map((ccg) => (
        <OwnPlans key={ccg.code} code={ccg.code} name={ccg.name} />
      ))}
      {seesEngland && (
        <section aria-labelledby="england-heading" className="nhsuk-u-margin-bottom-6">
          <h2 id="england-heading" className="nhsuk-heading-m">
            England and regions
          </h2>
          <p className="nhsuk-body">Every CCG's plan: where it stands and whether it meets the rules.</p>
          <ul className="nhsuk-list">
            <li>
              <Link to="/finance/plans">All financial plans</Link>
            </li>
            <li>
              <Link to="/finance/plans?status=SUBMITTED">Plans waiting for a decision</Link>
            </li>
            <li>
              <Link to="/finance/plans?compliant=no">Plans that do not meet every rule</Link>
            </li>
            <li>
              <Link to="/finance/plans?warning=yes">Plans with a financial warning</Link>
            </li>
          </ul>
        </section>
      )}
      {ownCcgs.length === 0 && !seesEngland && (
        <div className="nhsuk-inset-text">
          <p>Financial plans are for CCG finance officers and NHS England assessors. You can still check a plan against the rules.</p>
        </div>
      )}
      <section aria-labelledby="check-heading" className="nhsuk-u-margin-bottom-6">
        <h2 id="check-heading" className="nhsuk-heading-m">
          Check a plan against the rules
        </h2>
        <p className="nhsuk-body">
          <Link to="/finance/check">Check a financial plan</Link>: a what-if for any figures, with nothing saved.
        </p>
      </section>
    </>
  );
}

/** A finance officer's own CCG: a row for each year with rules, its plan's status, or a way to start one. */
function OwnPlans({ code, name }: { code: string; name: string }) {
  const { data, loading, error } = useQuery(FinancialPlansQuery, { variables: { filter: { search: code }, first: 50 }, fetchPolicy: 'cache-and-network' });
  const plans = (data?.financialPlans.edges ?? []).map((edge) => edge.node).filter((plan) => plan.ccg.code === code);
  const years = [...listFinancialRuleSets()].reverse();
  const headingId = `own-plans-${code}`;
  return (
    <section aria-labelledby={headingId} className="nhsuk-u-margin-bottom-6">
      <h2 id={headingId} className="nhsuk-heading-m">
        {organisationName(name)} ({code}) financial plans
      </h2>
      {loading && !data && <Loading label="Loading your plans" />}
      {error && <p className="nhsuk-error-message">Your plans could not be loaded. {describeError(error)}</p>}
      {data && (
        <TableContainer>
          <table className="nhsuk-table">
            <caption className="nhsuk-u-visually-hidden">
              {organisationName(name)} financial plans by year
            </caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Year</th>
                <th scope="col" className="nhsuk-table__header">Status</th>
                <th scope="col" className="nhsuk-table__header">Compliance</th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">QIPP requirement</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {years.map((set) => {
                const plan = plans.find((candidate) => candidate.financialYear === set.financialYear);
                return (
                  <tr key={set.financialYear} className="nhsuk-table__row">
                    <th scope="row" className="nhsuk-table__header">
                      <Link to={planPath(code, set.financialYear)}>
                        {plan ? `${set.financialYear} plan` : `Start the ${set.financialYear} plan`}
                      </Link>
                      {plan?.illustrative && (
                        <>
                          {' '}
                          <strong className="nhsuk-tag nhsuk-tag--yellow">Illustrative</strong>
                        </>
                      )}
                    </th>
                    <td className="nhsuk-table__cell">{plan ? <StatusTag status={plan.status} /> : 'Not started'}</td>
                    <td className="nhsuk-table__cell">{plan ? plan.compliant ? 'Meets every rule' : `Does not meet ${plan.latestVersion.compliance.rules.filter((rule) => !rule.met).length} of ${plan.latestVersion.compliance.rules.length} rules` : ''}</td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{plan ? Money.parse(plan.latestVersion.compliance.qippRequirement).toDisplayString() : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableContainer>
      )}
    </section>
  );
}
