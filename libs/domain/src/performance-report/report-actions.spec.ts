import { DomainError } from '../errors';
import { REPORT_ACTION_STATUSES, REPORT_ACTION_STATUS_LABELS, carryForwardActions, isReportActionStatus, type ReportActionStatus } from './report-actions';

interface Action {
  readonly id: string;
  readonly description: string;
  readonly status: ReportActionStatus;
  readonly dueOn: string | null;
}
const action = (id: string, status: ReportActionStatus, dueOn: string | null = '2018-06-30'): Action => ({ id, description: `Action ${id}`, status, dueOn });

describe('remedial actions carried forward', () => {
  it('carries the open actions into the next month’s report, in their order; done and dropped ones stop', () => {
    const previous = [action('a', 'OPEN'), action('b', 'DONE'), action('c', 'DROPPED'), action('d', 'OPEN', null)];
    const carried = carryForwardActions(previous, '2018-04-01');
    expect(carried.map((entry) => entry.id)).toEqual(['a', 'd']);
    expect(carried[0]).toEqual({ ...previous[0], overdue: false });
    expect(carryForwardActions([], '2018-04-01')).toEqual([]);
    expect(carryForwardActions([action('b', 'DONE'), action('c', 'DROPPED')], '2018-04-01')).toEqual([]);
  });

  it('keeps carrying an open action month after month until it is closed', () => {
    let actions: Action[] = [action('a', 'OPEN', '2018-12-31'), action('b', 'OPEN', '2018-12-31')];
    for (const month of ['2018-04-01', '2018-05-01', '2018-06-01']) actions = carryForwardActions(actions, month).map(({ overdue: _overdue, ...rest }) => rest);
    expect(actions.map((entry) => entry.id)).toEqual(['a', 'b']);
    actions = [{ ...actions[0], status: 'DONE' }, actions[1]];
    expect(carryForwardActions(actions, '2018-07-01').map((entry) => entry.id)).toEqual(['b']);
  });

  it('marks an open action overdue when it was due by the last day of the report’s month; never one without a date', () => {
    const due = (dueOn: string | null) => carryForwardActions([action('a', 'OPEN', dueOn)], '2018-04-17')[0].overdue;
    expect(due('2018-03-15')).toBe(true);
    expect(due('2018-04-30')).toBe(true);
    expect(due('2018-05-01')).toBe(false);
    expect(due(null)).toBe(false);
  });

  it('refuses an unknown status, a bad month or a bad due date', () => {
    expect(() => carryForwardActions([{ ...action('a', 'OPEN'), status: 'CLOSED' as ReportActionStatus }], '2018-04-01')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_REPORT_ACTION_STATUS' }),
    );
    expect(() => carryForwardActions([action('a', 'OPEN')], '2018-04')).toThrow(DomainError);
    expect(() => carryForwardActions([action('a', 'OPEN', '30/06/2018')], '2018-04-01')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('names the three statuses in words and recognises them', () => {
    expect(REPORT_ACTION_STATUSES).toEqual(['OPEN', 'DONE', 'DROPPED']);
    expect(REPORT_ACTION_STATUS_LABELS).toEqual({ OPEN: 'Open', DONE: 'Done', DROPPED: 'Dropped' });
    expect(isReportActionStatus('DONE')).toBe(true);
    expect(isReportActionStatus('CLOSED')).toBe(false);
  });
});
