import { DomainError } from '../errors';
import { requireReportableMonth } from './report-month';

// NHS Leeds North CCG as ODS records it: open 1 April 2013, closed 31 March 2018 (merged into NHS Leeds CCG, 15F).
const LEEDS_NORTH = { code: '02V', openDate: '2013-04-01', closeDate: '2018-03-31' };
const TODAY = '2025-06-01';

function refusal(run: () => unknown): DomainError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('requireReportableMonth', () => {
  it('takes any month the CCG was open on at least one day of, as its first day', () => {
    expect(requireReportableMonth('2018-03-01', LEEDS_NORTH, TODAY)).toBe('2018-03-01');
    expect(requireReportableMonth('2018-03-31', LEEDS_NORTH, TODAY)).toBe('2018-03-01');
    expect(requireReportableMonth('2013-04-15', LEEDS_NORTH, TODAY)).toBe('2013-04-01');
    expect(requireReportableMonth('2013-04-01', { code: '02V', openDate: '2013-04-30', closeDate: null }, TODAY)).toBe('2013-04-01');
    expect(requireReportableMonth('2010-01-01', { code: 'X', openDate: null, closeDate: null }, TODAY)).toBe('2010-01-01');
  });

  it('refuses a month after the CCG closed or before it opened (Leeds North has no April 2018)', () => {
    const error = refusal(() => requireReportableMonth('2018-04-01', LEEDS_NORTH, TODAY));
    expect(error?.code).toBe('CCG_NOT_OPEN_IN_MONTH');
    const message = '02V was not open in that month: it was open 2013-04-01 to 2018-03-31.';
    expect(error?.message).toBe(message);
    expect(error?.details).toEqual({ ccg: '02V', month: '2018-04-01', openDate: '2013-04-01', closeDate: '2018-03-31', fields: { month: message } });
    expect(refusal(() => requireReportableMonth('2013-03-01', LEEDS_NORTH, TODAY))?.code).toBe('CCG_NOT_OPEN_IN_MONTH');
    expect(refusal(() => requireReportableMonth('2013-03-01', { code: 'Y', openDate: '2013-04-01', closeDate: null }, TODAY))?.message).toBe(
      'Y was not open in that month: it was open 2013-04-01 to now.',
    );
    expect(refusal(() => requireReportableMonth('2019-03-01', { code: 'Z', openDate: null, closeDate: '2018-03-31' }, TODAY))?.message).toBe(
      'Z was not open in that month: it was open from a date not known to 2018-03-31.',
    );
  });

  it('refuses a month that has not ended by today; the day after it ends is fine', () => {
    const leeds = { code: '15F', openDate: '2018-04-01', closeDate: null };
    expect(requireReportableMonth('2025-05-01', leeds, '2025-06-01')).toBe('2025-05-01');
    const error = refusal(() => requireReportableMonth('2025-05-01', leeds, '2025-05-31'));
    expect(error?.code).toBe('MONTH_NOT_ENDED');
    expect(error?.details).toEqual({ month: '2025-05-01', today: '2025-05-31', fields: { month: 'A report is prepared for a month that has ended.' } });
  });

  it('refuses dates that are not calendar dates', () => {
    expect(refusal(() => requireReportableMonth('2018-03', LEEDS_NORTH, TODAY))?.code).toBe('INVALID_DATE');
    expect(refusal(() => requireReportableMonth('2018-03-01', { ...LEEDS_NORTH, closeDate: '31/03/2018' }, TODAY))?.code).toBe('INVALID_DATE');
    expect(refusal(() => requireReportableMonth('2018-03-01', LEEDS_NORTH, 'today'))?.code).toBe('INVALID_DATE');
  });
});
