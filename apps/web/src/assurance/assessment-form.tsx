import { ASSURANCE_CATEGORY_CODES, decisionNeedsRationale, getAssuranceFramework, type AssuranceCategory } from '@ccg-assure/domain';
import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorCodes, describeError } from '../app/graphql-errors';
import { organisationName } from '../ui/organisation-name';
import { CATEGORY_CONSEQUENCES, CATEGORY_NAMES, areaTerm } from './assurance-labels';
import { AddAssessmentEvidenceMutation, DecideAssessmentCategoryMutation, PublishAssessmentMutation, RateAssessmentMutation, RemoveAssessmentEvidenceMutation } from './assessment.operations';
import {
  DECISION_FIELD_ID,
  RATIONALE_FIELD_ID,
  changedRatings,
  decisionChanged,
  ratingsAsSaved,
  draftFromAssessment,
  draftProblems,
  isDirty,
  narrativeFieldId,
  ratingFieldId,
  type AssessmentDraft,
  type DraftProblem,
} from './assessment-draft';
import type { StoredAssessment } from './assessment.fragment';
import { CategoryProposalPanel, CategoryTag, proposalFor } from './category-proposal';
import { AddEvidenceForm, EvidenceList, type Evidence, type NewEvidence } from './evidence';
import { TriggersPanel, type AssuranceTrigger } from './triggers-panel';

type Notice = { kind: 'success' | 'error'; text: string; conflict?: boolean } | null;

/** What the person is told for each error code and reason the assessment mutations return. */
function describeSaveError(error: unknown): { text: string; conflict: boolean } {
  const { code, reason } = errorCodes(error);
  if (code === 'CONFLICT' && reason === 'ASSESSMENT_PUBLISHED') return { text: 'This assessment has been published in the meantime: it can no longer change.', conflict: true };
  if (code === 'CONFLICT' && reason === 'NOT_DECIDED') return { text: 'Decide the overall category and save it before publishing.', conflict: false };
  if (code === 'CONFLICT') return { text: 'Someone else changed this assessment since you opened it. Your changes are still on screen.', conflict: true };
  if (code === 'BAD_USER_INPUT' && reason === 'RATIONALE_REQUIRED') return { text: 'A decision that differs from the proposed category needs a rationale.', conflict: false };
  if (code === 'BAD_USER_INPUT' && reason === 'INVALID_URL') return { text: 'The link must start https:// or http://.', conflict: false };
  return { text: describeError(error), conflict: false };
}

/**
 * The assessor's form for a draft assessment: a rating and narrative per domain of the framework in
 * force, evidence, the triggers beside it, the proposed category updating as ratings change (the
 * domain library's proposeCategory, the server's policy), the decision with a rationale when it
 * differs, save as draft (a stale version is refused with CONFLICT) and publish after a confirmation.
 */
