import { tryParseFinancialYear } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import { useViewer } from '../auth/viewer';
import { Loading } from '../ui/loading';
import { ErrorSummary, InsetText } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { viewerCcgs } from './contract-access';
import { incomeUseLabel, money } from './contract-labels';
import { FineIncomeReportQuery } from './contracts.operations';
import { LedgerTotals } from './sanctions-ledger';

/** `/contracts/fine-income?ccg=02V&year=2017/18`: how a CCG's fine income of a year is used (seed 001), per contract. */
export function FineIncomePage() {
  const { viewer } = useViewer();
  const [params] = useSearchParams();
  const ccg = (params.get('ccg') ?? viewerCcgs(viewer)[0]?.code ?? '').toUpperCase();
  const year = tryParseFinancialYear(params.get('year') ?? '');
  usePageTitle(`Fine income${ccg ? `, ${ccg}` : ''}${year ? ` ${year.label}` : ''}`);
  const { data, loading, error } = useQuery(FineIncomeReportQuery, { variables: { ccg, financialYear: year?.label ?? '' }, skip: !ccg || !year });
  const report = data?.fineIncomeReport;
  return (
    <article className="ccg-report">
      <div className="nhsuk-back-link ccg-no-print">
        <Link className="nhsuk-back-link__link" to={`/contracts${ccg ? `?ccg=${encodeURIComponent(ccg)}` : ''}`}>
          Contracts
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">
          {ccg} · {year?.label ?? 'no year chosen'}
        </span>
        Fine income and how it is used
      </h1>
      <p className="nhsuk-body">
        Seed 001: “be explicit about what we will fine for and ... how we will use any income gained”. Each applied sum is either reinvested in fixing the problem or offset
        against an in-year pressure.
      </p>
      {(!ccg || !year) && (
        <InsetText>
          <p>Choose a CCG and a contract year from the contracts page.</p>
        </InsetText>
      )}
      {loading && !report && <Loading label="Loading the report" />}
      {error && !report && (
        <ErrorSummary title="The report could not be loaded" headingLevel="h2">
          <p>{describeError(error)}</p>
        </ErrorSummary>
      )}
      {report && (
        <>
          <LedgerTotals totals={report.totals} caption={`All contracts of ${report.ccg}, ${report.financialYear}`} />
          {report.contracts.length === 0 ? (
            <p className="nhsuk-body">No contract of {report.ccg} has a sanction or withholding in {report.financialYear}.</p>
          ) : (
            <table className="nhsuk-table nhsuk-table--compact">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s">By contract</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">Contract</th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Applied</th>
                  {report.totals.byUse.map((line) => (
                    <th key={line.use} scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                      {incomeUseLabel(line.use)}
                    </th>
                  ))}
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Use not recorded</th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Withheld</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {report.contracts.map((line) => (
                  <tr key={line.contractId} className="nhsuk-table__row">
                    <th scope="row" className="nhsuk-table__header">
                      <Link className="nhsuk-link" to={`/contracts/${line.contractId}`}>
                        {line.title}
                      </Link>{' '}
                      ({line.providerCode}, {line.role === 'LEAD' ? 'lead' : 'associate'})
                      {line.illustrative && (
                        <>
                          {' '}
                          <strong className="nhsuk-tag nhsuk-tag--yellow">Illustrative</strong>
                        </>
                      )}
                    </th>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{money(line.totals.applied)}</td>
                    {report.totals.byUse.map((use) => (
                      <td key={use.use} className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">
                        {money(line.totals.byUse.find((l) => l.use === use.use)?.amount ?? '0.00')}
                      </td>
                    ))}
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{money(line.totals.unallocated)}</td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{money(line.totals.withheld)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </article>
  );
}
