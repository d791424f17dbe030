import { getAssuranceFramework, type AssuranceCategory } from '@ccg-assure/domain';
import { useMutation } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { changedRatings, decisionChanged, draftFromAssessment, draftProblems, isDirty, type AssessmentDraft, type DraftProblem } from './assessment-draft';
import type { StoredAssessment } from './assessment.fragment';
import {
  AddAssessmentEvidenceMutation,
  DecideAssessmentCategoryMutation,
  PublishAssessmentMutation,
  RateAssessmentMutation,
  RemoveAssessmentEvidenceMutation,
} from './assessment.operations';
import { describeSaveRefusal, type SaveRefusal } from './assessment-refusals';
import type { Evidence, NewEvidence } from './evidence';

/** What the assessor is told after an attempt: it worked, or it was refused (and whether someone else changed it). */
export type AssessmentNotice = ({ kind: 'success'; text: string } | ({ kind: 'error' } & SaveRefusal)) | null;

/**
 * The assessor's work on a draft assessment: the copy the API last answered (`saved`, the baseline with its
 * version), what is on screen (`draft`), what stops it being saved, and the changes: save (ratings, then the
 * decision, each with the version it read; a stale version is refused with CONFLICT), reload the latest,
 * publish, add and remove evidence.
 */
export function useAssessmentEditor(assessment: StoredAssessment, { onReload, onPublished }: { onReload: () => Promise<unknown>; onPublished: () => void }) {
  const framework = getAssuranceFramework(assessment.framework.id);
  const [saved, setSaved] = useState<StoredAssessment>(assessment);
  const [draft, setDraft] = useState<AssessmentDraft>(() => draftFromAssessment(assessment));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [problemsShown, setProblemsShown] = useState(0);
  const [notice, setNotice] = useState<AssessmentNotice>(null);

  const [rate, rating] = useMutation(RateAssessmentMutation);
  const [decide, deciding] = useMutation(DecideAssessmentCategoryMutation);
  const [publish, publishing] = useMutation(PublishAssessmentMutation);
  const [addEvidence, adding] = useMutation(AddAssessmentEvidenceMutation);
  const [removeEvidence, removing] = useMutation(RemoveAssessmentEvidenceMutation);

  // A new server copy (after a reload) replaces the baseline; what is on screen is kept only when unchanged.
  useEffect(() => {
    setSaved(assessment);
  }, [assessment]);

  const refused = (error: unknown) => setNotice({ kind: 'error', ...describeSaveRefusal(error) });

  const edit = {
    rate: (domain: string, value: AssuranceCategory) => setDraft((d) => ({ ...d, ratings: { ...d.ratings, [domain]: value } })),
    narrate: (domain: string, text: string) => setDraft((d) => ({ ...d, narratives: { ...d.narratives, [domain]: text } })),
    decide: (category: AssuranceCategory) => setDraft((d) => ({ ...d, decision: category })),
    // The value is read from the event by the caller: React clears currentTarget before a state updater runs.
    explain: (rationale: string) => setDraft((d) => ({ ...d, rationale })),
  };

  async function save(): Promise<void> {
    setNotice(null);
    const found = draftProblems(draft, framework);
    setProblems(found);
    if (found.length > 0) {
      setProblemsShown((n) => n + 1);
      return;
    }
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
    } catch (error) {
      refused(error);
    }
  }

  async function reloadLatest(): Promise<void> {
    setNotice(null);
    const result = (await onReload()) as { data?: { assessment?: StoredAssessment } } | undefined;
    const latest = result?.data?.assessment;
    if (latest) {
      setSaved(latest);
      setDraft(draftFromAssessment(latest));
      setProblems([]);
    }
  }

  /** Publishes the saved version; the page then shows it read-only, from the result the cache now holds. */
  async function confirmPublish(): Promise<void> {
    setNotice(null);
    try {
      await publish({ variables: { input: { assessmentId: saved.id, expectedVersion: saved.version } } });
      onPublished();
    } catch (error) {
      refused(error);
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
      refused(error);
      return false;
    }
  }

  async function remove(item: Evidence): Promise<void> {
    setNotice(null);
    try {
      const result = await removeEvidence({ variables: { input: { assessmentId: saved.id, expectedVersion: saved.version, evidenceId: item.id } } });
      if (result.data) setSaved(result.data.removeAssessmentEvidence);
      setNotice({ kind: 'success', text: 'The evidence is removed.' });
    } catch (error) {
      refused(error);
    }
  }

  return {
    framework,
    saved,
    draft,
    edit,
    dirty: isDirty(draft, saved),
    problems,
    /** Counts the attempts refused for problems, so that the error summary takes focus each time. */
    problemsShown,
    notice,
    saving: rating.loading || deciding.loading,
    publishing: publishing.loading,
    busy: rating.loading || deciding.loading || publishing.loading || adding.loading || removing.loading,
    save,
    reloadLatest,
    confirmPublish,
    addEvidence: add,
    removeEvidence: remove,
  };
}

export type AssessmentEditor = ReturnType<typeof useAssessmentEditor>;
