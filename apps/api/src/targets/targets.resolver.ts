import { financialYearOf } from '@ccg-assure/domain';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Access, PUBLIC, roles } from '../auth/access';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import type { Polarity } from '../indicators/indicator.type';
import type { RequestContext } from '../server/request-context';
import type { LocalTargetView, SeriesBaselineView, StandardVersionView, TrajectoryView } from './targets.service';
import {
  RemoveLocalTargetInput,
  SeriesKeyInput,
  SeriesRebaseInput,
  SetLocalTargetInput,
  SetSeriesBaselineInput,
  SetStandardThresholdInput,
  SetTrajectoryInput,
} from './targets.input';
import { LocalTarget, SeriesBaseline, StandardVersion, Trajectory } from './targets.type';

const viewerOf = (context: RequestContext): Viewer => context.viewer as Viewer;

const toStandardVersion = (view: StandardVersionView): StandardVersion => ({
  code: view.code,
  name: view.name,
  description: view.description,
  unit: view.unit,
  polarity: view.polarity as Polarity,
  threshold: view.threshold,
  zeroTolerance: view.zeroTolerance,
  financialYear: financialYearOf(view.validFrom).label,
  validFrom: view.validFrom,
  validTo: view.validTo,
  reason: view.reason,
  source: view.source.document,
  sourceText: view.source.text,
});

const toLocalTarget = (view: LocalTargetView): LocalTarget => ({ ...view });
const toTrajectory = (view: TrajectoryView): Trajectory => ({ ...view, months: view.months.map((m) => ({ ...m })) });
const toSeriesBaseline = (view: SeriesBaselineView): SeriesBaseline => ({ ...view, rebases: view.rebases.map(({ rebaseDate, reason }) => ({ rebaseDate, reason })) });

/** Standards, local targets, trajectories and baselines (issue 18, decision 0030). */
@Resolver()
export class TargetsResolver {
  @Query(() => [StandardVersion], { description: 'Every version of every national provider standard, by code then the day it begins. Public.' })
  @Access(PUBLIC)
  async standards(@Ctx() context: RequestContext): Promise<StandardVersion[]> {
    return (await context.services.targets.standards()).map(toStandardVersion);
  }

  @Query(() => [LocalTarget], { description: 'A provider’s local targets for an indicator, oldest first. Public.' })
  @Access(PUBLIC)
  async localTargets(@Arg('series', () => SeriesKeyInput, { description: 'The provider and indicator.' }) series: SeriesKeyInput, @Ctx() context: RequestContext): Promise<LocalTarget[]> {
    return (await context.services.targets.localTargets({ organisationCode: series.organisationCode.trim().toUpperCase(), indicatorCode: series.indicatorCode.trim().toUpperCase() })).map(toLocalTarget);
  }

  @Query(() => Trajectory, { description: 'A provider’s trajectory for an indicator (no months when there is none). Public.' })
  @Access(PUBLIC)
  async trajectory(@Arg('series', () => SeriesKeyInput, { description: 'The provider and indicator.' }) series: SeriesKeyInput, @Ctx() context: RequestContext): Promise<Trajectory> {
    return toTrajectory(await context.services.targets.trajectory({ organisationCode: series.organisationCode.trim().toUpperCase(), indicatorCode: series.indicatorCode.trim().toUpperCase() }));
  }

  @Query(() => SeriesBaseline, { description: 'How a series’ limits are set: fixed after its first points, and the recorded rebases with their reasons. Public.' })
  @Access(PUBLIC)
  async seriesBaseline(@Arg('series', () => SeriesKeyInput, { description: 'The provider and indicator.' }) series: SeriesKeyInput, @Ctx() context: RequestContext): Promise<SeriesBaseline> {
    return toSeriesBaseline(await context.services.targets.seriesBaseline({ organisationCode: series.organisationCode.trim().toUpperCase(), indicatorCode: series.indicatorCode.trim().toUpperCase() }));
  }

  @Mutation(() => StandardVersion, {
    description:
      'Sets a national standard’s threshold from the start of a financial year (a new version, in force until the next); every provider’s stored scores of the indicator are recomputed from then, in the same transaction. Audited. ' +
      'An indicator an administrator defined gets its first standard this way, from its definition (decision 0031). ' +
      'BAD_USER_INPUT INVALID_FINANCIAL_YEAR, TARGET_OUT_OF_RANGE, REASON_REQUIRED, ZERO_TOLERANCE_STANDARD, NEUTRAL_INDICATOR; NOT_FOUND STANDARD_NOT_FOUND. Administrators.',
  })
  @Access(roles(Role.ADMIN))
  async setStandardThreshold(@Arg('input', () => SetStandardThresholdInput, { description: 'The standard, the year and the threshold.' }) input: SetStandardThresholdInput, @Ctx() context: RequestContext): Promise<StandardVersion> {
    return toStandardVersion(await context.services.targets.setStandardThreshold(viewerOf(context), context.requestId, input));
  }

