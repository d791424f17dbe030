import fc from 'fast-check';
import { domainErrorOf } from '../testing/domain-error-of';
import {
  ESCALATION_KIND_DEFINITIONS,
  ESCALATION_KINDS,
  SPECIAL_MEASURES_ACTION_TYPES,
  SPECIAL_MEASURES_STATES,
  SPECIAL_MEASURES_TRANSITIONS,
  SpecialMeasuresAction,
  SpecialMeasuresActionType,
  SpecialMeasuresEpisode,
  SpecialMeasuresState,
  TERMINAL_SPECIAL_MEASURES_STATES,
  applySpecialMeasuresAction,
  availableActions,
  progressReports,
  proposeSpecialMeasures,
} from './special-measures-episode';
import { SPECIAL_MEASURES_TRIGGER_CODES, SPECIAL_MEASURES_TRIGGERS, isSpecialMeasuresTriggerCode } from './special-measures-triggers';

const proposed = (): SpecialMeasuresEpisode =>
  proposeSpecialMeasures({ proposedOn: '2015-06-01', assuranceCategory: 'NOT_ASSURED', triggers: ['FINANCIAL_SERIOUS_VARIANCE_FROM_PLAN'] });

/** A valid action of each type. */
function actionOf(type: SpecialMeasuresActionType, on = '2015-07-01'): SpecialMeasuresAction {
  switch (type) {
    case 'APPOINT_IMPROVEMENT_DIRECTOR':
      return { type, on, improvementDirector: 'A. N. Director' };
    case 'REPORT_PROGRESS':
      return { type, on, summary: 'QIPP schemes on track; contract notices issued.' };
    case 'ESCALATE':
      return { type, on, kind: 'CHANGE_OF_MANAGEMENT' };
    default:
      return { type, on } as SpecialMeasuresAction;
  }
}

/** The path of actions from PROPOSED to each state. */
const PATH_TO: Record<SpecialMeasuresState, readonly SpecialMeasuresActionType[]> = {
  PROPOSED: [],
  AGREED: ['AGREE_WITH_CCG'],
  DETERMINED: ['DETERMINE_BY_NHS_ENGLAND'],
  PUBLISHED: ['AGREE_WITH_CCG', 'PUBLISH_NOTICE'],
  EXTERNAL_REVIEW: ['AGREE_WITH_CCG', 'PUBLISH_NOTICE', 'COMMISSION_EXTERNAL_REVIEW'],
  IMPROVEMENT_DIRECTOR_APPOINTED: ['AGREE_WITH_CCG', 'PUBLISH_NOTICE', 'COMMISSION_EXTERNAL_REVIEW', 'APPOINT_IMPROVEMENT_DIRECTOR'],
  IMPROVEMENT_PLAN_SIGNED_OFF: ['AGREE_WITH_CCG', 'PUBLISH_NOTICE', 'COMMISSION_EXTERNAL_REVIEW', 'APPOINT_IMPROVEMENT_DIRECTOR', 'SIGN_OFF_IMPROVEMENT_PLAN'],
  IN_PROGRESS: ['AGREE_WITH_CCG', 'PUBLISH_NOTICE', 'COMMISSION_EXTERNAL_REVIEW', 'APPOINT_IMPROVEMENT_DIRECTOR', 'SIGN_OFF_IMPROVEMENT_PLAN', 'START_DELIVERY'],
  EXITED: ['AGREE_WITH_CCG', 'PUBLISH_NOTICE', 'COMMISSION_EXTERNAL_REVIEW', 'APPOINT_IMPROVEMENT_DIRECTOR', 'SIGN_OFF_IMPROVEMENT_PLAN', 'START_DELIVERY', 'EXIT'],
  ESCALATED: ['AGREE_WITH_CCG', 'PUBLISH_NOTICE', 'COMMISSION_EXTERNAL_REVIEW', 'APPOINT_IMPROVEMENT_DIRECTOR', 'SIGN_OFF_IMPROVEMENT_PLAN', 'START_DELIVERY', 'ESCALATE'],
};

