import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../ui/nhs';

/** The longest reason the API keeps (ReturnFinancialPlanInput.reason). */
export const MAX_RETURN_REASON = 2000;

type Step = 'submit' | 'approve' | 'return';

interface PlanDecisionsProps {
  /** "version 2 of the 2015/16 plan for NHS Leeds North CCG". */
  what: string;
  /** The finance officer may submit the draft; a sentence says why not yet when it cannot be submitted now. */
  submit: { blockedBy: string | null } | null;
  /** The viewer may approve the submitted version (APPROVE). */
  approve: boolean;
  /** The viewer may return the submitted version to the CCG (RETURN). */
  returnToCcg: boolean;
  /** The compliance of the version, in a sentence, for the confirmation. */
  complianceSentence: string | null;
  compliant: boolean | null;
  busy: boolean;
  onSubmit: () => Promise<boolean>;
  onApprove: () => Promise<boolean>;
  onReturn: (reason: string) => Promise<boolean>;
}

/**
 * Submit (finance officer), approve or return (NHS England assessor), as the plan's available actions
 * allow, each behind a confirmation step; a return needs its reason. Nothing is sent until the person confirms.
 */
export function PlanDecisions({ what, submit, approve, returnToCcg, complianceSentence, compliant, busy, onSubmit, onApprove, onReturn }: PlanDecisionsProps) {
  const [step, setStep] = useState<Step | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  // Each refused attempt moves focus to the error summary (the NHS pattern), which links to the reason.
  const [summaryFocus, setSummaryFocus] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step) headingRef.current?.focus();
  }, [step]);

  if (!submit && !approve && !returnToCcg) return null;

  const close = () => {
    setStep(null);
    setReason('');
    setReasonError(null);
  };
  const finish = async (action: () => Promise<boolean>) => {
    if (await action()) close();
  };

  async function confirmReturn(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    const problem = !trimmed ? 'Enter why the plan is being returned' : trimmed.length > MAX_RETURN_REASON ? `The reason must be ${MAX_RETURN_REASON} characters or fewer` : null;
    if (problem) {
      setReasonError(problem);
      setSummaryFocus((n) => n + 1);
      return;
    }
    await finish(() => onReturn(trimmed));
  }

  const heading = (text: string) => (
    <h3 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
      {text}
    </h3>
  );
  const cancel = (
    <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={close} disabled={busy}>
      Cancel
    </button>
  );

  return (
    <section aria-labelledby="decisions-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="decisions-heading" className="nhsuk-heading-m">
        {submit ? 'Submit to NHS England' : 'Decide on the submitted plan'}
      </h2>
      {step === null && submit && (
        <>
          {submit.blockedBy && <p className="nhsuk-body">{submit.blockedBy}</p>}
          <button type="button" className="nhsuk-button" disabled={submit.blockedBy !== null || busy} onClick={() => setStep('submit')}>
            Submit the plan
          </button>
        </>
      )}
      {step === null && (approve || returnToCcg) && (
        <div className="ccg-button-row">
          {approve && (
            <button type="button" className="nhsuk-button" disabled={busy} onClick={() => setStep('approve')}>
              Approve the plan
            </button>
          )}
          {returnToCcg && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy} onClick={() => setStep('return')}>
              Return the plan to the CCG
            </button>
          )}
        </div>
      )}

      {step === 'submit' && (
        <div className="nhsuk-card ccg-confirm">
          <div className="nhsuk-card__content">
            {heading(`Submit ${what}?`)}
            {complianceSentence && <p className="nhsuk-body">{complianceSentence}</p>}
            {compliant === false && <p className="nhsuk-body">You can still submit it: NHS England will see each rule it does not meet and by how much.</p>}
            <p className="nhsuk-body">Once submitted, its figures cannot be changed. If NHS England returns it, you start a new version.</p>
            <div className="ccg-button-row">
              <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void finish(onSubmit)}>
                {busy ? 'Submitting…' : 'Yes, submit the plan'}
              </button>
              {cancel}
            </div>
          </div>
        </div>
      )}

      {step === 'approve' && (
        <div className="nhsuk-card ccg-confirm">
          <div className="nhsuk-card__content">
            {heading(`Approve ${what}?`)}
            {complianceSentence && <p className="nhsuk-body">{complianceSentence}</p>}
            <p className="nhsuk-body">In-year forecasts are then measured against this version.</p>
            <div className="ccg-button-row">
              <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void finish(onApprove)}>
                {busy ? 'Approving…' : 'Yes, approve the plan'}
              </button>
              {cancel}
            </div>
          </div>
        </div>
      )}

      {step === 'return' && (
        <div className="nhsuk-card ccg-confirm">
          <div className="nhsuk-card__content">
            {heading(`Return ${what}?`)}
            {reasonError && <ErrorSummary id="return-problems" headingLevel="h4" focusRequest={summaryFocus} problems={[{ field: 'return-reason', message: reasonError }]} />}
            <form onSubmit={(event) => void confirmReturn(event)} noValidate>
              <div className={`nhsuk-form-group${reasonError ? ' nhsuk-form-group--error' : ''}`}>
                <label className="nhsuk-label" htmlFor="return-reason">
                  Why is it being returned?
                </label>
                <div className="nhsuk-hint" id="return-reason-hint">
                  The CCG sees this with the plan. Say what must change.
                </div>
                {reasonError && (
                  <span className="nhsuk-error-message" id="return-reason-error">
                    <span className="nhsuk-u-visually-hidden">Error: </span>
                    {reasonError}
                  </span>
                )}
                <textarea
                  className={`nhsuk-textarea${reasonError ? ' nhsuk-textarea--error' : ''}`}
                  id="return-reason"
                  name="return-reason"
                  rows={4}
                  value={reason}
                  aria-describedby={`return-reason-hint${reasonError ? ' return-reason-error' : ''}`}
                  onChange={(event) => setReason(event.currentTarget.value)}
                />
              </div>
              <div className="ccg-button-row">
                <button type="submit" className="nhsuk-button nhsuk-button--warning" disabled={busy}>
                  {busy ? 'Returning…' : 'Return the plan'}
                </button>
                {cancel}
              </div>
            </form>
          </div>
        </div>
      )}
    </section>
  );
}