  @Mutation(() => LocalTarget, {
    description:
      'Agrees a local target for a provider and indicator from a month (replacing one that begins that month); the series’ stored scores are recomputed from then. Audited. ' +
      'BAD_USER_INPUT NOT_A_MONTH_START, TARGET_OUT_OF_RANGE, REASON_REQUIRED; NOT_FOUND ORGANISATION_NOT_FOUND, INDICATOR_NOT_FOUND; FORBIDDEN NOT_PERMITTED, AGREED_BY_ANOTHER_CCG (what another CCG agreed). A commissioning manager of the CCG named.',
  })
  @Access(roles(Role.COMMISSIONING_MANAGER))
  async setLocalTarget(@Arg('input', () => SetLocalTargetInput, { description: 'The series, the CCG, the month and the target.' }) input: SetLocalTargetInput, @Ctx() context: RequestContext): Promise<LocalTarget> {
    return toLocalTarget(await context.services.targets.setLocalTarget(viewerOf(context), context.requestId, input));
  }

  @Mutation(() => Boolean, {
    description:
      'Removes the local target that begins in a month; the series’ stored scores are recomputed from then. Audited. BAD_USER_INPUT NOT_A_MONTH_START, REASON_REQUIRED; NOT_FOUND LOCAL_TARGET_NOT_FOUND; FORBIDDEN NOT_PERMITTED, AGREED_BY_ANOTHER_CCG. A commissioning manager of the CCG that agreed it.',
  })
  @Access(roles(Role.COMMISSIONING_MANAGER))
  async removeLocalTarget(@Arg('input', () => RemoveLocalTargetInput, { description: 'The series, the CCG and the month.' }) input: RemoveLocalTargetInput, @Ctx() context: RequestContext): Promise<boolean> {
    return context.services.targets.removeLocalTarget(viewerOf(context), context.requestId, input);
  }

  @Mutation(() => Trajectory, {
    description:
      'Sets a provider’s whole trajectory for an indicator (no months removes it); the series’ stored scores are recomputed from the first month that changed. Audited. ' +
      'BAD_USER_INPUT NOT_A_MONTH_START, DUPLICATE_MONTH, TOO_MANY_MONTHS, TARGET_OUT_OF_RANGE, REASON_REQUIRED; NOT_FOUND ORGANISATION_NOT_FOUND, INDICATOR_NOT_FOUND; FORBIDDEN NOT_PERMITTED, AGREED_BY_ANOTHER_CCG (what another CCG agreed). A commissioning manager of the CCG named.',
  })
  @Access(roles(Role.COMMISSIONING_MANAGER))
  async setTrajectory(@Arg('input', () => SetTrajectoryInput, { description: 'The series, the CCG and the months.' }) input: SetTrajectoryInput, @Ctx() context: RequestContext): Promise<Trajectory> {
    return toTrajectory(await context.services.targets.setTrajectory(viewerOf(context), context.requestId, input));
  }

  @Mutation(() => SeriesBaseline, {
    description:
      'Fixes a series’ limits after its first n points of each rebase group (null unfixes them); the whole series’ stored scores are recomputed. Audited. ' +
      'BAD_USER_INPUT SPC_INVALID_FIX_AFTER_N_POINTS, REASON_REQUIRED; NOT_FOUND ORGANISATION_NOT_FOUND, INDICATOR_NOT_FOUND. Analysts and administrators.',
  })
  @Access(roles(Role.ANALYST, Role.ADMIN))
  async setSeriesBaseline(@Arg('input', () => SetSeriesBaselineInput, { description: 'The series, n and the reason.' }) input: SetSeriesBaselineInput, @Ctx() context: RequestContext): Promise<SeriesBaseline> {
    return toSeriesBaseline(await context.services.targets.setSeriesBaseline(viewerOf(context), context.requestId, { ...input, fixAfterNPoints: input.fixAfterNPoints ?? null }));
  }

  @Mutation(() => SeriesBaseline, {
    description:
      'Records a rebase: the series’ limits are recalculated from one of its months; its stored scores are recomputed from then. Audited. ' +
      'BAD_USER_INPUT NOT_A_MONTH_START, REBASE_NOT_A_PERIOD, REASON_REQUIRED; NOT_FOUND ORGANISATION_NOT_FOUND, INDICATOR_NOT_FOUND; CONFLICT REBASE_EXISTS. Analysts and administrators.',
  })
  @Access(roles(Role.ANALYST, Role.ADMIN))
  async recordRebase(@Arg('input', () => SeriesRebaseInput, { description: 'The series, the month and the reason.' }) input: SeriesRebaseInput, @Ctx() context: RequestContext): Promise<SeriesBaseline> {
    return toSeriesBaseline(await context.services.targets.recordRebase(viewerOf(context), context.requestId, input));
  }

  @Mutation(() => SeriesBaseline, {
    description:
      'Removes a recorded rebase; the series’ stored scores are recomputed from its month. Audited. BAD_USER_INPUT NOT_A_MONTH_START, REASON_REQUIRED; NOT_FOUND REBASE_NOT_FOUND. Analysts and administrators.',
  })
  @Access(roles(Role.ANALYST, Role.ADMIN))
  async removeRebase(@Arg('input', () => SeriesRebaseInput, { description: 'The series, the month and the reason.' }) input: SeriesRebaseInput, @Ctx() context: RequestContext): Promise<SeriesBaseline> {
    return toSeriesBaseline(await context.services.targets.removeRebase(viewerOf(context), context.requestId, input));
  }
}
