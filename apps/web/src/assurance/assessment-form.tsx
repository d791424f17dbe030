import { decisionNeedsRationale } from '@ccg-assure/domain';
import type { FormEvent } from 'react';
import { ErrorSummary, problemFor } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { areaTerm } from './assurance-labels';
import { AssessmentDecisionSection } from './assessment-decision-section';
import { ratingFieldId, ratingsAsSaved } from './assessment-draft';
import type { StoredAssessment } from './assessment.fragment';
import { AssessmentNoticePanel } from './assessment-notice-panel';
import type { AssessmentOffers } from './assessment-offers';
import { AssessmentPublishSection } from './assessment-publish-section';
import { CategoryProposalPanel, proposalFor } from './category-proposal';
import { DomainRatingSection } from './domain-rating-section';
import { AddEvidenceForm, EvidenceList, type Evidence } from './evidence';
import { TriggersPanel, type AssuranceTrigger } from './triggers-panel';
import { useAssessmentEditor, type AssessmentEditor } from './use-assessment-editor';

/**
 * The assessor's form for a draft assessment: a rating and narrative per domain of the framework in
 * force, evidence, the triggers beside it, the proposed category updating as ratings change (the
 * domain library's proposeCategory, the server's policy), the decision with a rationale when it
 * differs, save as draft (a stale version is refused with CONFLICT) and publish after a confirmation.
 * Each part is offered as the assessment's availableActions allow (`offers`).
 */
export function AssessmentForm({
  assessment,
  offers,
  onReload,
  onPublished,
}: {
  assessment: StoredAssessment;
  offers: AssessmentOffers;
  onReload: () => Promise<unknown>;
  onPublished: () => void;
}) {
  const editor = useAssessmentEditor(assessment, { onReload, onPublished });
  const { framework, saved, draft, edit, busy } = editor;
  const proposal = proposalFor(framework, draft.ratings);
  const needsRationale = Boolean(proposal && draft.decision && decisionNeedsRationale(proposal.category, draft.decision));
  const errorFor = (field: string) => problemFor(editor.problems, field);
  const what = `the ${saved.quarterLabel} assessment of ${organisationName(saved.ccg.name)}`;
  const removeEvidence = offers.removeEvidence ? (item: Evidence) => void editor.removeEvidence(item) : undefined;

  const cite = (trigger: AssuranceTrigger) => {
    if (trigger.evidenceKind && trigger.evidenceReference) void editor.addEvidence({ kind: trigger.evidenceKind, partner: null, domain: null, reference: trigger.evidenceReference, url: null, note: trigger.title });
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    void editor.save();
  }

  return (
    <div className="nhsuk-grid-row ccg-assessment-layout">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary id="problems" problems={editor.problems} focusRequest={editor.problemsShown} headingLevel="h2" />
        <AssessmentNoticePanel notice={editor.notice} onReload={() => void editor.reloadLatest()} />

        <form onSubmit={submit} noValidate aria-label={`Assessment: ${what}`}>
          {framework.domains.map((domain) => (
            <DomainRatingSection
              key={domain.code}
              framework={framework}
              domain={domain}
              critical={Boolean(saved.framework.domains.find((d) => d.code === domain.code)?.critical)}
              rating={draft.ratings[domain.code]}
              narrative={draft.narratives[domain.code] ?? ''}
              error={errorFor(ratingFieldId(domain.code))}
              evidence={saved.evidence.filter((item) => item.domain === domain.code)}
              onRate={(rating) => edit.rate(domain.code, rating)}
              onNarrate={(text) => edit.narrate(domain.code, text)}
              onRemoveEvidence={removeEvidence}
              busy={busy}
            />
          ))}

          {offers.decide && (
            <AssessmentDecisionSection
              framework={framework}
              proposal={proposal}
              decision={draft.decision}
              rationale={draft.rationale}
              needsRationale={needsRationale}
              errorFor={errorFor}
              onDecide={edit.decide}
              onExplain={edit.explain}
            />
          )}

          <div className="ccg-button-row">
            <button type="submit" className="nhsuk-button" disabled={busy}>
              {editor.saving ? 'Saving…' : 'Save the draft'}
            </button>
            {editor.dirty && <p className="nhsuk-body-s nhsuk-u-margin-bottom-4">You have unsaved changes.</p>}
          </div>
        </form>

        <section aria-labelledby="evidence-heading" className="ccg-domain">
          <h2 id="evidence-heading" className="nhsuk-heading-m">
            Evidence for the whole assessment
          </h2>
          {saved.evidence.some((item) => !item.domain) ? (
            <EvidenceList evidence={saved.evidence.filter((item) => !item.domain)} frameworkId={framework.id} onRemove={removeEvidence} busy={busy} />
          ) : (
            <p className="nhsuk-body">None yet. Evidence for a single {areaTerm(framework)} shows under it.</p>
          )}
          {offers.addEvidence && <AddEvidenceForm framework={framework} busy={busy} onAdd={editor.addEvidence} />}
        </section>

        {offers.publish && (
          <AssessmentPublishSection saved={saved} what={what} blockedBy={publishBlockedBy(editor)} busy={busy} publishing={editor.publishing} onConfirm={editor.confirmPublish} />
        )}
      </div>
      <aside className="nhsuk-grid-column-one-third ccg-assessment-aside" aria-label="Proposed category and triggers">
        <CategoryProposalPanel framework={framework} ratings={draft.ratings} serverProposal={saved.proposal?.category ?? null} saved={ratingsAsSaved(draft, saved)} />
        <TriggersPanel ccg={saved.ccg.code} evidence={saved.evidence} onCite={offers.addEvidence ? cite : undefined} busy={busy} />
      </aside>
    </div>
  );
}

/** Why the assessment cannot be published yet, or null when it can. */
function publishBlockedBy({ dirty, saved, framework }: Pick<AssessmentEditor, 'dirty' | 'saved' | 'framework'>): string | null {
  if (dirty) return 'Save the draft before publishing.';
  if (!saved.fullyRated) return `Rate every ${areaTerm(framework)} and decide the overall category before publishing.`;
  if (!saved.decidedCategory) return 'Decide the overall category and save it before publishing.';
  return null;
}
