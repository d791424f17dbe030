import type { CitedSource } from '../assurance/cited-source';
import { DomainError } from '../errors';

/**
 * One allowed move of a workflow whose actors matter (financial plans, assessments): from a state (null: the
 * record does not exist yet, so the move creates it), by an action, to a state, made by one of `actors`, with
 * its source. Internal: each lifecycle exports its own named table and functions built on these.
 */
export interface TransitionRow<State extends string, Action extends string, Actor extends string> {
  readonly from: State | null;
  readonly action: Action;
  readonly to: State;
  /** Who may make the move: holding any one of these actor kinds is enough. */
  readonly actors: readonly Actor[];
  /** A further condition the move needs that the state alone does not show, checked where the data is. */
  readonly condition?: string;
  readonly source: CitedSource;
}

/** A change of stored status, as a database trigger allows it. */
export interface StatusChange<State extends string> {
  readonly from: State;
  readonly to: State;
}

/** What the error messages call the record: 'financial plan', 'assessment'. */
interface Workflow<State extends string, Action extends string, Actor extends string> {
  readonly subject: string;
  readonly actions: readonly Action[];
  readonly table: readonly TransitionRow<State, Action, Actor>[];
  /** The code for an action outside `actions`, e.g. UNKNOWN_FINANCIAL_PLAN_ACTION. */
  readonly unknownActionCode: string;
}

/** Every action of the table from `from`, in table order, whoever may take it. */
export function actionsFrom<State extends string, Action extends string, Actor extends string>(
  table: readonly TransitionRow<State, Action, Actor>[],
  from: State | null,
): Action[] {
  return table.filter((row) => row.from === from).map((row) => row.action);
}

/** The actions from `from` that someone holding `actorKinds` may take, in table order. */
export function permittedActionsFrom<State extends string, Action extends string, Actor extends string>(
  table: readonly TransitionRow<State, Action, Actor>[],
  from: State | null,
  actorKinds: readonly Actor[],
): Action[] {
  return table.filter((row) => row.from === from && row.actors.some((actor) => actorKinds.includes(actor))).map((row) => row.action);
}

/**
 * The move for (from, action) by someone holding `actorKinds`. Throws the workflow's unknown-action code
 * (details: action, allowed); INVALID_TRANSITION (details: from, action, allowed) when the table has no such
 * move from that state; ACTION_NOT_PERMITTED (details: from, action, actors, actorKinds) when it has, but
 * none of the actor kinds held may make it.
 */
export function requireTransition<State extends string, Action extends string, Actor extends string>(
  workflow: Workflow<State, Action, Actor>,
  from: State | null,
  action: unknown,
  actorKinds: readonly Actor[],
): TransitionRow<State, Action, Actor> {
  if (!(workflow.actions as readonly unknown[]).includes(action)) {
    throw new DomainError(workflow.unknownActionCode, `Unknown ${workflow.subject} action ${String(action)}`, { action, allowed: [...workflow.actions] });
  }
  const row = workflow.table.find((candidate) => candidate.from === from && candidate.action === action);
  if (!row) {
    throw new DomainError('INVALID_TRANSITION', `${String(action)} is not allowed when the ${workflow.subject} is ${from ?? 'not yet started'}`, {
      from,
      action,
      allowed: actionsFrom(workflow.table, from),
    });
  }
  const held = Array.isArray(actorKinds) ? actorKinds : [];
  if (!row.actors.some((actor) => held.includes(actor))) {
    throw new DomainError('ACTION_NOT_PERMITTED', `Only ${row.actors.join(' or ')} may ${row.action} a ${workflow.subject}`, {
      from,
      action: row.action,
      actors: [...row.actors],
      actorKinds: [...held],
    });
  }
  return row;
}

/** The distinct changes of status the table makes to an existing record (moves to the same state left out). */
export function statusChangesOf<State extends string, Action extends string, Actor extends string>(
  rows: readonly TransitionRow<State, Action, Actor>[],
): StatusChange<State>[] {
  const changes: StatusChange<State>[] = [];
  for (const row of rows) {
    const { from, to } = row;
    if (from !== null && from !== to && !changes.some((change) => change.from === from && change.to === to)) changes.push({ from, to });
  }
  return changes;
}
