import { decisionNeedsRationale, proposeCategory, type CategoryProposal as DomainProposal, type DomainRating as DomainRatingValue } from '@ccg-assure/domain';
import type { Assessment, CategoryProposal, DomainRating } from './assessment.type';
import type { AssessmentRecord, RatingRow } from './assessments.repository';
import { CATEGORY_POLICY, frameworkById } from './assurance-reference';
import { quarterLabel, quarterPeriod, parseFinancialYear } from './quarters';

/** The ratings given so far, as the domain takes them. */
export const ratingsOf = (rows: readonly RatingRow[]): DomainRatingValue[] => rows.map((row) => ({ domain: row.domain, rating: row.rating }));

/** True when every domain of the framework carries a rating. */
export function fullyRated(framework: string, rows: readonly RatingRow[]): boolean {
  const rated = new Set(rows.map((row) => row.domain));
  return frameworkById(framework).domains.every((domain) => rated.has(domain.code));
}

/** The domain library's proposal for a fully rated assessment under the policy in force; null before. */
export function proposalOf(framework: string, rows: readonly RatingRow[]): DomainProposal | null {
  return fullyRated(framework, rows) ? proposeCategory({ framework, ratings: ratingsOf(rows) }, CATEGORY_POLICY) : null;
}

export function toCategoryProposal(proposal: DomainProposal): CategoryProposal {
  return {
    category: proposal.category,
    step: proposal.step,
    rule: proposal.rule,
    policy: proposal.policy,
    reasons: proposal.reasons.map((reason) => ({ step: reason.step, rule: reason.rule, fired: reason.fired, domains: [...reason.domains], explanation: reason.explanation })),
  };
}

/**
 * What a client sees of an assessment: every domain of its framework (rated or not), the proposal computed
 * now by the domain library, the decision as stored. The internal view (assessors and the CCG's own users)
 * adds the CCG's comments and who did what; the public view leaves people's names out.
 */
export function toAssessment(record: AssessmentRecord, options: { internal: boolean }): Assessment {
  const { assessment: row } = record;
  const who = <T>(actor: T | null): T | null => (options.internal ? actor : null);
  const framework = frameworkById(row.framework);
  const ratings = framework.domains.map((domain): DomainRating => {
    const rated = record.ratings.find((rating) => rating.domain === domain.code);
    return { domain, rating: rated?.rating ?? null, narrative: rated?.narrative ?? null, ratedBy: who(rated?.ratedBy ?? null), ratedAt: rated?.ratedAt ?? null };
  });
  const proposal = proposalOf(row.framework, record.ratings);
  const period = quarterPeriod(parseFinancialYear(row.financialYear), row.quarter);
  return {
    id: row.id,
    ccgCode: row.ccgCode,
    financialYear: row.financialYear,
    quarter: row.quarter,
    quarterLabel: quarterLabel(row.financialYear, row.quarter),
    periodStart: period.start,
    periodEnd: period.end,
    framework,
    status: row.status,
    version: row.lockVersion,
    assessedOn: row.assessedOn,
    ratings,
    fullyRated: proposal !== null,
    proposal: proposal ? toCategoryProposal(proposal) : null,
    decidedCategory: row.decidedCategory,
    rationale: row.rationale,
    differsFromProposal: row.decidedCategory && row.decisionProposedCategory ? decisionNeedsRationale(row.decisionProposedCategory, row.decidedCategory) : null,
    decidedBy: who(row.decidedBy),
    decidedAt: row.decidedAt,
    nextAssessmentDue: row.nextAssessmentDue,
    evidence: record.evidence.map((evidence) => ({
      id: evidence.id,
      kind: evidence.kind,
      partner: evidence.partner,
      domain: evidence.domain,
      reference: evidence.reference,
      url: evidence.url,
      note: evidence.note,
      addedBy: who(evidence.addedBy),
      addedAt: evidence.addedAt,
    })),
    comments: options.internal ? record.comments.map((comment) => ({ id: comment.id, author: comment.author, text: comment.text, createdAt: comment.createdAt })) : null,
    publishedAt: row.publishedAt,
    publishedBy: who(row.publishedBy),
    illustrative: row.illustrative,
    illustrativeNote: row.illustrativeNote,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
