import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RatingsChart, wrapLabel, type ChartedAssessment } from './ratings-chart';

const q = (id: string, periodLabel: string, assessedOn: string, category: ChartedAssessment['category'], ratings: Record<string, ChartedAssessment['category']>): ChartedAssessment => ({
  id,
  periodLabel,
  periodStart: assessedOn.slice(0, 8) + '01',
  assessedOn,
  framework: '2015-16',
  category,
  ratings: Object.entries(ratings).map(([domain, rating]) => ({ domain, rating })),
});

const good = { WELL_LED: 'GOOD', PERFORMANCE: 'GOOD', FINANCIAL_MANAGEMENT: 'GOOD', PLANNING: 'GOOD', DELEGATED_FUNCTIONS: 'GOOD' } as const;

describe('ratings by domain over time', () => {
  it('draws one row per component and the overall category, one column per assessment oldest first, each cell saying its rating', () => {
    const { container } = render(
      <RatingsChart
        subject="NHS Leeds North CCG"
        csvName="Assurance ratings 02V"
        assessments={[
          q('b', 'Q2 2015/16', '2015-09-30', 'LIMITED_ASSURANCE', { ...good, FINANCIAL_MANAGEMENT: 'NOT_ASSURED' }),
          q('a', 'Q1 2015/16', '2015-06-30', 'GOOD', good),
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: 'NHS Leeds North CCG: ratings by component, CCG assurance framework 2015/16' });
    expect(container.querySelectorAll('g[data-row]')).toHaveLength(6);
    const finance = container.querySelector('g[data-row="FINANCIAL_MANAGEMENT"]') as Element;
    expect([...finance.querySelectorAll('g[data-rating]')].map((cell) => cell.getAttribute('data-rating'))).toEqual(['GOOD', 'NOT_ASSURED']);
    // colour is never the only signal: each cell writes its rating
    expect(within(finance as HTMLElement).getByText('Not assured')).toBeInTheDocument();
    expect(chart).toHaveAccessibleDescription(/2 assessments from Q1 2015\/16 to Q2 2015\/16\. Latest \(Q2 2015\/16\): overall Limited assurance \(requires improvement\); .*Financial management Not assured/);
  });

  it('has the same ratings as a table, with a CSV download', async () => {
    render(<RatingsChart subject="NHS Leeds North CCG" csvName="Assurance ratings 02V" assessments={[q('a', 'Q1 2015/16', '2015-06-30', 'GOOD', { ...good, PLANNING: 'OUTSTANDING' })]} />);
    await userEvent.click(screen.getByText('Show the ratings as a table'));
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Period',
      'Assessed on',
      'Overall category',
      'Well led',
      'Performance',
      'Financial management',
      'Planning',
      'Delegated functions',
    ]);
    expect(within(table).getByRole('row', { name: /Q1 2015\/16/ })).toHaveTextContent('30 June 2015GoodGoodGoodGoodOutstandingGood');
    expect(screen.getByRole('button', { name: /Download CSV/ })).toBeEnabled();
  });

  it('draws a chart for each framework year when the ratings span both', () => {
    render(
      <RatingsChart
        subject="NHS Leeds North CCG"
        csvName="Assurance ratings 02V"
        assessments={[
          { ...q('old', 'Q4 2014/15', '2015-03-31', 'GOOD', {}), framework: '2013-14', ratings: [{ domain: 'STRONG_LEADERSHIP', rating: 'GOOD' }] },
          q('new', 'Q1 2015/16', '2015-06-30', 'GOOD', good),
        ]}
      />,
    );
    expect(screen.getByRole('heading', { name: 'CCG assurance framework 2013/14' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /ratings by domain, CCG assurance framework 2013\/14/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /ratings by component, CCG assurance framework 2015\/16/ })).toBeInTheDocument();
  });

  it('says so when there is nothing to chart', () => {
    render(<RatingsChart subject="NHS Leeds North CCG" csvName="x" assessments={[]} />);
    expect(screen.getByText('No assessments to chart yet.')).toBeInTheDocument();
  });

  it('wraps long domain names at spaces', () => {
    expect(wrapLabel('Clinically led, high-quality commissioning', 20)).toEqual(['Clinically led,', 'high-quality', 'commissioning']);
  });
});
