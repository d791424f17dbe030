import * as performanceReport from './index';

describe('performance report public surface', () => {
  it('exports the lifecycle, versions, higher board, changed values, actions, sections and reportable months, each value defined', () => {
    expect(Object.keys(performanceReport).sort()).toEqual(
      [
        'FROZEN_PERFORMANCE_REPORT_STATES',
        'HIGHER_BOARD_KINDS',
        'HIGHER_BOARD_KIND_LABELS',
        'NHS_ENGLAND_FROM',
        'PERFORMANCE_REPORT_ACTIONS',
        'PERFORMANCE_REPORT_ACTION_LABELS',
        'PERFORMANCE_REPORT_ACTOR_KINDS',
        'PERFORMANCE_REPORT_STATES',
        'PERFORMANCE_REPORT_STATE_LABELS',
        'PERFORMANCE_REPORT_STATUS_CHANGES',
        'PERFORMANCE_REPORT_TRANSITIONS',
        'REPORT_ACTION_STATUSES',
        'REPORT_ACTION_STATUS_LABELS',
        'REPORT_SECTIONS',
        'REPORT_SECTION_KEYS',
        'REPORT_SECTION_TITLES',
        'TERMINAL_PERFORMANCE_REPORT_STATES',
        'VALUE_CHANGE_KINDS',
        'availablePerformanceReportActions',
        'carryForwardActions',
        'changedValues',
        'countChangedValues',
        'higherBoardFor',
        'isFrozenPerformanceReportState',
        'isPerformanceReportAction',
        'isPerformanceReportState',
        'isPubliclyReadableVersion',
        'isReportActionStatus',
        'isReportSectionKey',
        'nextPerformanceReportVersion',
        'performanceReportActionsFrom',
        'planPerformanceReportCorrection',
        'publicPerformanceReportVersion',
        'requirePerformanceReportTransition',
        'requireReportableMonth',
        'versionsSupersededByPublishing',
      ].sort(),
    );
    for (const value of Object.values(performanceReport)) expect(value).toBeDefined();
  });
});
