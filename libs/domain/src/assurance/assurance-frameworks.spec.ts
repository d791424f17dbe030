import { parseFinancialYear } from '../calendar/financial-year';
import { DomainError } from '../errors';
import {
  ASSURANCE_FRAMEWORK_2013_14,
  ASSURANCE_FRAMEWORK_2015_16,
  ASSURANCE_FRAMEWORKS,
  findAssuranceFramework,
  findAssuranceFrameworkInForce,
  getAssuranceFramework,
} from './assurance-frameworks';
import { ASSURANCE_CATEGORIES, ASSURANCE_CATEGORY_CODES, assuranceCategoryDefinition, compareAssuranceCategories, isAssuranceCategory, requireAssuranceCategory } from './assurance-categories';

describe('assurance frameworks', () => {
  it('2013/14 has the six domains of the original framework, in the seed’s order', () => {
    expect(ASSURANCE_FRAMEWORK_2013_14.areaTerm).toBe('DOMAIN');
    expect(ASSURANCE_FRAMEWORK_2013_14.domains.map((d) => d.code)).toEqual([
      'CLINICALLY_LED',
      'PATIENT_ENGAGEMENT',
      'BETTER_OUTCOMES',
      'ROBUST_GOVERNANCE',
      'PARTNERSHIP_WORKING',
      'STRONG_LEADERSHIP',
    ]);
  });

  it('2015/16 has the five components', () => {
    expect(ASSURANCE_FRAMEWORK_2015_16.areaTerm).toBe('COMPONENT');
    expect(ASSURANCE_FRAMEWORK_2015_16.domains.map((d) => d.code)).toEqual([
      'WELL_LED',
      'PERFORMANCE',
      'FINANCIAL_MANAGEMENT',
      'PLANNING',
      'DELEGATED_FUNCTIONS',
    ]);
  });

  it.each(ASSURANCE_FRAMEWORKS.map((f) => [f.id, f] as const))('%s: every domain has a unique code, a name, a description and a seed source', (_id, framework) => {
    const codes = framework.domains.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const domain of framework.domains) {
      expect(domain.code).toMatch(/^[A-Z][A-Z_]*[A-Z]$/);
      expect(domain.name.trim()).not.toBe('');
      expect(domain.description.trim()).not.toBe('');
      expect(domain.source).toMatchObject({ basis: 'SEED', document: expect.stringMatching(/^seeds\//) });
      expect(domain.source.text.trim()).not.toBe('');
    }
    expect(framework.source.basis).toBe('SEED');
  });

  it('framework years follow one another without overlap', () => {
    expect(ASSURANCE_FRAMEWORK_2013_14.validTo).toBe('2015-03-31');
    expect(ASSURANCE_FRAMEWORK_2015_16.validFrom).toBe('2015-04-01');
  });

  it.each(ASSURANCE_FRAMEWORKS.map((f) => [f.id, f] as const))('%s is named by the financial year it starts on', (id, framework) => {
    const year = parseFinancialYear(id);
    expect([year.urlSegment, year.start, framework.name]).toEqual([id, framework.validFrom, `CCG assurance framework ${year.label}`]);
  });

  it.each([
    ['2013-03-31', null],
    ['2013-04-01', '2013-14'],
    ['2015-03-31', '2013-14'],
    ['2015-04-01', '2015-16'],
    ['2016-01-01', '2015-16'],
  ])('in force on %s: %s', (asOf, expected) => {
    expect(findAssuranceFrameworkInForce(asOf)?.id ?? null).toBe(expected);
  });

  it('finds a framework by id, null or UNKNOWN_FRAMEWORK when there is none', () => {
    expect(findAssuranceFramework('2015-16')).toBe(ASSURANCE_FRAMEWORK_2015_16);
    expect(findAssuranceFramework('2016-17')).toBeNull();
    expect(getAssuranceFramework('2013-14')).toBe(ASSURANCE_FRAMEWORK_2013_14);
    expect(() => getAssuranceFramework('2016-17')).toThrow(DomainError);
    expect(() => getAssuranceFramework('2016-17')).toThrow(expect.objectContaining({ code: 'UNKNOWN_FRAMEWORK', details: { framework: '2016-17', known: ['2013-14', '2015-16'] } }));
  });

  it('rejects a malformed asOf', () => {
    expect(() => findAssuranceFrameworkInForce('2015-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});

describe('assurance categories', () => {
  it('are the four of the seed, best first, with the seed’s names', () => {
    expect(ASSURANCE_CATEGORIES.map((c) => [c.code, c.name])).toEqual([
      ['OUTSTANDING', 'Outstanding'],
      ['GOOD', 'Good'],
      ['LIMITED_ASSURANCE', 'Limited assurance (requires improvement)'],
      ['NOT_ASSURED', 'Not assured'],
    ]);
    expect(ASSURANCE_CATEGORIES.map((c) => c.code)).toEqual([...ASSURANCE_CATEGORY_CODES]);
  });

  it.each([
    ['OUTSTANDING', /light-touch/i],
    ['GOOD', /own improvement plan/i],
    ['LIMITED_ASSURANCE', /approved and monitored by NHS England.*buddying/i],
    ['NOT_ASSURED', /detailed assessment.*remedial actions.*new leadership/i],
  ] as const)('%s says what follows', (code, consequence) => {
    const definition = assuranceCategoryDefinition(code);
    expect(definition.consequence).toMatch(consequence);
    expect(definition.source.basis).toBe('SEED');
  });

  it.each([
    ['OUTSTANDING', 'GOOD', 1],
    ['GOOD', 'OUTSTANDING', -1],
    ['OUTSTANDING', 'NOT_ASSURED', 3],
    ['LIMITED_ASSURANCE', 'GOOD', -1],
    ['NOT_ASSURED', 'NOT_ASSURED', 0],
  ] as const)('compare(%s, %s) = %i (positive when the first is better)', (a, b, expected) => {
    expect(compareAssuranceCategories(a, b)).toBe(expected);
  });

  it('recognises only the four codes', () => {
    expect(isAssuranceCategory('GOOD')).toBe(true);
    expect(isAssuranceCategory('Good')).toBe(false);
    expect(isAssuranceCategory(undefined)).toBe(false);
    expect(requireAssuranceCategory('GOOD')).toBe('GOOD');
    expect(() => requireAssuranceCategory('REQUIRES_IMPROVEMENT', 'decided')).toThrow(
      expect.objectContaining({ code: 'INVALID_CATEGORY', details: expect.objectContaining({ field: 'decided', value: 'REQUIRES_IMPROVEMENT' }) }),
    );
    expect(() => compareAssuranceCategories('GOOD', 'BAD' as never)).toThrow(expect.objectContaining({ code: 'INVALID_CATEGORY' }));
    expect(() => assuranceCategoryDefinition('BAD' as never)).toThrow(expect.objectContaining({ code: 'INVALID_CATEGORY' }));
  });
});
