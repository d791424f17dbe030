import {
  DomainError,
  isIsoDate,
  MINIMUM_FIX_AFTER_N_POINTS,
  type ProviderStandard,
  type StandardUnit,
} from '@ccg-assure/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { fieldsOf, requireFinancialYear, requiredText } from '../assessments/assurance-checks';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { IndicatorEntity } from '../indicators/indicator.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { loadStandardsCatalogue, recomputeSeriesScores } from '../scores/scores.service';
import { organisationsWithValuesFrom } from '../scores/series-score.queries';
import { AppError, forbidden } from '../server/app-error';
import { LocalTargetEntity } from './local-target.entity';
import { SeriesBaselineEntity } from './series-baseline.entity';
import { SeriesRebaseEntity } from './series-rebase.entity';
import { StandardVersionEntity } from './standard-version.entity';
import { TrajectoryMonthEntity } from './trajectory-month.entity';
import { seriesHasPeriod } from './targets.queries';

// Standards, local targets, trajectories and baselines as effective-dated data (issue 18 points 2 and 3; decision 0030).
// Each edit is one transaction: the change, its audit row, and the recompute of the stored scores it touches.

/** A series: one provider's values of one indicator. */
export interface SeriesKey {
  organisationCode: string;
  indicatorCode: string;
}

/** A national standard's version as stored, with the day it ends (the day before its code's next version). */
export type StandardVersionView = ProviderStandard & { reason: string | null; version: number; updatedAt: Date };

export interface LocalTargetView extends SeriesKey {
  effectiveFrom: string;
  target: number;
  agreedBy: string;
  reason: string;
  updatedAt: Date;
}

export interface TrajectoryMonthView {
  period: string;
  value: number;
}

export interface TrajectoryView extends SeriesKey {
  agreedBy: string | null;
  months: TrajectoryMonthView[];
}

export interface SeriesRebaseView {
  rebaseDate: string;
  reason: string;
  recordedAt: Date;
}

export interface SeriesBaselineView extends SeriesKey {
  /** Limits fixed after this many points of each rebase group; null when not fixed. */
  fixAfterNPoints: number | null;
  fixReason: string | null;
  rebases: SeriesRebaseView[];
}

/** Four decimal places at most: the columns are numeric(12,4). */
const DECIMAL = /^\d{1,8}(\.\d{1,4})?$/;
const MAX_TRAJECTORY_MONTHS = 120;

const holds = (viewer: Viewer, role: Role, organisationCode?: string) =>
  viewer.roles.some((assignment) => assignment.role === role && (organisationCode === undefined || assignment.organisationCode === organisationCode));

function checkedValue(value: number, unit: StandardUnit | null, field: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (unit === 'PERCENTAGE' && value > 100) || !DECIMAL.test(String(value))) {
    const expected = unit === 'PERCENTAGE' ? 'a percentage from 0 to 100' : 'a number, 0 or more';
    throw new AppError('BAD_USER_INPUT', 'TARGET_OUT_OF_RANGE', `${field} must be ${expected}, with at most four decimal places.`, { value, unit, ...fieldsOf(field) });
  }
  return String(value);
}

function checkedMonth(date: string, field: string): string {
  if (!isIsoDate(date) || !date.endsWith('-01')) {
    throw new AppError('BAD_USER_INPUT', 'NOT_A_MONTH_START', `${field} must be the first day of a month (yyyy-mm-01).`, { value: date, ...fieldsOf(field) });
  }
  return date;
}

