// Mocked GraphQL responses for the performance report pages' component tests, shaped as the API answers (issue 17).
import type { MockLink } from '@apollo/client/testing';
import type { PerformanceReportFieldsFragment, PerformanceReportOrganisationsQuery as OrganisationsResult } from '../gql/graphql';
import type { Viewer } from '../auth/viewer';
import { PerformanceReportOrganisationsQuery, PerformanceReportQuery, ReportCcgDatesQuery } from './performance-reports.operations';

export const leedsNorth = { __typename: 'Organisation' as const, code: '02V', name: 'NHS LEEDS NORTH CCG' };

export const demoAnalyst: Viewer = {
  id: '4',
  username: 'demo-analyst',
  displayName: 'Demo Analyst',
  mustChangePassword: false,
  roles: [{ role: 'ANALYST', organisation: { code: '02V', name: 'NHS LEEDS NORTH CCG' } }],
};

export const demoBoardMember: Viewer = {
  id: '5',
  username: 'demo-board-member',
  displayName: 'Demo Board Member',
  mustChangePassword: false,
  roles: [{ role: 'BOARD_MEMBER', organisation: { code: '02V', name: 'NHS LEEDS NORTH CCG' } }],
};

/** The viewer's organisations as the reports page asks for them: an analyst of 02V (open April 2013 to March 2018). */
/** 02V's dates: open from April 2013, closed on 31 March 2018 (merged into NHS Leeds CCG). */
export const ccgDatesMock: MockLink.MockedResponse = {
  request: { query: ReportCcgDatesQuery, variables: { ccg: '02V' } },
  result: { data: { organisation: { __typename: 'Organisation', code: '02V', openDate: '2013-04-01', closeDate: '2018-03-31' } } },
};

export function organisationsMock(role = 'ANALYST'): MockLink.MockedResponse {
  const me = {
    __typename: 'Viewer',
    id: '4',
    roles: [
      {
        __typename: 'RoleAssignment',
        role: role as never,
        organisation: { __typename: 'Organisation', code: '02V', name: 'NHS LEEDS NORTH CCG', type: 'CCG', openDate: null, closeDate: null, members: [] },
      },
    ],
  } as unknown as OrganisationsResult['me'];
  return { request: { query: PerformanceReportOrganisationsQuery }, result: { data: { me } } };
}

const version1 = { __typename: 'PerformanceReportVersion' as const, id: 'r1', version: 1, status: 'DRAFT' as const, statusLabel: 'Draft', publishedAt: null, publiclyReadable: false, correctionReason: null };

