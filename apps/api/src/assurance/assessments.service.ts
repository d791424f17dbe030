import {
  findAssuranceFrameworkInForce,
  isAssessmentOverdue,
  nextAssessmentDue,
  proposeCategory,
  specialMeasuresClock,
  validateAssuranceRatings,
  validateCategoryDecision,
  type AssuranceCategory,
} from '@ccg-assure/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { AppError } from '../server/app-error';
import { fullyRated, proposalOf, ratingsOf, toAssessment } from './assessment.mapper';
import type { Assessment, AssuranceDomain } from './assessment.type';
import * as repository from './assessments.repository';
import type { AssessmentRecord, AssessmentRow } from './assessments.repository';
import { assertAssessor, assertCanCommentOn, assertCanReadDraftsOf, canReadDraftsOf } from './assurance-access';
import { AssessmentStatus, EvidenceKind, type AssurancePartner } from './assurance-enums';
import { CATEGORY_POLICY, frameworkById } from './assurance-reference';
import type { AssuranceWorkspace, AssuranceWorkspaceEntry, CcgAssurance, DomainRatingSeries } from './ccg-assurance.type';
import { assertNotInFuture, checkedUrl, optionalText, parseFinancialYear, quarterLabel, quarterPeriod, requireCcg, requiredText } from './quarters';
import { buddyOf } from './special-measures.repository';
import { loadSpecialMeasures } from './special-measures.reads';
import { readStakeholderSurvey } from './stakeholder-survey.repository';

export interface StartAssessmentRequest {
  ccg: string;
  financialYear: string;
  quarter: number;
  assessedOn: string;
}

export interface RateAssessmentRequest {
  assessmentId: string;
  expectedVersion: number;
  ratings: readonly { domain: string; rating: AssuranceCategory; narrative?: string | null }[];
}

export interface DecideAssessmentRequest {
  assessmentId: string;
  expectedVersion: number;
  category: AssuranceCategory;
  rationale?: string | null;
}

export interface AddEvidenceRequest {
  assessmentId: string;
  expectedVersion: number;
  kind: EvidenceKind;
  partner?: AssurancePartner | null;
  domain?: string | null;
  reference?: string | null;
  url?: string | null;
  note?: string | null;
}

/** What the audit trail keeps of a domain's rating. */
const ratingSnapshot = (rating: { rating: string; narrative: string | null } | undefined) => (rating ? { rating: rating.rating, narrative: rating.narrative } : null);

/**
 * Assessments (issue 7): one method per use case. Each checks who may do it (object level), runs in one
 * transaction, moves the edit version on from the one the caller read, and writes the audit row with before
 * and after in the same transaction. The proposal, the decision's check and the next due date are the domain
 * library's proposeCategory, validateCategoryDecision and nextAssessmentDue.
 */
export class AssessmentsService {
  constructor(private readonly dataSource: DataSource) {}

  // ---- reads ---------------------------------------------------------------------------------------

  /** One assessment: published ones for anyone, drafts for assessors and the CCG's own users. */
  async getAssessment(viewer: Viewer | null, id: string): Promise<Assessment> {
    const manager = this.dataSource.manager;
    const row = await repository.getAssessmentRow(manager, id);
    if (row.status !== AssessmentStatus.PUBLISHED) assertCanReadDraftsOf(viewer, row.ccgCode);
    const [record] = await repository.loadAssessmentRecords(manager, [id]);
    return toAssessment(record, { internal: canReadDraftsOf(viewer, row.ccgCode) });
  }

  /** A CCG's assurance with drafts: assessors and the CCG's own users. */
  async ccgAssurance(viewer: Viewer, ccg: string, asOf: string): Promise<CcgAssurance> {
    const organisation = await requireCcg(this.dataSource.manager, ccg);
    assertCanReadDraftsOf(viewer, organisation.code);
    return this.assuranceOf(organisation.code, asOf, { publishedOnly: false });
  }

  /** A CCG's published assurance: anyone. */
  async publishedAssurance(ccg: string, asOf: string): Promise<CcgAssurance> {
    const organisation = await requireCcg(this.dataSource.manager, ccg);
    return this.assuranceOf(organisation.code, asOf, { publishedOnly: true });
  }

