import {
  existedInQuarter,
  findAssuranceFrameworkInForce,
  nextAssessmentDue,
  Percentage,
  proposeCategory,
  validateAssuranceRatings,
  validateCategoryDecision,
  type AssessmentActionType,
  type AssuranceCategory,
} from '@ccg-assure/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import type { OrganisationsService } from '../organisations/organisations.service';
import { AppError } from '../server/app-error';
import { StakeholderSurveyResultEntity } from './stakeholder-survey-result.entity';
import type { AssessmentEntity } from './assessment.entity';
import { fullyRated, proposalOf, ratingsOf, toAssessment } from './assessment.mapper';
import type { AssessmentView, AssuranceDomainView, StakeholderSurveyResultView } from './assessment-view';
import * as repository from './assessments.repository';
import type { AssessmentRecord } from './assessments.repository';
import { assertCanReadDraftsOf, assertMayTakeAssessmentAction, assessmentActionsFor, canReadDraftsOf, moveAssessment } from './assurance-access';
import { assertNotInFuture, checkedUrl, checkingInput, fieldsOf, optionalText, requireCcg, requiredText, requireFinancialYear } from './assurance-checks';
import { AssessmentStatus, EvidenceKind, type AssurancePartner } from './assurance-enums';
import { CATEGORY_POLICY, frameworkById } from './assurance-reference';

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

/** A change to an existing assessment, from the edit version the caller read. */
interface VersionedRequest {
  assessmentId: string;
  expectedVersion: number;
}

/** What the audit trail keeps of a domain's rating. */
const ratingSnapshot = (rating: { rating: string; narrative: string | null } | undefined) => (rating ? { rating: rating.rating, narrative: rating.narrative } : null);

/**
 * Assessments (issue 7): one method per use case. Every change is a move of the domain's assessment lifecycle
 * (ASSESSMENT_TRANSITIONS: who may take which action in which state), runs in one transaction, moves the edit
 * version on from the one the caller read, and writes the audit row with before and after in the same
 * transaction. The proposal, the decision's check and the next due date are the domain library's
 * proposeCategory, validateCategoryDecision and nextAssessmentDue.
 */
