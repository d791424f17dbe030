import { triggerGroups } from './triggers-panel';

describe('triggerGroups', () => {
  const trigger = (kind: Parameters<typeof triggerGroups>[0][number]['kind'], title: string) => ({ kind, title });

  it('groups triggers by kind, the most serious kind first, each group in title order, with its words and count', () => {
    const groups = triggerGroups([
      trigger('INDICATOR_SPECIAL_CAUSE_CONCERN', 'Harrogate (RCD): A&E'),
      trigger('INDICATOR_CONSISTENTLY_FAILING', 'York (RCB): A&E'),
      trigger('INDICATOR_CONSISTENTLY_FAILING', 'Airedale (RCF): A&E'),
      trigger('PLAN_NOT_COMPLIANT', 'The 2015/16 financial plan does not comply'),
      trigger('NOT_ASSURED_DOMAIN_RATING', 'Well led: Not assured in 2015/16 Q1'),
    ]);
    expect(groups.map((group) => [group.kind, group.words, group.items.map((item) => item.title)])).toEqual([
      ['NOT_ASSURED_DOMAIN_RATING', 'Domain rated Not assured', ['Well led: Not assured in 2015/16 Q1']],
      ['PLAN_NOT_COMPLIANT', 'Financial plan not compliant', ['The 2015/16 financial plan does not comply']],
      ['INDICATOR_CONSISTENTLY_FAILING', 'Provider indicators consistently failing', ['Airedale (RCF): A&E', 'York (RCB): A&E']],
      ['INDICATOR_SPECIAL_CAUSE_CONCERN', 'Provider indicator with special-cause concern', ['Harrogate (RCD): A&E']],
    ]);
  });

  it('has no groups without triggers', () => {
    expect(triggerGroups([])).toEqual([]);
  });
});
