import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ViewerQuery } from '../gql/graphql';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { monthlySeries, scorecardIndicator, scorecardMock } from './scorecard.fixtures';
import { RecordRebaseMutation, SeriesBaselineQuery, SetSeriesBaselineMutation } from './series-baseline.operations';

jest.setTimeout(20_000);

const analyst: NonNullable<ViewerQuery['me']> = {
  id: '4',
  username: 'demo-analyst',
  displayName: 'Demo Analyst',
  mustChangePassword: false,
  roles: [{ role: 'ANALYST', organisation: { code: '03N', name: 'NHS SHEFFIELD CCG' } }],
};
const series = { organisationCode: 'RR8', indicatorCode: 'AE_4HR_ALL' };
const baseline = (fixAfterNPoints: number | null, fixReason: string | null, rebases: { rebaseDate: string; reason: string }[] = []) => ({
  seriesBaseline: { __typename: 'SeriesBaseline', ...series, fixAfterNPoints, fixReason, rebases: rebases.map((rebase) => ({ __typename: 'SeriesRebase', ...rebase })) },
});
const baselineMock = (data: ReturnType<typeof baseline>) => ({ request: { query: SeriesBaselineQuery, variables: { series } }, result: { data } });

describe('baselines and rebases on the provider scorecard', () => {
  it('lets an analyst fix the limits after 12 values, refused below 12 before anything is sent, and the chart follows', async () => {
    const fixed = scorecardIndicator({ fixAfterNPoints: 12 });
    renderApp('/providers/RR8', [
      viewerMock(analyst),
      scorecardMock('RR8'),
      baselineMock(baseline(null, null)),
      {
        request: { query: SetSeriesBaselineMutation, variables: { input: { ...series, fixAfterNPoints: 12, reason: 'The 2016/17 year' } } },
        result: { data: { setSeriesBaseline: baseline(12, 'The 2016/17 year').seriesBaseline } },
      },
      scorecardMock('RR8', [fixed]),
      baselineMock(baseline(12, 'The 2016/17 year')),
    ]);
    const section = await screen.findByRole('region', { name: 'A&E: four-hour wait, all department types' });
    await userEvent.click(within(section).getByText('Record a baseline or rebase'));
    // The forms are a script of their own, fetched for an analyst: wait for them.
    const points = await within(section).findByLabelText('Fix the limits on the first how many values?');
    await userEvent.type(points, '11');
    await userEvent.click(within(section).getByRole('button', { name: 'Save the baseline' }));
    const summary = await within(section).findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter a whole number of values, 12 or more' })).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: 'Enter the reason' })).toBeInTheDocument();

    await userEvent.clear(points);
    await userEvent.type(points, '12');
    await userEvent.type(within(section).getAllByLabelText('Reason')[0], 'The 2016/17 year');
    await userEvent.click(within(section).getByRole('button', { name: 'Save the baseline' }));
    expect(await within(section).findByText('The limits are now fixed on the first 12 values.')).toBeInTheDocument();
    expect(await within(section).findByText('Fixed on the first 12 values of each period and extended forward: The 2016/17 year')).toBeInTheDocument();
    expect(within(section).getAllByTestId('baseline-mark')).toHaveLength(1);
  });

  it('lets an analyst record a rebase at one of the series’ months, with the reason, and lists it', async () => {
    const rebasedSeries = monthlySeries().map((point, index) => ({ ...point, rebaseGroup: index >= 24 ? 1 : 0 }));
    renderApp('/providers/RR8', [
      viewerMock(analyst),
      scorecardMock('RR8'),
      baselineMock(baseline(null, null)),
      {
        request: { query: RecordRebaseMutation, variables: { input: { ...series, rebaseDate: '2018-04-01', reason: 'New streaming pathway' } } },
        result: { data: { recordRebase: baseline(null, null, [{ rebaseDate: '2018-04-01', reason: 'New streaming pathway' }]).seriesBaseline } },
      },
      scorecardMock('RR8', [scorecardIndicator({ series: rebasedSeries })]),
      baselineMock(baseline(null, null, [{ rebaseDate: '2018-04-01', reason: 'New streaming pathway' }])),
    ]);
    const section = await screen.findByRole('region', { name: 'A&E: four-hour wait, all department types' });
    await userEvent.click(within(section).getByText('Record a baseline or rebase'));
    await userEvent.selectOptions(await within(section).findByLabelText('Recalculate the limits from'), '2018-04-01');
    await userEvent.type(within(section).getAllByLabelText('Reason')[1], 'New streaming pathway');
    await userEvent.click(within(section).getByRole('button', { name: 'Record the rebase' }));
    expect(await within(section).findByText('The limits are now recalculated from April 2018.')).toBeInTheDocument();
    expect(await within(section).findByText('Recalculated from April 2018: New streaming pathway')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Remove the rebase from April 2018' })).toBeInTheDocument();
  });

  it('shows a commissioning manager the recorded reasons but no forms', async () => {
    const rebasedSeries = monthlySeries().map((point, index) => ({ ...point, rebaseGroup: index >= 24 ? 1 : 0 }));
    renderApp('/providers/RR8', [
      viewerMock(demoCommissioningManager),
      scorecardMock('RR8', [scorecardIndicator({ series: rebasedSeries })]),
      baselineMock(baseline(null, null, [{ rebaseDate: '2018-04-01', reason: 'New streaming pathway' }])),
    ]);
    const section = await screen.findByRole('region', { name: 'A&E: four-hour wait, all department types' });
    expect(await within(section).findByText('Recalculated from April 2018: New streaming pathway')).toBeInTheDocument();
    expect(within(section).queryByText('Record a baseline or rebase')).toBeNull();
  });
});
