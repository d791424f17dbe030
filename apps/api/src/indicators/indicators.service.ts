import { In, type DataSource, type EntityManager } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import type { RowOf } from '../database/typed-sql';
import { recomputeSeriesScores } from '../scores/scores.service';
import type { OrganisationView } from '../organisations/organisations.service';
import { AppError, forbidden } from '../server/app-error';
import { INDICATOR_CODE, isDefinedByImport } from './indicator-code';
import { IndicatorEntity } from './indicator.entity';
import { IndicatorValueEntity } from './indicator-value.entity';
import { indicatorTotals, indicatorValues, indicatorValuesPage, seriesOfIndicator } from './indicators.queries';

/** An indicator's definition as the services hand it on. */
export type IndicatorView = Pick<
  IndicatorEntity,
  'code' | 'name' | 'description' | 'unit' | 'polarity' | 'periodType' | 'numeratorDefinition' | 'denominatorDefinition' | 'source'
>;
/** One value with its period and organisation; numerics are exact decimal text. */
export interface IndicatorValueView {
  indicatorCode: string;
  organisationCode: string;
  periodType: string;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  numerator: string;
  denominator: string;
  value: string;
  organisation: OrganisationView;
}
/**
 * An indicator rolled up: sums of numerators and denominators (null without values), what they span, and the
 * rolled-up value in the indicator's unit (null without values).
 */
export interface IndicatorTotalsView {
  indicator: IndicatorView;
  numerator: string | null;
  denominator: string | null;
  organisationCount: number;
  periodCount: number;
  value: number | null;
}

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

/** An indicator's definition as an administrator writes it (decision 0031). */
export interface IndicatorDefinition {
  name: string;
  description?: string | null;
  unit: string;
  polarity: string;
  periodType: string;
  numeratorDefinition?: string | null;
  denominatorDefinition?: string | null;
  source: string;
}

const UNITS = ['PERCENTAGE', 'COUNT', 'RATE', 'MINUTES'];
const POLARITIES = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEUTRAL'];
const PERIOD_TYPES = ['MONTH', 'QUARTER', 'YEAR'];
const DEFINITION_FIELDS = ['name', 'description', 'unit', 'polarity', 'periodType', 'numeratorDefinition', 'denominatorDefinition', 'source'] as const;

