import type { AssessmentActionType } from '@ccg-assure/domain';
import type { StoredAssessment } from './assessment.fragment';

/**
 * What the pages offer the viewer on an assessment: exactly the moves of its lifecycle the API lists in
 * `availableActions` for them now (the domain's assessment transition table), never a guess from its status
 * or the viewer's roles. The status is for display only ("Draft", "Published").
 */
export interface AssessmentOffers {
  /** Rate domains and write their narratives: the assessor's form. */
  readonly rate: boolean;
  /** Decide the overall category, with its rationale. */
  readonly decide: boolean;
  readonly addEvidence: boolean;
  readonly removeEvidence: boolean;
  readonly publish: boolean;
  /** Respond with a comment: the CCG's own users. */
  readonly comment: boolean;
}

export function assessmentOffers(assessment: Pick<StoredAssessment, 'availableActions'>): AssessmentOffers {
  const may = (action: AssessmentActionType) => assessment.availableActions.includes(action);
  return {
    rate: may('RATE'),
    decide: may('DECIDE'),
    addEvidence: may('ADD_EVIDENCE'),
    removeEvidence: may('REMOVE_EVIDENCE'),
    publish: may('PUBLISH'),
    comment: may('COMMENT'),
  };
}
