import { DomainError } from '../errors';
import { AssuranceCategory, isAssuranceCategory } from '../assurance/assurance-categories';
import { compareIsoDates, requireIsoDate } from '../calendar/calendar-date';
import { CitedSource, SEED_DOCUMENTS } from '../assurance/cited-source';
import { SPECIAL_MEASURES_TRIGGER_CODES, SpecialMeasuresTriggerCode, isSpecialMeasuresTriggerCode } from './special-measures-triggers';

/** The steps of a special measures episode (seed 003, "Special measures process"). */
export const SPECIAL_MEASURES_STATES = [
  'PROPOSED',
  'AGREED',
  'DETERMINED',
  'PUBLISHED',
  'EXTERNAL_REVIEW',
  'IMPROVEMENT_DIRECTOR_APPOINTED',
  'IMPROVEMENT_PLAN_SIGNED_OFF',
  'IN_PROGRESS',
  'EXITED',
  'ESCALATED',
] as const;
export type SpecialMeasuresState = (typeof SPECIAL_MEASURES_STATES)[number];

export const SPECIAL_MEASURES_ACTION_TYPES = [
  'AGREE_WITH_CCG',
  'DETERMINE_BY_NHS_ENGLAND',
  'PUBLISH_NOTICE',
  'COMMISSION_EXTERNAL_REVIEW',
  'APPOINT_IMPROVEMENT_DIRECTOR',
  'SIGN_OFF_IMPROVEMENT_PLAN',
  'START_DELIVERY',
  'REPORT_PROGRESS',
  'EXIT',
  'ESCALATE',
] as const;
export type SpecialMeasuresActionType = (typeof SPECIAL_MEASURES_ACTION_TYPES)[number];

export const ESCALATION_KINDS = ['CHANGE_OF_MANAGEMENT', 'CHANGE_OF_STRUCTURE', 'CHANGE_OF_GOVERNANCE', 'TAKEOVER'] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

/** Closed episodes: no action applies. */
export const TERMINAL_SPECIAL_MEASURES_STATES: readonly SpecialMeasuresState[] = ['EXITED', 'ESCALATED'];

const SEED = SEED_DOCUMENTS.ASSURANCE_AND_SPECIAL_MEASURES;
const seed = (text: string): CitedSource => ({ basis: 'SEED', document: SEED, text });

export interface EscalationKindDefinition {
  readonly code: EscalationKind;
  readonly description: string;
  readonly source: CitedSource;
}

const ESCALATION_WORDS =
  'If no significant improvement has occurred then changes in the management, structure or governance of the CCG may be required, in some instances, where another CCG or other body may take over some responsibilities.';

export const ESCALATION_KIND_DEFINITIONS: readonly EscalationKindDefinition[] = [
  { code: 'CHANGE_OF_MANAGEMENT', description: 'Changes to the CCG’s management.', source: seed(ESCALATION_WORDS) },
  { code: 'CHANGE_OF_STRUCTURE', description: 'Changes to the CCG’s structure.', source: seed(ESCALATION_WORDS) },
  { code: 'CHANGE_OF_GOVERNANCE', description: 'Changes to the CCG’s governance.', source: seed(ESCALATION_WORDS) },
  { code: 'TAKEOVER', description: 'Another CCG or other body takes over some of the CCG’s responsibilities.', source: seed(ESCALATION_WORDS) },
];

/** One allowed move of the state machine. */
export interface SpecialMeasuresTransition {
  readonly from: SpecialMeasuresState;
  readonly action: SpecialMeasuresActionType;
  readonly to: SpecialMeasuresState;
  readonly source: CitedSource;
}

/** Every allowed (state, action) pair; anything else is INVALID_TRANSITION. */
export const SPECIAL_MEASURES_TRANSITIONS: readonly SpecialMeasuresTransition[] = [
  {
    from: 'PROPOSED',
    action: 'AGREE_WITH_CCG',
    to: 'AGREED',
    source: seed('NHS England will, wherever possible, agree with the CCG that special measures are required'),
  },
  {
    from: 'PROPOSED',
    action: 'DETERMINE_BY_NHS_ENGLAND',
    to: 'DETERMINED',
    source: seed('If there is no joint agreement NHS England will determine whether a CCG should enter special measures.'),
  },
  ...(['AGREED', 'DETERMINED'] as const).map(
    (from): SpecialMeasuresTransition => ({
      from,
      action: 'PUBLISH_NOTICE',
      to: 'PUBLISHED',
      source: seed(
        'The CCG is expected to communicate to local stakeholders via its website that it is in special measures, providing a brief description of the reasons for this, the plans for improvement, and timescales.',
      ),
    }),
  ),
  {
    from: 'PUBLISHED',
    action: 'COMMISSION_EXTERNAL_REVIEW',
    to: 'EXTERNAL_REVIEW',
    source: seed('following an external review of the capacity, capability and governance of the CCG commissioned by NHS England'),
  },
  {
    from: 'EXTERNAL_REVIEW',
    action: 'APPOINT_IMPROVEMENT_DIRECTOR',
    to: 'IMPROVEMENT_DIRECTOR_APPOINTED',
    source: seed('The CCG is required to appoint an improvement director who will be accountable for delivery, together with Programme Management Office support.'),
  },
  {
    from: 'IMPROVEMENT_DIRECTOR_APPOINTED',
    action: 'SIGN_OFF_IMPROVEMENT_PLAN',
    to: 'IMPROVEMENT_PLAN_SIGNED_OFF',
    source: seed('The improvement plan is drawn up at this point. ... signing off the improvement plan'),
  },
  {
    from: 'IMPROVEMENT_PLAN_SIGNED_OFF',
    action: 'START_DELIVERY',
    to: 'IN_PROGRESS',
    source: seed('Intensive support in the form of expert input will be identified to facilitate the development and implementation of the improvement plan.'),
  },
  {
    from: 'IN_PROGRESS',
    action: 'REPORT_PROGRESS',
    to: 'IN_PROGRESS',
    source: seed('Regular reporting on progress will be made to NHS England.'),
  },
  {
    from: 'IN_PROGRESS',
    action: 'EXIT',
    to: 'EXITED',
    source: seed('The CCG will have deemed to be ready to exit special measures when significant progress is found to be made on the improvement plan'),
  },
  { from: 'IN_PROGRESS', action: 'ESCALATE', to: 'ESCALATED', source: seed(ESCALATION_WORDS) },
];

