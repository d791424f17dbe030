import * as standards from './index';

describe('standards public surface', () => {
  it('exports the catalogue (the seed of the stored standards), its lookup, targets in force and RAG evaluation', () => {
    expect(Object.keys(standards).sort()).toEqual(['PROVIDER_STANDARDS', 'TARGET_SOURCES', 'catalogueFromEffectiveVersions', 'evaluateRag', 'evaluateRagAgainstTarget', 'evaluateRagFromCounts', 'findStandard', 'targetInForce', 'targetsAtPeriods', 'validateStandardsCatalogue']);
  });

  it('works end to end through the public surface', () => {
    const ae = standards.findStandard('AE_4HR_ALL', '2016-04-01');
    expect(ae && standards.evaluateRag(94.7, ae)).toBe('RED');
  });
});
