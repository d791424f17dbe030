// Mocked GraphQL responses for the contracts area's component tests, shaped as the API answers (issue 15).
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import type { ContractNoticeFieldsFragment, ContractNoticeStatus, ContractQuery as ContractResult, LedgerEntryFieldsFragment, SanctionTotalsFieldsFragment } from '../gql/graphql';
import { monthlySeries } from '../providers/scorecard.fixtures';
import { ContractNoticeQuery, ContractQuery, ProviderSeriesQuery } from './contracts.operations';

type Contract = NonNullable<ContractResult['contract']>;

export const rr8 = { code: 'RR8', name: 'LEEDS TEACHING HOSPITALS NHS TRUST' };
export const leedsNorth = { code: '02V', name: 'NHS LEEDS NORTH CCG' };
export const leedsWest = { code: '03C', name: 'NHS LEEDS WEST CCG' };
export const aeAll = { code: 'AE_4HR_ALL', name: 'A&E: four-hour wait, all department types', unit: 'PERCENTAGE', polarity: 'HIGHER_IS_BETTER' as const };
export const ILLUSTRATIVE_NOTE = 'Illustrative demonstration contract, not a real contract.';

export function totals(overrides: Partial<SanctionTotalsFieldsFragment> = {}): SanctionTotalsFieldsFragment {
  return {
    __typename: 'SanctionTotals',
    calculated: '0.00',
    applied: '0.00',
    waived: '0.00',
    withheld: '0.00',
    returned: '0.00',
    unallocated: '0.00',
    unallocatedEntries: 0,
    byUse: [],
    ...overrides,
  } as SanctionTotalsFieldsFragment;
}

export function ledgerEntry(overrides: Partial<LedgerEntryFieldsFragment> = {}): LedgerEntryFieldsFragment {
  return {
    __typename: 'SanctionLedgerEntry',
    id: 'e1',
    kind: 'SANCTION',
    basis: 'DATA',
    description: 'A&E four-hour breaches beyond the tolerance',
    sanctionCode: 'LOCAL_AE_4HR',
    period: '2018-03-01',
    count: 1034,
    unitValue: '120.00',
    amount: '124080.00',
    status: 'CALCULATED',
    reason: null,
    incomeUse: null,
    incomeUseNote: null,
    noticeId: null,
    version: 1,
    availableActions: ['APPLY', 'WAIVE'],
    createdAt: '2026-12-06T09:41:00Z',
    ...overrides,
  } as LedgerEntryFieldsFragment;
}

type Ledger = NonNullable<Contract['sanctionLedger']>;

/** The contract's ledger: one local sanction, no entries unless given. */
export function ledger(overrides: Partial<Ledger> = {}): Ledger {
  return {
    contractId: 'c1',
    viewerMayAct: true,
    sanctions: [{ id: 's1', code: 'LOCAL_AE_4HR', description: 'A&E four-hour breaches beyond the tolerance', unitValue: '120.00', countUnit: 'BREACH_BEYOND_TOLERANCE', scope: 'LOCAL' }],
    entries: [],
    totals: totals(),
    ...overrides,
  };
}

export function contract(overrides: Partial<Contract> = {}): Contract {
  return {
    __typename: 'Contract',
    id: 'c1',
    title: 'Acute services 2017/18 (illustrative)',
    reference: null,
    financialYear: '2017/18',
    contractValue: '520000000.00',
    illustrative: true,
    illustrativeNote: ILLUSTRATIVE_NOTE,
    viewerMayAct: true,
    version: 1,
    provider: rr8,
    leadCommissioner: leedsNorth,
    associates: [leedsWest],
    managementTerms: { financialYear: '2017/18', meetingWithinOperationalDays: 10, rapAgreeWithinOperationalDays: 5, withholdingPercent: '2', source: 'NHS Standard Contract 2017/18, GC9' },
    monitoredIndicators: [
      {
        indicator: aeAll,
        threshold: 95,
        thresholdSource: 'NATIONAL',
        value: 84.2,
        period: '2018-03-01',
        periodLabel: 'March 2018',
        rag: 'RED',
        meetsThreshold: false,
        variationType: 'SPECIAL_CAUSE_CONCERN',
        assuranceType: 'CONSISTENT_FAIL',
      },
    ],
    breachProposals: [
      {
        id: 'b1',
        status: 'OPEN',
        period: '2018-03-01',
        periodLabel: 'March 2018',
        value: 84.2,
        threshold: 95,
        rag: 'RED',
        variationType: 'SPECIAL_CAUSE_CONCERN',
        assuranceType: 'CONSISTENT_FAIL',
        reasons: ['THRESHOLD_NOT_MET', 'CONSISTENT_FAIL'],
        dismissedReason: null,
        indicator: { code: aeAll.code, name: aeAll.name, unit: aeAll.unit },
      },
    ],
    notices: [],
    sanctionLedger: ledger(),
    ...overrides,
  } as Contract;
}