function episodeIn(state: SpecialMeasuresState): SpecialMeasuresEpisode {
  const episode = PATH_TO[state].reduce((e, type) => applySpecialMeasuresAction(e, actionOf(type)), proposed());
  expect(episode.state).toBe(state);
  return episode;
}

describe('special measures transitions', () => {
  it('every state is reachable and the table names only known states and actions', () => {
    for (const t of SPECIAL_MEASURES_TRANSITIONS) {
      expect(SPECIAL_MEASURES_STATES).toContain(t.from);
      expect(SPECIAL_MEASURES_STATES).toContain(t.to);
      expect(SPECIAL_MEASURES_ACTION_TYPES).toContain(t.action);
      expect(t.source.basis).toBe('SEED');
    }
    const pairs = SPECIAL_MEASURES_TRANSITIONS.map((t) => `${t.from}/${t.action}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it.each(SPECIAL_MEASURES_TRANSITIONS.map((t) => [t.from, t.action, t.to] as const))('%s --%s--> %s', (from, action, to) => {
    const before = episodeIn(from);
    const after = applySpecialMeasuresAction(before, actionOf(action, '2015-08-01'));
    expect(after.state).toBe(to);
    expect(after.events).toHaveLength(before.events.length + 1);
    expect(after.events[after.events.length - 1]).toMatchObject({ from, to, action: { type: action, on: '2015-08-01' } });
  });

  const invalid = SPECIAL_MEASURES_STATES.flatMap((state) =>
    SPECIAL_MEASURES_ACTION_TYPES.filter((action) => !SPECIAL_MEASURES_TRANSITIONS.some((t) => t.from === state && t.action === action)).map(
      (action) => [state, action] as const,
    ),
  );

  it('the invalid pairs are every state x action not in the table', () => {
    expect(invalid).toHaveLength(SPECIAL_MEASURES_STATES.length * SPECIAL_MEASURES_ACTION_TYPES.length - SPECIAL_MEASURES_TRANSITIONS.length);
  });

  it.each(invalid)('%s: %s is INVALID_TRANSITION', (from, action) => {
    const error = domainErrorOf(() => applySpecialMeasuresAction(episodeIn(from), actionOf(action, '2015-08-01')));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.details).toEqual({ from, action, allowed: availableActions(from) });
  });

  it.each([
    ['PROPOSED', ['AGREE_WITH_CCG', 'DETERMINE_BY_NHS_ENGLAND']],
    ['AGREED', ['PUBLISH_NOTICE']],
    ['DETERMINED', ['PUBLISH_NOTICE']],
    ['PUBLISHED', ['COMMISSION_EXTERNAL_REVIEW']],
    ['EXTERNAL_REVIEW', ['APPOINT_IMPROVEMENT_DIRECTOR']],
    ['IMPROVEMENT_DIRECTOR_APPOINTED', ['SIGN_OFF_IMPROVEMENT_PLAN']],
    ['IMPROVEMENT_PLAN_SIGNED_OFF', ['START_DELIVERY']],
    ['IN_PROGRESS', ['REPORT_PROGRESS', 'EXIT', 'ESCALATE']],
    ['EXITED', []],
    ['ESCALATED', []],
  ] as const)('available in %s: %j', (state, actions) => {
    expect(availableActions(state)).toEqual(actions);
    expect(TERMINAL_SPECIAL_MEASURES_STATES.includes(state)).toBe(actions.length === 0);
  });
});

describe('an episode', () => {
  it('records entry, the improvement director, progress reports and the exit', () => {
    let e = proposed();
    expect(e).toMatchObject({ state: 'PROPOSED', enteredOn: null, closedOn: null, assuranceCategory: 'NOT_ASSURED' });
    e = applySpecialMeasuresAction(e, { type: 'DETERMINE_BY_NHS_ENGLAND', on: '2015-06-15', note: 'No joint agreement.' });
    expect(e.enteredOn).toBe('2015-06-15');
    e = applySpecialMeasuresAction(e, { type: 'PUBLISH_NOTICE', on: '2015-06-20', noticeUrl: 'https://www.example-ccg.nhs.uk/special-measures' });
    e = applySpecialMeasuresAction(e, { type: 'COMMISSION_EXTERNAL_REVIEW', on: '2015-07-01' });
    e = applySpecialMeasuresAction(e, { type: 'APPOINT_IMPROVEMENT_DIRECTOR', on: '2015-07-01', improvementDirector: '  Jo Bloggs ' });
    expect(e.improvementDirector).toBe('Jo Bloggs');
    e = applySpecialMeasuresAction(e, { type: 'SIGN_OFF_IMPROVEMENT_PLAN', on: '2015-08-03' });
    e = applySpecialMeasuresAction(e, { type: 'START_DELIVERY', on: '2015-08-03', intensiveSupport: 'Turnaround finance expert' });
    e = applySpecialMeasuresAction(e, { type: 'REPORT_PROGRESS', on: '2015-09-30', summary: ' Month 1: run rate improving. ' });
    e = applySpecialMeasuresAction(e, { type: 'REPORT_PROGRESS', on: '2015-10-31', summary: 'Month 2: on plan.' });
    expect(e.state).toBe('IN_PROGRESS');
    expect(progressReports(e)).toEqual([
      { on: '2015-09-30', summary: 'Month 1: run rate improving.' },
      { on: '2015-10-31', summary: 'Month 2: on plan.' },
    ]);
    e = applySpecialMeasuresAction(e, { type: 'EXIT', on: '2016-05-31' });
    expect(e).toMatchObject({ state: 'EXITED', enteredOn: '2015-06-15', closedOn: '2016-05-31', escalationKind: null });
    expect(e.events.map((x) => x.to)).toEqual([
      'DETERMINED',
      'PUBLISHED',
      'EXTERNAL_REVIEW',
      'IMPROVEMENT_DIRECTOR_APPOINTED',
      'IMPROVEMENT_PLAN_SIGNED_OFF',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'EXITED',
    ]);
  });

  it.each(ESCALATION_KINDS.map((k) => [k]))('escalates with kind %s and closes', (kind) => {
    const e = applySpecialMeasuresAction(episodeIn('IN_PROGRESS'), { type: 'ESCALATE', on: '2016-06-01', kind });
    expect(e).toMatchObject({ state: 'ESCALATED', escalationKind: kind, closedOn: '2016-06-01' });
  });

  it('does not change the episode it is given', () => {
    const before = Object.freeze(episodeIn('IN_PROGRESS'));
    const snapshot = JSON.stringify(before);
    applySpecialMeasuresAction(before, actionOf('REPORT_PROGRESS', '2015-09-01'));
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it.each([
    ['no escalation kind', { type: 'ESCALATE', on: '2016-01-01' }, 'ESCALATION_KIND_REQUIRED'],
    ['a null escalation kind', { type: 'ESCALATE', on: '2016-01-01', kind: null }, 'ESCALATION_KIND_REQUIRED'],
    ['an empty escalation kind', { type: 'ESCALATE', on: '2016-01-01', kind: '' }, 'ESCALATION_KIND_REQUIRED'],
    ['an unknown escalation kind', { type: 'ESCALATE', on: '2016-01-01', kind: 'MERGER' }, 'UNKNOWN_ESCALATION_KIND'],
    ['a progress report without a summary', { type: 'REPORT_PROGRESS', on: '2016-01-01', summary: '  ' }, 'PROGRESS_SUMMARY_REQUIRED'],
    ['a progress report with no summary field', { type: 'REPORT_PROGRESS', on: '2016-01-01' }, 'PROGRESS_SUMMARY_REQUIRED'],
    ['a malformed date', { type: 'EXIT', on: '2016-02-30' }, 'INVALID_DATE'],
    ['a date before the previous step', { type: 'EXIT', on: '2015-06-30' }, 'DATE_BEFORE_PREVIOUS_STEP'],
    ['an unknown action', { type: 'CLOSE', on: '2016-01-01' }, 'UNKNOWN_SPECIAL_MEASURES_ACTION'],
  ])('in progress, rejects %s', (_case, action, code) => {
    expect(() => applySpecialMeasuresAction(episodeIn('IN_PROGRESS'), action as unknown as SpecialMeasuresAction)).toThrow(expect.objectContaining({ code }));
  });

  it('names the previous step’s date when an action is back-dated, and allows the same day', () => {
    const e = episodeIn('AGREED');
    expect(domainErrorOf(() => applySpecialMeasuresAction(e, actionOf('PUBLISH_NOTICE', '2015-06-30'))).details).toEqual({
      on: '2015-06-30',
      previous: '2015-07-01',
    });
    expect(applySpecialMeasuresAction(e, actionOf('PUBLISH_NOTICE', '2015-07-01')).state).toBe('PUBLISHED');
    expect(() => applySpecialMeasuresAction(proposed(), actionOf('AGREE_WITH_CCG', '2015-05-31'))).toThrow(
      expect.objectContaining({ code: 'DATE_BEFORE_PREVIOUS_STEP', details: { on: '2015-05-31', previous: '2015-06-01' } }),
    );
  });

  it('IMPROVEMENT_DIRECTOR_REQUIRED without a name', () => {
    expect(() =>
      applySpecialMeasuresAction(episodeIn('EXTERNAL_REVIEW'), { type: 'APPOINT_IMPROVEMENT_DIRECTOR', on: '2015-08-01', improvementDirector: '' }),
    ).toThrow(expect.objectContaining({ code: 'IMPROVEMENT_DIRECTOR_REQUIRED' }));
  });

  it('an invalid transition is reported before a missing field', () => {
    expect(() => applySpecialMeasuresAction(proposed(), { type: 'ESCALATE', on: '2015-08-01' } as unknown as SpecialMeasuresAction)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });

  it('any sequence of available actions is accepted, and any other action refused (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 15 }), fc.array(fc.nat({ max: 10 }), { minLength: 15, maxLength: 15 }), (picks, gaps) => {
        let e = proposed();
        let day = 1;
        for (const [i, pick] of picks.entries()) {
          const available = availableActions(e.state);
          day += gaps[i];
          const on = `2015-${String(7 + Math.floor(day / 28)).padStart(2, '0')}-${String((day % 28) + 1).padStart(2, '0')}`;
          const refused = SPECIAL_MEASURES_ACTION_TYPES.filter((a) => !available.includes(a));
          for (const action of refused) {
            expect(() => applySpecialMeasuresAction(e, actionOf(action, on))).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
          }
          if (available.length === 0) break;
          e = applySpecialMeasuresAction(e, actionOf(available[pick % available.length], on));
          expect(SPECIAL_MEASURES_STATES).toContain(e.state);
          expect(e.enteredOn === null).toBe(e.state === 'PROPOSED');
          expect(e.closedOn !== null).toBe(TERMINAL_SPECIAL_MEASURES_STATES.includes(e.state));
        }
      }),
    );
  });
});

describe('proposing special measures', () => {
  it.each([['NOT_ASSURED'], ['LIMITED_ASSURANCE']] as const)('applies to a CCG rated %s', (assuranceCategory) => {
    const e = proposeSpecialMeasures({
      proposedOn: '2015-06-01',
      assuranceCategory,
      triggers: ['OPERATIONAL_NO_GRIP', 'FINANCIAL_WEAK_CONTROLS', 'OPERATIONAL_NO_GRIP'],
    });
    expect(e).toMatchObject({ state: 'PROPOSED', proposedOn: '2015-06-01', assuranceCategory, events: [] });
    expect(e.triggers).toEqual(['OPERATIONAL_NO_GRIP', 'FINANCIAL_WEAK_CONTROLS']);
  });

  it.each([
    ['a Good CCG', { proposedOn: '2015-06-01', assuranceCategory: 'GOOD', triggers: ['OPERATIONAL_NO_GRIP'] }, 'SPECIAL_MEASURES_NOT_APPLICABLE'],
    ['an Outstanding CCG', { proposedOn: '2015-06-01', assuranceCategory: 'OUTSTANDING', triggers: ['OPERATIONAL_NO_GRIP'] }, 'SPECIAL_MEASURES_NOT_APPLICABLE'],
    ['an unknown category', { proposedOn: '2015-06-01', assuranceCategory: 'RED', triggers: ['OPERATIONAL_NO_GRIP'] }, 'SPECIAL_MEASURES_NOT_APPLICABLE'],
    ['no trigger', { proposedOn: '2015-06-01', assuranceCategory: 'NOT_ASSURED', triggers: [] }, 'TRIGGER_REQUIRED'],
    ['no trigger list', { proposedOn: '2015-06-01', assuranceCategory: 'NOT_ASSURED' }, 'TRIGGER_REQUIRED'],
    ['an unknown trigger', { proposedOn: '2015-06-01', assuranceCategory: 'NOT_ASSURED', triggers: ['OPERATIONAL_NO_GRIP', 'BAD_PRESS'] }, 'UNKNOWN_TRIGGER'],
    ['a malformed date', { proposedOn: '01/06/2015', assuranceCategory: 'NOT_ASSURED', triggers: ['OPERATIONAL_NO_GRIP'] }, 'INVALID_DATE'],
  ])('refuses %s', (_case, proposal, code) => {
    expect(() => proposeSpecialMeasures(proposal as never)).toThrow(expect.objectContaining({ code }));
  });

  it('reports the unknown triggers', () => {
    expect(
      domainErrorOf(() => proposeSpecialMeasures({ proposedOn: '2015-06-01', assuranceCategory: 'NOT_ASSURED', triggers: ['BAD_PRESS' as never] })).details,
    ).toEqual({ triggers: ['BAD_PRESS'], allowed: [...SPECIAL_MEASURES_TRIGGER_CODES] });
  });
});

describe('triggers and escalation kinds', () => {
  it('three operational and three financial triggers from the seed', () => {
    expect(SPECIAL_MEASURES_TRIGGERS.filter((t) => t.kind === 'OPERATIONAL').map((t) => t.code)).toEqual([
      'OPERATIONAL_NO_GRIP',
      'OPERATIONAL_NO_ROBUST_QUALITY_PLAN',
      'OPERATIONAL_RISKS_NOT_MANAGED',
    ]);
    expect(SPECIAL_MEASURES_TRIGGERS.filter((t) => t.kind === 'FINANCIAL').map((t) => t.code)).toEqual([
      'FINANCIAL_SERIOUS_VARIANCE_FROM_PLAN',
      'FINANCIAL_UNMITIGATED_FORECAST_RISKS',
      'FINANCIAL_WEAK_CONTROLS',
    ]);
    expect(SPECIAL_MEASURES_TRIGGERS.map((t) => t.code)).toEqual([...SPECIAL_MEASURES_TRIGGER_CODES]);
    expect(SPECIAL_MEASURES_TRIGGERS.every((t) => t.source.basis === 'SEED' && t.description.length > 0)).toBe(true);
    expect(isSpecialMeasuresTriggerCode('FINANCIAL_WEAK_CONTROLS')).toBe(true);
    expect(isSpecialMeasuresTriggerCode('financial_weak_controls')).toBe(false);
    expect(isSpecialMeasuresTriggerCode(7)).toBe(false);
  });

  it('four escalation kinds, up to another body taking over', () => {
    expect(ESCALATION_KIND_DEFINITIONS.map((k) => k.code)).toEqual([...ESCALATION_KINDS]);
    expect(ESCALATION_KINDS).toEqual(['CHANGE_OF_MANAGEMENT', 'CHANGE_OF_STRUCTURE', 'CHANGE_OF_GOVERNANCE', 'TAKEOVER']);
  });
});