  /** Builds a CCG's assurance: a fixed number of statements however many assessments and episodes. */
  async assuranceOf(ccgCode: string, asOf: string, options: { publishedOnly: boolean }): Promise<CcgAssurance> {
    const manager = this.dataSource.manager;
    const ids = await repository.listAssessmentIds(manager, { ccgCode, publishedOnly: options.publishedOnly });
    const records = await repository.loadAssessmentRecords(manager, ids);
    const assessments = records.map((record) => toAssessment(record, { internal: !options.publishedOnly }));
    const current = assessments.find((assessment) => assessment.status === AssessmentStatus.PUBLISHED) ?? null;
    const episodes = (await loadSpecialMeasures(manager, [ccgCode], asOf, { internal: !options.publishedOnly })).filter((episode) => !options.publishedOnly || episode.publiclyNotified);
    const buddy = await buddyOf(manager, ccgCode);
    return {
      ccgCode,
      asOf,
      includesDrafts: !options.publishedOnly,
      currentCategory: current?.decidedCategory ?? null,
      currentAssessment: current,
      lastAssessedOn: current?.assessedOn ?? null,
      nextAssessmentDue: current?.nextAssessmentDue ?? null,
      assessmentOverdue: current?.nextAssessmentDue != null && current.nextAssessmentDue < asOf,
      assessments,
      ratingsOverTime: ratingSeries(records),
      specialMeasures: episodes.find((episode) => episode.closedOn === null) ?? null,
      specialMeasuresEpisodes: episodes,
      buddy: buddy ? { buddyCode: buddy.buddyCode, assignedOn: buddy.assignedOn } : null,
      stakeholderSurvey: await readStakeholderSurvey(manager, ccgCode, null),
    };
  }

