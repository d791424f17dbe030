import fc from 'fast-check';
import { ASSURANCE_CATEGORY_CODES, AssuranceCategory, compareAssuranceCategories } from './assurance-categories';
import { ASSURANCE_FRAMEWORK_2013_14, ASSURANCE_FRAMEWORK_2015_16, AssuranceFramework } from './assurance-frameworks';
import {
  AssuranceRatings,
  CategoryPolicy,
  DEFAULT_CATEGORY_POLICY,
  decisionNeedsRationale,
  nextAssessmentDue,
  proposeCategory,
  validateAssuranceRatings,
  validateCategoryDecision,
  validateCategoryPolicy,
} from './category-policy';

const O = 'OUTSTANDING';
const G = 'GOOD';
const L = 'LIMITED_ASSURANCE';
const N = 'NOT_ASSURED';

/** Ratings in the framework's domain order. */
function ratingsOf(framework: AssuranceFramework, ratings: readonly AssuranceCategory[]): AssuranceRatings {
  return { framework: framework.id, ratings: framework.domains.map((d, i) => ({ domain: d.code, rating: ratings[i] })) };
}

// 2015/16 order: WELL_LED, PERFORMANCE, FINANCIAL_MANAGEMENT, PLANNING, DELEGATED_FUNCTIONS.
const r2015 = (...ratings: AssuranceCategory[]) => ratingsOf(ASSURANCE_FRAMEWORK_2015_16, ratings);
// 2013/14 order: CLINICALLY_LED, PATIENT_ENGAGEMENT, BETTER_OUTCOMES, ROBUST_GOVERNANCE, PARTNERSHIP_WORKING, STRONG_LEADERSHIP.
const r2013 = (...ratings: AssuranceCategory[]) => ratingsOf(ASSURANCE_FRAMEWORK_2013_14, ratings);