function standardView(row: StandardVersionEntity, validTo: string | null): StandardVersionView {
  return {
    code: row.code,
    name: row.name,
    description: row.description,
    unit: row.unit as ProviderStandard['unit'],
    polarity: row.polarity as ProviderStandard['polarity'],
    threshold: Number(row.threshold),
    zeroTolerance: row.zeroTolerance,
    periodType: row.periodType as ProviderStandard['periodType'],
    numerator: row.numerator,
    denominator: row.denominator,
    validFrom: row.validFrom,
    validTo,
    source: { basis: row.source.basis as ProviderStandard['source']['basis'], document: row.source.document, text: row.source.text },
    reason: row.reason,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

export class TargetsService {
  constructor(private readonly dataSource: DataSource) {}

  // ---- national standards ----------------------------------------------------------------------------

  /** Every version of every national standard, by code then validFrom, each with the day it ends. Public reference data. */
  async standards(manager: EntityManager = this.dataSource.manager): Promise<StandardVersionView[]> {
    const rows = await manager.getRepository(StandardVersionEntity).find({ order: { code: 'ASC', validFrom: 'ASC' } });
    const endOf = new Map((await loadStandardsCatalogue(manager)).map((standard) => [`${standard.code}|${standard.validFrom}`, standard.validTo]));
    return rows.map((row) => standardView(row, endOf.get(`${row.code}|${row.validFrom}`) ?? null));
  }

  /**
   * An administrator sets a standard's threshold from the start of a financial year: a new version from 1 April,
   * copying the definition of the version in force then (or changing the threshold of the version that already begins
   * on that day), in force until the code's next version. Audited; every provider's stored scores of the indicator
   * are recomputed from that day in the same transaction.
   */
  async setStandardThreshold(
    viewer: Viewer,
    requestId: string,
    input: { code: string; financialYear: string; threshold: number; reason: string },
  ): Promise<StandardVersionView> {
    if (!holds(viewer, Role.ADMIN)) throw forbidden('Only an administrator may change a national standard.');
    const year = requireFinancialYear(input.financialYear);
    const reason = requiredText(input.reason, 'REASON_REQUIRED', 'Say why the standard changes.', 'reason');
    const code = input.code.trim().toUpperCase();
    return this.change(viewer, requestId, async (manager, actor) => {
      const repository = manager.getRepository(StandardVersionEntity);
      const versions = await repository.find({ where: { code }, order: { validFrom: 'ASC' } });
      // An indicator an administrator defined (decision 0031) takes its first standard from its definition.
      const first = versions.length === 0;
      if (first) versions.push(await firstStandardOf(manager, code));
      const base = [...versions].reverse().find((v) => v.validFrom <= year.start) ?? versions[0];
      if (base.zeroTolerance) {
        throw new AppError('BAD_USER_INPUT', 'ZERO_TOLERANCE_STANDARD', `${code} is a zero tolerance: any occurrence breaches it, so it has no threshold to change. Agree a local target instead.`, {
          code,
          ...fieldsOf('threshold'),
        });
      }
      const threshold = checkedValue(input.threshold, base.unit as StandardUnit, 'threshold');
      const existing = versions.find((v) => v.validFrom === year.start) ?? null;
      if (existing) {
        await repository.update({ code, validFrom: year.start }, { threshold, reason, updatedBy: viewer.userId, updatedAt: () => 'now()', version: () => 'version + 1' });
      } else {
        const { updatedAt: _at, version: _version, ...definition } = base;
        await repository.insert({ ...definition, validFrom: year.start, threshold, reason, updatedBy: viewer.userId });
      }
      // The catalogue must still hold together (a domain invariant: no two versions a day).
      await loadStandardsCatalogue(manager);
      await recordAudit(manager, actor, {
        action: 'SET_STANDARD_THRESHOLD',
        entityType: 'standard_version',
        entityId: `${code}|${year.start}`,
        before: existing ? { threshold: Number(existing.threshold), reason: existing.reason } : first ? null : { threshold: Number(base.threshold), inForceFrom: base.validFrom },
        after: { financialYear: year.label, threshold: Number(threshold), reason },
      });
      const organisations = await organisationsWithValuesFrom.rows(manager, [code, year.start]);
      await recomputeSeriesScores(manager, organisations.map((row) => ({ indicatorCode: code, organisationCode: row.organisationCode, from: year.start })));
      const view = (await this.standards(manager)).find((v) => v.code === code && v.validFrom === year.start);
      return view as StandardVersionView;
    });
  }

  // ---- local targets and trajectories ----------------------------------------------------------------

  /** A provider's local targets for an indicator, oldest first. Public, as the scorecards they change. */
  async localTargets(key: SeriesKey): Promise<LocalTargetView[]> {
    const rows = await this.dataSource.getRepository(LocalTargetEntity).find({ where: { organisationCode: key.organisationCode, indicatorCode: key.indicatorCode }, order: { effectiveFrom: 'ASC' } });
    return rows.map(localTargetView);
  }

  /**
   * A commissioning manager of a CCG agrees a local target for a provider and indicator from a month (replacing one that
   * begins that month): in force until the provider's next local target. Audited; the series' stored scores from that
   * month are recomputed in the same transaction.
   */
  async setLocalTarget(
    viewer: Viewer,
    requestId: string,
    input: SeriesKey & { effectiveFrom: string; target: number; ccgCode: string; reason: string },
  ): Promise<LocalTargetView> {
    const ccgCode = this.requireCommissioner(viewer, input.ccgCode);
    const effectiveFrom = checkedMonth(input.effectiveFrom, 'effectiveFrom');
    const reason = requiredText(input.reason, 'REASON_REQUIRED', 'Say what was agreed, and by whom.', 'reason');
    return this.change(viewer, requestId, async (manager, actor) => {
      const key = await this.requireSeries(manager, input);
      const unit = await this.unitOf(manager, key.indicatorCode);
      const target = checkedValue(input.target, unit, 'target');
      const repository = manager.getRepository(LocalTargetEntity);
      const before = await repository.findOneBy({ ...key, effectiveFrom });
      if (before && before.agreedBy !== ccgCode) throw agreedByAnother('local target', before.agreedBy);
      await repository.save({ ...key, effectiveFrom, target, agreedBy: ccgCode, reason, updatedBy: viewer.userId, updatedAt: new Date() });
      await recordAudit(manager, actor, {
        action: 'SET_LOCAL_TARGET',
        entityType: 'local_target',
        entityId: `${key.organisationCode}|${key.indicatorCode}|${effectiveFrom}`,
        before: before ? { target: Number(before.target), agreedBy: before.agreedBy, reason: before.reason } : null,
        after: { target: Number(target), agreedBy: ccgCode, reason },
      });
      await recomputeSeriesScores(manager, [{ ...key, from: effectiveFrom }]);
      return localTargetView((await repository.findOneByOrFail({ ...key, effectiveFrom })) as LocalTargetEntity);
    });
  }

  /** Removes the local target that begins in a month (the one before it, or the standard, applies again). Audited; scores recomputed. */
  async removeLocalTarget(viewer: Viewer, requestId: string, input: SeriesKey & { effectiveFrom: string; ccgCode: string; reason: string }): Promise<boolean> {
    const ccgCode = this.requireCommissioner(viewer, input.ccgCode);
    const effectiveFrom = checkedMonth(input.effectiveFrom, 'effectiveFrom');
    const reason = requiredText(input.reason, 'REASON_REQUIRED', 'Say why the local target goes.', 'reason');
    return this.change(viewer, requestId, async (manager, actor) => {
      const key = await this.requireSeries(manager, input);
      const repository = manager.getRepository(LocalTargetEntity);
      const before = await repository.findOneBy({ ...key, effectiveFrom });
      if (!before) throw new AppError('NOT_FOUND', 'LOCAL_TARGET_NOT_FOUND', `No local target begins on ${effectiveFrom}.`, { effectiveFrom, ...fieldsOf('effectiveFrom') });
      if (before.agreedBy !== ccgCode) throw agreedByAnother('local target', before.agreedBy);
      await repository.delete({ ...key, effectiveFrom });
      await recordAudit(manager, actor, {
        action: 'REMOVE_LOCAL_TARGET',
        entityType: 'local_target',
        entityId: `${key.organisationCode}|${key.indicatorCode}|${effectiveFrom}`,
        before: { target: Number(before.target), agreedBy: before.agreedBy, reason: before.reason },
        after: { reason },
      });
      await recomputeSeriesScores(manager, [{ ...key, from: effectiveFrom }]);
      return true;
    });
  }

  /** A provider's trajectory for an indicator (its months oldest first; none: an empty list). Public. */
  async trajectory(key: SeriesKey): Promise<TrajectoryView> {
    const rows = await this.dataSource.getRepository(TrajectoryMonthEntity).find({ where: { organisationCode: key.organisationCode, indicatorCode: key.indicatorCode }, order: { period: 'ASC' } });
    return { ...key, agreedBy: rows[0]?.agreedBy ?? null, months: rows.map((row) => ({ period: row.period, value: Number(row.value) })) };
  }

  /**
   * A commissioning manager of a CCG sets a provider's trajectory for an indicator: the months given replace the whole
   * trajectory (none removes it). Audited; the series' stored scores are recomputed from the first month that changed.
   */
  async setTrajectory(
    viewer: Viewer,
    requestId: string,
    input: SeriesKey & { ccgCode: string; reason: string; months: TrajectoryMonthView[] },
  ): Promise<TrajectoryView> {
    const ccgCode = this.requireCommissioner(viewer, input.ccgCode);
    const reason = requiredText(input.reason, 'REASON_REQUIRED', 'Say what the trajectory is (a recovery plan, an operational plan) and who agreed it.', 'reason');
    if (input.months.length > MAX_TRAJECTORY_MONTHS) {
      throw new AppError('BAD_USER_INPUT', 'TOO_MANY_MONTHS', `A trajectory has at most ${MAX_TRAJECTORY_MONTHS} months.`, fieldsOf('months'));
    }
    const seen = new Set<string>();
    for (const month of input.months) {
      checkedMonth(month.period, 'months');
      if (seen.has(month.period)) throw new AppError('BAD_USER_INPUT', 'DUPLICATE_MONTH', `${month.period} is given twice.`, { period: month.period, ...fieldsOf('months') });
      seen.add(month.period);
    }
    return this.change(viewer, requestId, async (manager, actor) => {
      const key = await this.requireSeries(manager, input);
      const unit = await this.unitOf(manager, key.indicatorCode);
      const months = input.months.map((m) => ({ period: m.period, value: checkedValue(m.value, unit, 'months') })).sort((a, b) => (a.period < b.period ? -1 : 1));
      const repository = manager.getRepository(TrajectoryMonthEntity);
      const before = await repository.find({ where: { ...key }, order: { period: 'ASC' } });
      const owner = before.find((row) => row.agreedBy !== ccgCode);
      if (owner) throw agreedByAnother('trajectory', owner.agreedBy);
      const old = new Map(before.map((row) => [row.period, Number(row.value)]));
      const now = new Map(months.map((m) => [m.period, Number(m.value)]));
      const changed = [...new Set([...old.keys(), ...now.keys()])].filter((period) => old.get(period) !== now.get(period)).sort();
      await repository.delete({ ...key });
      if (months.length > 0) await repository.insert(months.map((m) => ({ ...key, period: m.period, value: m.value, agreedBy: ccgCode, updatedBy: viewer.userId })));
      await recordAudit(manager, actor, {
        action: 'SET_TRAJECTORY',
        entityType: 'trajectory_month',
        entityId: `${key.organisationCode}|${key.indicatorCode}`,
        before: { months: before.map((row) => [row.period, Number(row.value)]) },
        after: { months: months.map((m) => [m.period, Number(m.value)]), agreedBy: ccgCode, reason },
      });
      if (changed.length > 0) await recomputeSeriesScores(manager, [{ ...key, from: changed[0] }]);
      return { ...key, agreedBy: months.length > 0 ? ccgCode : null, months: months.map((m) => ({ period: m.period, value: Number(m.value) })) };
    });
  }

  // ---- baselines and rebases ---------------------------------------------------------------------------

  /** A series' baseline (limits fixed after n points) and rebase dates with their reasons. Public, as the charts they shape. */
  async seriesBaseline(key: SeriesKey, manager: EntityManager = this.dataSource.manager): Promise<SeriesBaselineView> {
    const baseline = await manager.getRepository(SeriesBaselineEntity).findOneBy({ organisationCode: key.organisationCode, indicatorCode: key.indicatorCode });
    const rebases = await manager.getRepository(SeriesRebaseEntity).find({ where: { organisationCode: key.organisationCode, indicatorCode: key.indicatorCode }, order: { rebaseDate: 'ASC' } });
    return {
      ...key,
      fixAfterNPoints: baseline?.fixAfterNPoints ?? null,
      fixReason: baseline?.reason ?? null,
      rebases: rebases.map((row) => ({ rebaseDate: row.rebaseDate, reason: row.reason, recordedAt: row.recordedAt })),
    };
  }

  /**
   * An analyst (of any CCG) or an administrator fixes a series' limits after its first n points of each rebase group
   * (null: unfixes them), with the reason. Never automatic. Audited; the whole series' stored scores are recomputed.
   */
  async setSeriesBaseline(viewer: Viewer, requestId: string, input: SeriesKey & { fixAfterNPoints: number | null; reason: string }): Promise<SeriesBaselineView> {
    this.requireBaselineRole(viewer);
    const reason = requiredText(input.reason, 'REASON_REQUIRED', 'Say why the limits are fixed here (for example, the period before a new pathway).', 'reason');
    const n = input.fixAfterNPoints;
    if (n !== null && (!Number.isInteger(n) || n < MINIMUM_FIX_AFTER_N_POINTS)) {
      throw new AppError('BAD_USER_INPUT', 'SPC_INVALID_FIX_AFTER_N_POINTS', `Limits are fixed after a whole number of points, ${MINIMUM_FIX_AFTER_N_POINTS} or more.`, {
        fixAfterNPoints: n,
        minimum: MINIMUM_FIX_AFTER_N_POINTS,
        ...fieldsOf('fixAfterNPoints'),
      });
    }
    return this.change(viewer, requestId, async (manager, actor) => {
      const key = await this.requireSeries(manager, input);
      const repository = manager.getRepository(SeriesBaselineEntity);
      const before = await repository.findOneBy({ ...key });
      if (n === null) await repository.delete({ ...key });
      else await repository.save({ ...key, fixAfterNPoints: n, reason, updatedBy: viewer.userId, updatedAt: new Date() });
      await recordAudit(manager, actor, {
        action: 'SET_SERIES_BASELINE',
        entityType: 'series_baseline',
        entityId: `${key.organisationCode}|${key.indicatorCode}`,
        before: before ? { fixAfterNPoints: before.fixAfterNPoints, reason: before.reason } : null,
        after: { fixAfterNPoints: n, reason },
      });
      await recomputeSeriesScores(manager, [{ ...key, from: null }]);
      return this.seriesBaseline(key, manager);
    });
  }

  /** An analyst or administrator records a rebase: the series' limits are recalculated from a month of its values, for a reason. Audited; scores recomputed from it. */
  async recordRebase(viewer: Viewer, requestId: string, input: SeriesKey & { rebaseDate: string; reason: string }): Promise<SeriesBaselineView> {
    this.requireBaselineRole(viewer);
    const rebaseDate = checkedMonth(input.rebaseDate, 'rebaseDate');
    const reason = requiredText(input.reason, 'REASON_REQUIRED', 'Say why the limits are recalculated (a new pathway, a change of definition).', 'reason');
    return this.change(viewer, requestId, async (manager, actor) => {
      const key = await this.requireSeries(manager, input);
      if (!(await seriesHasPeriod.first(manager, [key.organisationCode, key.indicatorCode, rebaseDate]))) {
        throw new AppError('BAD_USER_INPUT', 'REBASE_NOT_A_PERIOD', `${key.organisationCode} has no value of ${key.indicatorCode} for the month starting ${rebaseDate}: a rebase starts at one of the series' months.`, {
          rebaseDate,
          ...fieldsOf('rebaseDate'),
        });
      }
      const repository = manager.getRepository(SeriesRebaseEntity);
      if (await repository.findOneBy({ ...key, rebaseDate })) {
        throw new AppError('CONFLICT', 'REBASE_EXISTS', `The limits are already recalculated from ${rebaseDate}.`, { rebaseDate, ...fieldsOf('rebaseDate') });
      }
      await repository.insert({ ...key, rebaseDate, reason, recordedBy: viewer.userId });
      await recordAudit(manager, actor, { action: 'RECORD_REBASE', entityType: 'series_rebase', entityId: `${key.organisationCode}|${key.indicatorCode}|${rebaseDate}`, after: { rebaseDate, reason } });
      await recomputeSeriesScores(manager, [{ ...key, from: rebaseDate }]);
      return this.seriesBaseline(key, manager);
    });
  }

  /** Removes a recorded rebase, with the reason. Audited; scores recomputed from it. */
  async removeRebase(viewer: Viewer, requestId: string, input: SeriesKey & { rebaseDate: string; reason: string }): Promise<SeriesBaselineView> {
    this.requireBaselineRole(viewer);
    const rebaseDate = checkedMonth(input.rebaseDate, 'rebaseDate');
    const reason = requiredText(input.reason, 'REASON_REQUIRED', 'Say why the rebase goes.', 'reason');
    return this.change(viewer, requestId, async (manager, actor) => {
      const key = await this.requireSeries(manager, input);
      const repository = manager.getRepository(SeriesRebaseEntity);
      const before = await repository.findOneBy({ ...key, rebaseDate });
      if (!before) throw new AppError('NOT_FOUND', 'REBASE_NOT_FOUND', `The limits are not recalculated from ${rebaseDate}.`, { rebaseDate, ...fieldsOf('rebaseDate') });
      await repository.delete({ ...key, rebaseDate });
      await recordAudit(manager, actor, {
        action: 'REMOVE_REBASE',
        entityType: 'series_rebase',
        entityId: `${key.organisationCode}|${key.indicatorCode}|${rebaseDate}`,
        before: { rebaseDate, reason: before.reason },
        after: { reason },
      });
      await recomputeSeriesScores(manager, [{ ...key, from: rebaseDate }]);
      return this.seriesBaseline(key, manager);
    });
  }

  // ---- checks -------------------------------------------------------------------------------------------

  private requireCommissioner(viewer: Viewer, ccgCode: string): string {
    const code = ccgCode.trim().toUpperCase();
    if (!holds(viewer, Role.COMMISSIONING_MANAGER, code)) {
      throw forbidden(`Only a commissioning manager of ${code} may agree local targets and trajectories on its behalf.`);
    }
    return code;
  }

  private requireBaselineRole(viewer: Viewer): void {
    if (!holds(viewer, Role.ANALYST) && !holds(viewer, Role.ADMIN)) throw forbidden('Only an analyst or an administrator may record baselines and rebases.');
  }

  /** The provider and indicator must exist: NOT_FOUND ORGANISATION_NOT_FOUND or INDICATOR_NOT_FOUND. */
  private async requireSeries(manager: EntityManager, input: SeriesKey): Promise<SeriesKey> {
    const organisationCode = input.organisationCode.trim().toUpperCase();
    const indicatorCode = input.indicatorCode.trim().toUpperCase();
    if (!(await manager.getRepository(OrganisationEntity).existsBy({ code: organisationCode }))) {
      throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `No organisation has the ODS code "${organisationCode}".`, { code: organisationCode, ...fieldsOf('organisationCode') });
    }
    if (!(await manager.getRepository(IndicatorEntity).existsBy({ code: indicatorCode }))) {
      throw new AppError('NOT_FOUND', 'INDICATOR_NOT_FOUND', `There is no indicator ${indicatorCode}.`, { code: indicatorCode, ...fieldsOf('indicatorCode') });
    }
    return { organisationCode, indicatorCode };
  }

  private async unitOf(manager: EntityManager, indicatorCode: string): Promise<StandardUnit | null> {
    const standard = await manager.getRepository(StandardVersionEntity).findOne({ where: { code: indicatorCode }, order: { validFrom: 'DESC' } });
    if (standard) return standard.unit as StandardUnit;
    const indicator = await manager.getRepository(IndicatorEntity).findOneBy({ code: indicatorCode });
    return (indicator?.unit as StandardUnit | undefined) ?? null;
  }

  private change<T>(viewer: Viewer, requestId: string, work: (manager: EntityManager, actor: AuditActor) => Promise<T>): Promise<T> {
    const actor: AuditActor = { userId: viewer.userId, username: viewer.username, requestId };
    return this.dataSource.transaction(async (manager) => {
      try {
        return await work(manager, actor);
      } catch (error) {
        // A domain invariant broken by the edit (the catalogue no longer holds together) is the input's fault.
        if (error instanceof DomainError) throw new AppError('BAD_USER_INPUT', error.code, error.message, { ...error.details, fields: [] });
        throw error;
      }
    });
  }
}

/** A CCG changes only what it agreed: another CCG's local target or trajectory is theirs to change. */
function agreedByAnother(what: string, agreedBy: string): AppError {
  return new AppError('FORBIDDEN', 'AGREED_BY_ANOTHER_CCG', `This ${what} was agreed by ${agreedBy}: only its commissioning managers may change it.`, { agreedBy });
}

/**
 * The definition a first standard of an administrator-defined indicator starts from (decision 0031): its name, unit,
 * polarity, period and counts, cited as set in this product with the indicator's recorded source. Not stored until a
 * threshold is set; NOT_FOUND STANDARD_NOT_FOUND without such an indicator, BAD_USER_INPUT NEUTRAL_INDICATOR when no
 * direction is better (a standard needs one).
 */
async function firstStandardOf(manager: EntityManager, code: string): Promise<StandardVersionEntity> {
  const indicator = await manager.getRepository(IndicatorEntity).findOneBy({ code });
  if (!indicator) throw new AppError('NOT_FOUND', 'STANDARD_NOT_FOUND', `There is no standard ${code}.`, { code, ...fieldsOf('code') });
  if (indicator.polarity === 'NEUTRAL') {
    throw new AppError('BAD_USER_INPUT', 'NEUTRAL_INDICATOR', `Neither direction of ${code} is better, so it has no standard to meet.`, { code, ...fieldsOf('code') });
  }
  return manager.getRepository(StandardVersionEntity).create({
    code,
    validFrom: '0001-04-01',
    name: indicator.name,
    description: indicator.description,
    unit: indicator.unit,
    polarity: indicator.polarity,
    threshold: '0',
    zeroTolerance: false,
    periodType: indicator.periodType,
    numerator: indicator.numeratorDefinition ?? indicator.name,
    denominator: indicator.denominatorDefinition,
    source: { basis: 'PRODUCT', document: 'Set by an administrator in CCG Assure', text: indicator.source },
    reason: null,
    updatedBy: null,
  });
}

function localTargetView(row: LocalTargetEntity): LocalTargetView {
  return {
    organisationCode: row.organisationCode,
    indicatorCode: row.indicatorCode,
    effectiveFrom: row.effectiveFrom,
    target: Number(row.target),
    agreedBy: row.agreedBy,
    reason: row.reason,
    updatedAt: row.updatedAt,
  };
}

