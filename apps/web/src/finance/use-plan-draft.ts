import type { PlanCategory, PlanFlex } from '@ccg-assure/domain';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { emptyDraft, readPlan, saveProblems, type FieldProblem, type PlanDraft, type PlanReading } from './plan-draft';
import type { FieldId } from './plan-fields';
import type { StoredPlan } from './financial-plan.fragment';
import { draftFromVersion, flexesInForce, sameFigures } from './stored-plan';

/** A change to some of the figures as typed: any field, and any of the lines. */
export type DraftChange = Partial<Omit<PlanDraft, 'lines'>> & { lines?: Partial<Record<PlanCategory, string>> };

interface DraftState {
  /** The figures of the stored plan the draft started from (an empty draft when there is no plan yet). */
  base: PlanDraft;
  /** The plan's version when `base` was read: a save expects it, so the server refuses a stale one. */
  baseVersion: number | null;
  /** The latest version of the stored plan this page has seen, followed or not. */
  seenVersion: number | null;
  /** The figures as typed. */
  draft: PlanDraft;
  /** Once a save has been tried, what is missing is said as well as what cannot be read. */
  saveAttempted: boolean;
}

type DraftAction =
  | { type: 'edit'; change: DraftChange }
  /** Figures from elsewhere (an imported file, or the typed figures used again after a conflict): not saved. */
  | { type: 'replace'; draft: PlanDraft }
  /** The stored plan as the new starting point: after a save, a decision or a reload. */
  | { type: 'load'; plan: StoredPlan | null }
  /** The stored plan moved on (another query, or this page's action): followed when nothing is typed. */
  | { type: 'stored'; plan: StoredPlan | null }
  | { type: 'attempt-save' };

/** The figures of the plan's latest version, or an empty draft for a plan not started. */
export function storedDraft(plan: StoredPlan | null, financialYear: string): PlanDraft {
  return plan?.latestVersion ? draftFromVersion(plan.latestVersion, financialYear) : emptyDraft(financialYear);
}

function loaded(plan: StoredPlan | null, financialYear: string): DraftState {
  const base = storedDraft(plan, financialYear);
  const version = plan?.version ?? null;
  return { base, baseVersion: version, seenVersion: version, draft: base, saveAttempted: false };
}

const reducerFor =
  (financialYear: string) =>
  (state: DraftState, action: DraftAction): DraftState => {
    switch (action.type) {
      case 'edit':
        return { ...state, draft: { ...state.draft, ...action.change, lines: { ...state.draft.lines, ...(action.change.lines ?? {}) } } };
      case 'replace':
        return { ...state, draft: action.draft, saveAttempted: false };
      case 'load':
        return loaded(action.plan, financialYear);
      case 'stored': {
        const version = action.plan?.version ?? null;
        if (version === state.seenVersion) return state;
        // Typed figures are never overwritten: a save then meets the server's CONFLICT and the person chooses.
        return sameFigures(state.draft, state.base) ? loaded(action.plan, financialYear) : { ...state, seenVersion: version };
      }
      case 'attempt-save':
        return { ...state, saveAttempted: true };
    }
  };

export interface PlanDraftState {
  /** The figures as typed (while editable) or as stored (read-only). */
  shown: PlanDraft;
  /** The figures as typed, whatever the mode: what a conflict keeps. */
  typed: PlanDraft;
  /** `shown` read field by field, with the compliance the domain works out, flexes in force applied. */
  reading: PlanReading;
  /** The plan's flexes in force, as the domain takes them. */
  flexes: PlanFlex[];
  /** The plan version the figures were read at (null: no plan yet). */
  baseVersion: number | null;
  /** Typed figures differ from the stored ones. */
  dirty: boolean;
  /** What to say by each field now: what cannot be read, and once a save was tried, what is missing. */
  problems: FieldProblem[];
  errorFor: (field: FieldId) => string | undefined;
  edit: (change: DraftChange) => void;
  replace: (draft: PlanDraft) => void;
  load: (plan: StoredPlan | null) => void;
  /** Marks a save as tried and says whether the figures can be sent: the problems to show otherwise. */
  attemptSave: () => FieldProblem[];
}

/**
 * The plan editor's figures: what is typed against what is stored, read and checked as the person types,
 * dirty until saved. Follows the stored plan when it moves on and nothing is typed; asks before the tab
 * closes with unsaved figures.
 */
export function usePlanDraft(plan: StoredPlan | null, financialYear: string, editable: boolean): PlanDraftState {
  const reducer = useMemo(() => reducerFor(financialYear), [financialYear]);
  const [state, dispatch] = useReducer(reducer, undefined, () => loaded(plan, financialYear));

  useEffect(() => dispatch({ type: 'stored', plan }), [plan]);

  const stored = useMemo(() => storedDraft(plan, financialYear), [plan, financialYear]);
  const shown = editable ? state.draft : stored;
  const flexes = useMemo(() => flexesInForce(plan), [plan]);
  const reading = useMemo(() => readPlan(shown, flexes), [shown, flexes]);
  const dirty = editable && !sameFigures(state.draft, state.base);
  const problems = editable ? (state.saveAttempted ? saveProblems(reading) : reading.problems) : [];

  // Closing or reloading the tab with unsaved figures asks first (the browser words the question).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const edit = useCallback((change: DraftChange) => dispatch({ type: 'edit', change }), []);
  const replace = useCallback((draft: PlanDraft) => dispatch({ type: 'replace', draft }), []);
  const load = useCallback((next: StoredPlan | null) => dispatch({ type: 'load', plan: next }), []);

  return {
    shown,
    typed: state.draft,
    reading,
    flexes,
    baseVersion: state.baseVersion,
    dirty,
    problems,
    errorFor: (field) => problems.find((problem) => problem.field === field)?.message,
    edit,
    replace,
    load,
    attemptSave: () => {
      dispatch({ type: 'attempt-save' });
      return saveProblems(reading);
    },
  };
}
