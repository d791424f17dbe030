import { domainErrorOf } from '../testing/domain-error-of';
import {
  ASSESSMENT_ACTION_TYPES,
  ASSESSMENT_ACTOR_KINDS,
  ASSESSMENT_EDITABLE_STATES,
  ASSESSMENT_STATES,
  ASSESSMENT_STATUS_CHANGES,
  ASSESSMENT_TRANSITIONS,
  AssessmentAction,
  AssessmentActorKind,
  applyAssessmentAction,
  assessmentActionsFrom,
  availableAssessmentActions,
} from './assessment-lifecycle';

const EVERYONE: readonly AssessmentActorKind[] = ASSESSMENT_ACTOR_KINDS;
const STATES_AND_NONE = [null, ...ASSESSMENT_STATES] as const;

describe('assessment lifecycle table', () => {
  it('names only known states, actions and actors, each move once, each citing a paper or the product', () => {
    for (const t of ASSESSMENT_TRANSITIONS) {
      expect(STATES_AND_NONE).toContain(t.from);
      expect(ASSESSMENT_STATES).toContain(t.to);
      expect(ASSESSMENT_ACTION_TYPES).toContain(t.action);
      expect(t.actors.length).toBeGreaterThan(0);
      for (const actor of t.actors) expect(ASSESSMENT_ACTOR_KINDS).toContain(actor);
      expect(['SEED', 'PRODUCT']).toContain(t.source.basis);
      if (t.source.basis === 'SEED') expect(t.source.document).toMatch(/^seeds\/003_/);
    }
    const pairs = ASSESSMENT_TRANSITIONS.map((t) => `${t.from}/${t.action}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('changes the stored status exactly as the database trigger allows: DRAFT -> PUBLISHED, and nothing after', () => {
    expect(ASSESSMENT_STATUS_CHANGES).toEqual([{ from: 'DRAFT', to: 'PUBLISHED' }]);
    expect(ASSESSMENT_EDITABLE_STATES).toEqual(['DRAFT']);
    expect(ASSESSMENT_TRANSITIONS.filter((t) => t.from === 'PUBLISHED').every((t) => t.to === 'PUBLISHED' && t.action === 'COMMENT')).toBe(true);
  });

  it.each([
    [null, 'ASSESSOR', ['START']],
    [null, 'CCG_USER', []],
    ['DRAFT', 'ASSESSOR', ['RATE', 'DECIDE', 'ADD_EVIDENCE', 'REMOVE_EVIDENCE', 'PUBLISH']],
    ['DRAFT', 'CCG_USER', ['COMMENT']],
    ['PUBLISHED', 'ASSESSOR', []],
    ['PUBLISHED', 'CCG_USER', ['COMMENT']],
  ] as const)('in %s a %s may: %j', (state, actor, actions) => {
    expect(availableAssessmentActions(state, [actor])).toEqual(actions);
  });

  it('offers nothing to the public, and everything the table allows to someone who holds both kinds', () => {
    for (const state of STATES_AND_NONE) {
      expect(availableAssessmentActions(state, [])).toEqual([]);
      expect(availableAssessmentActions(state, EVERYONE)).toEqual(assessmentActionsFrom(state));
    }
  });
});

describe('applyAssessmentAction', () => {
  const permitted = ASSESSMENT_TRANSITIONS.flatMap((t) => t.actors.map((actor) => [t.from, t.action, actor, t.to] as const));

  it.each(permitted)('%s --%s by %s--> %s', (from, action, actor, to) => {
    expect(applyAssessmentAction(from, { type: action }, [actor])).toBe(to);
  });

  const invalid = STATES_AND_NONE.flatMap((state) =>
    ASSESSMENT_ACTION_TYPES.filter((action) => !ASSESSMENT_TRANSITIONS.some((t) => t.from === state && t.action === action)).map((action) => [state, action] as const),
  );

  it('the invalid pairs are every state (or none) x action not in the table', () => {
    expect(invalid).toHaveLength(STATES_AND_NONE.length * ASSESSMENT_ACTION_TYPES.length - ASSESSMENT_TRANSITIONS.length);
  });

  it.each(invalid)('%s: %s is INVALID_TRANSITION, whoever asks', (from, action) => {
    const error = domainErrorOf(() => applyAssessmentAction(from, { type: action }, EVERYONE));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.details).toEqual({ from, action, allowed: assessmentActionsFrom(from) });
  });

  const notPermitted = ASSESSMENT_TRANSITIONS.flatMap((t) =>
    [[], ...ASSESSMENT_ACTOR_KINDS.filter((actor) => !t.actors.includes(actor)).map((actor) => [actor])].map((held) => [t.from, t.action, held] as const),
  );

  it.each(notPermitted)('%s: %s by %j is ACTION_NOT_PERMITTED', (from, action, held) => {
    const error = domainErrorOf(() => applyAssessmentAction(from, { type: action }, held as AssessmentActorKind[]));
    const transition = ASSESSMENT_TRANSITIONS.find((t) => t.from === from && t.action === action);
    expect(error.code).toBe('ACTION_NOT_PERMITTED');
    expect(error.details).toEqual({ from, action, actors: transition?.actors, actorKinds: held });
  });

  it.each([['APPROVE'], [undefined]])('refuses unknown action %p as UNKNOWN_ASSESSMENT_ACTION', (type) => {
    const error = domainErrorOf(() => applyAssessmentAction('DRAFT', { type } as unknown as AssessmentAction, EVERYONE));
    expect(error).toMatchObject({ code: 'UNKNOWN_ASSESSMENT_ACTION', details: { action: type, allowed: [...ASSESSMENT_ACTION_TYPES] } });
  });

  it('follows an assessment from start to a comment after publication', () => {
    let state = applyAssessmentAction(null, { type: 'START' }, ['ASSESSOR']);
    for (const type of ['RATE', 'ADD_EVIDENCE', 'DECIDE'] as const) state = applyAssessmentAction(state, { type }, ['ASSESSOR']);
    state = applyAssessmentAction(state, { type: 'COMMENT' }, ['CCG_USER']);
    state = applyAssessmentAction(state, { type: 'PUBLISH' }, ['ASSESSOR']);
    expect(applyAssessmentAction(state, { type: 'COMMENT' }, ['CCG_USER'])).toBe('PUBLISHED');
  });
});
