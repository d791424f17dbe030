import { PROVIDER_STANDARDS, type ProviderStandard } from '@ccg-assure/domain';
import { scoreSeries, scoreSeriesAsAtEachMonth, targetsOfSeries, type IndicatorScore, type LatestValue, type MonthScore, type SeriesSettings } from './score-series';

// A recompute scores every month of a series in one pass (issue 19); each month must be exactly what `scoreSeries` of
// the values up to it gives (the stored-scores int-spec checks this on real imports; here the cases real data lacks:
// a standard whose polarity changes between versions, so the months are read in two directions, and every setting).

const base = PROVIDER_STANDARDS.find((standard) => standard.code === 'AE_4HR_ALL') as ProviderStandard;
/** Higher is better until March 2017, then (for this test only) lower is better against 5. */
const flipping: ProviderStandard[] = [
  { ...base, validFrom: '2015-04-01', validTo: '2017-03-31' },
  { ...base, polarity: 'LOWER_IS_BETTER', threshold: 5, validFrom: '2017-04-01', validTo: null },
];

function months(count: number): LatestValue[] {
  return Array.from({ length: count }, (_, i) => {
    const period = `${2015 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}-01`;
    const denominator = 1000 + ((i * 7919) % 900);
    const numerator = Math.round((denominator * (90 + ((i * 37) % 11) - (i > 20 ? 6 : 0))) / 100);
    return { periodType: 'MONTH', periodStart: period, periodEnd: period, periodLabel: period, numerator, denominator, value: (numerator * 100) / denominator };
  });
}

/** What a stored row keeps of `scoreSeries`: everything but the points before the latest. */
function asStored(score: IndicatorScore): MonthScore {
  const { analysis, ...rest } = score;
  return { ...rest, spc: { latest: analysis.points[analysis.points.length - 1], variationType: analysis.variationType, assuranceType: analysis.assuranceType, shortGroupWarning: analysis.shortGroupWarning } };
}

const settingsCases: [string, SeriesSettings][] = [
  ['the standard only', { targets: { standards: flipping, localTargets: [], trajectory: [] }, rebaseDates: [], fixAfterNPoints: null }],
  [
    'a local target, a trajectory, a baseline and rebases',
    {
      targets: { standards: flipping, localTargets: [{ effectiveFrom: '2016-01-01', value: 92 }], trajectory: [{ period: '2016-06-01', value: 93.5 }] },
      rebaseDates: ['2016-10-01', '2017-04-01'],
      fixAfterNPoints: 12,
    },
  ],
];

describe('scoreSeriesAsAtEachMonth', () => {
  it.each(settingsCases)('gives, as at every month, exactly what scoreSeries of the values up to it gives: %s', (_name, settings) => {
    const series = months(40);
    const points = series.map((month) => ({ period: month.periodStart, numerator: month.numerator, denominator: month.denominator, value: month.value }));
    const standardTargets = new Map();
    const scored = scoreSeriesAsAtEachMonth('AE_4HR_ALL', 'HIGHER_IS_BETTER', series, settings, targetsOfSeries('AE_4HR_ALL', series, settings, standardTargets));
    const fresh = series.map((latest, k) => scoreSeries('AE_4HR_ALL', 'HIGHER_IS_BETTER', points.slice(0, k + 1), latest, settings));
    expect(scored.months).toEqual(fresh.map(asStored));
    expect(scored.latestPoints).toEqual(fresh[fresh.length - 1].analysis.points);
    // Both directions were read: the case it is there for.
    expect(new Set(scored.months.map((month) => month.improvementDirection))).toEqual(new Set(['INCREASE', 'DECREASE']));
  });

  it('reads nothing for a series without values', () => {
    expect(scoreSeriesAsAtEachMonth('AE_4HR_ALL', 'HIGHER_IS_BETTER', [], settingsCases[0][1])).toEqual({ months: [], latestPoints: [] });
  });
});
