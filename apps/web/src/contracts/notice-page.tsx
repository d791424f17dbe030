import { contractNoticeActionsFrom, todayInEngland } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import { IllustrativeNotice } from '../assurance/illustrative-notice';
import { RaiseEscalationLink } from '../escalation/raise-link';
import type { ContractNoticeFieldsFragment, RemedialActionStatus } from '../gql/graphql';
import { formatDate, formatInstant, formatValue, monthLabel } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, WarningCallout } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { SpcChart } from '../ui/spc-chart';
import { ContractIndicatorTile } from './contract-indicator-tile';
import { money, noticeActionLabel, noticeLetterPdf, noticeStatusLabel, noticeStatusTagClass, REMEDIAL_ACTION_STATUS_LABELS } from './contract-labels';
import { ContractNoticeQuery, ProviderSeriesQuery, UpdateRemedialActionMutation } from './contracts.operations';
import { NoticeActions, offeredNoticeActions } from './notice-actions';
import { RemedialPlanForm } from './remedial-plan-form';
import { WithholdingForm } from './withholding-form';

type Notice = ContractNoticeFieldsFragment;

/** `/contracts/notices/:id`: a contract performance notice as a printable letter, its frozen evidence, its history, the next steps and the remedial action plan. */
export function NoticePage() {
  const id = useParams().id ?? '';
  const { data, loading, error, refetch } = useQuery(ContractNoticeQuery, { variables: { id } });
  const notice = data?.contractNotice;
  usePageTitle(notice ? `Contract performance notice, ${notice.contract.provider.code}` : 'Contract performance notice');
  // "Today" is read once, at the edge, in England.
  const [today] = useState(() => todayInEngland(new Date()));
  if (loading && !data) return <Loading label="Loading the notice" />;
  if (!notice) {
    const { code } = errorCodes(error);
    return (
      <>
        <h1 className="nhsuk-heading-l">{code === 'FORBIDDEN' ? 'You cannot see this notice' : 'Notice not found'}</h1>
        {error && code !== 'FORBIDDEN' && (
          <ErrorSummary title="The notice could not be loaded" headingLevel="h2">
            <p>{describeError(error)}</p>
          </ErrorSummary>
        )}
        <p className="nhsuk-body">
          <Link className="nhsuk-link" to="/contracts">
            Back to contracts
          </Link>
        </p>
      </>
    );
  }
  // A reload that fails leaves the query's own error to say so.
  return <NoticeView notice={notice} today={today} onChanged={() => refetch().catch(() => undefined)} />;
}

