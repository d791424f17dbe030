import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, errorCodes } from '../app/graphql-errors';
import {
  ApproveFinancialPlanMutation,
  CreateFinancialPlanDraftMutation,
  FinancialPlanQuery,
  ReturnFinancialPlanMutation,
  SubmitFinancialPlanMutation,
  UpdateFinancialPlanDraftMutation,
} from './financial-plans.operations';
import type { PlanDraft } from './plan-draft';
import type { EditorMode } from './plan-offers';
import type { StoredPlan } from './financial-plan.fragment';
import { formatInstant } from '../ui/format';
import { figuresForServer } from './stored-plan';
import type { PlanDraftState } from './use-plan-draft';

/** The server refused a change because the plan moved on since it was read. */
export interface PlanConflict {
  /** The refusal's reason (extensions.reason), for the words. */
  reason: string | null;
  /** The figures the person had typed when the server refused them: kept on screen until they choose. */
  typed: PlanDraft;
  reloaded: boolean;
}

interface PlanActionsInput {
  plan: StoredPlan | null;
  ccg: string;
  financialYear: string;
  mode: EditorMode;
  figures: PlanDraftState;
  reload: () => Promise<StoredPlan | null>;
  /** Asks the page to take the person to the problems with the figures. */
  showProblems: () => void;
}

export interface PlanActions {
  busy: boolean;
  notice: string | null;
  actionError: string | null;
  conflict: PlanConflict | null;
  save: (event: FormEvent) => Promise<void>;
  submit: () => Promise<boolean>;
  approve: () => Promise<boolean>;
  returnToCcg: (reason: string) => Promise<boolean>;
  reloadAfterConflict: () => Promise<void>;
  reuseTyped: () => void;
  dismissConflict: () => void;
  imported: (draft: PlanDraft, summary: string) => void;
}

/**
 * What the plan page sends: save a draft (a new plan, the draft, or a new version), submit, approve or
 * return, each with the version the figures were read at. Refusals are told by code and reason; a CONFLICT
 * keeps the typed figures for the person to reload and choose.
 */
export function usePlanActions({ plan, ccg, financialYear, mode, figures, reload, showProblems }: PlanActionsInput): PlanActions {
  const [conflict, setConflict] = useState<PlanConflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const [createDraft] = useMutation(CreateFinancialPlanDraftMutation);
  const [updateDraft] = useMutation(UpdateFinancialPlanDraftMutation);
  const [submitPlan] = useMutation(SubmitFinancialPlanMutation);
  const [approvePlan] = useMutation(ApproveFinancialPlanMutation);
  const [returnPlan] = useMutation(ReturnFinancialPlanMutation);

  /** Takes the plan the server answered with as the new starting point. */
  function adopt(result: StoredPlan) {
    figures.load(result);
    setConflict(null);
  }

  function refused(error: unknown) {
    const { code, reason } = errorCodes(error);
    if (code === 'CONFLICT') {
      setConflict({ reason, typed: figures.typed, reloaded: false });
      return;
    }
    setActionError(code === 'BAD_USER_INPUT' ? `The server refused the figures (${reason ?? 'invalid input'}). Nothing was saved.` : describeError(error));
  }

  async function run(send: () => Promise<StoredPlan | undefined>, done: (result: StoredPlan) => string): Promise<boolean> {
    setNotice(null);
    setActionError(null);
    setBusy(true);
    try {
      const result = await send();
      if (!result) throw new Error('no answer');
      adopt(result);
      setNotice(done(result));
      return true;
    } catch (error) {
      refused(error);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    setActionError(null);
    const input = figures.reading.input;
    if (figures.attemptSave().length || !input) {
      showProblems();
      return;
    }
    const sent = figuresForServer(input);
    await run(
      async () =>
        mode === 'update' && plan
          ? (await updateDraft({ variables: { input: { planId: plan.id, expectedVersion: figures.baseVersion ?? plan.version, ...sent } } })).data?.updateFinancialPlanDraft
          : (
              await createDraft({
                variables: { input: { ccg, financialYear, ...sent } },
                // The page's query answered "no plan": it now has one, so the next save changes this draft.
                update: (cache, { data }) => {
                  if (data) cache.writeQuery({ query: FinancialPlanQuery, variables: { ccg, financialYear }, data: { financialPlan: data.createFinancialPlanDraft } });
                },
              })
            ).data?.createFinancialPlanDraft,
      (result) => `Draft saved: version ${result.latestVersion.number}, ${formatInstant(result.latestVersion.updatedAt)}.`,
    );
  }

  const decide = (send: (planId: string, expectedVersion: number) => Promise<StoredPlan | undefined>, done: (result: StoredPlan) => string) =>
    plan ? run(() => send(plan.id, plan.version), done) : Promise.resolve(false);

  async function reloadAfterConflict() {
    if (!conflict) return;
    setBusy(true);
    try {
      const fresh = await reload();
      figures.load(fresh);
      setConflict({ ...conflict, reloaded: true });
      setNotice(fresh ? `Reloaded: version ${fresh.latestVersion.number} as last saved, ${formatInstant(fresh.latestVersion.updatedAt)}.` : 'Reloaded: the plan has no saved version.');
    } catch (error) {
      setActionError(describeError(error));
    } finally {
      setBusy(false);
    }
  }

  return {
    busy,
    notice,
    actionError,
    conflict,
    save,
    submit: () =>
      decide(
        async (planId, expectedVersion) => (await submitPlan({ variables: { input: { planId, expectedVersion } } })).data?.submitFinancialPlan,
        (result) => `Submitted to NHS England: version ${result.latestVersion.number}.`,
      ),
    approve: () =>
      decide(
        async (planId, expectedVersion) => (await approvePlan({ variables: { input: { planId, expectedVersion } } })).data?.approveFinancialPlan,
        (result) => `Approved: version ${result.latestVersion.number}.`,
      ),
    returnToCcg: (reason) =>
      decide(
        async (planId, expectedVersion) => (await returnPlan({ variables: { input: { planId, expectedVersion, reason } } })).data?.returnFinancialPlan,
        (result) => `Returned to the CCG: version ${result.latestVersion.number}.`,
      ),
    reloadAfterConflict,
    reuseTyped: () => {
      if (!conflict) return;
      figures.replace(conflict.typed);
      setConflict(null);
      setNotice('Your figures are back on the page. They are not saved yet.');
    },
    dismissConflict: () => setConflict(null),
    imported: (draft, summary) => {
      figures.replace(draft);
      setActionError(null);
      setNotice(`${summary} Check the figures and save the draft: nothing has been saved yet.`);
    },
  };
}
