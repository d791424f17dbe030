import type { AssuranceCategory, AssuranceFramework, CategoryProposal } from '@ccg-assure/domain';
import { FormGroup } from '../ui/nhs';
import { CATEGORY_CONSEQUENCES, CATEGORY_NAMES, areaTerm } from './assurance-labels';
import { DECISION_FIELD_ID, RATIONALE_FIELD_ID } from './assessment-draft';
import { CategoryChoice } from './category-choice';
import { CategoryTag } from './category-proposal';

/**
 * The assessor's decision: the overall category, the proposal beside each choice and what follows from
 * each, and the rationale, required (and said to be) when the decision differs from the proposal.
 */
export function AssessmentDecisionSection({
  framework,
  proposal,
  decision,
  rationale,
  needsRationale,
  errorFor,
  onDecide,
  onExplain,
}: {
  framework: AssuranceFramework;
  /** The proposal for the ratings on screen; null until every domain is rated. */
  proposal: CategoryProposal | null;
  decision: AssuranceCategory | null;
  rationale: string;
  needsRationale: boolean;
  errorFor: (field: string) => string | undefined;
  onDecide: (category: AssuranceCategory) => void;
  onExplain: (text: string) => void;
}) {
  return (
    <section className="ccg-domain" aria-labelledby="decision-heading">
      <h2 id="decision-heading" className="nhsuk-heading-m">
        Your decision
      </h2>
      <p className="nhsuk-body">
        {proposal ? (
          <>
            The proposed category is <CategoryTag category={proposal.category} /> (<a href="#proposal-heading">see why</a>).
          </>
        ) : (
          `Rate every ${areaTerm(framework)} to see the proposed category.`
        )}
      </p>
      <CategoryChoice
        fieldId={DECISION_FIELD_ID}
        name="decision"
        legend="Overall category"
        hint="You decide. A decision that differs from the proposed category needs a rationale."
        error={errorFor(DECISION_FIELD_ID)}
        value={decision}
        onChange={onDecide}
        itemLabel={(category) => `${CATEGORY_NAMES[category]}${proposal?.category === category ? ' (proposed)' : ''}`}
        itemHint={(category) => CATEGORY_CONSEQUENCES[category]}
      />
      <FormGroup
        id={RATIONALE_FIELD_ID}
        label={`Rationale${needsRationale ? '' : ' (optional)'}`}
        hint={
          needsRationale && proposal && decision
            ? `Required: your decision (${CATEGORY_NAMES[decision]}) differs from the proposed category (${CATEGORY_NAMES[proposal.category]}). Say why.`
            : 'Required only when your decision differs from the proposed category.'
        }
        error={errorFor(RATIONALE_FIELD_ID)}
      >
        {({ describedBy, invalid }) => (
          <textarea
            className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`}
            id={RATIONALE_FIELD_ID}
            name="rationale"
            rows={4}
            required={needsRationale}
            aria-required={needsRationale}
            aria-describedby={describedBy}
            value={rationale}
            onChange={(event) => onExplain(event.currentTarget.value)}
          />
        )}
      </FormGroup>
    </section>
  );
}