describe('proposeCategory under the default policy (DOMAIN.md)', () => {
  it.each([
    // step 1: a critical component Not assured
    ['Not assured in well led', r2015(N, O, O, O, O), N, 1, ['WELL_LED']],
    ['Not assured in financial management', r2015(G, G, N, G, G), N, 1, ['FINANCIAL_MANAGEMENT']],
    ['Not assured in both critical components', r2015(N, L, N, L, L), N, 1, ['WELL_LED', 'FINANCIAL_MANAGEMENT']],
    // step 2: any Not assured, or two or more Limited
    ['Not assured in delegated functions', r2015(G, G, G, G, N), L, 2, ['DELEGATED_FUNCTIONS']],
    ['Not assured in performance, every other component Outstanding', r2015(O, N, O, O, O), L, 2, ['PERFORMANCE']],
    ['two Limited', r2015(L, L, G, G, G), L, 2, ['WELL_LED', 'PERFORMANCE']],
    ['three Outstanding and two Limited', r2015(O, O, O, L, L), L, 2, ['PLANNING', 'DELEGATED_FUNCTIONS']],
    ['one Not assured and two Limited', r2015(L, G, L, N, G), L, 2, ['PLANNING', 'WELL_LED', 'FINANCIAL_MANAGEMENT']],
    ['every component Limited', r2015(L, L, L, L, L), L, 2, ['WELL_LED', 'PERFORMANCE', 'FINANCIAL_MANAGEMENT', 'PLANNING', 'DELEGATED_FUNCTIONS']],
    // step 3: at least three Outstanding, none below Good
    ['three Outstanding and two Good', r2015(O, O, O, G, G), O, 3, ['WELL_LED', 'PERFORMANCE', 'FINANCIAL_MANAGEMENT']],
    ['five Outstanding', r2015(O, O, O, O, O), O, 3, ['WELL_LED', 'PERFORMANCE', 'FINANCIAL_MANAGEMENT', 'PLANNING', 'DELEGATED_FUNCTIONS']],
    // step 4
    ['three Outstanding and one Limited', r2015(O, O, O, L, G), G, 4, []],
    ['four Outstanding and one Limited', r2015(O, O, O, O, L), G, 4, []],
    ['two Outstanding and three Good', r2015(O, O, G, G, G), G, 4, []],
    ['every component Good', r2015(G, G, G, G, G), G, 4, []],
    // seed 002: Sheffield rated 'limited' in the performance domain only
    ['Limited in performance only (Sheffield, seed 002)', r2015(G, L, G, G, G), G, 4, []],
    ['every component Not assured', r2015(N, N, N, N, N), N, 1, ['WELL_LED', 'FINANCIAL_MANAGEMENT']],
  ])('%s', (_case, ratings, category, step, domains) => {
    const proposal = proposeCategory(ratings);
    expect(proposal.category).toBe(category);
    expect(proposal.step).toBe(step);
    const fired = proposal.reasons[proposal.reasons.length - 1];
    expect(fired).toMatchObject({ step, fired: true, rule: proposal.rule });
    expect(fired.domains).toEqual(domains);
    expect(proposal.reasons.map((r) => r.step)).toEqual([1, 2, 3, 4].slice(0, step));
    expect(proposal.reasons.slice(0, -1).every((r) => !r.fired)).toBe(true);
  });

  it.each([
    ['Not assured in strong leadership', r2013(G, G, G, G, G, N), N, 1],
    ['Not assured in robust governance', r2013(O, O, O, N, O, O), N, 1],
    ['Not assured in partnership working', r2013(G, G, G, G, N, G), L, 2],
    ['Not assured in clinically led commissioning', r2013(N, O, O, O, O, O), L, 2],
    ['two Limited', r2013(G, L, G, G, L, G), L, 2],
    ['three Outstanding and three Good', r2013(O, G, O, G, O, G), O, 3],
    ['three Outstanding, two Good and one Limited', r2013(O, O, O, G, G, L), G, 4],
    ['one Limited', r2013(G, G, L, G, G, G), G, 4],
  ] as const)('2013/14 domains: %s', (_case, ratings, category, step) => {
    const proposal = proposeCategory(ratings);
    expect(proposal).toMatchObject({ framework: '2013-14', policy: 'default', category, step });
  });

  it('explains why, naming the domains', () => {
    const notAssured = proposeCategory(r2015(N, G, G, G, G));
    expect(notAssured.reasons[0].explanation).toBe('Not assured because Well led is Not assured.');

    const limited = proposeCategory(r2015(L, G, L, N, G));
    expect(limited.reasons.map((r) => r.explanation)).toEqual([
      'No critical domain (Well led, Financial management) is Not assured.',
      'Limited assurance because Planning is Not assured and 2 domains are Limited assurance (Well led, Financial management; threshold 2).',
    ]);

    const good = proposeCategory(r2015(O, O, O, L, G));
    expect(good.reasons.map((r) => r.explanation)).toEqual([
      'No critical domain (Well led, Financial management) is Not assured.',
      'No domain is Not assured and 1 is Limited assurance (threshold 2).',
      'Not Outstanding: Planning is below Good.',
      'Good because no earlier step applied.',
    ]);
    expect(good.reasons[2].domains).toEqual(['PLANNING']);

    const notEnough = proposeCategory(r2015(O, G, G, G, G));
    expect(notEnough.reasons[2].explanation).toBe('Not Outstanding: 1 domain is Outstanding (threshold 3).');
    expect(proposeCategory(r2015(O, O, G, G, L)).reasons[2].explanation).toBe(
      'Not Outstanding: 2 domains are Outstanding (threshold 3) and Delegated functions is below Good.',
    );
    expect(proposeCategory(r2015(O, O, O, O, G)).reasons[2].explanation).toBe(
      'Outstanding because 4 domains are Outstanding (Well led, Performance, Financial management, Planning; threshold 3) and none is below Good.',
    );
    expect(proposeCategory(r2015(O, O, G, L, L)).reasons[1].explanation).toBe(
      'Limited assurance because 2 domains are Limited assurance (Planning, Delegated functions; threshold 2).',
    );
    expect(proposeCategory(r2015(G, N, G, N, G)).reasons[1].explanation).toBe('Limited assurance because Performance, Planning are Not assured.');
    expect(proposeCategory(r2015(N, G, N, G, G)).reasons[0].explanation).toBe('Not assured because Well led, Financial management are Not assured.');
    expect(proposeCategory(r2015(G, G, G, G, G)).reasons[1].explanation).toBe('No domain is Not assured and 0 are Limited assurance (threshold 2).');
  });

  it('counts the ratings and accepts them in any order', () => {
    const shuffled: AssuranceRatings = { framework: '2015-16', ratings: [...r2015(O, O, O, G, G).ratings].reverse() };
    const proposal = proposeCategory(shuffled);
    expect(proposal.category).toBe(O);
    expect(proposal.counts).toEqual({ OUTSTANDING: 3, GOOD: 2, LIMITED_ASSURANCE: 0, NOT_ASSURED: 0 });
  });
});

