import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import type { ProviderScorecardQuery as ProviderScorecardResult } from '../gql/graphql';
import { DownloadCsvButton } from '../ui/download-csv-button';
import { csvNumber, monthLabel } from '../ui/format';
import { Loading } from '../ui/loading';
import { ErrorSummary, InsetText, WarningCallout } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { SpcChart } from '../ui/spc-chart';
import { assuranceLabel, POINT_TYPE_WORDS, SPECIAL_CAUSE_WORDS, variationLabel } from '../ui/spc-labels';
import { useViewer } from '../auth/viewer';
import { mayReadContracts } from '../contracts/contract-access';
import { ProviderContractsQuery } from '../contracts/contracts.operations';
import { IndicatorTile, latestSide, type ScorecardIndicator } from './indicator-tile';
import { FiguresNotice } from './figures-notice';
import { ProviderScorecardQuery } from './scorecard.operations';
import { LocalTargetSection } from './local-target-section';
import { SeriesBaselineSection } from './series-baseline-section';
import { SeriesTrajectoryQuery } from './series-baseline.operations';
import { ragWords, standardWords } from './scorecard-labels';

/** `/providers/:code`: a provider's scorecard, a tile per indicator, then each indicator's SPC chart. */
export function ProviderScorecardPage() {
  const code = (useParams().code ?? '').toUpperCase();
  const { hash } = useLocation();
  const { data, loading, error } = useQuery(ProviderScorecardQuery, { variables: { code } });
  const scorecard = data?.providerScorecard;
  const notFound = errorCodes(error).code === 'NOT_FOUND';
  usePageTitle(scorecard ? `${scorecard.provider.name} (${scorecard.provider.code})` : notFound ? 'Provider not found' : `Provider ${code}`);

  // Drill-through from the grid (/providers/RR8#AE_4HR_ALL): go to the chart once it is drawn.
  useEffect(() => {
    if (!scorecard || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView?.({ block: 'start' });
    target.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }, [scorecard, hash]);

  if (notFound) return <ProviderNotFound code={code} />;

  return (
    <>
      <div className="nhsuk-back-link">
        <Link className="nhsuk-back-link__link" to="/providers">
          Providers
        </Link>
      </div>
      {loading && !scorecard && (
        <>
          <h1 className="nhsuk-heading-l">Provider {code}</h1>
          <Loading label="Loading the scorecard" />
        </>
      )}
      {error && !scorecard && (
        <>
          <h1 className="nhsuk-heading-l">Provider {code}</h1>
          <ErrorSummary title="The scorecard could not be loaded" headingLevel="h2">
            <p>{describeError(error)}</p>
          </ErrorSummary>
        </>
      )}
      {scorecard && <Scorecard scorecard={scorecard} />}
    </>
  );
}

function ProviderNotFound({ code }: { code: string }) {
  return (
    <>
      <h1 className="nhsuk-heading-l">Provider not found</h1>
      <p className="nhsuk-body">No provider has the ODS code “{code}”. Check the code, or find the provider by name.</p>
      <p className="nhsuk-body">
        <Link className="nhsuk-link" to="/providers">
          Search the providers
        </Link>
      </p>
    </>
  );
}

type Scorecard = ProviderScorecardResult['providerScorecard'];

/** The scorecard as a file: every month of every indicator's series with its SPC, then the indicator's latest verdicts. */
const SERIES_COLUMNS = [
  'Indicator code',
  'Indicator',
  'Month',
  'Value',
  'Mean',
  'Lower process limit',
  'Upper process limit',
  'Point',
  'Special cause',
  'Standard',
  'Latest RAG',
  'Latest variation',
  'Assurance',
  'Source',
];

function seriesRows(entry: ScorecardIndicator) {
  const unit = entry.indicator.unit;
  return entry.series.map((point) => [
    entry.indicator.code,
    entry.indicator.name,
    point.period,
    csvNumber(point.value, unit),
    csvNumber(point.mean, unit),
    csvNumber(point.lowerProcessLimit, unit),
    csvNumber(point.upperProcessLimit, unit),
    POINT_TYPE_WORDS[point.pointType],
    point.specialCauseType ? SPECIAL_CAUSE_WORDS[point.specialCauseType] : null,
    standardWords(entry.standard, unit),
    ragWords(entry.rag),
    variationLabel(entry.variationType, latestSide(entry)),
    assuranceLabel(entry.assuranceType),
    entry.indicator.source,
  ]);
}

/**
 * For a failing tile, the contract under which the viewer may propose a notice about it: the provider's newest
 * contract that monitors the indicator and on which the viewer may act (providerContracts, viewerMayAct).
 */
function useProposeNoticeContracts(provider: string, indicators: readonly ScorecardIndicator[]) {
  const { viewer } = useViewer();
  const failing = indicators.some((entry) => entry.rag === 'RED');
  const { data } = useQuery(ProviderContractsQuery, { variables: { provider }, skip: !failing || !mayReadContracts(viewer) });
  const contracts = (data?.providerContracts ?? []).filter((contract) => contract.viewerMayAct);
  return (entry: ScorecardIndicator) => {
    if (entry.rag !== 'RED') return undefined;
    const contract = contracts.find((candidate) => candidate.monitoredIndicators.some((monitored) => monitored.indicator.code === entry.indicator.code));
    if (!contract) return undefined;
    return (
      <p className="nhsuk-body-s nhsuk-u-margin-top-3 nhsuk-u-margin-bottom-0">
        <Link className="nhsuk-link" to={`/contracts/${contract.id}/propose?${new URLSearchParams({ indicator: entry.indicator.code }).toString()}`}>
          Propose a contract notice<span className="nhsuk-u-visually-hidden"> about {entry.indicator.name}</span>
        </Link>{' '}
        <span className="nhsuk-u-secondary-text-colour">(contract {contract.financialYear})</span>
      </p>
    );
  };
}

function Scorecard({ scorecard }: { scorecard: Scorecard }) {
  const { provider, indicators, asOf } = scorecard;
  const proposeAction = useProposeNoticeContracts(provider.code, indicators);
  return (
    <>
      <span className="nhsuk-caption-l">Provider scorecard · {provider.code}</span>
      <h1 className="nhsuk-heading-l">{provider.name}</h1>
      {indicators.length === 0 ? (
        <InsetText>
          <p>There is no published indicator data for this provider{asOf ? ` up to ${monthLabel(asOf)}` : ''}.</p>
        </InsetText>
      ) : (
        <>
          <p className="nhsuk-lede-text">
            {indicators.length === 1 ? 'One indicator' : `${indicators.length} indicators`} against the national standards, latest data{' '}
            {asOf ? monthLabel(asOf) : ''}, with statistical process control in the NHS England “Making Data Count” style.
          </p>
          <FiguresNotice indicators={indicators.map((entry) => entry.indicator)} where="on this page" />
          <h2 className="nhsuk-heading-m">Summary</h2>
          <ul className="nhsuk-grid-row nhsuk-card-group">
            {indicators.map((entry) => (
              <li key={entry.indicator.code} className="nhsuk-grid-column-one-half nhsuk-card-group__item">
                <IndicatorTile entry={entry} action={proposeAction(entry)} providerCode={provider.code} />
              </li>
            ))}
          </ul>
          <DownloadCsvButton
            name={`Provider scorecard ${provider.code}`}
            columns={SERIES_COLUMNS}
            rows={indicators.flatMap(seriesRows)}
            what="scorecard"
            holds={`The file holds every month of each indicator’s series with its process limits and verdicts (${indicators.reduce((n, entry) => n + entry.series.length, 0)} rows).`}
          />
          {indicators.map((entry) => (
            <IndicatorSection key={entry.indicator.code} entry={entry} providerCode={provider.code} providerName={provider.name} />
          ))}
          <p className="nhsuk-body">
            <Link className="nhsuk-link" to="/providers/grid">
              See every provider in the integrated performance report
            </Link>
          </p>
        </>
      )}
    </>
  );
}

function IndicatorSection({ entry, providerCode, providerName }: { entry: ScorecardIndicator; providerCode: string; providerName: string }) {
  const { indicator } = entry;
  const { viewer } = useViewer();
  // A trajectory (a value a month) is drawn as its own sloping line; asked for only when the targets vary by month.
  const targetsVary = entry.targetSource === 'TRAJECTORY' || new Set(entry.series.map((point) => point.target ?? null)).size > 2;
  const { data: trajectoryData } = useQuery(SeriesTrajectoryQuery, { variables: { series: { organisationCode: providerCode, indicatorCode: indicator.code } }, skip: !targetsVary });
  const rebased = entry.series.some((point, index) => index > 0 && point.rebaseGroup !== entry.series[index - 1].rebaseGroup);
  const headingId = `${indicator.code}-heading`;
  const compare = new URLSearchParams({ indicator: indicator.code, period: entry.latestPeriod.startDate, provider: providerCode });
  return (
    <section id={indicator.code} aria-labelledby={headingId} className="ccg-indicator-section">
      <h2 id={headingId} className="nhsuk-heading-m" tabIndex={-1}>
        {indicator.name}
      </h2>
      <p className="nhsuk-body">{indicator.description}</p>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
        Standard: {standardWords(entry.standard, indicator.unit)}. Source: {indicator.source}.
      </p>
      {entry.shortGroupWarning && (
        <WarningCallout heading="Few values">
          <p>Fewer than 13 values: the process limits are less reliable.</p>
        </WarningCallout>
      )}
      <SpcChart
        title={`${indicator.name}, ${providerName}`}
        unit={indicator.unit}
        points={entry.series}
        target={entry.target}
        csvName={`${providerCode} ${indicator.code} SPC`}
        trajectory={trajectoryData?.trajectory.months}
        fixAfterNPoints={entry.fixAfterNPoints}
      />
      <SeriesBaselineSection
        providerCode={providerCode}
        indicatorCode={indicator.code}
        indicatorName={indicator.name}
        periods={entry.series.map((point) => point.period)}
        hasBaselineOrRebase={entry.fixAfterNPoints !== null || rebased}
        viewer={viewer}
      />
      <LocalTargetSection
        providerCode={providerCode}
        indicatorCode={indicator.code}
        indicatorName={indicator.name}
        unit={indicator.unit}
        periods={entry.series.map((point) => point.period)}
        viewer={viewer}
      />
      {indicator.unit === 'PERCENTAGE' && (
        <p className="nhsuk-body">
          <Link className="nhsuk-link" to={`/providers/compare?${compare.toString()}`}>
            Compare {providerCode} with every provider for {monthLabel(entry.latestPeriod.startDate)}
            <span className="nhsuk-u-visually-hidden"> on {indicator.name}</span>
          </Link>
        </p>
      )}
    </section>
  );
}
