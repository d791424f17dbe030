import { TERMINAL_CONTRACT_NOTICE_STATES } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import { ConfirmButtons } from '../assurance/confirmation-parts';
import { IllustrativeNotice } from '../assurance/illustrative-notice';
import type { ContractQuery as ContractResult } from '../gql/graphql';
import { RagTag } from '../providers/scorecard-labels';
import { formatDate, formatInstant, formatValue, monthLabel } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, FormGroup, problemFor, refusalProblem, type FormProblem } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { SpcChart } from '../ui/spc-chart';
import { ContractIndicatorTile } from './contract-indicator-tile';
import { BREACH_REASON_LABELS, money, noticeLetterPdf, noticeStatusLabel, noticeStatusTagClass } from './contract-labels';
import { ContractQuery, DismissBreachProposalMutation, ProposeContractNoticeMutation, ProviderSeriesQuery } from './contracts.operations';
import { SanctionsLedger } from './sanctions-ledger';

type Contract = NonNullable<ContractResult['contract']>;
type Proposal = Contract['breachProposals'][number];

const PROPOSE_REFUSALS: Readonly<Record<string, FormProblem>> = {
  BREACH_PROPOSAL_DECIDED: { field: null, message: 'This breach has already been decided. The latest is shown.' },
  BREACH_PROPOSAL_NOT_FOUND: { field: null, message: 'This breach proposal no longer exists. The latest is shown.' },
  INDICATOR_NOT_MONITORED: { field: null, message: 'The contract does not monitor that indicator.' },
  REASON_REQUIRED: { field: 'dismiss-reason', message: 'Give the reason for dismissing the breach' },
  ACTION_NOT_PERMITTED: { field: null, message: 'Only a commissioning manager of the lead commissioner acts on this contract.' },
};
const FORBIDDEN = 'Only a commissioning manager of the lead commissioner acts on this contract.';

/** `/contracts/:id`: a contract, its monitored indicators, breaches to decide, notices and sanctions ledger. */
export function ContractPage() {
  const id = useParams().id ?? '';
  const { data, loading, error, refetch } = useQuery(ContractQuery, { variables: { id } });
  const contract = data?.contract;
  usePageTitle(contract ? `${contract.title}, ${contract.provider.code}` : 'Contract');
  if (loading && !data) return <Loading label="Loading the contract" />;
  if ((error && !data) || !contract) {
    const { code } = errorCodes(error);
    return (
      <>
        <h1 className="nhsuk-heading-l">{code === 'FORBIDDEN' ? 'You cannot see this contract' : 'Contract not found'}</h1>
        {error && code !== 'FORBIDDEN' && (
          <ErrorSummary title="The contract could not be loaded" headingLevel="h2">
            <p>{describeError(error)}</p>
          </ErrorSummary>
        )}
        {code === 'FORBIDDEN' && <p className="nhsuk-body">Contracts are read by the commissioning managers and finance officers of their lead and associate CCGs, analysts and assessors.</p>}
        <p className="nhsuk-body">
          <Link className="nhsuk-link" to="/contracts">
            Back to contracts
          </Link>
        </p>
      </>
    );
  }
  // A reload that fails leaves the query's own error to say so.
  return <ContractView contract={contract} onChanged={() => refetch().catch(() => undefined)} />;
}

