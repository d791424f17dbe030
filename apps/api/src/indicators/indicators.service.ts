import type { DataSource } from 'typeorm';
import { AppError } from '../server/app-error';

export interface IndicatorRow {
  code: string;
  name: string;
  description: string;
  unit: string;
  polarity: string;
  periodType: string;
  numeratorDefinition: string | null;
  denominatorDefinition: string | null;
  source: string;
}

export interface IndicatorValueRow {
  indicatorCode: string;
  organisationCode: string;
  periodType: string;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  numerator: string;
  denominator: string;
  value: string;
}

export interface AggregateRow {
  numerator: string | null;
  denominator: string | null;
  organisationCount: number;
  periodCount: number;
}

export interface ValueQuery {
  indicator: string;
  organisations?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
}

/** The most values one request may return; ask for fewer organisations or a shorter range. */
export const MAX_VALUES = 50_000;

const INDICATOR_COLUMNS = `code, name, description, unit, polarity, period_type AS "periodType", numerator_definition AS "numeratorDefinition",
  denominator_definition AS "denominatorDefinition", source`;

/** Reads indicators and their values; roll-ups are recomputed from numerators and denominators. */
export class IndicatorsService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<IndicatorRow[]> {
    return this.dataSource.query(`SELECT ${INDICATOR_COLUMNS} FROM indicator ORDER BY code`);
  }

  byCodes(codes: readonly string[]): Promise<IndicatorRow[]> {
    return this.dataSource.query(`SELECT ${INDICATOR_COLUMNS} FROM indicator WHERE code = ANY($1)`, [codes]);
  }

  async get(code: string): Promise<IndicatorRow> {
    const [row] = await this.byCodes([code]);
    if (!row) throw new AppError('NOT_FOUND', 'INDICATOR_NOT_FOUND', `No indicator has the code "${code}".`);
    return row;
  }

  async values(query: ValueQuery): Promise<IndicatorValueRow[]> {
    await this.get(query.indicator);
    checkRange(query.from, query.to);
    const { where, params } = valueConditions(query);
    params.push(MAX_VALUES + 1);
    const rows: IndicatorValueRow[] = await this.dataSource.query(
      `SELECT v.indicator_code AS "indicatorCode", v.organisation_code AS "organisationCode", p.type AS "periodType", p.start_date AS "periodStart",
              p.end_date AS "periodEnd", p.label AS "periodLabel", v.numerator::text, v.denominator::text, v.value::text
       FROM indicator_value v JOIN period p ON p.id = v.period_id
       WHERE ${where} ORDER BY v.organisation_code, p.start_date LIMIT $${params.length}`,
      params,
    );
    if (rows.length > MAX_VALUES) {
      throw new AppError('BAD_USER_INPUT', 'RESULT_TOO_LARGE', `More than ${MAX_VALUES} values match: name fewer organisations or a shorter range.`);
    }
    return rows;
  }

  /** Sum of numerators over sum of denominators: never an average of percentages. */
  async aggregate(query: ValueQuery): Promise<AggregateRow> {
    await this.get(query.indicator);
    checkRange(query.from, query.to);
    const { where, params } = valueConditions(query);
    const [row] = await this.dataSource.query(
      `SELECT sum(v.numerator)::text AS numerator, sum(v.denominator)::text AS denominator,
              count(DISTINCT v.organisation_code)::int AS "organisationCount", count(DISTINCT v.period_id)::int AS "periodCount"
       FROM indicator_value v JOIN period p ON p.id = v.period_id WHERE ${where}`,
      params,
    );
    return row;
  }
}

function checkRange(from?: string | null, to?: string | null) {
  if (from && to && to < from) throw new AppError('BAD_USER_INPUT', 'DATE_RANGE_INVALID', `"to" (${to}) is before "from" (${from}).`);
}

function valueConditions(query: ValueQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [query.indicator];
  const where = ['v.indicator_code = $1'];
  if (query.organisations) {
    params.push(query.organisations);
    where.push(`v.organisation_code = ANY($${params.length})`);
  }
  if (query.from) {
    params.push(query.from);
    where.push(`p.start_date >= $${params.length}`);
  }
  if (query.to) {
    params.push(query.to);
    where.push(`p.start_date <= $${params.length}`);
  }
  return { where: where.join(' AND '), params };
}
