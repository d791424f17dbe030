import { useEffect, useRef, useState } from 'react';
import { CATEGORY_NAMES } from './assurance-labels';
import type { StoredAssessment } from './assessment.fragment';
import { CategoryTag } from './category-proposal';
import { ConfirmButtons } from './confirmation-parts';

/**
 * Publishing the saved assessment, behind a confirmation that says what is published and that it cannot
 * change after. `blockedBy` says why it cannot be published yet (unsaved changes, not rated or decided).
 */
export function AssessmentPublishSection({
  saved,
  what,
  blockedBy,
  busy,
  publishing,
  onConfirm,
}: {
  saved: StoredAssessment;
  /** "the 2015/16 Q2 assessment of NHS Leeds North CCG" */
  what: string;
  blockedBy: string | null;
  busy: boolean;
  publishing: boolean;
  onConfirm: () => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function confirm() {
    await onConfirm();
    setConfirming(false);
  }

  return (
    <section aria-labelledby="publish-heading" className="ccg-domain">
      <h2 id="publish-heading" className="nhsuk-heading-m">
        Publish
      </h2>
      {!confirming ? (
        <>
          <p className="nhsuk-body">A published assessment is read-only and public: anyone can read it on the CCG’s public assurance page.</p>
          {blockedBy && <p className="nhsuk-body">{blockedBy}</p>}
          <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy || blockedBy !== null} onClick={() => setConfirming(true)}>
            Publish the assessment
          </button>
        </>
      ) : (
        <div className="nhsuk-card ccg-confirm">
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-heading-s" tabIndex={-1} ref={confirmRef}>
              Publish {what}?
            </h3>
            {saved.decidedCategory && (
              <p className="nhsuk-body">
                Overall category: <CategoryTag category={saved.decidedCategory} />
                {saved.differsFromProposal && saved.proposal ? ` (the proposal was ${CATEGORY_NAMES[saved.proposal.category]}; your rationale is published with it)` : ''}
              </p>
            )}
            <p className="nhsuk-body">Once published it cannot be changed, and anyone can read it without signing in.</p>
            <ConfirmButtons label="Yes, publish it" busyLabel={publishing ? 'Publishing…' : 'Yes, publish it'} busy={busy} onConfirm={() => void confirm()} onCancel={() => setConfirming(false)} />
          </div>
        </div>
      )}
    </section>
  );
}
