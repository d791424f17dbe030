import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import type { FunnelPosition, ProviderComparisonQuery as ProviderComparisonResult } from '../gql/graphql';
import { DownloadCsvButton } from '../ui/download-csv-button';
import { csvNumber, formatCount, formatValue, monthLabel } from '../ui/format';
import { FunnelChart, type FunnelMark } from '../ui/funnel-chart';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, InsetText } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';
import { FilterSelect } from '../ui/filter-select';
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
  const [draft, setDraft] = useState<{ indicator: string | null; period: string | null }>({ indicator: null, period: null });
  const { data, previousData, loading, error } = useQuery(ProviderComparisonQuery, { variables: { indicator, period }, skip: !indicator || !period });
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
        providers, and the providers ranked.
      </p>
      <InsetText>
        <p>These are real figures: published NHS England data (A&amp;E attendances and emergency admissions, monthly return), as published. Nothing here is illustrative.</p>
      </InsetText>
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
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
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
            initialWidth={460}
          />
        </div>
        <div className="nhsuk-grid-column-one-half">
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
            name={`Provider comparison ${indicator.code} ${comparison.period.startDate}`}
            columns={columns}
            rows={providers.map((entry) => [entry.rank, entry.provider.code, entry.provider.name, csvNumber(entry.value, unit), entry.numerator, entry.denominator, positionWords(entry)])}
            what="ranking"
          />
        </div>
      </div>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
        Funnel limits for proportions (Spiegelhalter, 2005): a provider outside the 99.8% limits differs from the figure for all providers by more than chance would
        explain. Source: {indicator.source}.
      </p>
    </>
  );
}
