import { DEFAULT_CATEGORY_POLICY, proposeCategory, type AssuranceCategory, type AssuranceFramework, type CategoryProposal } from '@ccg-assure/domain';
import { CATEGORY_NAMES, CATEGORY_TAG_CLASSES, areaTerm, domainName } from './assurance-labels';

/** The ratings entered so far, by domain code; a domain not yet rated is null or absent. */
export type RatingsByDomain = Readonly<Record<string, AssuranceCategory | null | undefined>>;

/**
 * The proposal for the ratings as entered, by the domain library's policy (the one the server uses);
 * null until every domain of the framework is rated.
 */
export function proposalFor(framework: AssuranceFramework, ratings: RatingsByDomain): CategoryProposal | null {
  const rated = framework.domains.map((domain) => ({ domain: domain.code, rating: ratings[domain.code] ?? null }));
  if (rated.some((entry) => entry.rating === null)) return null;
  return proposeCategory({ framework: framework.id, ratings: rated as { domain: string; rating: AssuranceCategory }[] });
}

/** The policy in force, in a sentence, with the framework's own critical domains (DOMAIN.md "Assurance category proposal"). */
export function policySentence(framework: AssuranceFramework, policy = DEFAULT_CATEGORY_POLICY): string {
  const critical = (policy.criticalDomains[framework.id] ?? []).map((code) => domainName(framework.id, code)).join(' or ');
  const term = areaTerm(framework);
  return [
    critical ? `Not assured if ${critical} is Not assured.` : '',
    `Otherwise Limited assurance if any ${term} is Not assured, or ${policy.limitedCountThreshold} or more are Limited.`,
    `Otherwise Outstanding if at least ${policy.outstandingCountThreshold} are Outstanding and none is below ${CATEGORY_NAMES[policy.outstandingFloor]}.`,
    'Otherwise Good.',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A category as an NHS tag with its name written in it. */
export function CategoryTag({ category }: { category: AssuranceCategory }) {
  return <strong className={`nhsuk-tag ccg-category-tag ${CATEGORY_TAG_CLASSES[category]}`}>{CATEGORY_NAMES[category]}</strong>;
}

interface CategoryProposalPanelProps {
  framework: AssuranceFramework;
  ratings: RatingsByDomain;
  /** The category the server proposed for the saved ratings, to show that both agree. */
  serverProposal?: AssuranceCategory | null;
  /** True when the ratings on screen are the saved ones (the server's proposal is for these). */
  saved?: boolean;
}

/**
 * The proposed overall category, updating as ratings change, with each step of the policy and whether
 * it applied. Announced politely to screen readers when it changes.
 */
export function CategoryProposalPanel({ framework, ratings, serverProposal, saved }: CategoryProposalPanelProps) {
  const proposal = proposalFor(framework, ratings);
  const missing = framework.domains.filter((d) => !ratings[d.code]).length;
  const disagrees = proposal && saved && serverProposal && serverProposal !== proposal.category;
  return (
    <section className="nhsuk-card ccg-proposal" aria-labelledby="proposal-heading">
      <div className="nhsuk-card__content">
        <h2 id="proposal-heading" className="nhsuk-heading-m">
          Proposed category
        </h2>
        <div aria-live="polite" aria-atomic="true" id="proposal-live">
          {proposal ? (
            <p className="nhsuk-body ccg-proposal__category">
              <span className="nhsuk-u-visually-hidden">Proposed category: </span>
              <CategoryTag category={proposal.category} />
            </p>
          ) : (
            <p className="nhsuk-body">
              Rate every {areaTerm(framework)} to see the proposed category ({missing} of {framework.domains.length} not rated yet).
            </p>
          )}
        </div>
        {proposal && (
          <>
            <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">Why</h3>
            <ol className="nhsuk-list ccg-proposal__reasons" data-testid="proposal-reasons">
              {proposal.reasons.map((reason) => (
                <li key={reason.step} className={reason.fired ? 'ccg-proposal__reason--fired' : 'ccg-proposal__reason'}>
                  <span className="ccg-proposal__step">Step {reason.step}:</span> {reason.explanation}
                  {reason.fired && <span className="nhsuk-u-visually-hidden"> (this step decides)</span>}
                </li>
              ))}
            </ol>
            {saved && serverProposal && !disagrees && <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">The server proposes the same for the saved ratings.</p>}
            {disagrees && (
              <p className="nhsuk-body-s" role="alert">
                The server proposes {CATEGORY_NAMES[serverProposal]} for the saved ratings. Its proposal is the one recorded; reload to see its reasons.
              </p>
            )}
          </>
        )}
        <details className="nhsuk-details nhsuk-u-margin-bottom-0">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">How the category is proposed</span>
          </summary>
          <div className="nhsuk-details__text">
            <p className="nhsuk-body-s">{policySentence(framework)}</p>
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">You decide the category. A decision that differs from the proposal needs a rationale.</p>
          </div>
        </details>
      </div>
    </section>
  );
}
