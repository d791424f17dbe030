import {
  DomainError,
  PERFORMANCE_REPORT_ACTION_LABELS,
  PERFORMANCE_REPORT_STATE_LABELS,
  REPORT_SECTIONS,
  REPORT_SECTION_TITLES,
  availablePerformanceReportActions,
  countChangedValues,
  dateInWords,
  isFrozenPerformanceReportState,
  isIsoDate,
  monthEnd,
  monthInWords,
  planPerformanceReportCorrection,
  requirePerformanceReportTransition,
  requireReportableMonth,
  versionsSupersededByPublishing,
  type PerformanceReportAction,
  type PerformanceReportActorKind,
  type PerformanceReportState,
  type PerformanceReportVersionSummary,
  type ReportActionStatus,
  type ReportSectionKey,
} from '@ccg-assure/domain';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AccountsService } from '../accounts/accounts.service';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { UserEntity } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { ProvidersBasis } from '../contracts/contracts-enums';
import { IndicatorEntity } from '../indicators/indicator.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { AppError } from '../server/app-error';
import { isStaffOf, isPublicReport, mayReadReport, reportActorKinds } from './performance-report-access';
import type {
  HigherBoard,
  PerformanceReport,
  PerformanceReportEvent,
  PerformanceReportVersion,
  ReportAction,
  ReportSection,
  SeriesAnnotation,
  SignOff,
} from './performance-report.type';
import { PerformanceReportEntity, PerformanceReportEventEntity, PerformanceReportSectionEntity, ReportActionEntity, SeriesAnnotationEntity } from './performance-reports.entities';
import { exactSeriesValues } from './performance-reports.queries';
import { actionsOf, annotationsUpTo, buildReportContent, currentValuesOf, higherBoardOf, type ReportSnapshot, type ReportSources } from './report-content';

/** What the field resolvers of a report read: its content (live or frozen), history and versions, once per answer. */
export interface PerformanceReportSource {
  entity: PerformanceReportEntity;
  viewer: Viewer | null;
  everyone: boolean;
  details?: Promise<PerformanceReportDetails>;
}

/** The parts of a report built on demand (not for a list that asks only for ids and states). */
export interface PerformanceReportDetails {
  builtAt: string;
  providersBasis: ProvidersBasis;
  sections: ReportSection[];
  actions: ReportAction[];
  annotations: SeriesAnnotation[];
  changedValuesSinceFrozen: number | null;
  frozenValueCount: number | null;
  higherBoard: HigherBoard;
  versions: PerformanceReportVersion[];
  history: PerformanceReportEvent[];
  supersedes: PerformanceReportVersion | null;
  supersededBy: PerformanceReportVersion | null;
}

export interface ApplyActionRequest {
  reportId: string;
  expectedVersion: number;
  action: PerformanceReportAction;
  reason?: string | null;
  meeting?: string | null;
  signedOn?: string | null;
}

/** An id as the database holds it; anything else is no record at all (never a query that fails). */
const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
const fieldsOf = (...fields: string[]) => ({ fields });
const reportNotFound = (field = 'reportId') => new AppError('NOT_FOUND', 'PERFORMANCE_REPORT_NOT_FOUND', 'There is no such performance report among those you may see.', fieldsOf(field));
const staleVersion = (field = 'expectedVersion') => new AppError('CONFLICT', 'STALE_VERSION', 'The report has changed since you read it: read it again and redo your change.', fieldsOf(field));
const trimmed = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/** The domain's refusals with the input fields they concern: ACTION_NOT_PERMITTED is FORBIDDEN, a move the state does not allow CONFLICT, the rest BAD_USER_INPUT. */
const CONFLICTS = new Set(['INVALID_TRANSITION', 'CORRECTION_ALREADY_STARTED']);
function applyingRule<T>(rule: () => T, otherwise: readonly string[] = ['action']): T {
  try {
    return rule();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const given = error.details?.fields;
    const fields = given && typeof given === 'object' && !Array.isArray(given) ? Object.keys(given) : Array.isArray(given) ? (given as string[]) : [...otherwise];
    const code = error.code === 'ACTION_NOT_PERMITTED' ? 'FORBIDDEN' : CONFLICTS.has(error.code) ? 'CONFLICT' : 'BAD_USER_INPUT';
    throw new AppError(code, error.code, error.message, { ...error.details, fields });
  }
}

const SYSTEM_ACTOR_NAME = 'System';

