import { StatusChange, TransitionRow, actionsFrom, permittedActionsFrom, requireTransition, statusChangesOf } from '../workflow/transition-table';
import { CitedSource, SEED_DOCUMENTS } from './cited-source';

/** Where a CCG's quarterly assessment stands: a draft the assessor works on, or published (read-only and public). */
export const ASSESSMENT_STATES = ['DRAFT', 'PUBLISHED'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export const ASSESSMENT_ACTION_TYPES = ['START', 'RATE', 'DECIDE', 'ADD_EVIDENCE', 'REMOVE_EVIDENCE', 'PUBLISH', 'COMMENT'] as const;
export type AssessmentActionType = (typeof ASSESSMENT_ACTION_TYPES)[number];

/**
 * Who acts on an assessment, as the lifecycle sees them. ASSESSOR: an NHS England assessor (any CCG).
 * CCG_USER: one of the assessed CCG's own users (holds any role for that CCG). Which kinds a signed-in user
 * holds for a given assessment is the API's to say; the public holds none.
 */
export const ASSESSMENT_ACTOR_KINDS = ['ASSESSOR', 'CCG_USER'] as const;
export type AssessmentActorKind = (typeof ASSESSMENT_ACTOR_KINDS)[number];

export type AssessmentTransition = TransitionRow<AssessmentState, AssessmentActionType, AssessmentActorKind>;

const seed = (text: string): CitedSource => ({ basis: 'SEED', document: SEED_DOCUMENTS.ASSURANCE_AND_SPECIAL_MEASURES, text });
const ISSUE_7 = 'CCG Assure issue 7, assurance assessments: the product’s own rule where no paper speaks';
const product = (text: string): CitedSource => ({ basis: 'PRODUCT', document: ISSUE_7, text });

const EVIDENCE = 'The information used to base the assessment of CCGs for the assurance process comes from national as well as local sources.';

/**
 * Every allowed (state, action) pair with who may make it; anything else is INVALID_TRANSITION, and a move
 * made by someone not listed is ACTION_NOT_PERMITTED. `from: null` is a quarter not yet assessed.
 */
export const ASSESSMENT_TRANSITIONS: readonly AssessmentTransition[] = [
  {
    from: null,
    action: 'START',
    to: 'DRAFT',
    actors: ['ASSESSOR'],
    condition: 'One assessment per CCG per quarter, under the framework in force on the quarter’s first day; assessed on a day not still to come.',
    source: seed('Since April 2012, NHS England has conducted performance assessments of CCGs as part of its statutory duty'),
  },
  {
    from: 'DRAFT',
    action: 'RATE',
    to: 'DRAFT',
    actors: ['ASSESSOR'],
    condition: 'Domains of the assessment’s framework, each rated on the category scale; a rating that changes the proposal clears the decision.',
    source: product('a rating and narrative per domain ... only ASSESSOR rates, decides and opens or closes special measures'),
  },
  {
    from: 'DRAFT',
    action: 'DECIDE',
    to: 'DRAFT',
    actors: ['ASSESSOR'],
    condition: 'Every domain rated; a category different from the proposal needs a rationale (validateCategoryDecision).',
    source: seed('CCGs will be placed in one of the following assurance categories.'),
  },
  { from: 'DRAFT', action: 'ADD_EVIDENCE', to: 'DRAFT', actors: ['ASSESSOR'], source: seed(EVIDENCE) },
  { from: 'DRAFT', action: 'REMOVE_EVIDENCE', to: 'DRAFT', actors: ['ASSESSOR'], source: seed(EVIDENCE) },
  {
    from: 'DRAFT',
    action: 'PUBLISH',
    to: 'PUBLISHED',
    actors: ['ASSESSOR'],
    condition: 'Every domain rated and the category decided, the decision standing against the proposal (NOT_DECIDED otherwise).',
    source: product('publishing (a published assessment is read-only and public)'),
  },
  ...ASSESSMENT_STATES.map(
    (from): AssessmentTransition => ({
      from,
      action: 'COMMENT',
      to: from,
      actors: ['CCG_USER'],
      condition: 'Some text (COMMENT_REQUIRED).',
      source: product('the CCG’s own users read their assessments and respond with comments'),
    }),
  ),
];

/** The changes of an assessment's stored status the lifecycle makes, for the database trigger to agree with. */
export const ASSESSMENT_STATUS_CHANGES: readonly StatusChange<AssessmentState>[] = statusChangesOf(ASSESSMENT_TRANSITIONS);

/** The states in which the assessment, its ratings and its evidence may change (the database freezes the others). */
export const ASSESSMENT_EDITABLE_STATES: readonly AssessmentState[] = ASSESSMENT_STATES.filter((state) =>
  ASSESSMENT_TRANSITIONS.some((t) => t.from === state && t.action === 'RATE'),
);

export interface AssessmentAction {
  readonly type: AssessmentActionType;
}

const WORKFLOW = {
  subject: 'assessment',
  actions: ASSESSMENT_ACTION_TYPES,
  table: ASSESSMENT_TRANSITIONS,
  unknownActionCode: 'UNKNOWN_ASSESSMENT_ACTION',
} as const;

/**
 * The actions someone holding `actorKinds` may take on an assessment in `state` (null: not started), in
 * table order: what the API exposes as `availableActions` and the web app renders from.
 */
export function availableAssessmentActions(state: AssessmentState | null, actorKinds: readonly AssessmentActorKind[]): AssessmentActionType[] {
  return permittedActionsFrom(ASSESSMENT_TRANSITIONS, state, actorKinds);
}

/** Every action the table allows from `state`, whoever may take it (the `allowed` of INVALID_TRANSITION). */
export function assessmentActionsFrom(state: AssessmentState | null): AssessmentActionType[] {
  return actionsFrom(ASSESSMENT_TRANSITIONS, state);
}

/**
 * Applies one action to an assessment in `state` (null: not started) and returns the state it moves to.
 * Throws UNKNOWN_ASSESSMENT_ACTION (details: action, allowed); INVALID_TRANSITION (details: from, action,
 * allowed), e.g. rating a published assessment; ACTION_NOT_PERMITTED (details: from, action, actors,
 * actorKinds) when none of `actorKinds` may make the move. The conditions in the table are checked by the
 * caller where the data is (the category decision by validateCategoryDecision).
 */
export function applyAssessmentAction(state: AssessmentState | null, action: AssessmentAction, actorKinds: readonly AssessmentActorKind[]): AssessmentState {
  return requireTransition(WORKFLOW, state, action?.type, actorKinds).to;
}