  /** Every CCG for the assessor: two statements (and the organisation loader for names). */
  async workspace(viewer: Viewer, asOf: string): Promise<AssuranceWorkspace> {
    assertAssessor(viewer);
    const rows = await repository.workspaceRows(this.dataSource.manager);
    const entries = rows.map((row): AssuranceWorkspaceEntry & { name: string } => {
      const clock = row.episodeEnteredOn !== null && row.episodeEnteredOn <= asOf ? specialMeasuresClock(row.episodeEnteredOn, asOf, row.episodeClosedOn) : null;
      return {
        ccgCode: row.ccgCode,
        name: row.ccgName,
        currentCategory: row.decidedCategory,
        lastAssessedOn: row.assessedOn,
        lastQuarterLabel: row.financialYear && row.quarter ? quarterLabel(row.financialYear, row.quarter) : null,
        nextAssessmentDue: row.nextAssessmentDue,
        overdue: isAssessmentOverdue(row.nextAssessmentDue, asOf),
        draftAssessmentId: row.draftAssessmentId,
        specialMeasuresState: (row.episodeState as AssuranceWorkspaceEntry['specialMeasuresState']) ?? null,
        specialMeasuresMonthsRemaining: clock ? clock.monthsRemaining : null,
        specialMeasuresOverdue: clock?.overdue ?? false,
        illustrative: Boolean(row.assessmentIllustrative || row.episodeIllustrative),
      };
    });
    const rank = (entry: AssuranceWorkspaceEntry) => (entry.overdue ? 0 : entry.nextAssessmentDue !== null ? 1 : 2);
    const names = new Intl.Collator('en-GB');
    entries.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.nextAssessmentDue ?? '').localeCompare(b.nextAssessmentDue ?? '') ||
        names.compare(a.name, b.name) ||
        (a.ccgCode < b.ccgCode ? -1 : a.ccgCode > b.ccgCode ? 1 : 0),
    );
    return { asOf, entries: entries.map(({ name: _name, ...entry }) => entry) };
  }

  // ---- changes -------------------------------------------------------------------------------------

  /** Starts a draft for the quarter under the framework in force on its first day. */
  async start(viewer: Viewer, requestId: string, input: StartAssessmentRequest, today: string): Promise<string> {
    assertAssessor(viewer);
    const year = parseFinancialYear(input.financialYear);
    const period = quarterPeriod(year, input.quarter);
    const framework = findAssuranceFrameworkInForce(period.start);
    if (!framework) {
      throw new AppError('BAD_USER_INPUT', 'NO_FRAMEWORK_IN_FORCE', `No assurance framework was in force on ${period.start} (the first is from 2013-04-01).`, { periodStart: period.start });
    }
    assertNotInFuture(input.assessedOn, today, 'assessedOn');
    const ccg = await requireCcg(this.dataSource.manager, input.ccg);
    return this.change(viewer, requestId, async (manager, actor) => {
      const id = await repository.insertAssessment(manager, {
        ccgCode: ccg.code,
        financialYear: year.label,
        quarter: input.quarter,
        periodStart: period.start,
        framework: framework.id,
        assessedOn: input.assessedOn,
        actorId: actor.userId,
      });
      if (id === null) {
        const existing = await repository.findAssessmentId(manager, ccg.code, year.label, input.quarter);
        throw new AppError('CONFLICT', 'ASSESSMENT_EXISTS', `${ccg.code} already has an assessment for ${quarterLabel(year.label, input.quarter)}.`, { assessmentId: existing });
      }
      await recordAudit(manager, actor, {
        action: 'START_ASSESSMENT',
        entityType: 'assessment',
        entityId: id,
        after: { ccg: ccg.code, financialYear: year.label, quarter: input.quarter, framework: framework.id, assessedOn: input.assessedOn },
      });
      return id;
    });
  }

  /** Rates domains; each rating change is audited with before and after. A changed proposal clears the decision. */
  async rate(viewer: Viewer, requestId: string, input: RateAssessmentRequest): Promise<string> {
    assertAssessor(viewer);
    return this.draftChange(viewer, requestId, input, async (manager, actor, record) => {
      const { assessment } = record;
      const framework = frameworkById(assessment.framework);
      // The domain checks the codes: unknown domains, one domain twice, ratings off the scale. The domains
      // not named here stand in with their current (or a placeholder) rating so that only those errors can fire.
      const named = new Set(input.ratings.map((rating) => rating.domain));
      validateAssuranceRatings({
        framework: framework.id,
        ratings: [...input.ratings.map(({ domain, rating }) => ({ domain, rating })), ...framework.domains.filter((domain) => !named.has(domain.code)).map((domain) => ({ domain: domain.code, rating: 'GOOD' as const }))],
      });
      for (const change of input.ratings) {
        const existing = record.ratings.find((rating) => rating.domain === change.domain);
        const narrative = optionalText(change.narrative);
        if (existing && existing.rating === change.rating && existing.narrative === narrative) continue;
        await repository.upsertRating(manager, { assessmentId: assessment.id, domain: change.domain, rating: change.rating, narrative, actorId: actor.userId });
        await recordAudit(manager, actor, {
          action: 'RATE_ASSESSMENT_DOMAIN',
          entityType: 'assessment',
          entityId: assessment.id,
          before: { domain: change.domain, ...ratingSnapshot(existing) },
          after: { domain: change.domain, rating: change.rating, narrative },
        });
      }
      const merged = [
        ...record.ratings.filter((rating) => !named.has(rating.domain)),
        ...input.ratings.map((rating) => ({ assessmentId: assessment.id, domain: rating.domain, rating: rating.rating, narrative: null, ratedBy: null, ratedAt: new Date() })),
      ];
      const after = proposalOf(assessment.framework, merged);
      await repository.setProposal(manager, assessment.id, after?.category ?? null);
      if (assessment.decidedCategory !== null && after?.category !== assessment.decisionProposedCategory) {
        await repository.setDecision(manager, assessment.id, null);
        await recordAudit(manager, actor, {
          action: 'CLEAR_ASSESSMENT_DECISION',
          entityType: 'assessment',
          entityId: assessment.id,
          before: { decidedCategory: assessment.decidedCategory, proposedCategory: assessment.decisionProposedCategory, rationale: assessment.rationale },
          after: { proposedCategory: after?.category ?? null, reason: 'The ratings changed the proposal the decision was made against.' },
        });
      }
    });
  }

  /** Decides the overall category: the proposal must exist (every domain rated) and a different category needs a rationale. */
  async decide(viewer: Viewer, requestId: string, input: DecideAssessmentRequest): Promise<string> {
    assertAssessor(viewer);
    return this.draftChange(viewer, requestId, input, async (manager, actor, record) => {
      const { assessment } = record;
      const proposal = proposeCategory({ framework: assessment.framework, ratings: ratingsOf(record.ratings) }, CATEGORY_POLICY);
      const decision = validateCategoryDecision({ proposed: proposal.category, decided: input.category, rationale: input.rationale });
      const due = nextAssessmentDue(decision.decided, assessment.assessedOn, CATEGORY_POLICY);
      await repository.setDecision(manager, assessment.id, {
        decidedCategory: decision.decided,
        proposedCategory: proposal.category,
        rationale: decision.rationale,
        nextAssessmentDue: due,
        actorId: actor.userId,
      });
      await recordAudit(manager, actor, {
        action: 'DECIDE_ASSESSMENT_CATEGORY',
        entityType: 'assessment',
        entityId: assessment.id,
        before: assessment.decidedCategory ? { decidedCategory: assessment.decidedCategory, rationale: assessment.rationale, nextAssessmentDue: assessment.nextAssessmentDue } : null,
        after: { proposedCategory: proposal.category, decidedCategory: decision.decided, rationale: decision.rationale, differsFromProposal: decision.differsFromProposal, nextAssessmentDue: due },
      });
    });
  }

  /** Links evidence: a reference or a link; a partner exactly for partner reports; a domain of the framework. */
  async addEvidence(viewer: Viewer, requestId: string, input: AddEvidenceRequest): Promise<string> {
    assertAssessor(viewer);
    const partner = input.partner ?? null;
    if (input.kind === EvidenceKind.PARTNER_REPORT && partner === null) throw new AppError('BAD_USER_INPUT', 'PARTNER_REQUIRED', 'A partner report names its partner.');
    if (input.kind !== EvidenceKind.PARTNER_REPORT && partner !== null) throw new AppError('BAD_USER_INPUT', 'PARTNER_NOT_ALLOWED', 'Only a partner report names a partner.', { kind: input.kind });
    const reference = optionalText(input.reference);
    const url = checkedUrl(input.url, 'url');
    if (reference === null && url === null) throw new AppError('BAD_USER_INPUT', 'REFERENCE_OR_URL_REQUIRED', 'Evidence needs a reference or a link.');
    return this.draftChange(viewer, requestId, input, async (manager, actor, record) => {
      const domain = optionalText(input.domain);
      if (domain !== null) requireDomain(frameworkById(record.assessment.framework).domains, record.assessment.framework, domain);
      const evidence = { kind: input.kind, partner, domain, reference, url, note: optionalText(input.note) };
      const id = await repository.insertEvidence(manager, { assessmentId: record.assessment.id, ...evidence, actorId: actor.userId });
      await recordAudit(manager, actor, { action: 'ADD_ASSESSMENT_EVIDENCE', entityType: 'assessment', entityId: record.assessment.id, after: { evidenceId: id, ...evidence } });
    });
  }

  async removeEvidence(viewer: Viewer, requestId: string, input: { assessmentId: string; expectedVersion: number; evidenceId: string }): Promise<string> {
    assertAssessor(viewer);
    return this.draftChange(viewer, requestId, input, async (manager, actor, record) => {
      const removed = await repository.deleteEvidence(manager, record.assessment.id, input.evidenceId);
      if (!removed) throw new AppError('NOT_FOUND', 'EVIDENCE_NOT_FOUND', 'The assessment has no evidence with that id.', { evidenceId: input.evidenceId });
      await recordAudit(manager, actor, { action: 'REMOVE_ASSESSMENT_EVIDENCE', entityType: 'assessment', entityId: record.assessment.id, before: { evidenceId: input.evidenceId, ...removed } });
    });
  }

  /** Publishes a decided assessment; from then on it is read-only (the database refuses changes too) and public. */
  async publish(viewer: Viewer, requestId: string, input: { assessmentId: string; expectedVersion: number }): Promise<string> {
    assertAssessor(viewer);
    return this.draftChange(viewer, requestId, input, async (manager, actor, record) => {
      const { assessment } = record;
      if (assessment.decidedCategory === null || !fullyRated(assessment.framework, record.ratings)) {
        throw new AppError('CONFLICT', 'NOT_DECIDED', 'Only an assessment with every domain rated and the category decided can be published.', { assessmentId: assessment.id });
      }
      // Checked again on the ratings as they are: the decision stands against the proposal now.
      const proposal = proposeCategory({ framework: assessment.framework, ratings: ratingsOf(record.ratings) }, CATEGORY_POLICY);
      validateCategoryDecision({ proposed: proposal.category, decided: assessment.decidedCategory, rationale: assessment.rationale });
      await repository.publish(manager, assessment.id, actor.userId);
      await recordAudit(manager, actor, {
        action: 'PUBLISH_ASSESSMENT',
        entityType: 'assessment',
        entityId: assessment.id,
        before: { status: AssessmentStatus.DRAFT },
        after: {
          status: AssessmentStatus.PUBLISHED,
          proposedCategory: proposal.category,
          decidedCategory: assessment.decidedCategory,
          nextAssessmentDue: assessment.nextAssessmentDue,
          ratings: Object.fromEntries(record.ratings.map((rating) => [rating.domain, rating.rating])),
        },
      });
    });
  }

  /** A response from one of the CCG's own users, to a draft or a published assessment. */
  async comment(viewer: Viewer, requestId: string, input: { assessmentId: string; text: string }): Promise<string> {
    const row = await repository.getAssessmentRow(this.dataSource.manager, input.assessmentId);
    assertCanCommentOn(viewer, row.ccgCode);
    const text = requiredText(input.text, 'COMMENT_REQUIRED', 'A comment needs some text.');
    return this.change(viewer, requestId, async (manager, actor) => {
      const id = await repository.insertComment(manager, { assessmentId: row.id, authorId: viewer.userId, text });
      await recordAudit(manager, actor, { action: 'COMMENT_ON_ASSESSMENT', entityType: 'assessment', entityId: row.id, after: { commentId: id, text, status: row.status } });
      return row.id;
    });
  }

  // ---- helpers -------------------------------------------------------------------------------------

  private change<T>(viewer: Viewer, requestId: string, work: (manager: EntityManager, actor: AuditActor) => Promise<T>): Promise<T> {
    const actor: AuditActor = { userId: viewer.userId, username: viewer.username, requestId };
    return this.dataSource.transaction((manager) => work(manager, actor));
  }

  /**
   * A change to a draft, from the edit version the caller read: CONFLICT ASSESSMENT_PUBLISHED once published,
   * CONFLICT STALE_VERSION when the reading is out of date. The version moves on in the UPDATE's WHERE, which
   * also locks the row until the transaction ends.
   */
  private async draftChange(
    viewer: Viewer,
    requestId: string,
    input: { assessmentId: string; expectedVersion: number },
    work: (manager: EntityManager, actor: AuditActor, record: AssessmentRecord) => Promise<void>,
  ): Promise<string> {
    await repository.getAssessmentRow(this.dataSource.manager, input.assessmentId);
    return this.change(viewer, requestId, async (manager, actor) => {
      if (!(await repository.advanceDraft(manager, input.assessmentId, input.expectedVersion))) {
        const current = await repository.getAssessmentRow(manager, input.assessmentId);
        throw current.status === AssessmentStatus.PUBLISHED ? published(current) : staleVersion(current, input.expectedVersion);
      }
      const [record] = await repository.loadAssessmentRecords(manager, [input.assessmentId]);
      // The record read inside the transaction still carries the version read; the change bumped it by one.
      await work(manager, actor, record);
      return input.assessmentId;
    });
  }
}

