import * as specialMeasures from './index';

describe('special measures public surface', () => {
  it('exports the triggers, the state machine and the clock', () => {
    expect(Object.keys(specialMeasures).sort()).toEqual(
      [
        'ESCALATION_KINDS',
        'IMPROVEMENT_ACTION_STATUSES',
        'ESCALATION_KIND_DEFINITIONS',
        'SPECIAL_MEASURES_ACTION_TYPES',
        'SPECIAL_MEASURES_MAXIMUM_MONTHS',
        'SPECIAL_MEASURES_STATES',
        'SPECIAL_MEASURES_TRANSITIONS',
        'SPECIAL_MEASURES_TRIGGERS',
        'SPECIAL_MEASURES_TRIGGER_CODES',
        'TERMINAL_SPECIAL_MEASURES_STATES',
        'applySpecialMeasuresAction',
        'assertImprovementPlanCanBeSignedOff',
        'availableActions',
        'isImprovementActionOverdue',
        'isSpecialMeasuresTriggerCode',
        'progressReports',
        'proposeSpecialMeasures',
        'specialMeasuresClock',
        'specialMeasuresEpisodeClock',
      ].sort(),
    );
  });

  it('works end to end through the public surface', () => {
    const { proposeSpecialMeasures, applySpecialMeasuresAction, specialMeasuresEpisodeClock } = specialMeasures;
    const episode = applySpecialMeasuresAction(
      proposeSpecialMeasures({ proposedOn: '2016-02-01', assuranceCategory: 'NOT_ASSURED', triggers: ['FINANCIAL_WEAK_CONTROLS'] }),
      { type: 'AGREE_WITH_CCG', on: '2016-02-29' },
    );
    expect(specialMeasuresEpisodeClock(episode, '2017-02-28')).toMatchObject({ dueBy: '2017-02-28', overdue: true });
  });
});