describe('proposeCategory with a custom policy', () => {
  const strict: CategoryPolicy = {
    id: 'strict',
    description: 'Only well led is critical; three Limited make Limited; Outstanding needs four Outstanding and none below Good.',
    criticalDomains: { '2015-16': ['WELL_LED'] },
    limitedCountThreshold: 3,
    outstandingCountThreshold: 4,
    outstandingFloor: 'GOOD',
    reassessmentMonths: { OUTSTANDING: 12, GOOD: 6, LIMITED_ASSURANCE: 2, NOT_ASSURED: 1 },
  };

  it.each([
    ['finance Not assured is no longer critical', r2015(G, G, N, G, G), L, 2],
    ['well led Not assured stays critical', r2015(N, G, G, G, G), N, 1],
    ['two Limited are below the threshold of three', r2015(L, L, G, G, G), G, 4],
    ['three Limited reach it', r2015(L, L, L, G, G), L, 2],
    ['three Outstanding are not enough', r2015(O, O, O, G, G), G, 4],
    ['four Outstanding are', r2015(O, O, O, O, G), O, 3],
  ] as const)('%s', (_case, ratings, category, step) => {
    expect(proposeCategory(ratings, strict)).toMatchObject({ policy: 'strict', category, step });
  });

  it('a floor of Outstanding requires every domain Outstanding', () => {
    const allOutstanding = { ...strict, outstandingCountThreshold: 1, outstandingFloor: 'OUTSTANDING' as const };
    expect(proposeCategory(r2015(O, O, O, O, G), allOutstanding).category).toBe(G);
    expect(proposeCategory(r2015(O, O, O, O, O), allOutstanding).category).toBe(O);
  });

  it('a policy may name no critical domain for a framework', () => {
    const none = { ...strict, criticalDomains: { '2015-16': [] } };
    const proposal = proposeCategory(r2015(N, N, G, G, G), none);
    expect(proposal).toMatchObject({ category: L, step: 2 });
    expect(proposal.reasons[0].explanation).toBe('The policy names no critical domain for this framework.');
  });

  it('a new framework year is data: pass it with a policy that names its critical domains', () => {
    const nextYear: AssuranceFramework = {
      ...ASSURANCE_FRAMEWORK_2015_16,
      id: '2016-17',
      validFrom: '2016-04-01',
      domains: ASSURANCE_FRAMEWORK_2015_16.domains.slice(0, 3),
    };
    const policy = { ...DEFAULT_CATEGORY_POLICY, criticalDomains: { '2016-17': ['FINANCIAL_MANAGEMENT'] } };
    const ratings = ratingsOf(nextYear, [G, G, N]);
    expect(proposeCategory(ratings, policy, [nextYear])).toMatchObject({ framework: '2016-17', category: N });
    expect(() => proposeCategory(ratings)).toThrow(expect.objectContaining({ code: 'UNKNOWN_FRAMEWORK' }));
  });

  it('POLICY_NOT_DEFINED_FOR_FRAMEWORK when the policy does not cover the framework', () => {
    expect(() => proposeCategory(r2013(G, G, G, G, G, G), strict)).toThrow(
      expect.objectContaining({ code: 'POLICY_NOT_DEFINED_FOR_FRAMEWORK', details: { policy: 'strict', framework: '2013-14' } }),
    );
    const noCritical = { ...strict, criticalDomains: undefined } as unknown as CategoryPolicy;
    expect(() => proposeCategory(r2015(G, G, G, G, G), noCritical)).toThrow(expect.objectContaining({ code: 'POLICY_NOT_DEFINED_FOR_FRAMEWORK' }));
  });
});