export function contractMock(value: Contract | null): MockLink.MockedResponse {
  return { request: { query: ContractQuery, variables: { id: value?.id ?? 'c1' } }, result: { data: { contract: value } }, maxUsageCount: 5 };
}

export function errorMock(query: MockLink.MockedResponse['request']['query'], variables: Record<string, unknown>, code: string, reason: string): MockLink.MockedResponse {
  return { request: { query, variables }, result: { errors: [new GraphQLError('refused', { extensions: { code, reason } })] } };
}

export const providerSeriesMock: MockLink.MockedResponse = {
  request: { query: ProviderSeriesQuery, variables: { code: 'RR8' } },
  result: {
    data: {
      providerScorecard: {
        indicators: [{ indicator: { code: aeAll.code, name: aeAll.name, unit: aeAll.unit }, target: 95, series: monthlySeries().map(({ closeToLimits: _unused, ...point }) => point) }],
      },
    },
  },
  maxUsageCount: 5,
};

export function notice(status: ContractNoticeStatus, availableActions: ContractNoticeFieldsFragment['availableActions'], overrides: Partial<ContractNoticeFieldsFragment> = {}): ContractNoticeFieldsFragment {
  const issued = status !== 'DRAFT';
  return {
    __typename: 'ContractNotice',
    id: 'n1',
    status,
    statusLabel: status,
    version: 3,
    issuedOn: issued ? '2026-12-01' : null,
    responseMeetingBy: issued ? '2026-12-15' : null,
    meetingHeldOn: null,
    createdAt: '2026-12-01T09:00:00Z',
    raisedFrom: 'BREACH_PROPOSAL',
    availableActions,
    proposedNextStep: null,
    evidenceChangedSince: 0,
    indicators: [aeAll],
    contract: {
      id: 'c1',
      title: 'Acute services 2017/18 (illustrative)',
      reference: null,
      financialYear: '2017/18',
      contractValue: '520000000.00',
      illustrative: true,
      illustrativeNote: ILLUSTRATIVE_NOTE,
      viewerMayAct: availableActions.length > 0,
      provider: rr8,
      leadCommissioner: leedsNorth,
      associates: [leedsWest],
      managementTerms: { meetingWithinOperationalDays: 10, rapAgreeWithinOperationalDays: 5, withholdingPercent: '2', source: 'GC9' },
    },
    evidence: {
      frozen: issued,
      frozenAt: issued ? '2026-12-01T09:30:00Z' : null,
      indicators: [
        {
          indicator: { code: aeAll.code, name: aeAll.name, unit: aeAll.unit },
          period: '2019-03-01',
          periodLabel: 'March 2019',
          value: 74.5,
          numerator: 15867,
          denominator: 21298,
          threshold: 95,
          thresholdSource: 'NATIONAL',
          target: 95,
          rag: 'RED',
          variationType: 'SPECIAL_CAUSE_CONCERN',
          assuranceType: 'CONSISTENT_FAIL',
          points: monthlySeries().map(({ closeToLimits: _unused, ...point }) => point),
        },
      ],
    },
    history: [{ action: 'PROPOSE', actorName: 'Demo Commissioning Manager', at: '2026-12-01T09:00:00Z', fromStatus: null, toStatus: 'DRAFT', meetingOn: null, note: null }],
    remedialActionPlan: null,
    ...overrides,
  } as ContractNoticeFieldsFragment;
}

export function noticeMock(value: ContractNoticeFieldsFragment): MockLink.MockedResponse {
  return { request: { query: ContractNoticeQuery, variables: { id: value.id } }, result: { data: { contractNotice: value } }, maxUsageCount: 5 };
}
