import { screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { renderApp, viewerMock } from '../testing/render-app';
import { ALL_GOOD, assessmentFixture } from './assurance.fixtures';
import { CcgAssuranceReportQuery, EnglandAssuranceReportQuery } from './annual-report.operations';

describe('annual assurance reports', () => {
  it('prints a CCG’s published year, signed out, with its PDF from the API', async () => {
    const published = assessmentFixture({ ratings: { ...ALL_GOOD, PLANNING: 'OUTSTANDING' }, decided: 'GOOD', status: 'PUBLISHED' });
    renderApp('/assurance/reports/02v/2015-16', [
      viewerMock(null),
      {
        request: { query: CcgAssuranceReportQuery, variables: { ccg: '02V', financialYear: '2015/16' } },
        result: {
          data: {
            ccgAssuranceReport: {
              __typename: 'CcgAssuranceReport',
              ccg: { __typename: 'Organisation', code: '02V', name: 'NHS LEEDS NORTH CCG' },
              financialYear: '2015/16',
              generatedOn: '2016-04-02',
              latestCategory: 'GOOD',
              assessments: [published],
              specialMeasures: [],
              stakeholderSurvey: [],
              illustrative: false,
            },
          },
        },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Annual assurance report 2015/16 NHS Leeds North CCG (02V)' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Download PDF/ })).toHaveAttribute('href', '/reports/assurance/02V/2015-16.pdf');
    expect(screen.getByRole('button', { name: 'Print this report' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Ratings by quarter/ });
    expect(within(table).getByRole('row', { name: /2015\/16 Q2/ })).toHaveTextContent('GoodGoodGoodGoodOutstandingGood');
    expect(screen.getByText('The CCG was not in special measures during the year.')).toBeInTheDocument();
  });

  it('says when nothing was published for the year, and offers the years either side', async () => {
    const none = new GraphQLError('Nothing was published for 2019/20.', { extensions: { code: 'NOT_FOUND', reason: 'NO_PUBLISHED_ASSESSMENTS' } });
    renderApp('/assurance/reports/england/2019-20', [viewerMock(null), { request: { query: EnglandAssuranceReportQuery, variables: { financialYear: '2019/20' } }, result: { errors: [none] } }]);
    expect(await screen.findByText('Nothing was published for any CCG in 2019/20, so there is no report for that year.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Download PDF/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '2018/19' })).toHaveAttribute('href', '/assurance/reports/england/2018-19');
    expect(screen.getByRole('link', { name: '2020/21' })).toHaveAttribute('href', '/assurance/reports/england/2020-21');
  });
});