function NoticeView({ notice, today, onChanged }: { notice: Notice; today: string; onChanged: () => Promise<unknown> }) {
  const [planning, setPlanning] = useState(false);
  const { contract } = notice;
  const provider = organisationName(contract.provider.name);
  const lead = organisationName(contract.leadCommissioner.name);
  const mayAgree = offeredNoticeActions(notice).includes('AGREE_RAP') && contractNoticeActionsFrom(notice.status).includes('AGREE_RAP');
  return (
    <article className="ccg-report">
      <div className="nhsuk-back-link ccg-no-print">
        <Link className="nhsuk-back-link__link" to={`/contracts/${contract.id}`}>
          {contract.title}
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">
          {provider} ({contract.provider.code}) · contract {contract.financialYear}
        </span>
        Contract performance notice
      </h1>
      <p className="nhsuk-body">
        <strong className={noticeStatusTagClass(notice.status)}>{noticeStatusLabel(notice.status)}</strong>
      </p>
      {contract.illustrative && <IllustrativeNotice note={contract.illustrativeNote} what="This notice" />}
      <div className="ccg-button-row ccg-no-print">
        <a className="nhsuk-button" href={noticeLetterPdf(notice.id)} download>
          Download the letter (PDF)
        </a>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => window.print()}>
          Print the letter
        </button>
      </div>
      {notice.evidenceChangedSince > 0 && (
        <WarningCallout heading="The data has changed since the notice was issued" headingLevel="h2">
          <p>
            {notice.evidenceChangedSince === 1 ? '1 value has' : `${notice.evidenceChangedSince} values have`} changed since. The notice keeps its evidence as it was on the day it was issued.
          </p>
        </WarningCallout>
      )}
      <NoticeLetter notice={notice} provider={provider} lead={lead} />
      <NoticeActions notice={notice} today={today} onChanged={onChanged} />
      <RaiseEscalationLink kind="CONTRACT_NOTICE" notice={notice.id} provider={contract.provider.code} />
      {notice.status === 'WITHHOLDING_APPLIED' && contract.viewerMayAct && (
        <WithholdingForm contractId={contract.id} noticeId={notice.id} financialYear={contract.financialYear} withholdingPercent={contract.managementTerms?.withholdingPercent ?? null} onChanged={onChanged} />
      )}
      <section aria-labelledby="plan-heading" className="nhsuk-u-margin-bottom-6">
        <h2 id="plan-heading" className="nhsuk-heading-m">
          Remedial action plan
        </h2>
        {notice.remedialActionPlan ? (
          <PlanView notice={notice} plan={notice.remedialActionPlan} onChanged={onChanged} />
        ) : planning ? (
          <RemedialPlanForm
            notice={notice}
            today={today}
            onCancel={() => setPlanning(false)}
            onAgreed={async () => {
              setPlanning(false);
              await onChanged();
            }}
          />
        ) : (
          <>
            <p className="nhsuk-body">No remedial action plan has been agreed{mayAgree ? ' yet' : ''}.</p>
            {mayAgree && (
              <Button type="button" className="ccg-no-print" onClick={() => setPlanning(true)}>
                {noticeActionLabel('AGREE_RAP')}
              </Button>
            )}
          </>
        )}
      </section>
      <History notice={notice} />
    </article>
  );
}

/** The notice as the letter the provider receives (the PDF says the same). */
function NoticeLetter({ notice, provider, lead }: { notice: Notice; provider: string; lead: string }) {
  const { contract, evidence } = notice;
  return (
    <section aria-labelledby="letter-heading" className="nhsuk-u-margin-bottom-6 ccg-letter">
      <h2 id="letter-heading" className="nhsuk-heading-m">
        The notice
      </h2>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">To</dt>
          <dd className="nhsuk-summary-list__value">
            {provider} ({contract.provider.code})
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">From</dt>
          <dd className="nhsuk-summary-list__value">
            {lead} ({contract.leadCommissioner.code}), co-ordinating commissioner
            {contract.associates.length > 0 ? `, on behalf of ${contract.associates.map((org) => organisationName(org.name)).join(', ')}` : ''}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Contract</dt>
          <dd className="nhsuk-summary-list__value">
            {contract.title}
            {contract.reference ? ` (${contract.reference})` : ''}, {contract.financialYear}, annual value {money(contract.contractValue)}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Issued</dt>
          <dd className="nhsuk-summary-list__value">{notice.issuedOn ? formatDate(notice.issuedOn) : 'Not issued: this is a draft'}</dd>
        </div>
        {notice.responseMeetingBy && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Contract management meeting by</dt>
            <dd className="nhsuk-summary-list__value">{formatDate(notice.responseMeetingBy)}</dd>
          </div>
        )}
        {notice.meetingHeldOn && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Meeting held</dt>
            <dd className="nhsuk-summary-list__value">{formatDate(notice.meetingHeldOn)}</dd>
          </div>
        )}
      </dl>
      <p className="nhsuk-body">
        Under GC9 (contract management) of the NHS Standard Contract, the co-ordinating commissioner gives notice that the provider has not met the contract’s standard
        for {notice.indicators.map((indicator) => indicator.name).join(' and ')}. The provider is to meet the commissioners at a contract management meeting
        {notice.responseMeetingBy ? ` by ${formatDate(notice.responseMeetingBy)}` : ''}.
      </p>
      <h3 className="nhsuk-heading-s">{evidence.frozen ? `Evidence as it stood on ${formatInstant(evidence.frozenAt)}` : 'Evidence as it stands now (frozen when the notice is issued)'}</h3>
      {evidence.indicators.length === 0 ? (
        <p className="nhsuk-body">No data for these indicators.</p>
      ) : (
        <>
          <ul className="nhsuk-grid-row nhsuk-card-group">
            {evidence.indicators.map((entry) => (
              <li key={entry.indicator.code} className="nhsuk-grid-column-one-half nhsuk-card-group__item">
                <ContractIndicatorTile idPrefix="evidence" facts={entry} />
              </li>
            ))}
          </ul>
          {evidence.indicators.map((entry) => (
            <div key={entry.indicator.code}>
              <p className="nhsuk-body">
                {entry.indicator.name}, {monthLabel(entry.period)}: {formatValue(entry.value, entry.indicator.unit)} ({entry.numerator.toLocaleString('en-GB')} of{' '}
                {entry.denominator.toLocaleString('en-GB')}).
              </p>
              <SpcChart
                title={`${entry.indicator.name}, ${organisationName(contract.provider.name)} (evidence${evidence.frozen ? ' as issued' : ''})`}
                unit={entry.indicator.unit}
                points={entry.points}
                target={entry.threshold ?? entry.target}
                csvName={`${contract.provider.code} ${entry.indicator.code} notice evidence`}
                initialWidth={680}
              />
            </div>
          ))}
        </>
      )}
    </section>
  );
}

