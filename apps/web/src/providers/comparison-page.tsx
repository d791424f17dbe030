import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import type { FunnelAdjustment, FunnelPosition, ProviderComparisonQuery as ProviderComparisonResult } from '../gql/graphql';
import { DownloadCsvButton } from '../ui/download-csv-button';
import { csvNumber, formatCount, formatValue, monthLabel } from '../ui/format';
import { FunnelChart, type FunnelMark } from '../ui/funnel-chart';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, InsetText, Radios } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { FilterSelect } from '../ui/filter-select';
import { FiguresNotice } from './figures-notice';
import { ComparisonOptionsQuery, ProviderComparisonQuery } from './scorecard.operations';

type Comparison = ProviderComparisonResult['providerComparison'];
type Compared = Comparison['providers'][number];

/** How many months the period list offers, counting back from the latest month with data. */
const MONTHS_OFFERED = 36;

const POSITION_WORDS: Record<FunnelPosition, string> = {
  WITHIN: 'within the 95% limits',
  ABOVE_95: 'above the upper 95% limit',
  ABOVE_998: 'above the upper 99.8% limit',
  BELOW_95: 'below the lower 95% limit',
  BELOW_998: 'below the lower 99.8% limit',
};

const SHORT_POSITION_WORDS: Record<FunnelPosition, string> = {
  WITHIN: 'Within 95%',
  ABOVE_95: 'Above 95%',
  ABOVE_998: 'Above 99.8%',
  BELOW_95: 'Below 95%',
  BELOW_998: 'Below 99.8%',
};

/** The same, short, for the ranking beside the chart: "Below 99.8% (worse)". */
export function shortPositionWords(provider: Pick<Compared, 'position' | 'favourable'>): string {
  const where = SHORT_POSITION_WORDS[provider.position];
  if (provider.position === 'WITHIN' || provider.favourable === null || provider.favourable === undefined) return where;
  return `${where} (${provider.favourable ? 'better' : 'worse'})`;
}

/** The API's position and favourability, in words: "below the lower 99.8% limit: worse than expected". */
export function positionWords(provider: Pick<Compared, 'position' | 'favourable'>): string {
  const where = POSITION_WORDS[provider.position];
  if (provider.position === 'WITHIN') return where;
  if (provider.favourable === true) return `${where}: better than expected`;
  if (provider.favourable === false) return `${where}: worse than expected`;
  return where;
}

const ADJUSTMENT_CHOICES = [
  {
    value: 'ADDITIVE_RANDOM_EFFECTS',
    label: 'Allowing for differences between providers (recommended)',
    hint: 'The limits are widened by the variation between providers that chance alone does not explain (over-dispersion).',
  },
  {
    value: 'NONE',
    label: 'Chance alone',
    hint: 'The limits come from sampling error only. With thousands of attendances they are narrow, and most providers fall outside them.',
  },
] as const satisfies readonly { value: FunnelAdjustment; label: string; hint: string }[];

/** The adjustment in the address (`adjustment=NONE`); allowing for over-dispersion otherwise. */
function adjustmentOf(param: string | null): FunnelAdjustment {
  return param === 'NONE' ? 'NONE' : 'ADDITIVE_RANDOM_EFFECTS';
}