export function AssessmentForm({
  assessment,
  onReload,
  onPublished,
}: {
  assessment: StoredAssessment;
  onReload: () => Promise<unknown>;
  onPublished: () => void;
}) {
  const framework = getAssuranceFramework(assessment.framework.id);
  const [saved, setSaved] = useState<StoredAssessment>(assessment);
  const [draft, setDraft] = useState<AssessmentDraft>(() => draftFromAssessment(assessment));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [notice, setNotice] = useState<Notice>(null);
  const [confirming, setConfirming] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);

  const [rate, rating] = useMutation(RateAssessmentMutation);
  const [decide, deciding] = useMutation(DecideAssessmentCategoryMutation);
  const [publish, publishing] = useMutation(PublishAssessmentMutation);
  const [addEvidence, adding] = useMutation(AddAssessmentEvidenceMutation);
  const [removeEvidence, removing] = useMutation(RemoveAssessmentEvidenceMutation);
  const busy = rating.loading || deciding.loading || publishing.loading || adding.loading || removing.loading;

  // A new server copy (after a reload) replaces the baseline; what is on screen is kept only when unchanged.
  useEffect(() => {
    setSaved(assessment);
  }, [assessment]);

  useEffect(() => {
    if (problems.length > 0) summaryRef.current?.focus();
  }, [problems]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const proposal = proposalFor(framework, draft.ratings);
  const dirty = isDirty(draft, saved);
  const needsRationale = Boolean(proposal && draft.decision && decisionNeedsRationale(proposal.category, draft.decision));
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const name = organisationName(saved.ccg.name);
  const what = `the ${saved.quarterLabel} assessment of ${name}`;

  const setRating = (domain: string, value: AssuranceCategory) => setDraft((d) => ({ ...d, ratings: { ...d.ratings, [domain]: value } }));
  const setNarrative = (domain: string, value: string) => setDraft((d) => ({ ...d, narratives: { ...d.narratives, [domain]: value } }));
  // The value is read from the event at once: React clears currentTarget before a state updater runs.
  const setRationale = (value: string) => setDraft((d) => ({ ...d, rationale: value }));

  async function save(event?: FormEvent): Promise<StoredAssessment | null> {
    event?.preventDefault();
    setNotice(null);
    const found = draftProblems(draft, framework);
    setProblems(found);
    if (found.length > 0) return null;
    try {
      let current = saved;
      const changes = changedRatings(draft, current);
      if (changes.length > 0) {
        const result = await rate({ variables: { input: { assessmentId: current.id, expectedVersion: current.version, ratings: changes } } });
        if (result.data) current = result.data.rateAssessment;
      }
      if (draft.decision && decisionChanged(draft, current)) {
        const result = await decide({
          variables: { input: { assessmentId: current.id, expectedVersion: current.version, category: draft.decision, rationale: draft.rationale.trim() || null } },
        });
        if (result.data) current = result.data.decideAssessmentCategory;
      }
      const changed = current !== saved;
      setSaved(current);
      setDraft(draftFromAssessment(current));
      setNotice({ kind: 'success', text: changed ? 'The draft is saved.' : 'Nothing had changed.' });
      return current;
    } catch (error) {
      const described = describeSaveError(error);
      setNotice({ kind: 'error', ...described });
      return null;
    }
  }

  async function reloadLatest() {
    setNotice(null);
    const result = (await onReload()) as { data?: { assessment?: StoredAssessment } } | undefined;
    const latest = result?.data?.assessment;
    if (latest) {
      setSaved(latest);
      setDraft(draftFromAssessment(latest));
      setProblems([]);
    }
  }

  async function confirmPublish() {
    setNotice(null);
    try {
      await publish({ variables: { input: { assessmentId: saved.id, expectedVersion: saved.version } } });
      setConfirming(false);
      // The page now shows the published, read-only assessment from the result (the cache is updated).
      onPublished();
    } catch (error) {
      setConfirming(false);
      setNotice({ kind: 'error', ...describeSaveError(error) });
    }
  }

  async function add(evidence: NewEvidence): Promise<boolean> {
    setNotice(null);
    try {
      const result = await addEvidence({ variables: { input: { assessmentId: saved.id, expectedVersion: saved.version, ...evidence } } });
      if (result.data) setSaved(result.data.addAssessmentEvidence);
      setNotice({ kind: 'success', text: 'The evidence is added.' });
      return true;
    } catch (error) {
      setNotice({ kind: 'error', ...describeSaveError(error) });
      return false;
    }
  }

  async function remove(item: Evidence) {
    setNotice(null);
    try {
      const result = await removeEvidence({ variables: { input: { assessmentId: saved.id, expectedVersion: saved.version, evidenceId: item.id } } });
      if (result.data) setSaved(result.data.removeAssessmentEvidence);
      setNotice({ kind: 'success', text: 'The evidence is removed.' });
    } catch (error) {
      setNotice({ kind: 'error', ...describeSaveError(error) });
    }
  }

  const cite = (trigger: AssuranceTrigger) => {
    if (trigger.evidenceKind && trigger.evidenceReference) void add({ kind: trigger.evidenceKind, partner: null, domain: null, reference: trigger.evidenceReference, url: null, note: trigger.title });
  };

  const publishBlockedBy = dirty
    ? 'Save the draft before publishing.'
    : !saved.fullyRated
      ? `Rate every ${areaTerm(framework)} and decide the overall category before publishing.`
      : !saved.decidedCategory
        ? 'Decide the overall category and save it before publishing.'
        : null;

  return (
    <div className="nhsuk-grid-row ccg-assessment-layout">
      <div className="nhsuk-grid-column-two-thirds">
        {problems.length > 0 && (
          <div className="nhsuk-error-summary" aria-labelledby="problems-title" role="alert" tabIndex={-1} ref={summaryRef}>
            <h2 className="nhsuk-error-summary__title" id="problems-title">
              There is a problem
            </h2>
            <div className="nhsuk-error-summary__body">
              <ul className="nhsuk-list nhsuk-error-summary__list">
                {problems.map((problem) => (
                  <li key={problem.field + problem.message}>
                    <a href={`#${problem.field}`}>{problem.message}</a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
        {notice && (
          <div
            ref={noticeRef}
            tabIndex={-1}
            role={notice.kind === 'error' ? 'alert' : 'status'}
            className={notice.kind === 'error' ? 'nhsuk-error-summary' : 'nhsuk-inset-text ccg-notice--success'}
          >
            {notice.kind === 'error' ? (
              <>
                <h2 className="nhsuk-error-summary__title">{notice.conflict ? 'The assessment changed' : 'It could not be saved'}</h2>
                <div className="nhsuk-error-summary__body">
                  <p>{notice.text}</p>
                  {notice.conflict && (
                    <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={() => void reloadLatest()}>
                      Load the latest version<span className="nhsuk-u-visually-hidden"> (replaces your unsaved changes)</span>
                    </button>
                  )}
                </div>
              </>
            ) : (
              <p>{notice.text}</p>
            )}
          </div>
        )}

        <form onSubmit={(event) => void save(event)} noValidate aria-label={`Assessment: ${what}`}>
          {framework.domains.map((domain) => {
            const ratingError = problemFor(ratingFieldId(domain.code));
            const domainEvidence = saved.evidence.filter((item) => item.domain === domain.code);
            const critical = saved.framework.domains.find((d) => d.code === domain.code)?.critical;
            return (
              <section key={domain.code} className="ccg-domain" aria-labelledby={`domain-${domain.code}-heading`}>
                <h2 id={`domain-${domain.code}-heading`} className="nhsuk-heading-m">
                  {domain.name}
                </h2>
                <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                  {domain.description}
                  {critical ? ` Critical ${areaTerm(framework)}: Not assured here makes the CCG Not assured.` : ''}
                </p>
                <div className={`nhsuk-form-group${ratingError ? ' nhsuk-form-group--error' : ''}`}>
                  <fieldset className="nhsuk-fieldset" aria-describedby={ratingError ? `${ratingFieldId(domain.code)}-error` : undefined}>
                    <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Rating: {domain.name}</legend>
                    {ratingError && (
                      <span className="nhsuk-error-message" id={`${ratingFieldId(domain.code)}-error`}>
                        <span className="nhsuk-u-visually-hidden">Error: </span>
                        {ratingError}
                      </span>
                    )}
                    <div className="nhsuk-radios nhsuk-radios--small ccg-rating-radios">
                      {ASSURANCE_CATEGORY_CODES.map((category, index) => {
                        const id = index === 0 ? ratingFieldId(domain.code) : `${ratingFieldId(domain.code)}-${category}`;
                        return (
                          <div className="nhsuk-radios__item" key={category}>
                            <input
                              className="nhsuk-radios__input"
                              id={id}
                              name={ratingFieldId(domain.code)}
                              type="radio"
                              value={category}
                              checked={draft.ratings[domain.code] === category}
                              onChange={() => setRating(domain.code, category)}
                            />
                            <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                              {CATEGORY_NAMES[category]}
                            </label>
                          </div>
                        );
                      })}
                    </div>
                  </fieldset>
                </div>
                <div className="nhsuk-form-group">
                  <label className="nhsuk-label" htmlFor={narrativeFieldId(domain.code)}>
                    Narrative: why this rating
                  </label>
                  <textarea
                    className="nhsuk-textarea"
                    id={narrativeFieldId(domain.code)}
                    name={narrativeFieldId(domain.code)}
                    rows={4}
                    value={draft.narratives[domain.code] ?? ''}
                    onChange={(event) => setNarrative(domain.code, event.currentTarget.value)}
                  />
                </div>
                {domainEvidence.length > 0 && (
                  <>
                    <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">Evidence for {domain.name}</h3>
                    <EvidenceList evidence={domainEvidence} frameworkId={framework.id} onRemove={(item) => void remove(item)} busy={busy} showDomain={false} />
                  </>
                )}
              </section>
            );
          })}

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
            <div className={`nhsuk-form-group${problemFor(DECISION_FIELD_ID) ? ' nhsuk-form-group--error' : ''}`}>
              <fieldset className="nhsuk-fieldset" aria-describedby={`${DECISION_FIELD_ID}-hint${problemFor(DECISION_FIELD_ID) ? ` ${DECISION_FIELD_ID}-error` : ''}`}>
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Overall category</legend>
                <div className="nhsuk-hint" id={`${DECISION_FIELD_ID}-hint`}>
                  You decide. A decision that differs from the proposed category needs a rationale.
                </div>
                {problemFor(DECISION_FIELD_ID) && (
                  <span className="nhsuk-error-message" id={`${DECISION_FIELD_ID}-error`}>
                    <span className="nhsuk-u-visually-hidden">Error: </span>
                    {problemFor(DECISION_FIELD_ID)}
                  </span>
                )}
                <div className="nhsuk-radios">
                  {ASSURANCE_CATEGORY_CODES.map((category, index) => {
                    const id = index === 0 ? DECISION_FIELD_ID : `${DECISION_FIELD_ID}-${category}`;
                    return (
                      <div className="nhsuk-radios__item" key={category}>
                        <input
                          className="nhsuk-radios__input"
                          id={id}
                          name="decision"
                          type="radio"
                          value={category}
                          checked={draft.decision === category}
                          aria-describedby={`${id}-item-hint`}
                          onChange={() => setDraft((d) => ({ ...d, decision: category }))}
                        />
                        <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                          {CATEGORY_NAMES[category]}
                          {proposal?.category === category ? ' (proposed)' : ''}
                        </label>
                        <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-item-hint`}>
                          {CATEGORY_CONSEQUENCES[category]}
                        </div>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            </div>
            <div className={`nhsuk-form-group${problemFor(RATIONALE_FIELD_ID) ? ' nhsuk-form-group--error' : ''}`}>
              <label className="nhsuk-label" htmlFor={RATIONALE_FIELD_ID}>
                Rationale{needsRationale ? '' : ' (optional)'}
              </label>
              <div className="nhsuk-hint" id={`${RATIONALE_FIELD_ID}-hint`}>
                {needsRationale && proposal && draft.decision
                  ? `Required: your decision (${CATEGORY_NAMES[draft.decision]}) differs from the proposed category (${CATEGORY_NAMES[proposal.category]}). Say why.`
                  : 'Required only when your decision differs from the proposed category.'}
              </div>
              {problemFor(RATIONALE_FIELD_ID) && (
                <span className="nhsuk-error-message" id={`${RATIONALE_FIELD_ID}-error`}>
                  <span className="nhsuk-u-visually-hidden">Error: </span>
                  {problemFor(RATIONALE_FIELD_ID)}
                </span>
              )}
              <textarea
                className={`nhsuk-textarea${problemFor(RATIONALE_FIELD_ID) ? ' nhsuk-textarea--error' : ''}`}
                id={RATIONALE_FIELD_ID}
                name="rationale"
                rows={4}
                required={needsRationale}
                aria-required={needsRationale}
                aria-describedby={`${RATIONALE_FIELD_ID}-hint${problemFor(RATIONALE_FIELD_ID) ? ` ${RATIONALE_FIELD_ID}-error` : ''}`}
                value={draft.rationale}
                onChange={(event) => setRationale(event.currentTarget.value)}
              />
            </div>
          </section>

          <div className="ccg-button-row">
            <button type="submit" className="nhsuk-button" disabled={busy}>
              {rating.loading || deciding.loading ? 'Saving…' : 'Save the draft'}
            </button>
            {dirty && <p className="nhsuk-body-s nhsuk-u-margin-bottom-4">You have unsaved changes.</p>}
          </div>
        </form>

        <section aria-labelledby="evidence-heading" className="ccg-domain">
          <h2 id="evidence-heading" className="nhsuk-heading-m">
            Evidence for the whole assessment
          </h2>
          {saved.evidence.some((item) => !item.domain) ? (
            <EvidenceList evidence={saved.evidence.filter((item) => !item.domain)} frameworkId={framework.id} onRemove={(item) => void remove(item)} busy={busy} />
          ) : (
            <p className="nhsuk-body">None yet. Evidence for a single {areaTerm(framework)} shows under it.</p>
          )}
          <AddEvidenceForm framework={framework} busy={busy} onAdd={add} />
        </section>

        <section aria-labelledby="publish-heading" className="ccg-domain">
          <h2 id="publish-heading" className="nhsuk-heading-m">
            Publish
          </h2>
          {!confirming ? (
            <>
              <p className="nhsuk-body">A published assessment is read-only and public: anyone can read it on the CCG’s public assurance page.</p>
              {publishBlockedBy && <p className="nhsuk-body">{publishBlockedBy}</p>}
              <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy || publishBlockedBy !== null} onClick={() => setConfirming(true)}>
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
                <div className="ccg-button-row">
                  <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void confirmPublish()}>
                    {publishing.loading ? 'Publishing…' : 'Yes, publish it'}
                  </button>
                  <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy} onClick={() => setConfirming(false)}>
                    Cancel
                  </button>
                </div>
              </div>
            </div>
          )}
        </section>
      </div>
      <aside className="nhsuk-grid-column-one-third ccg-assessment-aside" aria-label="Proposed category and triggers">
        <CategoryProposalPanel framework={framework} ratings={draft.ratings} serverProposal={saved.proposal?.category ?? null} saved={ratingsAsSaved(draft, saved)} />
        <TriggersPanel ccg={saved.ccg.code} evidence={saved.evidence} onCite={cite} busy={busy} />
      </aside>
    </div>
  );
}
