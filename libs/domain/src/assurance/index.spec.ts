import * as assurance from './index';

describe('assurance public surface', () => {
  it('exports the frameworks, categories, policy and decision rules, the assessment lifecycle, and nothing internal', () => {
    expect(Object.keys(assurance).sort()).toEqual(
      [
        'ASSESSMENT_ACTION_TYPES',
        'ASSESSMENT_ACTOR_KINDS',
        'ASSESSMENT_EDITABLE_STATES',
        'ASSESSMENT_STATES',
        'ASSESSMENT_STATUS_CHANGES',
        'ASSESSMENT_TRANSITIONS',
        'applyAssessmentAction',
        'assessmentActionsFrom',
        'availableAssessmentActions',
        'ASSURANCE_CATEGORIES',
        'ASSURANCE_CATEGORY_CODES',
        'ASSURANCE_FRAMEWORKS',
        'ASSURANCE_FRAMEWORK_2013_14',
        'ASSURANCE_FRAMEWORK_2015_16',
        'DEFAULT_CATEGORY_POLICY',
        'SEED_DOCUMENTS',
        'assertBuddyingApplies',
      'assessableYearsOf',
        'assuranceCategoryDefinition',
        'compareAssuranceCategories',
        'decisionNeedsRationale',
      'defaultAssessmentYear',
      'evidenceOlderThanQuarter',
      'existedInQuarter',
        'findAssuranceFramework',
        'findAssuranceFrameworkInForce',
        'getAssuranceFramework',
        'isAssessmentOverdue',
        'isAssuranceCategory',
        'nextAssessmentDue',
        'proposeCategory',
        'requireAssuranceCategory',
        'validateAssuranceRatings',
        'validateCategoryDecision',
        'validateCategoryPolicy',
      ].sort(),
    );
  });

  it('works end to end through the public surface', () => {
    const { ASSURANCE_FRAMEWORK_2015_16: framework, proposeCategory, nextAssessmentDue } = assurance;
    const proposal = proposeCategory({ framework: framework.id, ratings: framework.domains.map((d) => ({ domain: d.code, rating: 'GOOD' as const })) });
    expect(proposal.category).toBe('GOOD');
    expect(nextAssessmentDue(proposal.category, '2015-08-31')).toBe('2016-02-29');
  });
});