/** Reads indicators and their values; roll-ups are recomputed from numerators and denominators. Administrators define indicators. */
export class IndicatorsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * An administrator defines a new indicator, so that analysts can import its values (decision 0031). Audited.
   * BAD_USER_INPUT INDICATOR_CODE_INVALID, NAME_REQUIRED, SOURCE_REQUIRED; CONFLICT INDICATOR_EXISTS.
   */
  async createIndicator(viewer: Viewer, requestId: string, input: IndicatorDefinition & { code: string }): Promise<IndicatorView> {
    requireAdministrator(viewer);
    const code = input.code.trim();
    if (!INDICATOR_CODE.test(code)) {
      throw new AppError('BAD_USER_INPUT', 'INDICATOR_CODE_INVALID', 'An indicator code starts with a capital letter, then capital letters, digits and _ (at most 40).', { fields: ['code'] });
    }
    const definition = checkedDefinition(input);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(IndicatorEntity);
      if (await repository.existsBy({ code })) throw new AppError('CONFLICT', 'INDICATOR_EXISTS', `There is already an indicator ${code}.`, { code, fields: ['code'] });
      const row = { code, ...definition };
      await repository.insert(row);
      await recordAudit(manager, actorOf(viewer, requestId), { action: 'CREATE_INDICATOR', entityType: 'indicator', entityId: code, after: { ...definition } });
      return row;
    });
  }

  /**
   * An administrator changes an indicator's definition. Its unit and period type say what its stored values mean,
   * so they cannot change once it has values (CONFLICT INDICATOR_HAS_VALUES); a new polarity recomputes every stored
   * score of the indicator in the same transaction (the improvement direction of its SPC). The A&E indicators'
   * definitions come from the domain's standards catalogue with each A&E import (CONFLICT INDICATOR_DEFINED_BY_IMPORT).
   * Audited with before and after; nothing changed, nothing written. NOT_FOUND INDICATOR_NOT_FOUND.
   */
  async updateIndicator(viewer: Viewer, requestId: string, input: IndicatorDefinition & { code: string }): Promise<IndicatorView> {
    requireAdministrator(viewer);
    const code = input.code.trim();
    const definition = checkedDefinition(input);
    if (isDefinedByImport(code)) {
      throw new AppError('CONFLICT', 'INDICATOR_DEFINED_BY_IMPORT', `${code} is defined by the national standards catalogue with each A&E import; its definition is not edited here.`, { code, fields: ['code'] });
    }
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(IndicatorEntity);
      const before = await repository.findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new AppError('NOT_FOUND', 'INDICATOR_NOT_FOUND', `No indicator has the code "${code}".`, { code, fields: ['code'] });
      const changed = DEFINITION_FIELDS.filter((field) => before[field] !== definition[field]);
      if (changed.length === 0) return before;
      const meaning = changed.filter((field) => field === 'unit' || field === 'periodType');
      if (meaning.length > 0 && (await manager.getRepository(IndicatorValueEntity).existsBy({ indicatorCode: code }))) {
        throw new AppError('CONFLICT', 'INDICATOR_HAS_VALUES', `${code} has values: its unit and period type say what they mean, so they cannot change now.`, { code, fields: meaning });
      }
      await repository.update({ code }, definition);
      await recordAudit(manager, actorOf(viewer, requestId), {
        action: 'UPDATE_INDICATOR',
        entityType: 'indicator',
        entityId: code,
        before: Object.fromEntries(changed.map((field) => [field, before[field]])),
        after: Object.fromEntries(changed.map((field) => [field, definition[field]])),
      });
      if (changed.includes('polarity')) await recomputeIndicatorScores(manager, code);
      return { code, ...definition };
    });
  }

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

  /**
   * Values by organisation then period, each with its organisation, in one statement (issue 19 point 6); NOT_FOUND
   * (INDICATOR_NOT_FOUND) for an unknown indicator; BAD_USER_INPUT (RESULT_TOO_LARGE) beyond MAX_VALUES.
   */
  async values(query: ValueQuery): Promise<IndicatorValueView[]> {
    const rows = valueViews(query, await indicatorValues.rows(this.dataSource.manager, [...conditions(query), MAX_VALUES + 1]));
    if (rows.length > MAX_VALUES) {
      throw new AppError('BAD_USER_INPUT', 'RESULT_TOO_LARGE', `More than ${MAX_VALUES} values match: name fewer organisations or a shorter range.`);
    }
    return rows;
  }

  /** One page of values by organisation then period, after the given value (keyset), in one statement; whether more follow. */
  async valuesPage(query: ValueQuery, size: number, after: ValueKey | null): Promise<{ rows: IndicatorValueView[]; hasNextPage: boolean }> {
    const statementRows = await indicatorValuesPage.rows(this.dataSource.manager, [...conditions(query), after?.organisationCode ?? null, after?.periodStart ?? null, size + 1]);
    const rows = valueViews(query, statementRows);
    return { rows: rows.slice(0, size), hasNextPage: rows.length > size };
  }

  /** Sum of numerators over sum of denominators: never an average of percentages. */
  async totals(query: ValueQuery): Promise<IndicatorTotalsView> {
    // The indicator and its totals in one statement; NOT_FOUND before a reversed range is refused, as before.
    const row = await indicatorTotals.first(this.dataSource.manager, conditions(query));
    if (row === null) throw new AppError('NOT_FOUND', 'INDICATOR_NOT_FOUND', `No indicator has the code "${query.indicator}".`);
    checkRange(query.from, query.to);
    const { numerator: numeratorText, denominator: denominatorText, organisationCount, periodCount, ...indicator } = row;
    const numerator = Number(numeratorText ?? 0);
    const denominator = Number(denominatorText ?? 0);
    const value = denominator > 0 ? (indicator.unit === 'PERCENTAGE' ? (numerator * 100) / denominator : numerator / denominator) : null;
    return { indicator, numerator: numeratorText, denominator: denominatorText, organisationCount, periodCount, value };
  }
}