/** φ in words, to two decimal places at most: "602.19". */
function formatPhi(phi: number): string {
  return phi.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/** τ² to three significant figures: "0.012". */
function formatTau2(tau2: number): string {
  return tau2 === 0 ? '0' : tau2.toLocaleString('en-GB', { maximumSignificantDigits: 3 });
}

function markOf(provider: Pick<Compared, 'position' | 'favourable'>): FunnelMark {
  if (provider.position === 'WITHIN') return 'WITHIN';
  return provider.favourable === true ? 'BETTER' : provider.favourable === false ? 'WORSE' : 'OUTSIDE';
}

/** The first days of the `count` months up to and including `latest` ("2019-03-01"), newest first. */
function monthsBack(latest: string, count: number): string[] {
  const [year, month] = latest.split('-').map(Number);
  return Array.from({ length: count }, (_, back) => {
    const index = year * 12 + (month - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  });
}

/** `/providers/compare`: every provider on one indicator and month, as a funnel plot and a ranked table. */
export function ComparisonPage() {
  const [params, setParams] = useSearchParams();
  const options = useQuery(ComparisonOptionsQuery);
  const latest = options.data?.scorecardSummary.asOf ?? null;
  const indicators = (options.data?.scorecardSummary.indicators ?? []).filter((entry) => entry.unit === 'PERCENTAGE');
  const indicator = params.get('indicator') ?? indicators[0]?.code ?? '';
  const period = params.get('period') ?? latest ?? '';
  const highlight = params.get('provider')?.toUpperCase() ?? null;
  // Held here as well as in the address: the radio follows the click at once, not when the navigation settles.
  const [adjustment, setAdjustment] = useState<FunnelAdjustment>(() => adjustmentOf(params.get('adjustment')));
  const [draft, setDraft] = useState<{ indicator: string | null; period: string | null }>({ indicator: null, period: null });
  const { data, previousData, loading, error } = useQuery(ProviderComparisonQuery, { variables: { indicator, period, adjustment }, skip: !indicator || !period });
  const comparison = (data ?? previousData)?.providerComparison;
  const { code, reason } = errorCodes(error);
  usePageTitle(comparison ? `Compare providers: ${comparison.indicator.name}, ${comparison.period.label}` : 'Compare providers');

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    next.set('indicator', draft.indicator ?? indicator);
    next.set('period', draft.period ?? period);
    setParams(next);
  }

  function chooseAdjustment(value: string) {
    setAdjustment(adjustmentOf(value));
    const next = new URLSearchParams(params);
    if (adjustmentOf(value) === 'NONE') next.set('adjustment', 'NONE');
    else next.delete('adjustment');
    setParams(next, { replace: true });
  }

  const monthOptions = latest ? monthsBack(latest, MONTHS_OFFERED).map((month) => ({ value: month, label: monthLabel(month) })) : [];
  if (period && !monthOptions.some((option) => option.value === period)) monthOptions.unshift({ value: period, label: monthLabel(period) });

  return (
    <>
      <div className="nhsuk-back-link">
        <Link className="nhsuk-back-link__link" to="/providers">
          Providers
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">Compare providers</h1>
      <p className="nhsuk-lede-text">
        Every provider on one indicator in one month: a funnel plot of each value against its number of attendances, with 95% and 99.8% limits around the figure for all
        providers (allowing for the differences between providers that chance alone does not explain, unless you choose otherwise), and the providers ranked.
      </p>
      {comparison && <FiguresNotice indicators={[comparison.indicator]} where="here" />}
      {options.error && (
        <ErrorSummary title="The indicators could not be loaded" headingLevel="h2">
          <p>{describeError(options.error)}</p>
        </ErrorSummary>
      )}
      {options.loading && <Loading label="Loading the indicators" />}
      {options.data && (
        <form onSubmit={submit} className="ccg-search" aria-label="Choose the comparison">
          <FilterSelect
            id="compare-indicator"
            label="Indicator"
            value={draft.indicator ?? indicator}
            options={indicators.map((entry) => ({ value: entry.code, label: entry.name }))}
            onChange={(value) => setDraft({ ...draft, indicator: value })}
          />
          <FilterSelect id="compare-period" label="Month" value={draft.period ?? period} options={monthOptions} onChange={(value) => setDraft({ ...draft, period: value })} />
          <Button type="submit" secondary>
            Compare
          </Button>
        </form>
      )}
      {error && code === 'NOT_FOUND' && (
        <InsetText>
          <p>
            {reason === 'NO_VALUES_FOR_PERIOD'
              ? `No provider has a value for ${monthLabel(period)}. Choose another month.`
              : `There is no indicator with the code “${indicator}”. Choose one from the list.`}
          </p>
        </InsetText>
      )}
      {error && code !== 'NOT_FOUND' && (
        <ErrorSummary title="The comparison could not be loaded" headingLevel="h2">
          <p>{describeError(error)}</p>
        </ErrorSummary>
      )}
      {loading && !comparison && <Loading label="Loading the comparison" />}
      {options.data && (
        <Radios
          name="adjustment"
          idPrefix="compare-adjustment"
          legend="Funnel limits"
          legendSize="s"
          items={ADJUSTMENT_CHOICES}
          value={adjustment}
          onChange={chooseAdjustment}
        />
      )}
      {comparison && !error && <ComparisonResult comparison={comparison} highlight={highlight} updating={loading} />}
    </>
  );
}

function ComparisonResult({ comparison, highlight, updating }: { comparison: Comparison; highlight: string | null; updating: boolean }) {
  const { indicator, providers } = comparison;
  const unit = indicator.unit;
  const picked = highlight ? providers.find((entry) => entry.provider.code === highlight) : undefined;
  const denominatorName = 'attendances';
  const title = `${indicator.name}, ${comparison.period.label}`;
  const columns = ['Rank', 'ODS code', 'Provider', 'Value', 'Numerator', 'Denominator', 'Position'];
  return (
    <>
      <h2 className="nhsuk-heading-m">{title}</h2>
      <p className="nhsuk-body" role="status" aria-live="polite">
        {updating ? 'Updating… ' : ''}
        {providers.length} providers. All providers together: {formatValue(comparison.target, unit)} ({formatCount(comparison.totalNumerator)} of {formatCount(comparison.totalDenominator)}{' '}
        {denominatorName}).
        {comparison.standard ? ` Standard: ${formatValue(comparison.standard.threshold, unit)}.` : ''}
        {picked ? ` ${picked.provider.name} (${picked.provider.code}) ranks ${picked.rank} of ${providers.length}, ${positionWords(picked)}.` : ''}
      </p>
      <Overdispersion comparison={comparison} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-full">
          <h3 className="nhsuk-heading-s">Funnel plot</h3>
          <FunnelChart
            title={title}
            unit={unit}
            denominatorName={denominatorName}
            centre={comparison.target}
            points={providers.map((entry) => ({
              code: entry.provider.code,
              name: entry.provider.name,
              denominator: entry.denominator,
              value: entry.value,
              positionLabel: positionWords(entry),
              mark: markOf(entry),
            }))}
            limits={comparison.funnel}
            highlight={highlight}
            limitsNote={comparison.adjusted ? 'allowing for differences between providers' : 'chance alone'}
            initialWidth={960}
          />
        </div>
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-full">
          <h3 className="nhsuk-heading-s" id="ranking-heading">
            Ranking
          </h3>
          <div className="nhsuk-table-container ccg-scroll-table" role="region" aria-labelledby="ranking-heading" tabIndex={0}>
            <table className="nhsuk-table nhsuk-table--compact ccg-ranking">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{title}: providers ranked, best first</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                    Rank
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Provider
                  </th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                    Value
                  </th>
                  <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                    Attendances
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Against the limits
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {providers.map((entry) => (
                  <tr key={entry.provider.code} className={`nhsuk-table__row${entry.provider.code === highlight ? ' ccg-row--picked' : ''}`}>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{entry.rank}</td>
                    <td className="nhsuk-table__cell">
                      <Link className="nhsuk-link" to={`/providers/${encodeURIComponent(entry.provider.code)}#${encodeURIComponent(indicator.code)}`}>
                        {entry.provider.name}
                      </Link>{' '}
                      ({entry.provider.code})
                    </td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatValue(entry.value, unit)}</td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatCount(entry.denominator)}</td>
                    <td className="nhsuk-table__cell">{shortPositionWords(entry)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <DownloadCsvButton
            name={`Provider comparison ${indicator.code} ${comparison.period.startDate}${comparison.adjusted ? ' adjusted for over-dispersion' : ''}`}
            columns={columns}
            rows={providers.map((entry) => [entry.rank, entry.provider.code, entry.provider.name, csvNumber(entry.value, unit), entry.numerator, entry.denominator, positionWords(entry)])}
            what="ranking"
          />
        </div>
      </div>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
        Funnel limits for proportions (Spiegelhalter, 2005), on the arcsine-square-root scale, with over-dispersion estimated as FunnelPlotR 0.6.0 does (z-scores
        winsorised at 10%, additive random effects). Source: {indicator.source}.
      </p>
    </>
  );
}

/** φ and τ² in plain words, and how many providers the limits shown put outside 99.8%. */
function Overdispersion({ comparison }: { comparison: Comparison }) {
  const { overdispersionFactor: phi, tau2, adjusted, adjustment, providers } = comparison;
  const outside = providers.filter((entry) => entry.position === 'ABOVE_998' || entry.position === 'BELOW_998').length;
  const dispersed = phi > 1;
  return (
    <section aria-labelledby="overdispersion-heading">
      <h3 className="nhsuk-heading-s" id="overdispersion-heading">
        How much providers differ beyond chance
      </h3>
      <p className="nhsuk-body">
        {dispersed
          ? `Over-dispersion factor φ (phi): ${formatPhi(phi)}. These providers’ figures vary about ${formatPhi(phi)} times as much as chance alone would make them vary; 1 would mean chance alone.`
          : `Over-dispersion factor φ (phi): ${formatPhi(phi)}. These providers vary no more than chance alone would make them vary, so there is nothing to allow for.`}
      </p>
      <p className="nhsuk-body">
        {`Between-provider variance τ² (tau-squared): ${formatTau2(tau2)}. This is the extra spread between providers, beyond chance, measured on the scale the limits are drawn on. `}
        {adjusted
          ? 'The limits below add it to each provider’s own chance variation, so they are wider: a provider outside them stands out among providers, not only from the average.'
          : adjustment === 'NONE'
            ? 'The limits below leave it out: they show chance alone, so a provider outside them differs from the average, though not necessarily more than providers usually differ.'
            : 'The limits below are not widened, because the providers vary no more than chance explains.'}
      </p>
      <p className="nhsuk-body">
        {outside} of {providers.length} providers are outside the 99.8% limits shown.
      </p>
    </section>
  );
}
