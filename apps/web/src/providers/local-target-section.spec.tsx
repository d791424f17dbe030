import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { parseTrajectory } from './local-target-forms';
import { scorecardIndicator, scorecardMock } from './scorecard.fixtures';
import { LocalTargetsQuery, SeriesTrajectoryQuery, SetLocalTargetMutation, SetTrajectoryMutation } from './series-baseline.operations';

jest.setTimeout(20_000);

const series = { organisationCode: 'RR8', indicatorCode: 'AE_4HR_ALL' };
const localTargets = (rows: { effectiveFrom: string; target: number; agreedBy: string; reason: string }[]) => ({
  request: { query: LocalTargetsQuery, variables: { series } },
  result: { data: { localTargets: rows.map((row) => ({ __typename: 'LocalTarget', ...row })) } },
});
const trajectory = (months: { period: string; value: number }[]) => ({
  request: { query: SeriesTrajectoryQuery, variables: { series } },
  result: { data: { trajectory: { __typename: 'Trajectory', ...series, agreedBy: months.length ? '02V' : null, months: months.map((m) => ({ __typename: 'TrajectoryMonth', ...m })) } } },
});

describe('local targets and trajectories on the provider scorecard', () => {
  it('lets a commissioning manager agree a local target for their CCG from a month; the scorecard follows', async () => {
    const agreed = { effectiveFrom: '2019-04-01', target: 88.5, agreedBy: '02V', reason: 'Agreed at the April contract review' };
    renderApp('/providers/RR8', [
      viewerMock(demoCommissioningManager),
      scorecardMock('RR8'),
      localTargets([]),
      trajectory([]),
      {
        request: { query: SetLocalTargetMutation, variables: { input: { ...series, ccgCode: '02V', effectiveFrom: '2019-04-01', target: 88.5, reason: 'Agreed at the April contract review' } } },
        result: { data: { setLocalTarget: { __typename: 'LocalTarget', ...series, ...agreed } } },
      },
      scorecardMock('RR8', [scorecardIndicator({ target: 88.5, targetSource: 'LOCAL_TARGET' })]),
      localTargets([agreed]),
      trajectory([]),
    ]);
    const section = await screen.findByRole('region', { name: 'A&E: four-hour wait, all department types' });
    await userEvent.click(within(section).getByText('Agree a local target or trajectory'));
    // The forms are a script of their own, fetched for a commissioning manager: wait for them.
    expect(await within(section).findAllByText('Agreed on behalf of 02V.')).toHaveLength(2);
    await userEvent.click(within(section).getByRole('button', { name: 'Agree the local target' }));
    const summary = await within(section).findByRole('alert');
    for (const message of ['Choose the month it starts', 'Enter a target from 0 to 100, with at most four decimal places', 'Enter what was agreed, and by whom']) {
      expect(within(summary).getByRole('link', { name: message })).toBeInTheDocument();
    }
    await userEvent.selectOptions(within(section).getByLabelText('In force from'), '2019-04-01');
    await userEvent.type(within(section).getByLabelText('Target', { exact: true }), '88.5');
    await userEvent.type(within(section).getByLabelText('What was agreed, and by whom'), 'Agreed at the April contract review');
    await userEvent.click(within(section).getByRole('button', { name: 'Agree the local target' }));
    expect(await within(section).findByText('The local target is 88.5% from April 2019.')).toBeInTheDocument();
    expect(await within(section).findByText('88.5% from April 2019, agreed by 02V: Agreed at the April contract review')).toBeInTheDocument();
  });

  it('saves a trajectory written a month a line', async () => {
    renderApp('/providers/RR8', [
      viewerMock(demoCommissioningManager),
      scorecardMock('RR8'),
      localTargets([]),
      trajectory([]),
      {
        request: {
          query: SetTrajectoryMutation,
          variables: { input: { ...series, ccgCode: '02V', reason: 'Winter recovery', months: [{ period: '2019-01-01', value: 86 }, { period: '2019-02-01', value: 87.5 }] } },
        },
        result: { data: { setTrajectory: { __typename: 'Trajectory', ...series, agreedBy: '02V', months: [{ __typename: 'TrajectoryMonth', period: '2019-01-01', value: 86 }, { __typename: 'TrajectoryMonth', period: '2019-02-01', value: 87.5 }] } } },
      },
      scorecardMock('RR8'),
      localTargets([]),
      trajectory([{ period: '2019-01-01', value: 86 }, { period: '2019-02-01', value: 87.5 }]),
    ]);
    const section = await screen.findByRole('region', { name: 'A&E: four-hour wait, all department types' });
    await userEvent.click(within(section).getByText('Agree a local target or trajectory'));
    await userEvent.type(await within(section).findByLabelText('Months and values'), '2019-01 86\n2019-02 87.5');
    await userEvent.type(within(section).getByLabelText('What the trajectory is, and who agreed it'), 'Winter recovery');
    await userEvent.click(within(section).getByRole('button', { name: 'Save the trajectory' }));
    expect(await within(section).findByText('The trajectory has 2 months.')).toBeInTheDocument();
  });

  it('reads a trajectory a month a line, and names the first bad line', () => {
    expect(parseTrajectory('2019-01 86\n\n 2019-02   87.25 ')).toEqual({ months: [{ period: '2019-01-01', value: 86 }, { period: '2019-02-01', value: 87.25 }] });
    expect(parseTrajectory('')).toEqual({ months: [] });
    expect(parseTrajectory('January 86')).toEqual({ problem: 'Line 1: write the month as yyyy-mm, for example 2019-01' });
    expect(parseTrajectory('2019-01 86\n2019-02')).toEqual({ problem: 'Line 2: give one value after the month, for example 2019-01 88.5' });
    expect(parseTrajectory('2019-01 86\n2019-01 87')).toEqual({ problem: 'Line 2: January 2019 is given twice' });
  });

  it('offers nothing to a viewer who commissions for no CCG', async () => {
    renderApp('/providers/RR8', [viewerMock(null), scorecardMock('RR8')]);
    const section = await screen.findByRole('region', { name: 'A&E: four-hour wait, all department types' });
    expect(within(section).queryByText('Agree a local target or trajectory')).toBeNull();
  });
});