function ContractView({ contract, onChanged }: { contract: Contract; onChanged: () => Promise<unknown> }) {
  const open = contract.breachProposals.filter((proposal) => proposal.status === 'OPEN');
  const decided = contract.breachProposals.filter((proposal) => proposal.status !== 'OPEN');
  return (
    <article className="ccg-report">
      <div className="nhsuk-back-link ccg-no-print">
        <Link className="nhsuk-back-link__link" to={`/contracts?ccg=${encodeURIComponent(contract.leadCommissioner.code)}`}>
          Contracts
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">
          Contract {contract.financialYear}
          {contract.reference ? ` · ${contract.reference}` : ''}
        </span>
        {organisationName(contract.provider.name)}: {contract.title}
      </h1>
      {contract.illustrative && <IllustrativeNotice note={contract.illustrativeNote} what="This contract" />}
      <dl className="nhsuk-summary-list">
        <Row label="Provider">
          <Link className="nhsuk-link" to={`/providers/${contract.provider.code}`}>
            {organisationName(contract.provider.name)} ({contract.provider.code})
          </Link>
        </Row>
        <Row label="Lead commissioner">
          {organisationName(contract.leadCommissioner.name)} ({contract.leadCommissioner.code})
        </Row>
        <Row label="Associate commissioners">
          {contract.associates.length === 0 ? 'None' : contract.associates.map((org) => `${organisationName(org.name)} (${org.code})`).join(', ')}
        </Row>
        <Row label="Annual contract value">{money(contract.contractValue)}</Row>
        {contract.managementTerms && (
          <Row label="Contract management terms">
            Meeting within {contract.managementTerms.meetingWithinOperationalDays} operational days of a notice; remedial action plan within{' '}
            {contract.managementTerms.rapAgreeWithinOperationalDays} operational days after it; up to {contract.managementTerms.withholdingPercent}% of the monthly value may be
            withheld ({contract.managementTerms.source}).
          </Row>
        )}
      </dl>
      {contract.viewerMayAct ? (
        <p className="nhsuk-body ccg-no-print">
          <Link className="nhsuk-link" to={`/contracts/${encodeURIComponent(contract.id)}/change`}>
            Change the contract
          </Link>
        </p>
      ) : (
        <p className="nhsuk-inset-text">You read this contract: the lead commissioner’s commissioning managers act on it.</p>
      )}
      <MonitoredIndicators contract={contract} />
      <section aria-labelledby="breaches-heading" className="nhsuk-u-margin-bottom-6">
        <h2 id="breaches-heading" className="nhsuk-heading-m">
          Breaches to decide
        </h2>
        <p className="nhsuk-body">Each import checks every monitored indicator against its threshold and its SPC verdicts. A breach is proposed here; nothing is issued by itself.</p>
        {open.length === 0 ? (
          <p className="nhsuk-body">No breach is waiting for a decision.</p>
        ) : (
          <ul className="nhsuk-list">
            {byIndicator(open).map(([latest, ...earlier]) => (
              <li key={latest.id}>
                <BreachProposalCard contract={contract} proposal={latest} onChanged={onChanged} />
                {earlier.length > 0 && (
                  <details className="nhsuk-details">
                    <summary className="nhsuk-details__summary">
                      <span className="nhsuk-details__summary-text">
                        {earlier.length === 1 ? 'One earlier month' : `${earlier.length} earlier months`} of {latest.indicator.name} to decide
                      </span>
                    </summary>
                    <div className="nhsuk-details__text">
                      <ul className="nhsuk-list">
                        {earlier.map((proposal) => (
                          <li key={proposal.id}>
                            <BreachProposalCard contract={contract} proposal={proposal} onChanged={onChanged} />
                          </li>
                        ))}
                      </ul>
                    </div>
                  </details>
                )}
              </li>
            ))}
          </ul>
        )}
        {decided.length > 0 && (
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">Breaches decided ({decided.length})</span>
            </summary>
            <div className="nhsuk-details__text">
              <ul className="nhsuk-list">
                {decided.map((proposal) => (
                  <li key={proposal.id}>
                    {proposal.indicator.name}, {monthLabel(proposal.period)}: {proposal.status === 'ACCEPTED' ? 'a notice was drafted' : `dismissed (${proposal.dismissedReason ?? 'no reason given'})`}
                  </li>
                ))}
              </ul>
            </div>
          </details>
        )}
      </section>
      <Notices contract={contract} />
      {contract.viewerMayAct && contract.monitoredIndicators.length > 0 && (
        <p className="nhsuk-body ccg-no-print">
          <Link className="nhsuk-link" to={`/contracts/${contract.id}/propose`}>
            Propose a notice by hand
          </Link>
        </p>
      )}
      {contract.sanctionLedger ? (
        <SanctionsLedger ledger={contract.sanctionLedger} contractTitle={contract.title} onChanged={onChanged} />
      ) : (
        <p className="nhsuk-body">You cannot see this contract’s sanctions ledger.</p>
      )}
    </article>
  );
}