describe('validating ratings and policies', () => {
  const good2015 = r2015(G, G, G, G, G);

  it.each([
    ['an unknown framework', { framework: '2014-15', ratings: good2015.ratings }, 'UNKNOWN_FRAMEWORK', { framework: '2014-15' }],
    ['an unknown domain', { framework: '2015-16', ratings: [...good2015.ratings, { domain: 'QUALITY', rating: G }] }, 'UNKNOWN_DOMAIN', { domains: ['QUALITY'] }],
    ['a 2013/14 domain in a 2015/16 assessment', { framework: '2015-16', ratings: [...good2015.ratings.slice(1), { domain: 'STRONG_LEADERSHIP', rating: G }] }, 'UNKNOWN_DOMAIN', { domains: ['STRONG_LEADERSHIP'] }],
    ['a domain rated twice', { framework: '2015-16', ratings: [...good2015.ratings, { domain: 'PLANNING', rating: O }] }, 'DUPLICATE_DOMAIN_RATING', { domains: ['PLANNING'] }],
    ['a domain not rated', { framework: '2015-16', ratings: good2015.ratings.slice(0, 3) }, 'MISSING_DOMAIN_RATING', { domains: ['PLANNING', 'DELEGATED_FUNCTIONS'] }],
    ['no ratings at all', { framework: '2015-16', ratings: [] }, 'MISSING_DOMAIN_RATING', { domains: ASSURANCE_FRAMEWORK_2015_16.domains.map((d) => d.code) }],
    ['ratings that are not a list', { framework: '2015-16', ratings: null }, 'MISSING_DOMAIN_RATING', {}],
    ['an invalid rating', { framework: '2015-16', ratings: [...good2015.ratings.slice(1), { domain: 'WELL_LED', rating: 'REQUIRES_IMPROVEMENT' }] }, 'INVALID_RATING', { domain: 'WELL_LED', rating: 'REQUIRES_IMPROVEMENT' }],
  ])('rejects %s', (_case, ratings, code, details) => {
    const call = () => proposeCategory(ratings as unknown as AssuranceRatings);
    expect(call).toThrow(expect.objectContaining({ code, details: expect.objectContaining(details) }));
    expect(() => validateAssuranceRatings(ratings as unknown as AssuranceRatings)).toThrow(expect.objectContaining({ code }));
  });

  it('returns valid ratings in the framework’s domain order', () => {
    const reversed = { framework: '2015-16', ratings: [...r2015(O, G, L, N, G).ratings].reverse() };
    expect(validateAssuranceRatings(reversed).map((r) => r.domain)).toEqual(ASSURANCE_FRAMEWORK_2015_16.domains.map((d) => d.code));
  });

  it.each([
    ['a limited-count threshold of 0', { limitedCountThreshold: 0 }, 'limitedCountThreshold'],
    ['a fractional outstanding count', { outstandingCountThreshold: 2.5 }, 'outstandingCountThreshold'],
    ['an outstanding count that is not a number', { outstandingCountThreshold: '3' }, 'outstandingCountThreshold'],
    ['an unknown floor', { outstandingFloor: 'EXCELLENT' }, 'outstandingFloor'],
    ['a missing reassessment interval', { reassessmentMonths: { OUTSTANDING: 12, GOOD: 6, LIMITED_ASSURANCE: 3 } }, 'reassessmentMonths.NOT_ASSURED'],
    ['a zero reassessment interval', { reassessmentMonths: { OUTSTANDING: 12, GOOD: 0, LIMITED_ASSURANCE: 3, NOT_ASSURED: 1 } }, 'reassessmentMonths.GOOD'],
    ['no reassessment intervals', { reassessmentMonths: undefined }, 'reassessmentMonths.OUTSTANDING'],
    ['a critical domain the framework lacks', { criticalDomains: { '2015-16': ['WELL_LED', 'FINANCE'] } }, 'criticalDomains.2015-16'],
    ['critical domains that are not a list', { criticalDomains: { '2015-16': 'WELL_LED' } }, 'criticalDomains.2015-16'],
  ])('INVALID_CATEGORY_POLICY for %s', (_case, change, field) => {
    const policy = { ...DEFAULT_CATEGORY_POLICY, id: 'broken', ...change } as unknown as CategoryPolicy;
    const expected = expect.objectContaining({ code: 'INVALID_CATEGORY_POLICY', details: expect.objectContaining({ policy: 'broken', field }) });
    expect(() => validateCategoryPolicy(policy)).toThrow(expected);
    expect(() => proposeCategory(good2015, policy)).toThrow(expected);
  });

  it('the default policy is valid and is DOMAIN.md’s', () => {
    expect(validateCategoryPolicy(DEFAULT_CATEGORY_POLICY)).toBe(DEFAULT_CATEGORY_POLICY);
    expect(DEFAULT_CATEGORY_POLICY).toMatchObject({
      criticalDomains: { '2015-16': ['WELL_LED', 'FINANCIAL_MANAGEMENT'], '2013-14': ['STRONG_LEADERSHIP', 'ROBUST_GOVERNANCE'] },
      limitedCountThreshold: 2,
      outstandingCountThreshold: 3,
      outstandingFloor: 'GOOD',
      reassessmentMonths: { OUTSTANDING: 12, GOOD: 6, LIMITED_ASSURANCE: 3, NOT_ASSURED: 1 },
    });
  });

  it('does not check critical domains of frameworks it is not given', () => {
    expect(() => validateCategoryPolicy(DEFAULT_CATEGORY_POLICY, [ASSURANCE_FRAMEWORK_2015_16])).not.toThrow();
  });
});

