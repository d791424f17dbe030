import { TERMINAL_CONTRACT_NOTICE_STATES } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import { IllustrativeNotice } from '../assurance/illustrative-notice';
import { useViewer } from '../auth/viewer';
import { FilterSelect } from '../ui/filter-select';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, InsetText, TableContainer, TextInput } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { readsAnyCcg, viewerCcgs, viewerLeadCcgs } from './contract-access';
import { money } from './contract-labels';
import { CcgContractsQuery } from './contracts.operations';

/** `/contracts?ccg=02V&year=2017/18`: the contracts a CCG leads or is associate to, by year. */
export function ContractsPage() {
  usePageTitle('Contracts');
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const own = viewerCcgs(viewer);
  const ccg = (params.get('ccg') ?? own[0]?.code ?? '').toUpperCase();
  const year = params.get('year') ?? '';
  const choose = (next: { ccg?: string; year?: string }) => {
    const merged = { ccg, year, ...next };
    const search = new URLSearchParams();
    if (merged.ccg) search.set('ccg', merged.ccg);
    if (merged.year) search.set('year', merged.year);
    setParams(search, { replace: true });
  };

  return (
    <>
      <h1 className="nhsuk-heading-l">Contracts</h1>
      <p className="nhsuk-lede-text">
        A CCG’s contracts with its providers: the indicators each monitors, breaches proposed from the data, contract performance notices, remedial action plans and
        sanctions.
      </p>
      {viewerLeadCcgs(viewer).length > 0 && (
        <p className="nhsuk-body ccg-no-print">
          <Link className="nhsuk-link" to="/contracts/new">
            Add a contract
          </Link>
        </p>
      )}
      <p className="nhsuk-body ccg-no-print">
        <Link className="nhsuk-link" to="/contracts/sanction-schedule">
          National sanction rates
        </Link>
      </p>
      {own.length > 1 && (
        <FilterSelect id="ccg" label="CCG" value={ccg} options={own.map((org) => ({ value: org.code, label: `${organisationName(org.name)} (${org.code})` }))} onChange={(value) => choose({ ccg: value, year: '' })} />
      )}
      {readsAnyCcg(viewer) && <CcgCodeForm current={ccg} onChoose={(code) => choose({ ccg: code, year: '' })} />}
      {ccg ? <CcgContracts ccg={ccg} year={year} onYear={(value) => choose({ year: value })} /> : <InsetText><p>Enter the ODS code of a CCG to see its contracts.</p></InsetText>}
    </>
  );
}

function CcgCodeForm({ current, onChoose }: { current: string; onChoose: (code: string) => void }) {
  const [code, setCode] = useState(current);
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim().toUpperCase();
    if (!/^[A-Z0-9]{3,5}$/.test(trimmed)) {
      setError('Enter the ODS code of a CCG, like 02V');
      document.getElementById('ccg-code')?.focus();
      return;
    }
    setError(undefined);
    onChoose(trimmed);
  };
  return (
    <form onSubmit={submit} noValidate className="ccg-no-print">
      <TextInput id="ccg-code" label="ODS code of the CCG" hint="For example, 02V for NHS Leeds North CCG" width={5} value={code} error={error} onChange={(event) => setCode(event.currentTarget.value)} />
      <Button secondary type="submit">
        Show contracts
      </Button>
    </form>
  );
}

function CcgContracts({ ccg, year, onYear }: { ccg: string; year: string; onYear: (year: string) => void }) {
  const { data, loading, error } = useQuery(CcgContractsQuery, { variables: { ccg } });
  if (loading && !data) return <Loading label="Loading the contracts" />;
  if (error && !data)
    return (
      <ErrorSummary title="The contracts could not be loaded" headingLevel="h2">
        <p>{describeError(error)}</p>
      </ErrorSummary>
    );
  const all = data?.contracts ?? [];
  const years = [...new Set(all.map((contract) => contract.financialYear))].sort().reverse();
  const shown = year ? all.filter((contract) => contract.financialYear === year) : all;
  const illustrative = shown.find((contract) => contract.illustrative);
  const incomeYear = year || years[0];
  return (
    <section aria-labelledby="contracts-heading">
      <h2 id="contracts-heading" className="nhsuk-heading-m">
        Contracts of {ccg}
      </h2>
      {all.length === 0 ? (
        <InsetText>
          <p>{ccg} leads no contract and is associate to none. Its providers are those of its NHS England region until contracts are recorded.</p>
        </InsetText>
      ) : (
        <>
          <FilterSelect id="year" label="Contract year" value={year} options={[{ value: '', label: 'Every year' }, ...years.map((y) => ({ value: y, label: y }))]} onChange={onYear} />
          {illustrative && <IllustrativeNotice note={illustrative.illustrativeNote} what="A contract marked illustrative" />}
          <TableContainer>
            <table className="nhsuk-table nhsuk-table--compact">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s">
                {shown.length === 1 ? 'One contract' : `${shown.length} contracts`}
                {year ? ` in ${year}` : ''}
              </caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">Contract</th>
                  <th scope="col" className="nhsuk-table__header">Year</th>
                  <th scope="col" className="nhsuk-table__header">{ccg} is</th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Annual value</th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Breaches to decide</th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Open notices</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {shown.map((contract) => (
                  <tr key={contract.id} className="nhsuk-table__row">
                    <th scope="row" className="nhsuk-table__header">
                      <Link className="nhsuk-link" to={`/contracts/${contract.id}`}>
                        {organisationName(contract.provider.name)} ({contract.provider.code})
                      </Link>
                      <br />
                      <span className="nhsuk-body-s">{contract.title}</span>
                      {contract.illustrative && (
                        <>
                          {' '}
                          <strong className="nhsuk-tag nhsuk-tag--yellow">Illustrative</strong>
                        </>
                      )}
                    </th>
                    <td className="nhsuk-table__cell">{contract.financialYear}</td>
                    <td className="nhsuk-table__cell">{contract.leadCommissioner.code === ccg ? 'Lead commissioner' : 'Associate'}</td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric ccg-nowrap">{money(contract.contractValue)}</td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{contract.breachProposals.length}</td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                      {contract.notices.filter((notice) => !TERMINAL_CONTRACT_NOTICE_STATES.includes(notice.status)).length}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
          {incomeYear && (
            <p className="nhsuk-body">
              <Link className="nhsuk-link" to={`/contracts/fine-income?${new URLSearchParams({ ccg, year: incomeYear }).toString()}`}>
                How {ccg}’s fine income of {incomeYear} is used
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
