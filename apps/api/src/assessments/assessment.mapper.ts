import {
  decisionNeedsRationale,
  parseFinancialYear,
  proposeCategory,
  type CategoryProposal as DomainProposal,
  type DomainRating as DomainRatingValue,
  type FinancialQuarter,
} from '@ccg-assure/domain';
import type { UserEntity } from '../auth/user.entity';
import type { AssessmentCommentEntity } from './assessment-comment.entity';
import type { AssessmentRatingEntity } from './assessment-rating.entity';
import type { ActorView, AssessmentView, CategoryProposalView, DomainRatingView } from './assessment-view';
import type { AssessmentRecord } from './assessments.repository';
import { CATEGORY_POLICY, frameworkById } from './assurance-reference';

/** The quarter a stored assessment is of ('2015/16', 2 -> 2015/16 Q2, July to September). */
const quarterOf = (financialYear: string, quarter: number): FinancialQuarter => parseFinancialYear(financialYear).quarter(quarter);

/** Who did something, as a view shows them: null when the system did (illustrative data). */
export const actorOf = (user: UserEntity | null | undefined): ActorView | null => (user ? { username: user.username, displayName: user.displayName } : null);

/** A comment's author: always there (author_id is NOT NULL), once loaded with the comment. */
function authorOf(comment: AssessmentCommentEntity): ActorView {
  const author = actorOf(comment.author);
  if (author === null) throw new Error(`comment ${comment.id} was loaded without its author`);
  return author;
}

type Rated = Pick<AssessmentRatingEntity, 'domain' | 'rating'>;

/** The ratings given so far, as the domain takes them. */
export const ratingsOf = (rows: readonly Rated[]): DomainRatingValue[] => rows.map((row) => ({ domain: row.domain, rating: row.rating }));

/** True when every domain of the framework carries a rating. */
export function fullyRated(framework: string, rows: readonly Rated[]): boolean {
  const rated = new Set(rows.map((row) => row.domain));
  return frameworkById(framework).domains.every((domain) => rated.has(domain.code));
}

/** The domain library's proposal for a fully rated assessment under the policy in force; null before. */
export function proposalOf(framework: string, rows: readonly Rated[]): DomainProposal | null {
  return fullyRated(framework, rows) ? proposeCategory({ framework, ratings: ratingsOf(rows) }, CATEGORY_POLICY) : null;
}

function toCategoryProposal(proposal: DomainProposal): CategoryProposalView {
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
export function toAssessment(record: AssessmentRecord, options: { internal: boolean }): AssessmentView {
  const { assessment: row } = record;
  const who = (user: UserEntity | null | undefined): ActorView | null => (options.internal ? actorOf(user) : null);
  const framework = frameworkById(row.framework);
  const ratings = framework.domains.map((domain): DomainRatingView => {
    const rated = record.ratings.find((rating) => rating.domain === domain.code);
    return { domain, rating: rated?.rating ?? null, narrative: rated?.narrative ?? null, ratedBy: who(rated?.ratedByUser), ratedAt: rated?.ratedAt ?? null };
  });
  const proposal = proposalOf(row.framework, record.ratings);
  const quarter = quarterOf(row.financialYear, row.quarter);
  return {
    id: row.id,
    ccgCode: row.ccgCode,
    financialYear: row.financialYear,
    quarter: row.quarter,
    quarterLabel: quarter.label,
    periodStart: quarter.start,
    periodEnd: quarter.end,
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
    decidedBy: who(row.decidedByUser),
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
      addedBy: who(evidence.addedByUser),
      addedAt: evidence.addedAt,
    })),
    comments: options.internal ? record.comments.map((comment) => ({ id: comment.id, author: authorOf(comment), text: comment.text, createdAt: comment.createdAt })) : null,
    publishedAt: row.publishedAt,
    publishedBy: who(row.publishedByUser),
    illustrative: row.illustrative,
    illustrativeNote: row.illustrativeNote,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