describe('properties of the proposal', () => {
  const rating = fc.constantFrom<AssuranceCategory>(...ASSURANCE_CATEGORY_CODES);
  const frameworkAndRatings = fc.oneof(
    fc.array(rating, { minLength: 5, maxLength: 5 }).map((r) => ({ framework: ASSURANCE_FRAMEWORK_2015_16, r })),
    fc.array(rating, { minLength: 6, maxLength: 6 }).map((r) => ({ framework: ASSURANCE_FRAMEWORK_2013_14, r })),
  );
  const better = (c: AssuranceCategory) => ASSURANCE_CATEGORY_CODES.slice(0, ASSURANCE_CATEGORY_CODES.indexOf(c));

  it('improving any one rating never worsens the proposed category (default policy)', () => {
    fc.assert(
      fc.property(frameworkAndRatings, fc.nat(), fc.nat(), ({ framework, r }, at, pick) => {
        const i = at % r.length;
        const options = better(r[i]);
        fc.pre(options.length > 0);
        const improved = r.map((x, j) => (j === i ? options[pick % options.length] : x));
        const before = proposeCategory(ratingsOf(framework, r)).category;
        const after = proposeCategory(ratingsOf(framework, improved)).category;
        expect(compareAssuranceCategories(after, before)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('improving any one rating never worsens the proposed category (any valid 2015/16 policy)', () => {
    const policy = fc.record({
      critical: fc.subarray(ASSURANCE_FRAMEWORK_2015_16.domains.map((d) => d.code)),
      limited: fc.integer({ min: 1, max: 6 }),
      outstanding: fc.integer({ min: 1, max: 6 }),
      floor: rating,
    });
    fc.assert(
      fc.property(fc.array(rating, { minLength: 5, maxLength: 5 }), fc.nat(), fc.nat(), policy, (r, at, pick, p) => {
        const i = at % r.length;
        const options = better(r[i]);
        fc.pre(options.length > 0);
        const custom: CategoryPolicy = {
          ...DEFAULT_CATEGORY_POLICY,
          id: 'generated',
          criticalDomains: { '2015-16': p.critical },
          limitedCountThreshold: p.limited,
          outstandingCountThreshold: p.outstanding,
          outstandingFloor: p.floor,
        };
        const improved = r.map((x, j) => (j === i ? options[pick % options.length] : x));
        const before = proposeCategory(r2015(...r), custom).category;
        const after = proposeCategory(r2015(...improved), custom).category;
        expect(compareAssuranceCategories(after, before)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('Not assured exactly when a critical component is Not assured; Outstanding never with a rating below Good', () => {
    fc.assert(
      fc.property(fc.array(rating, { minLength: 5, maxLength: 5 }), (r) => {
        const proposal = proposeCategory(r2015(...r));
        expect(proposal.category === N).toBe(r[0] === N || r[2] === N);
        if (proposal.category === O) expect(r.every((x) => x === O || x === G)).toBe(true);
        expect(proposal.reasons.filter((x) => x.fired)).toHaveLength(1);
      }),
    );
  });
});

describe('nextAssessmentDue', () => {
  it.each([
    [O, '2015-06-30', '2016-06-30'],
    [O, '2015-02-28', '2016-02-28'],
    [O, '2016-02-29', '2017-02-28'],
    [G, '2015-07-15', '2016-01-15'],
    [G, '2015-08-31', '2016-02-29'],
    [G, '2014-08-31', '2015-02-28'],
    [L, '2015-11-30', '2016-02-29'],
    [L, '2015-10-31', '2016-01-31'],
    [L, '2015-12-31', '2016-03-31'],
    [N, '2015-01-31', '2015-02-28'],
    [N, '2016-01-31', '2016-02-29'],
    [N, '2015-12-15', '2016-01-15'],
    [N, '2015-03-31', '2015-04-30'],
  ] as const)('%s assessed on %s: next due %s', (category, assessedOn, due) => {
    expect(nextAssessmentDue(category, assessedOn)).toBe(due);
  });

  it('takes the intervals from the policy', () => {
    const monthly = { ...DEFAULT_CATEGORY_POLICY, reassessmentMonths: { OUTSTANDING: 3, GOOD: 2, LIMITED_ASSURANCE: 1, NOT_ASSURED: 1 } };
    expect(nextAssessmentDue(O, '2015-11-30', monthly)).toBe('2016-02-29');
    expect(nextAssessmentDue(G, '2015-12-31', monthly)).toBe('2016-02-29');
  });

  it.each([
    ['an invalid category', () => nextAssessmentDue('AMBER' as never, '2015-01-01'), 'INVALID_CATEGORY'],
    ['an invalid date', () => nextAssessmentDue(G, '2015-02-29'), 'INVALID_DATE'],
    ['a zero interval', () => nextAssessmentDue(G, '2015-01-01', { ...DEFAULT_CATEGORY_POLICY, reassessmentMonths: { ...DEFAULT_CATEGORY_POLICY.reassessmentMonths, GOOD: 0 } }), 'INVALID_CATEGORY_POLICY'],
  ])('rejects %s', (_case, call, code) => {
    expect(call).toThrow(expect.objectContaining({ code }));
  });
});

describe('the assessor’s decision', () => {
  it.each([
    [G, G, false],
    [G, O, true],
    [L, N, true],
    [N, L, true],
  ] as const)('proposed %s, decided %s: rationale needed %p', (proposed, decided, needed) => {
    expect(decisionNeedsRationale(proposed, decided)).toBe(needed);
  });

  it.each([
    [{ proposed: G, decided: G }, { rationale: null, differsFromProposal: false }],
    [{ proposed: G, decided: G, rationale: '  Agreed at the checkpoint meeting. ' }, { rationale: 'Agreed at the checkpoint meeting.', differsFromProposal: false }],
    [{ proposed: L, decided: G, rationale: 'A&E recovery plan delivered since the data cut.' }, { rationale: 'A&E recovery plan delivered since the data cut.', differsFromProposal: true }],
  ] as const)('accepts %j', (decision, expected) => {
    expect(validateCategoryDecision(decision)).toEqual({ proposed: decision.proposed, decided: decision.decided, ...expected });
  });

  it.each([[undefined], [null], [''], ['   \n ']])('RATIONALE_REQUIRED when the decision differs and the rationale is %p', (rationale) => {
    expect(() => validateCategoryDecision({ proposed: L, decided: G, rationale })).toThrow(
      expect.objectContaining({ code: 'RATIONALE_REQUIRED', details: { proposed: L, decided: G } }),
    );
  });

  it('INVALID_CATEGORY for an unknown proposal or decision', () => {
    expect(() => validateCategoryDecision({ proposed: G, decided: 'REQUIRES_IMPROVEMENT' as never, rationale: 'x' })).toThrow(
      expect.objectContaining({ code: 'INVALID_CATEGORY', details: expect.objectContaining({ field: 'decided' }) }),
    );
    expect(() => decisionNeedsRationale('X' as never, G)).toThrow(expect.objectContaining({ code: 'INVALID_CATEGORY', details: expect.objectContaining({ field: 'proposed' }) }));
  });
});
