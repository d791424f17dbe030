// Mocked GraphQL responses for the providers area's component tests: shaped as the API answers,
// with values taken from the real RR8 A&E series where a test names them.
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import type { PointType, ProviderScorecardQuery, ScorecardSummaryQuery, SpecialCauseType } from '../gql/graphql';
import { ProviderScorecardQuery as ProviderScorecardDocument, RegionsQuery, ScorecardSummaryQuery as ScorecardSummaryDocument } from './scorecard.operations';

type ScorecardIndicator = ProviderScorecardQuery['providerScorecard']['indicators'][number];

const SOURCE = 'NHS England, A&E Attendances and Emergency Admissions (monthly return)';

/** 36 monthly points from April 2016; the last is a special cause concern below the lower limit. */
export function monthlySeries(count = 36): ScorecardIndicator['series'] {
  return Array.from({ length: count }, (_, index) => {
    const year = 2016 + Math.floor((index + 3) / 12);
    const month = ((index + 3) % 12) + 1;
    const last = index === count - 1;
    const specialCauseType: SpecialCauseType = last ? 'BELOW_LOWER_LIMIT' : 'COMMON_CAUSE';
    const pointType: PointType = last ? 'SPECIAL_CAUSE_CONCERN' : 'COMMON_CAUSE';
    return {
      period: `${year}-${String(month).padStart(2, '0')}-01`,
      value: last ? 74.5 : 85 + (index % 5),
      mean: 86.5,
      lowerProcessLimit: 76.1,
      upperProcessLimit: 93.0,
      closeToLimits: false,
      specialCauseType,
      pointType,
      rebaseGroup: 0,
      target: 95,
    };
  });
}

export function scorecardIndicator(overrides: Partial<ScorecardIndicator> = {}): ScorecardIndicator {
  const series = overrides.series ?? monthlySeries();
  const latest = series[series.length - 1];
  return {
    indicator: {
      code: 'AE_4HR_ALL',
      name: 'A&E: four-hour wait, all department types',
      description: 'Patients admitted, transferred or discharged within four hours of arrival at A&E, all department types (1, 2, 3 and 4).',
      unit: 'PERCENTAGE',
      polarity: 'HIGHER_IS_BETTER',
      source: SOURCE,
      definedByImport: true,
    },
    latestPeriod: { startDate: latest.period, label: 'March 2019' },
    latestValue: latest.value,
    latestNumerator: 15867,
    latestDenominator: 21298,
    standard: { code: 'AE_4HR_ALL', name: 'A&E: four-hour wait, all department types', threshold: 95, polarity: 'HIGHER_IS_BETTER', unit: 'PERCENTAGE', zeroTolerance: false, source: 'NHS Constitution' },
    rag: 'RED',
    improvementDirection: 'INCREASE',
    target: 95,
    targetSource: 'STANDARD',
    fixAfterNPoints: null,
    series,
    variationType: latest.pointType,
    assuranceType: 'CONSISTENT_FAIL',
    shortGroupWarning: false,
    ...overrides,
  };
}

export function scorecardMock(code: string, indicators: ScorecardIndicator[] = [scorecardIndicator()]): MockLink.MockedResponse {
  const data: ProviderScorecardQuery = {
    providerScorecard: {
      asOf: indicators.length ? '2019-03-01' : null,
      provider: { code, name: 'LEEDS TEACHING HOSPITALS NHS TRUST', closeDate: null },
      indicators,
    },
  };
  return { request: { query: ProviderScorecardDocument, variables: { code } }, result: { data } };
}

export function scorecardErrorMock(code: string, errorCode: string, reason: string): MockLink.MockedResponse {
  return {
    request: { query: ProviderScorecardDocument, variables: { code } },
    result: { errors: [new GraphQLError('refused', { extensions: { code: errorCode, reason } })] },
  };
}

export const regionsMock: MockLink.MockedResponse = {
  request: { query: RegionsQuery },
  result: {
    data: {
      organisations: {
        // As the bundled data holds them: CCGs by year, so each region's era shows; trusts undated.
        edges: [
          { node: { code: 'Y54', name: 'NORTH OF ENGLAND', closeDate: null, members: [{ validFrom: '2016-04-01', validTo: '2017-03-31' }, { validFrom: null, validTo: null }] } },
          { node: { code: 'Y56', name: 'London', closeDate: null, members: [{ validFrom: '2016-04-01', validTo: '2017-03-31' }, { validFrom: '2018-04-01', validTo: '2019-03-31' }] } },
          { node: { code: 'Y62', name: 'North West', closeDate: null, members: [{ validFrom: '2018-04-01', validTo: '2019-03-31' }] } },
        ],
      },
    },
  },
  maxUsageCount: 10,
};

type SummaryRow = ScorecardSummaryQuery['scorecardSummary']['edges'][number]['node'];

export function summaryRow(code: string, name: string, all: number | null, type1: number | null, variation: PointType = 'COMMON_CAUSE'): SummaryRow {
  const cell = (indicator: string, value: number | null) => ({
    indicator: { code: indicator },
    period: value === null ? null : '2019-03-01',
    value,
    threshold: value === null ? null : 95,
    rag: value === null ? null : value >= 95 ? ('GREEN' as const) : ('RED' as const),
    variationType: value === null ? null : variation,
    assuranceType: value === null ? null : ('HIT_AND_MISS' as const),
  });
  return { provider: { code, name, openDate: null, closeDate: null }, cells: [cell('AE_4HR_ALL', all), cell('AE_4HR_TYPE1', type1)] };
}

export function summaryMock(variables: Record<string, unknown>, rows: SummaryRow[], totalCount = rows.length, hasNextPage = false): MockLink.MockedResponse {
  const data: ScorecardSummaryQuery = {
    scorecardSummary: {
      asOf: '2019-03-01',
      totalCount,
      indicators: [
        { code: 'AE_4HR_ALL', name: 'A&E: four-hour wait, all department types', unit: 'PERCENTAGE', polarity: 'HIGHER_IS_BETTER', source: SOURCE, definedByImport: true },
        { code: 'AE_4HR_TYPE1', name: 'A&E: four-hour wait, type 1 departments', unit: 'PERCENTAGE', polarity: 'HIGHER_IS_BETTER', source: SOURCE, definedByImport: true },
      ],
      edges: rows.map((node) => ({ cursor: node.provider.code, node })),
      pageInfo: { hasNextPage, endCursor: rows.length ? rows[rows.length - 1].provider.code : null },
    },
  };
  return { request: { query: ScorecardSummaryDocument, variables }, result: { data } };
}
