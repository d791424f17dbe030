import type { AssuranceCategory, CategoryRule, Percentage } from '@ccg-assure/domain';
import type { AssessmentStatus, AssurancePartner, AssuranceAreaTerm, EvidenceKind } from './assurance-enums';

// What the assessments services answer (views, never GraphQL types): built from entities and the domain
// library's reference data by assessment.mapper.ts and assurance-reference.ts. The GraphQL types of
// assessment.type.ts present them; a resolver returns a view where its type has the same shape, so the
// compiler checks every view against its type.

/** Who did something: a user's names. */
export interface ActorView {
  username: string;
  displayName: string;
}

export interface AssuranceDomainView {
  code: string;
  name: string;
  description: string;
  /** Critical under the category policy in force. */
  critical: boolean;
}

export interface AssuranceFrameworkView {
  id: string;
  name: string;
  areaTerm: AssuranceAreaTerm;
  validFrom: string;
  validTo: string | null;
  domains: AssuranceDomainView[];
}

export interface CategoryProposalView {
  category: AssuranceCategory;
  step: number;
  rule: CategoryRule;
  policy: string;
  reasons: { step: number; rule: CategoryRule; fired: boolean; domains: string[]; explanation: string }[];
}

export interface DomainRatingView {
  domain: AssuranceDomainView;
  rating: AssuranceCategory | null;
  narrative: string | null;
  ratedBy: ActorView | null;
  ratedAt: Date | null;
}

export interface EvidenceView {
  id: string;
  kind: EvidenceKind;
  partner: AssurancePartner | null;
  domain: string | null;
  reference: string | null;
  url: string | null;
  note: string | null;
  addedBy: ActorView | null;
  addedAt: Date;
}

export interface CommentView {
  id: string;
  author: ActorView;
  text: string;
  createdAt: Date;
}

/** An assessment as a client sees it: every domain of its framework, the proposal computed now, the decision as stored. */
export interface AssessmentView {
  id: string;
  ccgCode: string;
  financialYear: string;
  quarter: number;
  quarterLabel: string;
  periodStart: string;
  periodEnd: string;
  framework: AssuranceFrameworkView;
  status: AssessmentStatus;
  version: number;
  assessedOn: string;
  ratings: DomainRatingView[];
  fullyRated: boolean;
  proposal: CategoryProposalView | null;
  decidedCategory: AssuranceCategory | null;
  rationale: string | null;
  differsFromProposal: boolean | null;
  decidedBy: ActorView | null;
  decidedAt: Date | null;
  nextAssessmentDue: string | null;
  evidence: EvidenceView[];
  /** Null in the public view. */
  comments: CommentView[] | null;
  publishedAt: Date | null;
  publishedBy: ActorView | null;
  illustrative: boolean;
  illustrativeNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface StakeholderSurveyResultView {
  surveyYear: string;
  questionCode: string;
  question: string;
  percentagePositive: Percentage;
}

/** A CCG's buddy CCG. */
export interface BuddyView {
  buddyCode: string;
  assignedOn: string;
}