/**
 * The monthly performance report (issue 17; decision 0029): prepared by the CCG's analyst from the stored data,
 * edited (commentary, annotations, remedial actions) while a draft, signed by the CCG (which freezes it) and then by
 * the higher board (published), returned by either with a reason, and corrected as a new version. Every move follows
 * the domain's transition table (requirePerformanceReportTransition); one transaction per change with its history
 * row and audit row; object-level checks in performance-report-access.ts. Reports a viewer may not read answer
 * NOT_FOUND (or null).
 */
export class PerformanceReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly sources: ReportSources,
  ) {}

  // ---- reads ---------------------------------------------------------------------------------------

  /** The CCG's reports the viewer may read, the latest month first, then the latest version; FORBIDDEN when none and no role at the CCG. */
  async reportsOfCcg(viewer: Viewer, ccg: string): Promise<PerformanceReport[]> {
    const code = ccg.trim().toUpperCase();
    const everyone = await this.everyone(viewer);
    const entities = await this.dataSource.getRepository(PerformanceReportEntity).find({ where: { ccgCode: code }, order: { month: 'DESC', version: 'DESC' } });
    const readable = entities.filter((entity) => everyone || isStaffOf(viewer, code) || mayReadReport(viewer, false, this.readable(entity)));
    if (!everyone && !isStaffOf(viewer, code) && readable.length === 0) {
      throw new AppError('FORBIDDEN', 'NOT_YOUR_CCG', `Your roles do not cover the performance reports of CCG ${code}.`, { ccg: code, ...fieldsOf('ccg') });
    }
    return this.views(readable, viewer, everyone);
  }

  /** One version; null when none or not readable by the viewer (published versions are readable by anyone). */
  async report(viewer: Viewer | null, id: string): Promise<PerformanceReport | null> {
    if (!isUuid(id)) return null;
    const entity = await this.dataSource.getRepository(PerformanceReportEntity).findOneBy({ id });
    if (!entity) return null;
    const everyone = viewer ? await this.everyone(viewer) : false;
    if (!mayReadReport(viewer, everyone, this.readable(entity))) return null;
    return (await this.views([entity], viewer, everyone))[0];
  }

  /** The published reports (the public version of each CCG and month), of one CCG or all, the latest month first. */
  async publishedReports(ccg: string | null): Promise<PerformanceReport[]> {
    const where: Record<string, unknown> = { status: 'PUBLISHED' };
    if (ccg) where.ccgCode = ccg.trim().toUpperCase();
    const entities = await this.dataSource.getRepository(PerformanceReportEntity).find({ where, order: { month: 'DESC', ccgCode: 'ASC', version: 'DESC' } });
    return this.views(entities, null, false);
  }

  /** The public version of a CCG's report for a month (the PUBLISHED one), or the version asked for when it is public; null otherwise. */
  async publishedReport(ccg: string, month: string, version: number | null): Promise<PerformanceReport | null> {
    if (!isIsoDate(month)) return null;
    const first = `${month.slice(0, 7)}-01`;
    const entities = await this.dataSource.getRepository(PerformanceReportEntity).find({ where: { ccgCode: ccg.trim().toUpperCase(), month: first }, order: { version: 'DESC' } });
    const chosen = version === null ? entities.find((entity) => entity.status === 'PUBLISHED') : entities.find((entity) => entity.version === version && isPublicReport(this.readable(entity)));
    return chosen ? (await this.views([chosen], null, false))[0] : null;
  }

  /**
   * The annotations of one series (a provider's indicator), oldest point first, for its charts elsewhere (the provider
   * scorecard): those made on reports the viewer may read (for the public: published reports).
   */
  async seriesAnnotations(viewer: Viewer | null, organisationCode: string, indicatorCode: string): Promise<SeriesAnnotation[]> {
    const annotations = (await annotationsUpTo(this.dataSource.manager, [organisationCode.trim().toUpperCase()], '9999-12-31')).filter((a) => a.indicatorCode === indicatorCode);
    const reportIds = [...new Set(annotations.map((a) => a.reportId).filter((id): id is string => id !== null))];
    if (reportIds.length === 0) return [];
    const reports = await this.dataSource.getRepository(PerformanceReportEntity).find({ where: { id: In(reportIds) } });
    const everyone = viewer ? await this.everyone(viewer) : false;
    const readable = new Set(reports.filter((r) => mayReadReport(viewer, everyone, this.readable(r))).map((r) => r.id));
    return annotations.filter((a) => a.reportId !== null && readable.has(a.reportId));
  }

  /** A version for its PDF: NOT_FOUND when not readable by the viewer (signed out: published versions only). */
  async reportForPdf(viewer: Viewer | null, id: string): Promise<{ report: PerformanceReport; details: PerformanceReportDetails; ccgName: string; higherOrganisationName: string | null }> {
    const report = await this.report(viewer, id);
    if (!report) throw reportNotFound('id');
    const details = await this.detailsOf(report.source);
    const ccg = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ code: report.ccgCode });
    return { report, details, ccgName: ccg?.name ?? report.ccgCode, higherOrganisationName: details.higherBoard.organisationName };
  }

  /** The content, history and versions of a report (once per answer). */
  detailsOf(source: PerformanceReportSource): Promise<PerformanceReportDetails> {
    source.details ??= this.buildDetails(source);
    return source.details;
  }

  // ---- changes -------------------------------------------------------------------------------------

  /** A new report (version 1, DRAFT) for the CCG and month; gives its id. */
  async prepare(viewer: Viewer, requestId: string, input: { ccg: string; month: string }, today: string): Promise<string> {
    const code = input.ccg.trim().toUpperCase();
    return this.dataSource.transaction(async (manager) => {
      const ccg = await manager.findOneBy(OrganisationEntity, { code });
      if (!ccg) throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `There is no organisation ${code}.`, fieldsOf('ccg'));
      if (ccg.type !== 'CCG') throw new AppError('BAD_USER_INPUT', 'NOT_A_CCG', `${ccg.name} is not a CCG.`, fieldsOf('ccg'));
      applyingRule(() => requirePerformanceReportTransition(null, { action: 'PREPARE' }, reportActorKinds(viewer, code, null), { today }), ['ccg']);
      const month = applyingRule(() => requireReportableMonth(input.month, { code, openDate: ccg.openDate, closeDate: ccg.closeDate }, today), ['month']);
      const existing = await manager.findOne(PerformanceReportEntity, { where: { ccgCode: code, month }, order: { version: 'DESC' } });
      if (existing) {
        throw new AppError('CONFLICT', 'REPORT_EXISTS', `${ccg.name} already has a report for ${monthInWords(month)}: open it, or correct it.`, { reportId: existing.id, ...fieldsOf('month') });
      }
      const higher = await higherBoardOf(manager, code, month);
      const saved = await manager.save(
        manager.create(PerformanceReportEntity, { ccgCode: code, month, version: 1, status: 'DRAFT', preparedBy: viewer.userId, higherOrgCode: higher.organisationCode, rowVersion: 1 }),
      );
      await this.recordEvent(manager, viewer, saved.id, 'PREPARE', null, 'DRAFT', null, { month, higherBoard: higher.organisationCode });
      await recordAudit(manager, this.actor(viewer, requestId), { action: 'PREPARE_PERFORMANCE_REPORT', entityType: 'performance_report', entityId: saved.id, after: { ccg: code, month, version: 1 } });
      return saved.id;
    });
  }

  /** A section's commentary on a draft (blank removes it). */
  updateCommentary(viewer: Viewer, requestId: string, input: { reportId: string; expectedVersion: number; section: ReportSectionKey; commentary: string }, today: string): Promise<string> {
    return this.editing(viewer, requestId, input.reportId, input.expectedVersion, today, async (manager, report) => {
      const text = trimmed(input.commentary);
      const before = await manager.findOneBy(PerformanceReportSectionEntity, { reportId: report.id, section: input.section });
      if (text === null) await manager.delete(PerformanceReportSectionEntity, { reportId: report.id, section: input.section });
      else await manager.save(manager.create(PerformanceReportSectionEntity, { reportId: report.id, section: input.section, commentary: text, updatedBy: viewer.userId, updatedAt: new Date() }));
      return { what: 'COMMENTARY', section: input.section, before: before?.commentary ?? null, after: text };
    });
  }

  /** A note on a point of one of the draft's series. */
  annotate(viewer: Viewer, requestId: string, input: { reportId: string; expectedVersion: number; indicatorCode: string; organisationCode: string; period: string; text: string }, today: string): Promise<string> {
    return this.editing(viewer, requestId, input.reportId, input.expectedVersion, today, async (manager, report) => {
      const text = trimmed(input.text);
      if (text === null) throw new AppError('BAD_USER_INPUT', 'TEXT_REQUIRED', 'Enter the annotation.', fieldsOf('text'));
      const organisationCode = input.organisationCode.trim().toUpperCase();
      const { providerCodes } = await this.sources.providersOfCcg(report.ccgCode, report.month);
      const indicator = await manager.findOneBy(IndicatorEntity, { code: input.indicatorCode });
      if (!indicator || !providerCodes.includes(organisationCode)) {
        throw new AppError('BAD_USER_INPUT', 'SERIES_NOT_IN_REPORT', 'The report’s scorecard does not show that provider’s indicator.', fieldsOf('organisationCode', 'indicatorCode'));
      }
      const values = await exactSeriesValues.rows(manager, [[organisationCode], [indicator.code], monthEnd(report.month)]);
      if (!values.some((value) => value.period === input.period)) {
        throw new AppError('BAD_USER_INPUT', 'POINT_NOT_IN_REPORT', 'The report’s chart of that series has no point for that period.', fieldsOf('period'));
      }
      const saved = await manager.save(
        manager.create(SeriesAnnotationEntity, { indicatorCode: indicator.code, organisationCode, period: input.period, text, authorId: viewer.userId, authorName: viewer.displayName, reportId: report.id }),
      );
      return { what: 'ANNOTATION', annotationId: saved.id, indicatorCode: indicator.code, organisationCode, period: input.period, text };
    });
  }

  /** A remedial action raised with the draft. */
  addAction(
    viewer: Viewer,
    requestId: string,
    input: { reportId: string; expectedVersion: number; providerCode?: string | null; description: string; owner: string; dueOn?: string | null },
    today: string,
  ): Promise<string> {
    return this.editing(viewer, requestId, input.reportId, input.expectedVersion, today, async (manager, report) => {
      const description = trimmed(input.description);
      if (description === null) throw new AppError('BAD_USER_INPUT', 'TEXT_REQUIRED', 'Enter what is to be done.', fieldsOf('description'));
      const owner = trimmed(input.owner);
      if (owner === null) throw new AppError('BAD_USER_INPUT', 'TEXT_REQUIRED', 'Enter who owns the action.', fieldsOf('owner'));
      const providerCode = trimmed(input.providerCode)?.toUpperCase() ?? null;
      if (providerCode && !(await manager.findOneBy(OrganisationEntity, { code: providerCode }))) {
        throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `There is no organisation ${providerCode}.`, fieldsOf('providerCode'));
      }
      const saved = await manager.save(
        manager.create(ReportActionEntity, { ccgCode: report.ccgCode, providerCode, description, owner, dueOn: input.dueOn ?? null, status: 'OPEN', raisedInReportId: report.id, version: 1 }),
      );
      return { what: 'ACTION_ADDED', actionId: saved.id, description, owner, providerCode, dueOn: input.dueOn ?? null };
    });
  }

  /** A change to an action the draft shows: closing it (DONE, DROPPED) closes it in this report. */
  updateAction(
    viewer: Viewer,
    requestId: string,
    input: { reportId: string; actionId: string; expectedVersion: number; status?: ReportActionStatus | null; description?: string | null; owner?: string | null; dueOn?: string | null },
    today: string,
  ): Promise<string> {
    return this.editing(viewer, requestId, input.reportId, null, today, async (manager, report) => {
      const shown = isUuid(input.actionId) ? (await actionsOf(manager, report.ccgCode, report.month)).some((action) => action.id === input.actionId) : false;
      const action = shown ? await manager.findOne(ReportActionEntity, { where: { id: input.actionId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!action) throw new AppError('NOT_FOUND', 'REPORT_ACTION_NOT_FOUND', 'The report shows no such remedial action.', fieldsOf('actionId'));
      if (action.version !== input.expectedVersion) throw staleVersion();
      const before = { status: action.status, description: action.description, owner: action.owner, dueOn: action.dueOn };
      if (input.description !== undefined && input.description !== null) {
        const text = trimmed(input.description);
        if (text === null) throw new AppError('BAD_USER_INPUT', 'TEXT_REQUIRED', 'Enter what is to be done.', fieldsOf('description'));
        action.description = text;
      }
      if (input.owner !== undefined && input.owner !== null) {
        const text = trimmed(input.owner);
        if (text === null) throw new AppError('BAD_USER_INPUT', 'TEXT_REQUIRED', 'Enter who owns the action.', fieldsOf('owner'));
        action.owner = text;
      }
      if (input.dueOn !== undefined && input.dueOn !== null) action.dueOn = input.dueOn;
      if (input.status && input.status !== action.status) {
        action.status = input.status;
        action.closedInReportId = input.status === 'OPEN' ? null : report.id;
      }
      action.version += 1;
      action.updatedAt = new Date();
      await manager.save(action);
      return { what: 'ACTION_UPDATED', actionId: action.id, before, after: { status: action.status, description: action.description, owner: action.owner, dueOn: action.dueOn } };
    });
  }

  /** A move of the sign-off (not PREPARE, EDIT or CORRECT, which have their own use cases). */
  async apply(viewer: Viewer, requestId: string, input: ApplyActionRequest, today: string): Promise<string> {
    if (['PREPARE', 'EDIT', 'CORRECT', 'SUPERSEDE'].includes(input.action)) {
      throw new AppError('BAD_USER_INPUT', 'UNSUPPORTED_ACTION', `${input.action} is not made with applyPerformanceReportAction.`, fieldsOf('action'));
    }
    return this.dataSource.transaction(async (manager) => {
      const report = await this.lockReadable(manager, viewer, input.reportId);
      if (report.rowVersion !== input.expectedVersion) throw staleVersion();
      const from = report.status as PerformanceReportState;
      const kinds = reportActorKinds(viewer, report.ccgCode, report.higherOrgCode);
      const transition = applyingRule(() =>
        requirePerformanceReportTransition(from, { action: input.action, reason: input.reason, meeting: input.meeting, signedOn: input.signedOn }, kinds, {
          today,
          month: report.month,
          ccgSignedOn: report.ccgSignedOn,
        }),
      );
      const now = new Date();
      const details: Record<string, unknown> = {};
      if (transition.freezes) {
        const snapshot = await buildReportContent(manager, this.sources, report, now);
        report.snapshot = snapshot;
        report.higherOrgCode = snapshot.higherBoard.organisationCode;
        details.frozenValues = snapshot.frozenValues.length;
      }
      if (transition.signature === 'CCG') {
        Object.assign(report, { ccgSignedBy: viewer.userId, ccgSignedAt: now, ccgMeeting: trimmed(input.meeting), ccgSignedOn: input.signedOn });
        Object.assign(details, { meeting: trimmed(input.meeting), signedOn: input.signedOn });
      }
      if (transition.signature === 'HIGHER_BOARD') {
        Object.assign(report, { higherSignedBy: viewer.userId, higherSignedAt: now, higherMeeting: trimmed(input.meeting), higherSignedOn: input.signedOn, publishedAt: now });
        Object.assign(details, { meeting: trimmed(input.meeting), signedOn: input.signedOn, organisation: report.higherOrgCode });
      }
      report.status = transition.to;
      report.rowVersion += 1;
      await manager.save(report);
      const reason = transition.reasonRequired ? trimmed(input.reason) : null;
      await this.recordEvent(manager, viewer, report.id, input.action, from, transition.to, reason, details);
      if (transition.to === 'PUBLISHED') await this.supersedeEarlierVersions(manager, report);
      await recordAudit(manager, this.actor(viewer, requestId), {
        action: `PERFORMANCE_REPORT_${input.action}`,
        entityType: 'performance_report',
        entityId: report.id,
        before: { status: from },
        after: { status: transition.to, reason, ...details },
      });
      return report.id;
    });
  }

  /** A correction: version n+1 as a draft with the reason; the corrected version is superseded at once unless published. Gives the new version's id. */
  async correct(viewer: Viewer, requestId: string, input: { reportId: string; expectedVersion: number; reason: string }, today: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const report = await this.lockReadable(manager, viewer, input.reportId);
      if (report.rowVersion !== input.expectedVersion) throw staleVersion();
      const from = report.status as PerformanceReportState;
      applyingRule(() => requirePerformanceReportTransition(from, { action: 'CORRECT', reason: input.reason }, reportActorKinds(viewer, report.ccgCode, report.higherOrgCode), { today }));
      const versions = await manager.find(PerformanceReportEntity, { where: { ccgCode: report.ccgCode, month: report.month }, order: { version: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const plan = applyingRule(() => planPerformanceReportCorrection(versions.map(summaryOf), report.version, input.reason), ['reportId']);
      report.status = plan.correctedVersionStatus;
      report.rowVersion += 1;
      await manager.save(report);
      const next = await manager.save(
        manager.create(PerformanceReportEntity, {
          ccgCode: report.ccgCode,
          month: report.month,
          version: plan.version,
          status: plan.status,
          supersedesId: report.id,
          correctionReason: plan.reason,
          preparedBy: viewer.userId,
          higherOrgCode: report.higherOrgCode,
          rowVersion: 1,
        }),
      );
      // The correction starts from the corrected version's commentary as it was signed, to be corrected rather than rewritten.
      const commentary = report.snapshot?.commentary ?? {};
      for (const [section, entry] of Object.entries(commentary)) {
        if (entry) await manager.insert(PerformanceReportSectionEntity, { reportId: next.id, section, commentary: entry.text, updatedBy: viewer.userId, updatedAt: new Date() });
      }
      await this.recordEvent(manager, viewer, report.id, 'CORRECT', from, plan.correctedVersionStatus, plan.reason, { correctedBy: next.id, version: plan.version });
      await this.recordEvent(manager, viewer, next.id, 'PREPARE', null, 'DRAFT', plan.reason, { corrects: report.id, correctsVersion: report.version });
      await recordAudit(manager, this.actor(viewer, requestId), {
        action: 'CORRECT_PERFORMANCE_REPORT',
        entityType: 'performance_report',
        entityId: next.id,
        before: { reportId: report.id, version: report.version, status: from },
        after: { version: plan.version, reason: plan.reason, correctedVersionStatus: plan.correctedVersionStatus },
      });
      return next.id;
    });
  }

  // ---- internals -----------------------------------------------------------------------------------

  private async editing(
    viewer: Viewer,
    requestId: string,
    reportId: string,
    expectedVersion: number | null,
    today: string,
    change: (manager: EntityManager, report: PerformanceReportEntity) => Promise<Record<string, unknown>>,
  ): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const report = await this.lockReadable(manager, viewer, reportId);
      if (expectedVersion !== null && report.rowVersion !== expectedVersion) throw staleVersion();
      const state = report.status as PerformanceReportState;
      applyingRule(() => requirePerformanceReportTransition(state, { action: 'EDIT' }, reportActorKinds(viewer, report.ccgCode, report.higherOrgCode), { today }), ['reportId']);
      const details = await change(manager, report);
      report.rowVersion += 1;
      await manager.save(report);
      await this.recordEvent(manager, viewer, report.id, 'EDIT', state, state, null, details);
      await recordAudit(manager, this.actor(viewer, requestId), { action: 'EDIT_PERFORMANCE_REPORT', entityType: 'performance_report', entityId: report.id, after: details });
      return report.id;
    });
  }

  /** The report, locked for the change; NOT_FOUND when none or not readable by the viewer. */
  private async lockReadable(manager: EntityManager, viewer: Viewer, id: string): Promise<PerformanceReportEntity> {
    if (!isUuid(id)) throw reportNotFound();
    const report = await manager.findOne(PerformanceReportEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!report || !mayReadReport(viewer, await this.everyone(viewer, manager), this.readable(report))) throw reportNotFound();
    return report;
  }

  /** Published versions of the month before this one become SUPERSEDED, by SYSTEM (versionsSupersededByPublishing). */
  private async supersedeEarlierVersions(manager: EntityManager, published: PerformanceReportEntity): Promise<void> {
    const versions = await manager.find(PerformanceReportEntity, { where: { ccgCode: published.ccgCode, month: published.month }, order: { version: 'ASC' } });
    const superseded = versionsSupersededByPublishing(versions.map(summaryOf), published.version);
    for (const entity of versions.filter((v) => superseded.includes(v.version))) {
      const from = entity.status as PerformanceReportState;
      const transition = requirePerformanceReportTransition(from, { action: 'SUPERSEDE' }, ['SYSTEM'], { today: published.higherSignedOn ?? published.month });
      entity.status = transition.to;
      entity.rowVersion += 1;
      await manager.save(entity);
      await this.recordEvent(manager, null, entity.id, 'SUPERSEDE', from, transition.to, null, { supersededBy: published.id, version: published.version });
    }
  }

  private async recordEvent(
    manager: EntityManager,
    viewer: Viewer | null,
    reportId: string,
    action: PerformanceReportAction,
    from: PerformanceReportState | null,
    to: PerformanceReportState,
    reason: string | null,
    details: Record<string, unknown>,
  ): Promise<void> {
    await manager.save(
      manager.create(PerformanceReportEventEntity, {
      reportId,
      at: new Date(),
      actorId: viewer?.userId ?? null,
      actorName: viewer?.displayName ?? SYSTEM_ACTOR_NAME,
      action,
      fromStatus: from,
      toStatus: to,
      reason,
      details,
    }),
    );
  }

  private actor(viewer: Viewer, requestId: string): AuditActor {
    return { userId: viewer.userId, username: viewer.username, requestId };
  }

  private async everyone(viewer: Viewer, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await this.accounts.scopeOf(viewer, manager)).everyone;
  }

  private readable(entity: PerformanceReportEntity) {
    return { ccgCode: entity.ccgCode, higherOrgCode: entity.higherOrgCode, status: entity.status as PerformanceReportState, version: entity.version, publishedAt: entity.publishedAt };
  }

  private async views(entities: PerformanceReportEntity[], viewer: Viewer | null, everyone: boolean): Promise<PerformanceReport[]> {
    const userIds = [...new Set(entities.flatMap((e) => [e.preparedBy, e.ccgSignedBy, e.higherSignedBy]).filter((id): id is string => id !== null))];
    const names = userIds.length ? new Map((await this.dataSource.getRepository(UserEntity).find({ where: { id: In(userIds) } })).map((u) => [u.id, u.displayName])) : new Map<string, string>();
    const latest = new Map<string, number>();
    if (entities.length) {
      const rows = await this.dataSource
        .getRepository(PerformanceReportEntity)
        .createQueryBuilder('r')
        .select(['r.ccg_code AS ccg', 'r.month AS month', 'max(r.version) AS version'])
        .where('r.ccg_code IN (:...codes)', { codes: [...new Set(entities.map((e) => e.ccgCode))] })
        .groupBy('r.ccg_code')
        .addGroupBy('r.month')
        .getRawMany<{ ccg: string; month: string; version: number }>();
      for (const row of rows) latest.set(`${row.ccg}|${row.month}`, Number(row.version));
    }
    return entities.map((entity) => {
      const status = entity.status as PerformanceReportState;
      const kinds: PerformanceReportActorKind[] = reportActorKinds(viewer, entity.ccgCode, entity.higherOrgCode);
      const isLatest = latest.get(`${entity.ccgCode}|${entity.month}`) === entity.version;
      const signOff = (by: string | null, at: Date | null, meeting: string | null, signedOn: string | null, organisationCode: string | null): SignOff | null =>
        at && meeting && signedOn ? { by: (by && names.get(by)) ?? 'Unknown', at, meeting, signedOn, signedOnLabel: dateInWords(signedOn), organisationCode } : null;
      return {
        id: entity.id,
        ccgCode: entity.ccgCode,
        higherOrganisationCode: entity.higherOrgCode,
        source: { entity, viewer, everyone },
        month: entity.month,
        monthLabel: monthInWords(entity.month),
        version: entity.version,
        status,
        statusLabel: PERFORMANCE_REPORT_STATE_LABELS[status],
        frozen: isFrozenPerformanceReportState(status),
        ccgSignOff: signOff(entity.ccgSignedBy, entity.ccgSignedAt, entity.ccgMeeting, entity.ccgSignedOn, entity.ccgCode),
        higherBoardSignOff: signOff(entity.higherSignedBy, entity.higherSignedAt, entity.higherMeeting, entity.higherSignedOn, entity.higherOrgCode),
        preparedBy: entity.preparedBy ? (names.get(entity.preparedBy) ?? null) : null,
        preparedAt: entity.preparedAt,
        publishedAt: entity.publishedAt,
        correctionReason: entity.correctionReason,
        availableActions: availablePerformanceReportActions(status, kinds).filter((action) => action !== 'SUPERSEDE' && (action !== 'CORRECT' || isLatest)),
        publiclyReadable: isPublicReport(this.readable(entity)),
        pdfUrl: `/reports/performance-reports/${entity.id}.pdf`,
        rowVersion: entity.rowVersion,
      };
    });
  }

  private async buildDetails(source: PerformanceReportSource): Promise<PerformanceReportDetails> {
    const manager = this.dataSource.manager;
    const { entity, viewer, everyone } = source;
    const content: ReportSnapshot = entity.snapshot ?? (await buildReportContent(manager, this.sources, entity, new Date()));
    const frozen = entity.snapshot !== null;
    const changed = frozen ? countChangedValues(content.frozenValues, await currentValuesOf(manager, content.frozenValues)) : null;
    const allVersions = await manager.find(PerformanceReportEntity, { where: { ccgCode: entity.ccgCode, month: entity.month }, order: { version: 'ASC' } });
    const versionOf = (v: PerformanceReportEntity): PerformanceReportVersion => ({
      id: v.id,
      version: v.version,
      status: v.status as PerformanceReportState,
      statusLabel: PERFORMANCE_REPORT_STATE_LABELS[v.status as PerformanceReportState],
      correctionReason: v.correctionReason,
      publishedAt: v.publishedAt,
      publiclyReadable: isPublicReport(this.readable(v)),
    });
    const readable = allVersions.filter((v) => mayReadReport(viewer, everyone, this.readable(v)));
    const supersedes = allVersions.find((v) => v.id === entity.supersedesId);
    const supersededBy = allVersions.find((v) => v.supersedesId === entity.id);
    const events = await manager.find(PerformanceReportEventEntity, { where: { reportId: entity.id }, order: { id: 'ASC' } });
    const openActions = content.actions.filter((action) => action.status === 'OPEN');
    const red = content.scorecard.filter((row) => row.rag === 'RED').length;
    const providers = new Set(content.scorecard.map((row) => row.providerCode)).size;
    const sections: ReportSection[] = REPORT_SECTIONS.map((definition) => {
      const commentary = content.commentary[definition.key] ?? null;
      const base = {
        key: definition.key,
        title: definition.title,
        description: definition.description,
        commentary: commentary?.text ?? null,
        commentaryUpdatedBy: commentary?.updatedBy ?? null,
        commentaryUpdatedAt: commentary?.updatedAt ?? null,
      };
      if (definition.key === 'SCORECARD') {
        const basis = content.providersBasis === 'CONTRACTS' ? 'the CCG’s contracted providers' : 'the NHS trusts of the CCG’s region (no contracts recorded)';
        return { ...base, summary: providers ? `${providers} provider${providers === 1 ? '' : 's'} (${basis}): ${content.scorecard.length} indicator values, ${red} red against the standard.` : 'No provider values are stored for the CCG’s providers up to this month.', items: [], scorecardRows: content.scorecard.map((row) => ({ ...row, unit: row.unit ?? 'PERCENTAGE' })) };
      }
      if (definition.key === 'ACTIONS') {
        const overdue = openActions.filter((action) => action.overdue).length;
        return { ...base, summary: `${openActions.length} open remedial action${openActions.length === 1 ? '' : 's'}${overdue ? `, ${overdue} overdue` : ''}.`, items: [], scorecardRows: [] };
      }
      return { ...base, ...content.sections[definition.key], scorecardRows: [] };
    });
    return {
      builtAt: content.builtAt,
      providersBasis: content.providersBasis === 'CONTRACTS' ? ProvidersBasis.CONTRACTS : ProvidersBasis.REGION,
      sections,
      actions: content.actions,
      annotations: content.annotations,
      changedValuesSinceFrozen: changed,
      frozenValueCount: frozen ? content.frozenValues.length : null,
      higherBoard: content.higherBoard,
      versions: readable.map(versionOf),
      history: events.map((event) => ({
        at: event.at,
        actor: event.actorName,
        action: event.action as PerformanceReportAction,
        actionLabel: historyLabel(event),
        fromStatus: event.fromStatus as PerformanceReportState | null,
        toStatus: event.toStatus as PerformanceReportState,
        reason: event.reason,
        meeting: typeof event.details.meeting === 'string' ? event.details.meeting : null,
        signedOn: typeof event.details.signedOn === 'string' ? event.details.signedOn : null,
      })),
      supersedes: supersedes && readable.includes(supersedes) ? versionOf(supersedes) : null,
      supersededBy: supersededBy && readable.includes(supersededBy) ? versionOf(supersededBy) : null,
    };
  }
}

const summaryOf = (entity: PerformanceReportEntity): PerformanceReportVersionSummary => ({ version: entity.version, status: entity.status as PerformanceReportState, published: entity.publishedAt !== null });

const EDIT_WORDS: Record<string, string> = {
  COMMENTARY: 'Commentary written',
  ANNOTATION: 'Chart point annotated',
  ACTION_ADDED: 'Remedial action added',
  ACTION_UPDATED: 'Remedial action changed',
};

function historyLabel(event: PerformanceReportEventEntity): string {
  const what = typeof event.details.what === 'string' ? EDIT_WORDS[event.details.what] : undefined;
  if (event.action === 'EDIT' && what) return typeof event.details.section === 'string' ? `${what} (${REPORT_SECTION_TITLES[event.details.section as ReportSectionKey] ?? event.details.section})` : what;
  if (event.action === 'PREPARE' && typeof event.details.corrects === 'string') return 'Correction started (a new version)';
  return PERFORMANCE_REPORT_ACTION_LABELS[event.action as PerformanceReportAction] ?? event.action;
}