function requireAdministrator(viewer: Viewer): void {
  if (!viewer.roles.some((assignment) => assignment.role === Role.ADMIN)) throw forbidden('Only an administrator may define indicators.');
}

const actorOf = (viewer: Viewer, requestId: string): AuditActor => ({ userId: viewer.userId, username: viewer.username, requestId });

/** Text trimmed; null when empty. */
const optional = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/** The definition as stored: text trimmed, name and source required, the enumerations checked. */
function checkedDefinition(input: IndicatorDefinition): Omit<IndicatorView, 'code'> {
  const name = optional(input.name);
  if (!name) throw new AppError('BAD_USER_INPUT', 'NAME_REQUIRED', 'Give the indicator a name.', { fields: ['name'] });
  const source = optional(input.source);
  if (!source) throw new AppError('BAD_USER_INPUT', 'SOURCE_REQUIRED', 'Say where the indicator’s data comes from.', { fields: ['source'] });
  const choices: [string, string, string[]][] = [
    ['unit', input.unit, UNITS],
    ['polarity', input.polarity, POLARITIES],
    ['periodType', input.periodType, PERIOD_TYPES],
  ];
  for (const [field, value, allowed] of choices) {
    if (!allowed.includes(value)) throw new AppError('BAD_USER_INPUT', 'INDICATOR_DEFINITION_INVALID', `${field} must be one of ${allowed.join(', ')}.`, { fields: [field] });
  }
  return {
    name,
    description: optional(input.description) ?? '',
    unit: input.unit,
    polarity: input.polarity,
    periodType: input.periodType,
    numeratorDefinition: optional(input.numeratorDefinition),
    denominatorDefinition: optional(input.denominatorDefinition),
    source,
  };
}

/** Every stored score of the indicator, recomputed (its polarity changed). */
async function recomputeIndicatorScores(manager: EntityManager, code: string): Promise<void> {
  const series = await seriesOfIndicator.rows(manager, [code]);
  await recomputeSeriesScores(manager, series.map((row) => ({ indicatorCode: code, organisationCode: row.organisationCode, from: null })));
}

/**
 * The values of a values statement's rows: none at all means no such indicator (NOT_FOUND), one row of nulls means
 * no values; a reversed date range is refused after the indicator is known to exist, as before these were one statement.
 */
function valueViews(query: ValueQuery, rows: RowOf<typeof indicatorValues.definition.columns>[]): IndicatorValueView[] {
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'INDICATOR_NOT_FOUND', `No indicator has the code "${query.indicator}".`);
  checkRange(query.from, query.to);
  return rows.flatMap((row) => {
    if (row.organisationCode === null) return [];
    return [
      {
        indicatorCode: present(row.indicatorCode),
        organisationCode: row.organisationCode,
        periodType: present(row.periodType),
        periodStart: present(row.periodStart),
        periodEnd: present(row.periodEnd),
        periodLabel: present(row.periodLabel),
        numerator: present(row.numerator),
        denominator: present(row.denominator),
        value: present(row.value),
        organisation: {
          code: row.organisationCode,
          name: present(row.organisationName),
          type: present(row.organisationType),
          openDate: row.organisationOpenDate,
          closeDate: row.organisationCloseDate,
          postcode: row.organisationPostcode,
        },
      },
    ];
  });
}

/** A column NOT NULL in its table, null in the statement only for the row of nulls of an indicator without values. */
function present<T>(value: T | null): T {
  if (value === null) throw new Error('a NOT NULL column of an indicator value was null');
  return value;
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