interface ActionBase {
  /** The day the step was taken ('yyyy-mm-dd'); never before the episode's previous step. */
  readonly on: string;
  readonly note?: string;
}

export type SpecialMeasuresAction =
  | (ActionBase & { readonly type: 'AGREE_WITH_CCG' })
  | (ActionBase & { readonly type: 'DETERMINE_BY_NHS_ENGLAND' })
  | (ActionBase & { readonly type: 'PUBLISH_NOTICE'; readonly noticeUrl?: string })
  | (ActionBase & { readonly type: 'COMMISSION_EXTERNAL_REVIEW' })
  | (ActionBase & { readonly type: 'APPOINT_IMPROVEMENT_DIRECTOR'; readonly improvementDirector: string })
  | (ActionBase & { readonly type: 'SIGN_OFF_IMPROVEMENT_PLAN' })
  | (ActionBase & { readonly type: 'START_DELIVERY'; readonly intensiveSupport?: string })
  | (ActionBase & { readonly type: 'REPORT_PROGRESS'; readonly summary: string })
  | (ActionBase & { readonly type: 'EXIT' })
  | (ActionBase & { readonly type: 'ESCALATE'; readonly kind: EscalationKind });

/** An applied action with the move it made: the episode's history. */
export interface SpecialMeasuresEvent {
  readonly from: SpecialMeasuresState;
  readonly to: SpecialMeasuresState;
  readonly action: SpecialMeasuresAction;
}

export interface SpecialMeasuresEpisode {
  readonly state: SpecialMeasuresState;
  readonly proposedOn: string;
  /** The category that led to the proposal: Not assured or, in some cases, Limited assurance. */
  readonly assuranceCategory: Extract<AssuranceCategory, 'NOT_ASSURED' | 'LIMITED_ASSURANCE'>;
  readonly triggers: readonly SpecialMeasuresTriggerCode[];
  /** Entry into special measures (agreed or determined): the clock starts here. Null while proposed. */
  readonly enteredOn: string | null;
  readonly improvementDirector: string | null;
  readonly escalationKind: EscalationKind | null;
  /** The day the episode closed (exit or escalation): the clock stops here. */
  readonly closedOn: string | null;
  /** Every applied action, oldest first; progress reports are the REPORT_PROGRESS events. */
  readonly events: readonly SpecialMeasuresEvent[];
}

export interface SpecialMeasuresProposal {
  readonly proposedOn: string;
  readonly assuranceCategory: AssuranceCategory;
  readonly triggers: readonly SpecialMeasuresTriggerCode[];
}

/**
 * Opens an episode in PROPOSED. Special measures apply when a CCG is Not assured or, in some cases,
 * Limited assurance (seed 003); at least one trigger is required (repeats are dropped).
 * Throws INVALID_DATE, SPECIAL_MEASURES_NOT_APPLICABLE (details: assuranceCategory), TRIGGER_REQUIRED,
 * UNKNOWN_TRIGGER (details: triggers, allowed).
 */
export function proposeSpecialMeasures(proposal: SpecialMeasuresProposal): SpecialMeasuresEpisode {
  const proposedOn = requireIsoDate(proposal.proposedOn, 'proposedOn');
  const category = proposal.assuranceCategory;
  if (!isAssuranceCategory(category) || (category !== 'NOT_ASSURED' && category !== 'LIMITED_ASSURANCE')) {
    throw new DomainError('SPECIAL_MEASURES_NOT_APPLICABLE', 'Special measures apply only to a CCG that is Not assured or Limited assurance', {
      assuranceCategory: category,
    });
  }
  const triggers = Array.isArray(proposal.triggers) ? proposal.triggers : [];
  if (triggers.length === 0) {
    throw new DomainError('TRIGGER_REQUIRED', 'Special measures need at least one operational or financial trigger');
  }
  const unknown = triggers.filter((t) => !isSpecialMeasuresTriggerCode(t));
  if (unknown.length > 0) {
    throw new DomainError('UNKNOWN_TRIGGER', `Unknown special measures trigger ${unknown.join(', ')}`, {
      triggers: unknown,
      allowed: [...SPECIAL_MEASURES_TRIGGER_CODES],
    });
  }
  return {
    state: 'PROPOSED',
    proposedOn,
    assuranceCategory: category,
    triggers: [...new Set(triggers)],
    enteredOn: null,
    improvementDirector: null,
    escalationKind: null,
    closedOn: null,
    events: [],
  };
}

