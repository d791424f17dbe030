import { specialMeasuresClock } from '@ccg-assure/domain';
import { render, screen, within } from '@testing-library/react';
import { safeHref } from './evidence-links';
import { SpecialMeasuresClockPanel, SpecialMeasuresTimeline } from './special-measures-progress';

describe('special measures clock', () => {
  it('shows the whole months and days remaining and the day the 12 months end', () => {
    render(<SpecialMeasuresClockPanel clock={specialMeasuresClock('2015-10-01', '2016-02-15')} />);
    const clock = screen.getByTestId('special-measures-clock');
    expect(clock).toHaveTextContent('7 months remaining (229 days)');
    expect(clock).toHaveTextContent('Entered on 1 October 2015. Special measures apply for at most 12 months: they end by 1 October 2016.');
    expect(within(clock).queryByText('Overdue')).not.toBeInTheDocument();
  });

  it('says overdue, in words as well as colour, once the episode is still open 12 months after entry', () => {
    render(<SpecialMeasuresClockPanel clock={specialMeasuresClock('2015-01-31', '2016-02-10')} />);
    const clock = screen.getByTestId('special-measures-clock');
    expect(within(clock).getByText('Overdue')).toBeInTheDocument();
    expect(clock).toHaveTextContent('10 days past the 12 months');
    expect(clock).toHaveTextContent('they were due to end by 31 January 2016');
  });

  it('says less than a month remains in the last part-month', () => {
    render(<SpecialMeasuresClockPanel clock={specialMeasuresClock('2015-03-20', '2016-03-01')} />);
    expect(screen.getByTestId('special-measures-clock')).toHaveTextContent('Less than a month remaining (19 days)');
  });

  it('stops when the episode closes', () => {
    render(<SpecialMeasuresClockPanel clock={{ ...specialMeasuresClock('2015-03-20', '2016-01-01', '2015-12-01'), closedOn: '2015-12-01' }} />);
    expect(screen.getByTestId('special-measures-clock')).toHaveTextContent('Clock stopped on 1 December 2015.');
  });
});

describe('special measures steps', () => {
  it('marks the steps taken with their dates and details, and the current step', () => {
    render(
      <SpecialMeasuresTimeline
        episode={{
          state: 'EXTERNAL_REVIEW',
          proposedOn: '2015-09-01',
          events: [
            { action: 'DETERMINE_BY_NHS_ENGLAND', on: '2015-10-01' },
            { action: 'PUBLISH_NOTICE', on: '2015-10-08', noticeUrl: 'https://www.leedsnorthccg.nhs.uk/special-measures' },
            { action: 'COMMISSION_EXTERNAL_REVIEW', on: '2015-10-20' },
          ],
        }}
      />,
    );
    const steps = screen.getAllByRole('listitem').filter((item) => item.classList.contains('ccg-sm-steps__step'));
    expect(steps.map((step) => step.className.replace('ccg-sm-steps__step ccg-sm-steps__step--', ''))).toEqual(['done', 'done', 'done', 'done', 'current', 'todo', 'todo', 'todo']);
    expect(steps[1]).toHaveTextContent('1 October 2015: Determined by NHS England (no joint agreement)');
    expect(within(steps[2]).getByRole('link', { name: 'the notice on the CCG’s website' })).toHaveAttribute('href', 'https://www.leedsnorthccg.nhs.uk/special-measures');
    expect(steps[4]).toHaveAttribute('aria-current', 'step');
    expect(steps[4]).toHaveTextContent('Improvement director appointed, with programme office support (Current step)');
  });

  it('keeps delivery current while progress reports come, and lists them', () => {
    render(
      <SpecialMeasuresTimeline
        episode={{
          state: 'IN_PROGRESS',
          proposedOn: '2015-09-01',
          events: [
            { action: 'AGREE_WITH_CCG', on: '2015-10-01' },
            { action: 'PUBLISH_NOTICE', on: '2015-10-08' },
            { action: 'COMMISSION_EXTERNAL_REVIEW', on: '2015-10-20' },
            { action: 'APPOINT_IMPROVEMENT_DIRECTOR', on: '2015-11-02', improvementDirector: 'Jane Smith' },
            { action: 'SIGN_OFF_IMPROVEMENT_PLAN', on: '2015-12-01' },
            { action: 'START_DELIVERY', on: '2015-12-07' },
            { action: 'REPORT_PROGRESS', on: '2016-01-31', summary: 'Forecast deficit down by half' },
          ],
        }}
      />,
    );
    const delivery = screen.getByText(/Intensive support and regular progress reports/).closest('li') as HTMLElement;
    expect(delivery).toHaveAttribute('aria-current', 'step');
    expect(delivery).toHaveTextContent('31 January 2016: Progress report: Forecast deficit down by half');
    expect(screen.getByText(/Improvement director: Jane Smith/)).toBeInTheDocument();
  });

  it('leaves out the steps never taken once the episode has closed', () => {
    render(
      <SpecialMeasuresTimeline
        episode={{ state: 'ESCALATED', proposedOn: '2015-09-01', events: [{ action: 'DETERMINE_BY_NHS_ENGLAND', on: '2015-10-01' }, { action: 'ESCALATE', on: '2016-01-10', escalationKind: 'TAKEOVER' }] }}
      />,
    );
    expect(screen.queryByText(/Not started/)).not.toBeInTheDocument();
    expect(screen.getByText(/Escalated: Another CCG or other body takes over/)).toBeInTheDocument();
  });
});

describe('links people enter', () => {
  it('follows only web addresses', () => {
    expect(safeHref('https://www.cqc.org.uk/report/1')).toBe('https://www.cqc.org.uk/report/1');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});
