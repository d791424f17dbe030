import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import { IllustrativeNotice } from '../assurance/illustrative-notice';
import { formatValue, monthLabel } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, refusalProblem, type FormProblem } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { ContractIndicatorTile } from './contract-indicator-tile';
import { BREACH_REASON_LABELS } from './contract-labels';
import { ContractQuery, ProposeContractNoticeMutation } from './contracts.operations';

const REFUSALS: Readonly<Record<string, FormProblem>> = {
  INDICATOR_NOT_MONITORED: { field: 'indicators-0', message: 'The contract does not monitor that indicator' },
  BREACH_PROPOSAL_DECIDED: { field: null, message: 'The breach has been decided in the meantime. Reload the contract.' },
  BREACH_PROPOSAL_NOT_FOUND: { field: null, message: 'The breach proposal no longer exists. Reload the contract.' },
};
const FORBIDDEN = 'Only a commissioning manager of the lead commissioner proposes a notice under this contract.';

/** `/contracts/:id/propose?indicator=AE_4HR_ALL`: draft a contract performance notice (from a scorecard tile); nothing is sent until it is issued. */
export function ProposeNoticePage() {
  const id = useParams().id ?? '';
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(ContractQuery, { variables: { id } });
  const contract = data?.contract;
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [propose, proposing] = useMutation(ProposeContractNoticeMutation);
  usePageTitle('Propose a contract notice');
  if (loading && !data) return <Loading label="Loading the contract" />;
  if (!contract)
    return (
      <>
        <h1 className="nhsuk-heading-l">Propose a contract notice</h1>
        <ErrorSummary title="The contract could not be loaded" headingLevel="h2">
          <p>{error ? describeError(error) : 'It was not found.'}</p>
        </ErrorSummary>
      </>
    );
  const monitored = contract.monitoredIndicators;
  const wanted = params.get('indicator');
  const selected = chosen ?? monitored.filter((entry) => entry.indicator.code === wanted).map((entry) => entry.indicator.code);
  const open = contract.breachProposals.filter((proposal) => proposal.status === 'OPEN' && selected.includes(proposal.indicator.code)).sort((a, b) => b.period.localeCompare(a.period));
  // One indicator with an open breach: the notice is drafted from the latest breach, which it then decides.
  const fromProposal = selected.length === 1 ? open[0] : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (selected.length === 0) {
      setProblems([{ field: 'indicators-0', message: 'Select at least one indicator the notice concerns' }]);
      setFocus((n) => n + 1);
      return;
    }
    try {
      const result = await propose({ variables: { input: { contractId: id, indicatorCodes: selected, fromProposalId: fromProposal?.id ?? null } } });
      const notice = result.data?.proposeContractNotice;
      if (notice) navigate(`/contracts/notices/${notice.id}`);
    } catch (failure) {
      setProblems([refusalProblem(failure, REFUSALS, FORBIDDEN)]);
      setFocus((n) => n + 1);
    }
  }

  return (
    <>
      <div className="nhsuk-back-link">
        <Link className="nhsuk-back-link__link" to={`/contracts/${contract.id}`}>
          {contract.title}
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">
          {organisationName(contract.provider.name)} ({contract.provider.code}) · contract {contract.financialYear}
        </span>
        Propose a contract notice
      </h1>
      {contract.illustrative && <IllustrativeNotice note={contract.illustrativeNote} what="This contract" />}
      {!contract.viewerMayAct ? (
        <p className="nhsuk-inset-text">{FORBIDDEN}</p>
      ) : (
        <>
          <p className="nhsuk-body">A draft is made for the contract lead to check. Nothing goes to the provider until the notice is issued, when its evidence is frozen.</p>
          <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h2" />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <div className={`nhsuk-form-group${problems.some((p) => p.field === 'indicators-0') ? ' nhsuk-form-group--error' : ''}`}>
              <fieldset className="nhsuk-fieldset">
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                  <h2 className="nhsuk-fieldset__heading">What the notice concerns</h2>
                </legend>
                <div className="nhsuk-checkboxes">
                  {monitored.map((entry, index) => (
                    <div className="nhsuk-checkboxes__item" key={entry.indicator.code}>
                      <input
                        className="nhsuk-checkboxes__input"
                        id={`indicators-${index}`}
                        type="checkbox"
                        checked={selected.includes(entry.indicator.code)}
                        onChange={(event) => {
                          const on = event.currentTarget.checked;
                          setChosen(on ? [...selected, entry.indicator.code] : selected.filter((code) => code !== entry.indicator.code));
                        }}
                      />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`indicators-${index}`}>
                        {entry.indicator.name}
                        {entry.value !== null && entry.value !== undefined ? `: ${formatValue(entry.value, entry.indicator.unit)}${entry.period ? ` in ${monthLabel(entry.period)}` : ''}` : ''}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            {fromProposal && (
              <p className="nhsuk-body">
                Drafted from the breach proposed for {monthLabel(fromProposal.period)} ({fromProposal.reasons.map((reason) => BREACH_REASON_LABELS[reason].toLowerCase()).join('; ')}).
              </p>
            )}
            <Button type="submit" disabled={proposing.loading}>
              {proposing.loading ? 'Drafting…' : 'Draft the notice'}
            </Button>
          </form>
          <ul className="nhsuk-grid-row nhsuk-card-group">
            {monitored
              .filter((entry) => selected.includes(entry.indicator.code))
              .map((entry) => (
                <li key={entry.indicator.code} className="nhsuk-grid-column-one-half nhsuk-card-group__item">
                  <ContractIndicatorTile facts={entry} />
                </li>
              ))}
          </ul>
        </>
      )}
    </>
  );
}