export class AssessmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  // ---- reads ---------------------------------------------------------------------------------------

  /** One assessment: published ones for anyone, drafts for assessors and the CCG's own users. */
  async getAssessment(viewer: Viewer | null, id: string): Promise<AssessmentView> {
    const manager = this.dataSource.manager;
    const row = await repository.getAssessment(manager, id, { field: 'id' });
    if (row.status !== AssessmentStatus.PUBLISHED) assertCanReadDraftsOf(viewer, row.ccgCode);
    const [record] = await repository.loadAssessmentRecords(manager, [id]);
    return toAssessment(record, { internal: canReadDraftsOf(viewer, row.ccgCode) });
  }

  /**
   * Assessments of one CCG or of every CCG, of one financial year or all, newest quarter first: four statements
   * however many. `internal` views (for assessors and the CCG's own users, checked by the caller) include drafts.
   */
  async assessmentsOf(filter: { ccgCode?: string; financialYear?: string }, options: { internal: boolean }): Promise<AssessmentView[]> {
    const manager = this.dataSource.manager;
    const ids = await repository.listAssessmentIds(manager, { ...filter, publishedOnly: !options.internal });
    return (await repository.loadAssessmentRecords(manager, ids)).map((record) => toAssessment(record, options));
  }

  /** The CCG's latest published assessment (by quarter), as the public sees it; null when none is published. */
  async latestPublished(ccgCode: string): Promise<AssessmentView | null> {
    const manager = this.dataSource.manager;
    const latest = await repository.latestPublished(manager, ccgCode);
    if (latest === null) return null;
    const [record] = await repository.loadAssessmentRecords(manager, [latest.id]);
    return toAssessment(record, { internal: false });
  }

  /** A CCG's 360-degree stakeholder survey results (one year, or all years when null), newest year first, by question code. */
  async stakeholderSurvey(ccgCode: string, surveyYear: string | null): Promise<StakeholderSurveyResultView[]> {
    const rows = await this.dataSource.manager.find(StakeholderSurveyResultEntity, {
      where: surveyYear === null ? { ccgCode } : { ccgCode, surveyYear },
      order: { surveyYear: 'DESC', questionCode: 'ASC' },
    });
    return rows.map((row) => ({ surveyYear: row.surveyYear, questionCode: row.questionCode, question: row.question, percentagePositive: Percentage.parse(row.percentagePositive) }));
  }

  /** The lifecycle's actions the viewer may take now on the assessment (none for the public). */
  availableActions(viewer: Viewer | null, assessment: Pick<AssessmentView, 'ccgCode' | 'status'>): AssessmentActionType[] {
    return assessmentActionsFor(viewer, assessment);
  }

  // ---- changes -------------------------------------------------------------------------------------

  /** Starts a draft for the quarter under the framework in force on its first day. */
  async start(viewer: Viewer, requestId: string, input: StartAssessmentRequest, today: string): Promise<string> {
    assertMayTakeAssessmentAction(viewer, 'START');
    const year = requireFinancialYear(input.financialYear);
    const quarter = year.quarter(input.quarter);
    const framework = findAssuranceFrameworkInForce(quarter.start);
    if (!framework) {
      throw new AppError('BAD_USER_INPUT', 'NO_FRAMEWORK_IN_FORCE', `No assurance framework was in force on ${quarter.start} (the first is from 2013-04-01).`, {
        periodStart: quarter.start,
        ...fieldsOf('financialYear', 'quarter'),
      });
    }
    assertNotInFuture(input.assessedOn, today, 'assessedOn');
    const ccg = await requireCcg(this.organisations, input.ccg);
    if (!existedInQuarter(ccg, quarter)) {
      throw new AppError(
        'BAD_USER_INPUT',
        'CCG_NOT_OPEN_IN_PERIOD',
        `${ccg.code} did not exist in ${quarter.label}: it was open ${ccg.openDate ?? 'from a date not known'} to ${ccg.closeDate ?? 'now'}.`,
        { ccg: ccg.code, openDate: ccg.openDate, closeDate: ccg.closeDate, ...fieldsOf('financialYear', 'quarter') },
      );
    }
    if (quarter.start > today) {
      throw new AppError('BAD_USER_INPUT', 'QUARTER_NOT_STARTED', `${quarter.label} has not begun: a quarter is assessed once it has started.`, { periodStart: quarter.start, ...fieldsOf('financialYear', 'quarter') });
    }
    moveAssessment(viewer, { id: null, ccgCode: ccg.code, status: null }, 'START');
    return this.change(viewer, requestId, async (manager, actor) => {
      const id = await repository.insertAssessment(manager, {
        ccgCode: ccg.code,
        financialYear: year.label,
        quarter: quarter.number,
        periodStart: quarter.start,
        framework: framework.id,
        assessedOn: input.assessedOn,
        actorId: actor.userId,
      });
      if (id === null) {
        const existing = await repository.findAssessmentId(manager, ccg.code, year.label, quarter.number);
        throw new AppError('CONFLICT', 'ASSESSMENT_EXISTS', `${ccg.code} already has an assessment for ${quarter.label}.`, { assessmentId: existing, ...fieldsOf('ccg', 'financialYear', 'quarter') });
      }
      await recordAudit(manager, actor, {
        action: 'START_ASSESSMENT',
        entityType: 'assessment',
        entityId: id,
        after: { ccg: ccg.code, financialYear: year.label, quarter: quarter.number, framework: framework.id, assessedOn: input.assessedOn },
      });
      return id;
    });
  }

  /** Rates domains; each rating change is audited with before and after. A changed proposal clears the decision. */
  async rate(viewer: Viewer, requestId: string, input: RateAssessmentRequest): Promise<string> {
    return this.move(viewer, requestId, input, 'RATE', async (manager, actor, record) => {
      const { assessment } = record;
      const framework = frameworkById(assessment.framework);
      // The domain checks the codes: unknown domains, one domain twice, ratings off the scale. The domains
      // not named here stand in with their current (or a placeholder) rating so that only those errors can fire.
      const named = new Set(input.ratings.map((rating) => rating.domain));
      checkingInput({}, ['ratings'], () =>
        validateAssuranceRatings({
          framework: framework.id,
          ratings: [...input.ratings.map(({ domain, rating }) => ({ domain, rating })), ...framework.domains.filter((domain) => !named.has(domain.code)).map((domain) => ({ domain: domain.code, rating: 'GOOD' as const }))],
        }),
      );
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
      const merged = [...record.ratings.filter((rating) => !named.has(rating.domain)), ...input.ratings];
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
    return this.move(viewer, requestId, input, 'DECIDE', async (manager, actor, record) => {
      const { assessment } = record;
      const { proposal, decision } = checkingInput({ RATIONALE_REQUIRED: ['rationale'] }, ['category'], () => {
        const proposed = proposeCategory({ framework: assessment.framework, ratings: ratingsOf(record.ratings) }, CATEGORY_POLICY);
        return { proposal: proposed, decision: validateCategoryDecision({ proposed: proposed.category, decided: input.category, rationale: input.rationale }) };
      });
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
    assertMayTakeAssessmentAction(viewer, 'ADD_EVIDENCE');
    const partner = input.partner ?? null;
    if (input.kind === EvidenceKind.PARTNER_REPORT && partner === null) throw new AppError('BAD_USER_INPUT', 'PARTNER_REQUIRED', 'A partner report names its partner.', fieldsOf('partner'));
    if (input.kind !== EvidenceKind.PARTNER_REPORT && partner !== null) {
      throw new AppError('BAD_USER_INPUT', 'PARTNER_NOT_ALLOWED', 'Only a partner report names a partner.', { kind: input.kind, ...fieldsOf('partner') });
    }
    const reference = optionalText(input.reference);
    const url = checkedUrl(input.url, 'url');
    if (reference === null && url === null) throw new AppError('BAD_USER_INPUT', 'REFERENCE_OR_URL_REQUIRED', 'Evidence needs a reference or a link.', fieldsOf('reference', 'url'));
    return this.move(viewer, requestId, input, 'ADD_EVIDENCE', async (manager, actor, record) => {
      const domain = optionalText(input.domain);
      if (domain !== null) requireDomain(frameworkById(record.assessment.framework).domains, record.assessment.framework, domain);
      const evidence = { kind: input.kind, partner, domain, reference, url, note: optionalText(input.note) };
      const id = await repository.insertEvidence(manager, { assessmentId: record.assessment.id, ...evidence, actorId: actor.userId });
      await recordAudit(manager, actor, { action: 'ADD_ASSESSMENT_EVIDENCE', entityType: 'assessment', entityId: record.assessment.id, after: { evidenceId: id, ...evidence } });
    });
  }

  async removeEvidence(viewer: Viewer, requestId: string, input: VersionedRequest & { evidenceId: string }): Promise<string> {
    return this.move(viewer, requestId, input, 'REMOVE_EVIDENCE', async (manager, actor, record) => {
      const removed = await repository.deleteEvidence(manager, record.assessment.id, input.evidenceId);
      if (!removed) throw new AppError('NOT_FOUND', 'EVIDENCE_NOT_FOUND', 'The assessment has no evidence with that id.', { evidenceId: input.evidenceId, ...fieldsOf('evidenceId') });
      const { kind, partner, domain, reference, url, note } = removed;
      await recordAudit(manager, actor, {
        action: 'REMOVE_ASSESSMENT_EVIDENCE',
        entityType: 'assessment',
        entityId: record.assessment.id,
        before: { evidenceId: input.evidenceId, kind, partner, domain, reference, url, note },
      });
    });
  }

  /** Publishes a decided assessment; from then on it is read-only (the database refuses changes too) and public. */
  async publish(viewer: Viewer, requestId: string, input: VersionedRequest): Promise<string> {
    return this.move(viewer, requestId, input, 'PUBLISH', async (manager, actor, record, status) => {
      const { assessment } = record;
      if (assessment.decidedCategory === null || !fullyRated(assessment.framework, record.ratings)) {
        throw new AppError('CONFLICT', 'NOT_DECIDED', 'Only an assessment with every domain rated and the category decided can be published.', { assessmentId: assessment.id });
      }
      // Checked again on the ratings as they are: the decision stands against the proposal now.
      const decided = assessment.decidedCategory;
      const proposal = checkingInput({}, [], () => {
        const proposed = proposeCategory({ framework: assessment.framework, ratings: ratingsOf(record.ratings) }, CATEGORY_POLICY);
        validateCategoryDecision({ proposed: proposed.category, decided, rationale: assessment.rationale });
        return proposed;
      });
      await repository.publish(manager, assessment.id, actor.userId);
      await recordAudit(manager, actor, {
        action: 'PUBLISH_ASSESSMENT',
        entityType: 'assessment',
        entityId: assessment.id,
        before: { status: assessment.status },
        after: {
          status,
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
    const row = await repository.getAssessment(this.dataSource.manager, input.assessmentId);
    moveAssessment(viewer, row, 'COMMENT');
    const text = requiredText(input.text, 'COMMENT_REQUIRED', 'A comment needs some text.', 'text');
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
   * A move of the lifecycle on an existing assessment, from the edit version the caller read. In one transaction:
   * locks the row; the lifecycle's move for the action (CONFLICT ASSESSMENT_PUBLISHED once published, FORBIDDEN for
   * a viewer who may not make it); CONFLICT STALE_VERSION when the reading is out of date; the version moves on; the
   * work runs with the assessment as stored and the state the move leads to.
   */
  private async move(
    viewer: Viewer,
    requestId: string,
    input: VersionedRequest,
    action: AssessmentActionType,
    work: (manager: EntityManager, actor: AuditActor, record: AssessmentRecord, status: AssessmentStatus) => Promise<void>,
  ): Promise<string> {
    assertMayTakeAssessmentAction(viewer, action);
    await repository.getAssessment(this.dataSource.manager, input.assessmentId);
    return this.change(viewer, requestId, async (manager, actor) => {
      const row = await repository.getAssessment(manager, input.assessmentId, { forUpdate: true });
      const status = moveAssessment(viewer, row, action) as AssessmentStatus;
      if (row.lockVersion !== input.expectedVersion || !(await repository.advanceVersion(manager, row.id, input.expectedVersion))) throw staleVersion(row, input.expectedVersion);
      const [record] = await repository.loadAssessmentRecords(manager, [row.id]);
      await work(manager, actor, record, status);
      return row.id;
    });
  }
}

function requireDomain(domains: readonly AssuranceDomainView[], framework: string, code: string): void {
  if (!domains.some((domain) => domain.code === code)) {
    throw new AppError('BAD_USER_INPUT', 'UNKNOWN_DOMAIN', `The ${framework} framework has no domain ${code}.`, { framework, domains: [code], ...fieldsOf('domain') });
  }
}

const staleVersion = (row: AssessmentEntity, expectedVersion: number) =>
  new AppError('CONFLICT', 'STALE_VERSION', 'The assessment has changed since you read it: read it again, then make your change.', {
    assessmentId: row.id,
    expectedVersion,
    currentVersion: row.lockVersion,
    ...fieldsOf('expectedVersion'),
  });