/** The actions allowed in `state`, in table order (none once EXITED or ESCALATED). */
export function availableActions(state: SpecialMeasuresState): readonly SpecialMeasuresActionType[] {
  return SPECIAL_MEASURES_TRANSITIONS.filter((t) => t.from === state).map((t) => t.action);
}

function requireText(value: unknown, code: string, message: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new DomainError(code, message);
  return value.trim();
}

/**
 * Applies one action, returning the new episode (the input is not changed). Throws:
 * UNKNOWN_SPECIAL_MEASURES_ACTION (details: action); INVALID_TRANSITION (details: from, action, allowed);
 * INVALID_DATE; DATE_BEFORE_PREVIOUS_STEP (details: on, previous); IMPROVEMENT_DIRECTOR_REQUIRED;
 * PROGRESS_SUMMARY_REQUIRED; ESCALATION_KIND_REQUIRED; UNKNOWN_ESCALATION_KIND (details: kind, allowed).
 */
export function applySpecialMeasuresAction(episode: SpecialMeasuresEpisode, action: SpecialMeasuresAction): SpecialMeasuresEpisode {
  const type: unknown = action?.type;
  if (!(SPECIAL_MEASURES_ACTION_TYPES as readonly unknown[]).includes(type)) {
    throw new DomainError('UNKNOWN_SPECIAL_MEASURES_ACTION', `Unknown special measures action ${String(type)}`, {
      action: type,
      allowed: [...SPECIAL_MEASURES_ACTION_TYPES],
    });
  }
  const transition = SPECIAL_MEASURES_TRANSITIONS.find((t) => t.from === episode.state && t.action === action.type);
  if (!transition) {
    throw new DomainError('INVALID_TRANSITION', `${action.type} is not allowed when special measures are ${episode.state}`, {
      from: episode.state,
      action: action.type,
      allowed: availableActions(episode.state),
    });
  }
  const on = requireIsoDate(action.on, 'on');
  const previous = episode.events.length > 0 ? episode.events[episode.events.length - 1].action.on : episode.proposedOn;
  if (compareIsoDates(on, previous) < 0) {
    throw new DomainError('DATE_BEFORE_PREVIOUS_STEP', `${action.type} on ${on} is before the previous step (${previous})`, {
      on,
      previous,
    });
  }

  let next: SpecialMeasuresEpisode = { ...episode, state: transition.to };
  let recorded: SpecialMeasuresAction = { ...action, on };
  switch (action.type) {
    case 'AGREE_WITH_CCG':
    case 'DETERMINE_BY_NHS_ENGLAND':
      next = { ...next, enteredOn: on };
      break;
    case 'APPOINT_IMPROVEMENT_DIRECTOR': {
      const improvementDirector = requireText(action.improvementDirector, 'IMPROVEMENT_DIRECTOR_REQUIRED', 'Name the improvement director');
      recorded = { ...action, on, improvementDirector };
      next = { ...next, improvementDirector };
      break;
    }
    case 'REPORT_PROGRESS': {
      const summary = requireText(action.summary, 'PROGRESS_SUMMARY_REQUIRED', 'A progress report needs a summary');
      recorded = { ...action, on, summary };
      break;
    }
    case 'EXIT':
      next = { ...next, closedOn: on };
      break;
    case 'ESCALATE': {
      const kind: unknown = action.kind;
      if (kind === undefined || kind === null || kind === '') {
        throw new DomainError('ESCALATION_KIND_REQUIRED', `Escalation needs a kind: ${ESCALATION_KINDS.join(', ')}`, {
          allowed: [...ESCALATION_KINDS],
        });
      }
      if (!(ESCALATION_KINDS as readonly unknown[]).includes(kind)) {
        throw new DomainError('UNKNOWN_ESCALATION_KIND', `Unknown escalation kind ${String(kind)}`, { kind, allowed: [...ESCALATION_KINDS] });
      }
      next = { ...next, escalationKind: action.kind, closedOn: on };
      break;
    }
    default:
      break;
  }
  return { ...next, events: [...episode.events, { from: episode.state, to: transition.to, action: recorded }] };
}

/** The progress reports made so far, oldest first. */
export function progressReports(episode: SpecialMeasuresEpisode): readonly { readonly on: string; readonly summary: string }[] {
  return episode.events.flatMap((e) => (e.action.type === 'REPORT_PROGRESS' ? [{ on: e.action.on, summary: e.action.summary }] : []));
}