export function report(overrides: Partial<PerformanceReportFieldsFragment> = {}): PerformanceReportFieldsFragment {
  return {
    __typename: 'PerformanceReport',
    id: 'r1',
    month: '2018-03-01',
    monthLabel: 'March 2018',
    version: 1,
    status: 'DRAFT',
    statusLabel: 'Draft',
    frozen: false,
    publishedAt: null,
    pdfUrl: '/reports/performance-reports/r1.pdf',
    correctionReason: null,
    ccg: leedsNorth,
    rowVersion: 4,
    builtAt: '2026-05-10T09:00:00Z',
    preparedAt: '2026-05-10T08:30:00Z',
    preparedBy: 'Demo Analyst',
    providersBasis: 'CONTRACTS',
    publiclyReadable: false,
    changedValuesSinceFrozen: null,
    frozenValueCount: null,
    availableActions: ['EDIT', 'SUBMIT_TO_CCG'],
    higherBoard: {
      __typename: 'HigherBoard',
      kind: 'AREA_TEAM',
      kindLabel: 'NHS England area team',
      explanation: 'The area team the CCG was in that month.',
      lastKnown: false,
      organisationCode: 'Q72',
      organisationName: 'NHS ENGLAND YORKSHIRE AND THE HUMBER',
    },
    higherOrganisation: { __typename: 'Organisation', code: 'Q72', name: 'NHS ENGLAND YORKSHIRE AND THE HUMBER' },
    ccgSignOff: null,
    higherBoardSignOff: null,
    sections: [
      {
        __typename: 'ReportSection',
        key: 'SCORECARD',
        title: 'Provider scorecard',
        description: 'The CCG’s providers against the national standards.',
        summary: '1 provider indicator; 1 red.',
        commentary: null,
        commentaryUpdatedAt: null,
        commentaryUpdatedBy: null,
        items: [],
        scorecardRows: [
          {
            __typename: 'ReportScorecardRow',
            providerCode: 'RR8',
            providerName: 'Leeds Teaching Hospitals NHS Trust',
            indicatorCode: 'AE_4HR_ALL',
            indicatorName: 'A&E: four-hour wait, all department types',
            unit: 'PERCENTAGE',
            period: '2018-03-01',
            periodLabel: 'March 2018',
            value: 84.1,
            valueText: '84.1',
            target: 95,
            rag: 'RED',
            variationType: 'SPECIAL_CAUSE_CONCERN',
            assuranceType: 'CONSISTENT_FAIL',
            points: [
              { __typename: 'ReportChartPoint', period: '2018-01-01', value: 86.2, mean: 88, lowerProcessLimit: 84, upperProcessLimit: 92, pointType: 'COMMON_CAUSE' },
              { __typename: 'ReportChartPoint', period: '2018-02-01', value: 85.5, mean: 88, lowerProcessLimit: 84, upperProcessLimit: 92, pointType: 'COMMON_CAUSE' },
              { __typename: 'ReportChartPoint', period: '2018-03-01', value: 84.1, mean: 88, lowerProcessLimit: 84, upperProcessLimit: 92, pointType: 'SPECIAL_CAUSE_CONCERN' },
            ],
          },
        ],
      },
      {
        __typename: 'ReportSection',
        key: 'FINANCE',
        title: 'Financial position',
        description: 'Plan compliance, the forecast outturn against plan and QIPP.',
        summary: 'No financial plan is recorded for 2017/18.',
        commentary: 'The CCG expects to break even.',
        commentaryUpdatedAt: '2026-05-10T08:40:00Z',
        commentaryUpdatedBy: 'Demo Analyst',
        items: [],
        scorecardRows: [],
      },
      {
        __typename: 'ReportSection',
        key: 'ACTIONS',
        title: 'Remedial actions',
        description: 'Remedial actions signed off with the report, carried forward until closed.',
        summary: '1 open action.',
        commentary: null,
        commentaryUpdatedAt: null,
        commentaryUpdatedBy: null,
        items: [],
        scorecardRows: [],
      },
    ],
    annotations: [
      { __typename: 'SeriesAnnotation', id: 'a1', indicatorCode: 'AE_4HR_ALL', organisationCode: 'RR8', period: '2018-02-01', text: 'Norovirus closed two wards.', author: 'Demo Analyst', createdAt: '2026-05-10T08:45:00Z', reportId: 'r0' },
    ],
    actions: [
      {
        __typename: 'ReportAction',
        id: 'act1',
        description: 'Recovery plan for the four-hour standard',
        owner: 'Urgent care lead',
        providerCode: 'RR8',
        providerName: 'Leeds Teaching Hospitals NHS Trust',
        dueOn: '2018-04-30',
        status: 'OPEN',
        statusLabel: 'Open',
        overdue: false,
        carriedForward: true,
        raisedInMonth: '2018-02-01',
        version: 1,
      },
    ],
    history: [
      { __typename: 'PerformanceReportEvent', action: 'PREPARE', actionLabel: 'Prepared', actor: 'Demo Analyst', at: '2026-05-10T08:30:00Z', fromStatus: null, toStatus: 'DRAFT', reason: null, meeting: null, signedOn: null },
    ],
    versions: [version1],
    supersedes: null,
    supersededBy: null,
    ...overrides,
  } as PerformanceReportFieldsFragment;
}

export function reportMock(value: PerformanceReportFieldsFragment | null, id = 'r1'): MockLink.MockedResponse {
  return { request: { query: PerformanceReportQuery, variables: { id } }, result: { data: { performanceReport: value } } };
}