function requireDomain(domains: readonly AssuranceDomain[], framework: string, code: string): void {
  if (!domains.some((domain) => domain.code === code)) {
    throw new AppError('BAD_USER_INPUT', 'UNKNOWN_DOMAIN', `The ${framework} framework has no domain ${code}.`, { framework, domains: [code] });
  }
}

const published = (row: AssessmentRow) =>
  new AppError('CONFLICT', 'ASSESSMENT_PUBLISHED', 'The assessment is published: it is read-only.', { assessmentId: row.id, status: row.status });

const staleVersion = (row: AssessmentRow, expectedVersion: number) =>
  new AppError('CONFLICT', 'STALE_VERSION', 'The assessment has changed since you read it: read it again, then make your change.', {
    assessmentId: row.id,
    expectedVersion,
    currentVersion: row.lockVersion,
  });

/** Ratings by domain over time: one series per framework domain that has ratings, oldest first. */
function ratingSeries(records: readonly AssessmentRecord[]): DomainRatingSeries[] {
  const oldestFirst = [...records].sort((a, b) => (a.assessment.periodStart < b.assessment.periodStart ? -1 : a.assessment.periodStart > b.assessment.periodStart ? 1 : 0));
  const frameworks = [...new Set(oldestFirst.map((record) => record.assessment.framework))];
  return frameworks.flatMap((id) =>
    frameworkById(id).domains.flatMap((domain): DomainRatingSeries[] => {
      const points = oldestFirst.flatMap((record) => {
        if (record.assessment.framework !== id) return [];
        const rated = record.ratings.find((rating) => rating.domain === domain.code);
        if (!rated) return [];
        const { assessment } = record;
        return [{ assessmentId: assessment.id, quarterLabel: quarterLabel(assessment.financialYear, assessment.quarter), periodStart: assessment.periodStart, rating: rated.rating, status: assessment.status }];
      });
      return points.length ? [{ framework: id, domain, points }] : [];
    }),
  );
}
