import { REPORT_SECTIONS, REPORT_SECTION_KEYS, REPORT_SECTION_TITLES, isReportSectionKey } from './report-sections';

describe('the report’s sections', () => {
  it('are the six of the design, in order, each with a title and a description in words', () => {
    expect(REPORT_SECTIONS.map((section) => section.key)).toEqual(['SCORECARD', 'FINANCE', 'ASSURANCE', 'CONTRACTS', 'ESCALATION', 'ACTIONS']);
    expect(REPORT_SECTION_KEYS).toEqual(REPORT_SECTIONS.map((section) => section.key));
    for (const section of REPORT_SECTIONS) {
      expect(section.title).toMatch(/^[A-Z][a-z]/);
      expect(section.description).toMatch(/^[A-Z].*\.$/);
      expect(REPORT_SECTION_TITLES[section.key]).toBe(section.title);
    }
    expect(REPORT_SECTION_TITLES.ACTIONS).toBe('Remedial actions');
    expect(new Set(REPORT_SECTIONS.map((section) => section.title)).size).toBe(6);
  });

  it('recognises its keys', () => {
    expect(isReportSectionKey('FINANCE')).toBe(true);
    expect(isReportSectionKey('finance')).toBe(false);
    expect(isReportSectionKey(undefined)).toBe(false);
  });
});