type Plan = NonNullable<Notice['remedialActionPlan']>;

function PlanView({ notice, plan, onChanged }: { notice: Notice; plan: Plan; onChanged: () => Promise<unknown> }) {
  const { data } = useQuery(ProviderSeriesQuery, { variables: { code: notice.contract.provider.code } });
  const series = new Map((data?.providerScorecard.indicators ?? []).map((entry) => [entry.indicator.code, entry]));
  const indicators = [...new Map(plan.trajectory.map((point) => [point.indicator.code, point.indicator])).values()];
  const mayAct = notice.contract.viewerMayAct;
  return (
    <>
      <p className="nhsuk-body">
        Agreed {formatDate(plan.agreedOn)}. {plan.summary}
      </p>
      <table className="nhsuk-table nhsuk-table--compact">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">Actions</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">Action</th>
            <th scope="col" className="nhsuk-table__header">Owner</th>
            <th scope="col" className="nhsuk-table__header">Due</th>
            <th scope="col" className="nhsuk-table__header">Status</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {plan.actions.map((action) => (
            <tr key={action.id} className="nhsuk-table__row">
              <td className="nhsuk-table__cell">{action.description}</td>
              <td className="nhsuk-table__cell">{action.owner}</td>
              <td className="nhsuk-table__cell">{formatDate(action.dueOn)}</td>
              <td className="nhsuk-table__cell">{mayAct ? <ActionStatus action={action} onChanged={onChanged} /> : REMEDIAL_ACTION_STATUS_LABELS[action.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.misses.length > 0 && (
        <WarningCallout heading="The trajectory was missed" headingLevel="h3">
          <ul className="nhsuk-list nhsuk-list--bullet">
            {plan.misses.map((miss) => (
              <li key={`${miss.indicator.code}${miss.month}`}>
                {miss.indicator.name}, {monthLabel(miss.month)}: {miss.actualValue} against {miss.committedValue} committed. Proposed next step: {noticeActionLabel(miss.proposedNextStep).toLowerCase()}.{' '}
                <RaiseEscalationLink
                  inline
                  kind="TRAJECTORY_MISS"
                  ccg={notice.contract.leadCommissioner.code}
                  provider={notice.contract.provider.code}
                  indicator={miss.indicator.code}
                  period={miss.month}
                  text={`Recovery trajectory missed: ${miss.indicator.name}, ${monthLabel(miss.month)}, ${miss.actualValue} against ${miss.committedValue} committed.`}
                  about={`the missed trajectory for ${miss.indicator.name}, ${monthLabel(miss.month)}`}
                />
              </li>
            ))}
          </ul>
        </WarningCallout>
      )}
      {indicators.map((indicator) => {
        const points = plan.trajectory.filter((point) => point.indicator.code === indicator.code);
        const current = series.get(indicator.code);
        return (
          <section key={indicator.code} aria-label={`${indicator.name}: actual against trajectory`}>
            <h3 className="nhsuk-heading-s">{indicator.name}: actual against trajectory</h3>
            <table className="nhsuk-table nhsuk-table--compact">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s">Recovery trajectory, {indicator.name}</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">Month</th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Committed</th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Actual</th>
                  <th scope="col" className="nhsuk-table__header">Met</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {points.map((point) => (
                  <tr key={point.month} className="nhsuk-table__row">
                    <th scope="row" className="nhsuk-table__header">
                      {monthLabel(point.month)}
                    </th>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatValue(point.value, indicator.unit)}</td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{point.actual === null || point.actual === undefined ? 'No data yet' : formatValue(point.actual, indicator.unit)}</td>
                    <td className="nhsuk-table__cell">{point.met === null || point.met === undefined ? '' : point.met ? 'Met' : 'Missed'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {current && (
              <SpcChart
                title={`${indicator.name}, ${organisationName(notice.contract.provider.name)}, actual against trajectory`}
                unit={indicator.unit}
                points={current.series}
                target={current.target}
                csvName={`${notice.contract.provider.code} ${indicator.code} trajectory`}
                trajectory={points.map((point) => ({ period: point.month, value: point.value }))}
              />
            )}
          </section>
        );
      })}
    </>
  );
}

function ActionStatus({ action, onChanged }: { action: Plan['actions'][number]; onChanged: () => Promise<unknown> }) {
  const [update, { loading, error }] = useMutation(UpdateRemedialActionMutation);
  const id = `action-status-${action.id}`;
  return (
    <>
      <label className="nhsuk-u-visually-hidden" htmlFor={id}>
        Status of {action.description}
      </label>
      <select
        className="nhsuk-select"
        id={id}
        value={action.status}
        disabled={loading}
        onChange={(event) => {
          const status = event.currentTarget.value as RemedialActionStatus;
          void update({ variables: { input: { actionId: action.id, expectedVersion: action.version, status } } })
            .then(() => onChanged())
            .catch(() => onChanged());
        }}
      >
        {(Object.keys(REMEDIAL_ACTION_STATUS_LABELS) as RemedialActionStatus[]).map((status) => (
          <option key={status} value={status}>
            {REMEDIAL_ACTION_STATUS_LABELS[status]}
          </option>
        ))}
      </select>
      {error && (
        <span className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {describeError(error)}
        </span>
      )}
    </>
  );
}

function History({ notice }: { notice: Notice }) {
  return (
    <section aria-labelledby="history-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="history-heading" className="nhsuk-heading-m">
        History
      </h2>
      <ol className="nhsuk-list ccg-timeline">
        {notice.history.map((event, index) => (
          <li key={`${event.at}${index}`} className="nhsuk-u-margin-bottom-3">
            <strong>{noticeActionLabel(event.action)}</strong>: {event.fromStatus ? `${noticeStatusLabel(event.fromStatus)} → ` : ''}
            {noticeStatusLabel(event.toStatus)}
            <br />
            <span className="nhsuk-body-s">
              {formatInstant(event.at)}
              {event.actorName ? ` by ${event.actorName}` : ''}
              {event.meetingOn ? `; meeting held ${formatDate(event.meetingOn)}` : ''}
            </span>
            {event.note && <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">{event.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
