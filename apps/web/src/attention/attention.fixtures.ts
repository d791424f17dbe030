import type { MockLink } from '@apollo/client/testing';
import type { AttentionQuery as AttentionResult } from '../gql/graphql';
import { AttentionQuery } from './attention.operations';

type Row = AttentionResult['attention']['edges'][number]['node'];

/** A row of the attention view as the API answers (Leeds Teaching Hospitals' A&E four-hour standard, March 2019, by default). */
export function attentionRow(overrides: Partial<Row> = {}): Row {
  return {
    provider: { code: 'RR8', name: 'LEEDS TEACHING HOSPITALS NHS TRUST' },
    indicator: { code: 'AE_4HR_ALL', name: 'A&E: four-hour wait, all department types', unit: 'PERCENTAGE' },
    period: { startDate: '2019-03-01', label: 'March 2019' },
    value: 83.2,
    target: 95,
    targetSource: 'STANDARD',
    rag: 'RED',
    improvementDirection: 'INCREASE',
    variationType: 'SPECIAL_CAUSE_CONCERN',
    assuranceType: 'CONSISTENT_FAIL',
    funnelPosition: 'BELOW_998',
    funnelFavourable: false,
    trend: 'WORSENING',
    severity: { score: 12, level: 'HIGH', reasons: ['SPECIAL_CAUSE_CONCERN', 'CONSISTENTLY_FAILING_TARGET', 'FAILING_TARGET', 'UNFAVOURABLE_OUTLIER_998', 'WORSENING'] },
    links: { contractId: 'c-rr8', escalationItemIds: ['item-1'] },
    ...overrides,
  };
}

export const NO_FILTER = { ccg: null, region: null, indicators: null, variation: null, assurance: null, rag: null, funnelPosition: null, trend: null };

/** The API's answer to the attention query with these variables. */
export function attentionMock(variables: Record<string, unknown>, rows: Row[], scope: Partial<AttentionResult['attention']['scope']> = {}): MockLink.MockedResponse {
  return {
    request: { query: AttentionQuery, variables: { asOf: null, sort: 'SEVERITY', first: 50, ...variables } },
    result: {
      data: {
        attention: {
          asOf: '2019-03-01',
          totalCount: rows.length,
          scope: { kind: 'CCG', organisationCode: '02V', basis: 'REGION', isDefault: true, ...scope },
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: rows.map((node, i) => ({ cursor: `c${i}`, node })),
        },
      },
    },
  };
}
