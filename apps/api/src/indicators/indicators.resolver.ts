import { ArrayMaxSize } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access, PUBLIC, roles } from '../auth/access';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { toOrganisation } from '../organisations/organisation.mapper';
import { AppError } from '../server/app-error';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageSize } from '../server/pagination';
import type { RequestContext } from '../server/request-context';
import { DateScalar } from '../server/scalars';
import { toIndicator, toPeriod } from './indicator.mapper';
import { CreateIndicatorInput, UpdateIndicatorInput } from './indicator.input';
import { Indicator, IndicatorAggregate, IndicatorValue, IndicatorValueConnection } from './indicator.type';
import { MAX_VALUES, type IndicatorValueView, type ValueKey } from './indicators.service';

@ArgsType()
class IndicatorValuesArgs {
  @Field(() => String, { description: 'Indicator code, for example AE_4HR_ALL.' })
  indicator!: string;

  @Field(() => [String], { nullable: true, description: 'ODS codes of the organisations; all organisations when omitted.' })
  @ArrayMaxSize(1000)
  organisations?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only periods starting on or after this date.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only periods starting on or before this date.' })
  to?: string | null;
}

@Resolver()
export class IndicatorsResolver {
  @Query(() => [Indicator], { description: 'Every indicator with data or a definition. Public.' })
  @Access(PUBLIC)
  async indicators(@Ctx() context: RequestContext): Promise<Indicator[]> {
    return (await context.services.indicators.list()).map(toIndicator);
  }

  @Mutation(() => Indicator, {
    description:
      'Defines a new indicator, so that analysts can import its values (import kind INDICATOR_VALUES) and its scorecards, grid, funnel and SPC follow (decision 0031). Audited. ' +
      'BAD_USER_INPUT INDICATOR_CODE_INVALID, NAME_REQUIRED, SOURCE_REQUIRED; CONFLICT INDICATOR_EXISTS. Administrators.',
  })
  @Access(roles(Role.ADMIN))
  async createIndicator(@Arg('input', () => CreateIndicatorInput, { description: 'The code and definition.' }) input: CreateIndicatorInput, @Ctx() context: RequestContext): Promise<Indicator> {
    return toIndicator(await context.services.indicators.createIndicator(context.viewer as Viewer, context.requestId, input));
  }

  @Mutation(() => Indicator, {
    description:
      'Changes an indicator’s definition; a new polarity recomputes its stored scores in the same transaction. Audited with before and after. ' +
      'BAD_USER_INPUT NAME_REQUIRED, SOURCE_REQUIRED; NOT_FOUND INDICATOR_NOT_FOUND; CONFLICT INDICATOR_HAS_VALUES (unit or period type of an indicator with values), INDICATOR_DEFINED_BY_IMPORT (the A&E indicators). Administrators.',
  })
  @Access(roles(Role.ADMIN))
  async updateIndicator(@Arg('input', () => UpdateIndicatorInput, { description: 'The code and the whole new definition.' }) input: UpdateIndicatorInput, @Ctx() context: RequestContext): Promise<Indicator> {
    return toIndicator(await context.services.indicators.updateIndicator(context.viewer as Viewer, context.requestId, input));
  }

  @Query(() => [IndicatorValue], {
    description: `Values of one indicator by organisation and period, ordered by organisation then period, at most ${MAX_VALUES} (more is BAD_USER_INPUT, RESULT_TOO_LARGE). Published data: public.`,
    deprecationReason: 'Use indicatorValuePage, which pages (first, after) like the other lists; this whole-list form stays for existing clients.',
  })
  @Access(PUBLIC)
  async indicatorValues(@Args(() => IndicatorValuesArgs) args: IndicatorValuesArgs, @Ctx() context: RequestContext): Promise<IndicatorValue[]> {
    return this.toValues(await context.services.indicators.values(args), context);
  }

  @Query(() => IndicatorValueConnection, {
    description: 'A page of the values of one indicator by organisation and period, ordered by organisation then period. Published data: public.',
  })
  @Access(PUBLIC)
  async indicatorValuePage(
    @Args(() => IndicatorValuesArgs) args: IndicatorValuesArgs,
    @Ctx() context: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: `How many values (1 to ${MAX_PAGE_SIZE}; default 50).` }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which to start (from pageInfo.endCursor).' }) after?: string,
  ): Promise<IndicatorValueConnection> {
    const { rows, hasNextPage } = await context.services.indicators.valuesPage(args, pageSize(first), valueKeyOf(after));
    const values = this.toValues(rows, context);
    const cursors = rows.map((row) => encodeCursor(`${row.organisationCode}|${row.periodStart}`));
    return {
      edges: values.map((node, index) => ({ cursor: cursors[index], node })),
      pageInfo: { hasNextPage, endCursor: cursors.at(-1) ?? null },
    };
  }

  /** Values with the organisations their statement read with them (one round trip); primed for the request's other fields. */
  private toValues(rows: IndicatorValueView[], context: RequestContext): IndicatorValue[] {
    for (const row of rows) context.loaders.organisation.prime(row.organisationCode, row.organisation);
    return rows.map((row) => ({
      indicatorCode: row.indicatorCode,
      organisation: toOrganisation(row.organisation),
      period: toPeriod({ type: row.periodType, startDate: row.periodStart, endDate: row.periodEnd, label: row.periodLabel }),
      numerator: Number(row.numerator),
      denominator: Number(row.denominator),
      value: Number(row.value),
    }));
  }

  @Query(() => IndicatorAggregate, { description: 'One indicator rolled up over a date range, for the given organisations or, when omitted, for England (every organisation). Public.' })
  @Access(PUBLIC)
  async indicatorAggregate(
    @Arg('indicator', () => String, { description: 'Indicator code, for example AE_4HR_ALL.' }) indicator: string,
    @Arg('from', () => DateScalar, { description: 'Periods starting on or after this date.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Periods starting on or before this date.' }) to: string,
    @Arg('organisations', () => [String], { nullable: true, description: 'ODS codes; England (all organisations) when omitted.' }) organisations: string[] | null,
    @Ctx() context: RequestContext,
  ): Promise<IndicatorAggregate> {
    if (organisations && organisations.length > 1000) throw new AppError('BAD_USER_INPUT', 'TOO_MANY_ORGANISATIONS', 'Name at most 1000 organisations.');
    const totals = await context.services.indicators.totals({ indicator, organisations, from, to });
    return {
      indicator: toIndicator(totals.indicator),
      from,
      to,
      numerator: Number(totals.numerator ?? 0),
      denominator: Number(totals.denominator ?? 0),
      value: totals.value,
      organisationCount: totals.organisationCount,
      periodCount: totals.periodCount,
    };
  }
}

/** The value a cursor of indicatorValuePage points at; BAD_USER_INPUT (CURSOR_INVALID) for anything else. */
function valueKeyOf(cursor: string | null | undefined): ValueKey | null {
  const value = decodeCursor(cursor);
  if (value === null) return null;
  const match = /^([A-Z0-9]{1,10})\|(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (!match) throw new AppError('BAD_USER_INPUT', 'CURSOR_INVALID', 'The cursor is not one this server gave out.');
  return { organisationCode: match[1], periodStart: match[2] };
}