/** Open breaches grouped by indicator, the latest month first in each group (the one a notice is usually drafted from). */
function byIndicator(proposals: readonly Proposal[]): Proposal[][] {
  const groups = new Map<string, Proposal[]>();
  for (const proposal of proposals) groups.set(proposal.indicator.code, [...(groups.get(proposal.indicator.code) ?? []), proposal]);
  return [...groups.values()].map((group) => [...group].sort((a, b) => b.period.localeCompare(a.period)));
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

function MonitoredIndicators({ contract }: { contract: Contract }) {
  const { data } = useQuery(ProviderSeriesQuery, { variables: { code: contract.provider.code } });
  const series = new Map((data?.providerScorecard.indicators ?? []).map((entry) => [entry.indicator.code, entry]));
  return (
    <section aria-labelledby="monitored-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="monitored-heading" className="nhsuk-heading-m">
        Monitored indicators
      </h2>
      {contract.monitoredIndicators.length === 0 ? (
        <p className="nhsuk-body">This contract monitors no indicator.</p>
      ) : (
        <>
          <ul className="nhsuk-grid-row nhsuk-card-group">
            {contract.monitoredIndicators.map((entry) => (
              <li key={entry.indicator.code} className="nhsuk-grid-column-one-half nhsuk-card-group__item">
                <ContractIndicatorTile facts={entry} />
              </li>
            ))}
          </ul>
          {contract.monitoredIndicators.map((entry) => {
            const found = series.get(entry.indicator.code);
            if (!found) return null;
            return (
              <section key={entry.indicator.code} aria-label={`${entry.indicator.name}: chart`}>
                <h3 className="nhsuk-heading-s">{entry.indicator.name}</h3>
                <SpcChart
                  title={`${entry.indicator.name}, ${organisationName(contract.provider.name)}`}
                  unit={entry.indicator.unit}
                  points={found.series}
                  target={entry.threshold ?? found.target}
                  csvName={`${contract.provider.code} ${entry.indicator.code} SPC`}
                />
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}

function BreachProposalCard({ contract, proposal, onChanged }: { contract: Contract; proposal: Proposal; onChanged: () => Promise<unknown> }) {
  const navigate = useNavigate();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [propose, proposing] = useMutation(ProposeContractNoticeMutation);
  const [dismiss, dismissingNow] = useMutation(DismissBreachProposalMutation);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (dismissing) headingRef.current?.focus();
  }, [dismissing]);
  const headingId = `breach-${proposal.id}`;
  const unit = proposal.indicator.unit;

  async function proposeNotice() {
    try {
      const result = await propose({ variables: { input: { contractId: contract.id, indicatorCodes: [proposal.indicator.code], fromProposalId: proposal.id } } });
      const notice = result.data?.proposeContractNotice;
      if (notice) navigate(`/contracts/notices/${notice.id}`);
    } catch (error) {
      setProblems([refusalProblem(error, PROPOSE_REFUSALS, FORBIDDEN)]);
      setFocus((n) => n + 1);
      await onChanged();
    }
  }

  async function confirmDismiss(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setProblems([{ field: 'dismiss-reason', message: 'Give the reason for dismissing the breach' }]);
      setFocus((n) => n + 1);
      return;
    }
    try {
      await dismiss({ variables: { input: { proposalId: proposal.id, reason: reason.trim() } } });
      setDismissing(false);
      await onChanged();
    } catch (error) {
      setProblems([refusalProblem(error, PROPOSE_REFUSALS, FORBIDDEN)]);
      setFocus((n) => n + 1);
    }
  }

  return (
    <div className="nhsuk-card" role="group" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h3 id={headingId} className="nhsuk-heading-s">
          {proposal.indicator.name}, {monthLabel(proposal.period)}
        </h3>
        <p className="nhsuk-body">
          {formatValue(proposal.value, unit)} against a threshold of {proposal.threshold === null ? 'none' : formatValue(proposal.threshold, unit)} <RagTag rag={proposal.rag} />
        </p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          {proposal.reasons.map((reason) => (
            <li key={reason}>{BREACH_REASON_LABELS[reason]}</li>
          ))}
        </ul>
        <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
        {contract.viewerMayAct &&
          (dismissing ? (
            <div className="nhsuk-card ccg-confirm">
              <div className="nhsuk-card__content">
                <h4 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
                  Dismiss this breach?
                </h4>
                <p className="nhsuk-body">No notice is drafted from it. The reason is kept with the contract.</p>
                <form onSubmit={(event) => void confirmDismiss(event)} noValidate>
                  <FormGroup id="dismiss-reason" label="Reason for dismissing" error={problemFor(problems, 'dismiss-reason')}>
                    {({ describedBy, invalid }) => (
                      <textarea className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`} id="dismiss-reason" rows={3} value={reason} aria-describedby={describedBy} onChange={(e) => setReason(e.currentTarget.value)} />
                    )}
                  </FormGroup>
                  <ConfirmButtons label="Yes, dismiss the breach" busyLabel="Dismissing…" busy={dismissingNow.loading} onCancel={() => setDismissing(false)} />
                </form>
              </div>
            </div>
          ) : (
            <div className="ccg-button-row ccg-no-print">
              <Button type="button" disabled={proposing.loading} onClick={() => void proposeNotice()}>
                Propose a notice<span className="nhsuk-u-visually-hidden"> for {proposal.indicator.name}, {monthLabel(proposal.period)}</span>
              </Button>
              <Button type="button" secondary onClick={() => { setProblems([]); setDismissing(true); }}>
                Dismiss<span className="nhsuk-u-visually-hidden"> the breach of {proposal.indicator.name}, {monthLabel(proposal.period)}</span>
              </Button>
            </div>
          ))}
      </div>
    </div>
  );
}

function Notices({ contract }: { contract: Contract }) {
  return (
    <section aria-labelledby="notices-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="notices-heading" className="nhsuk-heading-m">
        Contract performance notices
      </h2>
      {contract.notices.length === 0 ? (
        <p className="nhsuk-body">No notice has been drafted or issued under this contract.</p>
      ) : (
        <table className="nhsuk-table nhsuk-table--compact">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">
            {contract.notices.filter((notice) => !TERMINAL_CONTRACT_NOTICE_STATES.includes(notice.status)).length} open of {contract.notices.length}
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Notice</th>
              <th scope="col" className="nhsuk-table__header">Status</th>
              <th scope="col" className="nhsuk-table__header">Issued</th>
              <th scope="col" className="nhsuk-table__header">Meeting due by</th>
              <th scope="col" className="nhsuk-table__header ccg-no-print">Letter</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {contract.notices.map((notice) => (
              <tr key={notice.id} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__header">
                  <Link className="nhsuk-link" to={`/contracts/notices/${notice.id}`}>
                    {notice.indicators.map((indicator) => indicator.name).join('; ')}
                  </Link>
                  <br />
                  <span className="nhsuk-body-s">Drafted {formatInstant(notice.createdAt)}</span>
                </th>
                <td className="nhsuk-table__cell">
                  <strong className={noticeStatusTagClass(notice.status)}>{noticeStatusLabel(notice.status)}</strong>
                </td>
                <td className="nhsuk-table__cell">{notice.issuedOn ? formatDate(notice.issuedOn) : 'Not issued'}</td>
                <td className="nhsuk-table__cell">{formatDate(notice.responseMeetingBy)}</td>
                <td className="nhsuk-table__cell ccg-no-print">
                  <a className="nhsuk-link" href={noticeLetterPdf(notice.id)} download>
                    PDF<span className="nhsuk-u-visually-hidden"> of the notice on {notice.indicators.map((indicator) => indicator.name).join('; ')}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
