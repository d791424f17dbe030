import { In, type DataSource } from 'typeorm';
import type { RowOf } from '../database/typed-sql';
import { AppError } from '../server/app-error';
import { IndicatorEntity } from './indicator.entity';
import { indicatorTotals, indicatorValues, indicatorValuesPage } from './indicators.queries';

/** An indicator's definition as the services hand it on. */
export type IndicatorView = Pick<
  IndicatorEntity,
  'code' | 'name' | 'description' | 'unit' | 'polarity' | 'periodType' | 'numeratorDefinition' | 'denominatorDefinition' | 'source'
>;
/** One value with its period; numerics are exact decimal text. */
export type IndicatorValueView = RowOf<typeof indicatorValues.definition.columns>;
/**
 * An indicator rolled up: sums of numerators and denominators (null without values), what they span, and the
 * rolled-up value in the indicator's unit (null without values).
 */
export type IndicatorTotalsView = RowOf<typeof indicatorTotals.definition.columns> & { indicator: IndicatorView; value: number | null };

export interface ValueQuery {
  indicator: string;
  organisations?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
}

/** Where a value stands in the order of values: its organisation, then its period's start. */
export interface ValueKey {
  organisationCode: string;
  periodStart: string;
}

/** The most values one request may return; ask for fewer organisations or a shorter range. */
export const MAX_VALUES = 50_000;

/** Reads indicators and their values; roll-ups are recomputed from numerators and denominators. */
export class IndicatorsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every indicator, by code. */
  list(): Promise<IndicatorView[]> {
    return this.dataSource.getRepository(IndicatorEntity).find({ order: { code: 'ASC' } });
  }

  async byCodes(codes: readonly string[]): Promise<IndicatorView[]> {
    if (codes.length === 0) return [];
    return this.dataSource.getRepository(IndicatorEntity).findBy({ code: In([...codes]) });
  }

  /** The indicator with the code; NOT_FOUND (INDICATOR_NOT_FOUND) when there is none. */
  async get(code: string): Promise<IndicatorView> {
    const [row] = await this.byCodes([code]);
    if (!row) throw new AppError('NOT_FOUND', 'INDICATOR_NOT_FOUND', `No indicator has the code "${code}".`);
    return row;
  }

  /** Values by organisation then period; BAD_USER_INPUT (RESULT_TOO_LARGE) beyond MAX_VALUES. */
  async values(query: ValueQuery): Promise<IndicatorValueView[]> {
    await this.get(query.indicator);
    checkRange(query.from, query.to);
    const rows = await indicatorValues.rows(this.dataSource.manager, [...conditions(query), MAX_VALUES + 1]);
    if (rows.length > MAX_VALUES) {
      throw new AppError('BAD_USER_INPUT', 'RESULT_TOO_LARGE', `More than ${MAX_VALUES} values match: name fewer organisations or a shorter range.`);
    }
    return rows;
  }

  /** One page of values by organisation then period, after the given value (keyset); whether more follow. */
  async valuesPage(query: ValueQuery, size: number, after: ValueKey | null): Promise<{ rows: IndicatorValueView[]; hasNextPage: boolean }> {
    await this.get(query.indicator);
    checkRange(query.from, query.to);
    const rows = await indicatorValuesPage.rows(this.dataSource.manager, [...conditions(query), after?.organisationCode ?? null, after?.periodStart ?? null, size + 1]);
    return { rows: rows.slice(0, size), hasNextPage: rows.length > size };
  }

  /** Sum of numerators over sum of denominators: never an average of percentages. */
  async totals(query: ValueQuery): Promise<IndicatorTotalsView> {
    const indicator = await this.get(query.indicator);
    checkRange(query.from, query.to);
    const totals = await indicatorTotals.one(this.dataSource.manager, conditions(query));
    const numerator = Number(totals.numerator ?? 0);
    const denominator = Number(totals.denominator ?? 0);
    const value = denominator > 0 ? (indicator.unit === 'PERCENTAGE' ? (numerator * 100) / denominator : numerator / denominator) : null;
    return { indicator, ...totals, value };
  }
}

function checkRange(from?: string | null, to?: string | null) {
  if (from && to && to < from) throw new AppError('BAD_USER_INPUT', 'DATE_RANGE_INVALID', `"to" (${to}) is before "from" (${from}).`);
}

const conditions = (query: ValueQuery): [string, string[] | null, string | null, string | null] => [
  query.indicator,
  query.organisations ? [...query.organisations] : null,
  query.from ?? null,
  query.to ?? null,
];
