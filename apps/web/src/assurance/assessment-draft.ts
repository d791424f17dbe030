import { decisionNeedsRationale, type AssuranceCategory, type AssuranceFramework } from '@ccg-assure/domain';
import type { DomainRatingInput } from '../gql/graphql';
import type { StoredAssessment } from './assessment.fragment';
import { CATEGORY_NAMES, areaTerm } from './assurance-labels';
import { proposalFor } from './category-proposal';

/** What the assessor has on screen: a rating and narrative per domain, the decision and its rationale. */
export interface AssessmentDraft {
  ratings: Record<string, AssuranceCategory | null>;
  narratives: Record<string, string>;
  decision: AssuranceCategory | null;
  rationale: string;
}

export function draftFromAssessment(assessment: StoredAssessment): AssessmentDraft {
  return {
    ratings: Object.fromEntries(assessment.ratings.map((r) => [r.domain.code, r.rating])),
    narratives: Object.fromEntries(assessment.ratings.map((r) => [r.domain.code, r.narrative ?? ''])),
    decision: assessment.decidedCategory,
    rationale: assessment.rationale ?? '',
  };
}

const sameText = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim() === (b ?? '').trim();

/** The domains whose rating or narrative changed, as rateAssessment takes them (rated domains only). */
export function changedRatings(draft: AssessmentDraft, saved: StoredAssessment): DomainRatingInput[] {
  return saved.ratings.flatMap((stored) => {
    const code = stored.domain.code;
    const rating = draft.ratings[code] ?? null;
    const narrative = draft.narratives[code] ?? '';
    if (rating === null || (rating === stored.rating && sameText(narrative, stored.narrative))) return [];
    return [{ domain: code, rating, narrative: narrative.trim() || null }];
  });
}

/** True when the decision or rationale on screen is not the one saved. */
export function decisionChanged(draft: AssessmentDraft, saved: StoredAssessment): boolean {
  return draft.decision !== saved.decidedCategory || (draft.decision !== null && !sameText(draft.rationale, saved.rationale));
}

/** True when every rating on screen is the saved one (the server's proposal is for these ratings). */
export function ratingsAsSaved(draft: AssessmentDraft, saved: StoredAssessment): boolean {
  return saved.ratings.every((stored) => (draft.ratings[stored.domain.code] ?? null) === stored.rating);
}

export function isDirty(draft: AssessmentDraft, saved: StoredAssessment): boolean {
  return changedRatings(draft, saved).length > 0 || decisionChanged(draft, saved);
}

/** A problem with the draft, against the field to fix (its id), for the error summary. */
export interface DraftProblem {
  field: string;
  message: string;
}

export const ratingFieldId = (domain: string) => `rating-${domain}`;
export const narrativeFieldId = (domain: string) => `narrative-${domain}`;
export const DECISION_FIELD_ID = 'decision';
export const RATIONALE_FIELD_ID = 'rationale';

/**
 * What stops the draft being saved: a narrative for a domain not yet rated (the API keeps a narrative
 * with its rating), a decision before every domain is rated, and a decision that differs from the
 * proposal without a rationale (the domain library's decisionNeedsRationale).
 */
export function draftProblems(draft: AssessmentDraft, framework: AssuranceFramework): DraftProblem[] {
  const problems: DraftProblem[] = [];
  for (const domain of framework.domains) {
    if (!draft.ratings[domain.code] && (draft.narratives[domain.code] ?? '').trim()) {
      problems.push({ field: ratingFieldId(domain.code), message: `Rate ${domain.name} to save its narrative` });
    }
  }
  if (draft.decision) {
    const proposal = proposalFor(framework, draft.ratings);
    if (!proposal) {
      problems.push({ field: DECISION_FIELD_ID, message: `Rate every ${areaTerm(framework)} before deciding the overall category` });
    } else if (decisionNeedsRationale(proposal.category, draft.decision) && !draft.rationale.trim()) {
      problems.push({
        field: RATIONALE_FIELD_ID,
        message: `Give your rationale: your decision (${CATEGORY_NAMES[draft.decision]}) differs from the proposed category (${CATEGORY_NAMES[proposal.category]})`,
      });
    }
  }
  return problems;
}
