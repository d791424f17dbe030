import type { AssuranceCategory, AssuranceDomain, AssuranceFramework } from '@ccg-assure/domain';
import { areaTerm } from './assurance-labels';
import { narrativeFieldId, ratingFieldId } from './assessment-draft';
import { CategoryChoice } from './category-choice';
import { EvidenceList, type Evidence } from './evidence';

/**
 * One domain of the framework on the assessor's form: what it covers (and whether it is critical), its
 * rating, the narrative saying why, and the evidence linked to it.
 */
export function DomainRatingSection({
  framework,
  domain,
  critical,
  rating,
  narrative,
  error,
  evidence,
  onRate,
  onNarrate,
  onRemoveEvidence,
  busy,
}: {
  framework: AssuranceFramework;
  domain: AssuranceDomain;
  /** Not assured here makes the CCG Not assured (the assessment's own framework says). */
  critical: boolean;
  rating: AssuranceCategory | null | undefined;
  narrative: string;
  error?: string;
  evidence: readonly Evidence[];
  onRate: (rating: AssuranceCategory) => void;
  onNarrate: (text: string) => void;
  /** Absent when the viewer may not remove evidence. */
  onRemoveEvidence?: (item: Evidence) => void;
  busy: boolean;
}) {
  const headingId = `domain-${domain.code}-heading`;
  return (
    <section className="ccg-domain" aria-labelledby={headingId}>
      <h2 id={headingId} className="nhsuk-heading-m">
        {domain.name}
      </h2>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
        {domain.description}
        {critical ? ` Critical ${areaTerm(framework)}: Not assured here makes the CCG Not assured.` : ''}
      </p>
      <CategoryChoice fieldId={ratingFieldId(domain.code)} name={ratingFieldId(domain.code)} legend={`Rating: ${domain.name}`} error={error} value={rating} onChange={onRate} small />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={narrativeFieldId(domain.code)}>
          Narrative: why this rating
        </label>
        <textarea
          className="nhsuk-textarea"
          id={narrativeFieldId(domain.code)}
          name={narrativeFieldId(domain.code)}
          rows={4}
          value={narrative}
          onChange={(event) => onNarrate(event.currentTarget.value)}
        />
      </div>
      {evidence.length > 0 && (
        <>
          <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">Evidence for {domain.name}</h3>
          <EvidenceList evidence={evidence} frameworkId={framework.id} onRemove={onRemoveEvidence} busy={busy} showDomain={false} />
        </>
      )}
    </section>
  );
}
