import { inflateSync } from 'node:zlib';
import {
  APPLY,
  KENT_MEDWAY,
  LEEDS_NORTH,
  LEEDS_WEST,
  mutate,
  PROPOSE,
  publishAssessment,
  RATE,
  ratings2015,
  refusal,
  setUpAssuranceWorld,
  SHEFFIELD,
  START,
  succeed,
  type Assessment,
  type AssuranceWorld,
  type Episode,
} from '../assessments/assurance.fixtures';

const CCG_REPORT = `query($ccg: String!, $year: String!) { ccgAssuranceReport(ccg: $ccg, financialYear: $year) { ccg { code name } financialYear generatedOn latestCategory illustrative
  assessments { id quarterLabel status decidedCategory comments { text } ratings { domain { code } rating narrative } }
  specialMeasures { state publiclyNotified clock { asOf dueBy monthsRemaining overdue } }
  stakeholderSurvey { questionCode percentagePositive } } }`;
const ENGLAND_REPORT = `query($year: String!) { englandAssuranceReport(financialYear: $year) { financialYear ccgsAssessed ccgsInSpecialMeasures illustrative
  categoryCounts { category count } ccgs { ccg { code } category quarterLabel specialMeasuresState } } }`;

type CcgReport = {
  ccg: { code: string };
  financialYear: string;
  latestCategory: string;
  illustrative: boolean;
  assessments: { id: string; quarterLabel: string; status: string; comments: unknown; ratings: { rating: string; narrative: string | null }[] }[];
  specialMeasures: { state: string; publiclyNotified: boolean; clock: { asOf: string; dueBy: string; monthsRemaining: number; overdue: boolean } | null }[];
};
type EnglandReport = { ccgsAssessed: number; ccgsInSpecialMeasures: number; categoryCounts: { category: string; count: number }[]; ccgs: { ccg: { code: string }; category: string; quarterLabel: string; specialMeasuresState: string | null }[] };

/** The text a PDF draws: pdfkit writes it as hex strings inside its (deflated) content streams. */
function textOf(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const pieces: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const hex of content.matchAll(/<([0-9a-fA-F]+)>/g)) pieces.push(Buffer.from(hex[1], 'hex').toString('latin1'));
  }
  return pieces.join('');
}

describe('the annual assurance reports and their PDFs: published data only, public', () => {
  let world: AssuranceWorld;
  let draft: Assessment;

  beforeAll(async () => {
    world = await setUpAssuranceWorld();
    await publishAssessment(world.assessor, {
      ccg: LEEDS_NORTH,
      financialYear: '2015/16',
      quarter: 1,
      assessedOn: '2015-06-30',
      ratings: ratings2015('GOOD', 'LIMITED_ASSURANCE', 'GOOD', 'GOOD', 'GOOD').map((rating) => ({ ...rating, narrative: `Published narrative for ${rating.domain}` })),
    });
    await publishAssessment(world.assessor, { ccg: LEEDS_NORTH, financialYear: '2015/16', quarter: 2, assessedOn: '2015-09-30', ratings: ratings2015('OUTSTANDING', 'OUTSTANDING', 'OUTSTANDING', 'GOOD', 'GOOD') });
    draft = await mutate<Assessment>(world.assessor, START, { ccg: LEEDS_NORTH, financialYear: '2015/16', quarter: 3, assessedOn: '2015-12-31' });
    draft = await mutate<Assessment>(world.assessor, RATE, { assessmentId: draft.id, expectedVersion: draft.version, ratings: [{ domain: 'WELL_LED', rating: 'NOT_ASSURED', narrative: 'SECRET DRAFT NARRATIVE' }] });
    await publishAssessment(world.assessor, { ccg: SHEFFIELD, financialYear: '2015/16', quarter: 2, assessedOn: '2015-09-30', ratings: ratings2015('NOT_ASSURED', 'GOOD', 'GOOD', 'GOOD', 'GOOD') });
    await publishAssessment(world.assessor, { ccg: LEEDS_WEST, financialYear: '2014/15', quarter: 4, assessedOn: '2015-03-31', ratings: [
      { domain: 'CLINICALLY_LED', rating: 'GOOD' },
      { domain: 'PATIENT_ENGAGEMENT', rating: 'GOOD' },
      { domain: 'BETTER_OUTCOMES', rating: 'GOOD' },
      { domain: 'ROBUST_GOVERNANCE', rating: 'GOOD' },
      { domain: 'PARTNERSHIP_WORKING', rating: 'GOOD' },
      { domain: 'STRONG_LEADERSHIP', rating: 'GOOD' },
    ] });
    await mutate<Assessment>(world.assessor, START, { ccg: KENT_MEDWAY, financialYear: '2015/16', quarter: 2, assessedOn: '2015-09-30' });
    // Sheffield in special measures, publicly notified in the year; the step after the year does not show in it.
    let episode = await mutate<Episode>(world.assessor, PROPOSE, { ccg: SHEFFIELD, triggers: ['FINANCIAL_SERIOUS_VARIANCE_FROM_PLAN'], proposedOn: '2015-10-01' });
    for (const [action, on, extra] of [
      ['DETERMINE_BY_NHS_ENGLAND', '2015-10-15', {}],
      ['PUBLISH_NOTICE', '2015-10-20', {}],
      ['COMMISSION_EXTERNAL_REVIEW', '2016-05-01', {}],
    ] as const) {
      episode = await mutate<Episode>(world.assessor, APPLY, { episodeId: episode.id, expectedVersion: episode.version, action, on, ...extra });
    }
    await world.db.dataSource.query(`INSERT INTO import_batch (kind, file_name, file_sha256, outcome) VALUES ('stakeholder-survey', 't', repeat('0', 64), 'SUCCEEDED')`);
    await world.db.dataSource.query(
      `INSERT INTO stakeholder_survey_result (survey_year, ccg_code, question_code, question, percentage_positive, import_batch_id)
       VALUES ('2015/16', $1, 'Q1', 'The CCG engages effectively with stakeholders', 72.5, (SELECT max(id) FROM import_batch))`,
      [LEEDS_NORTH],
    );
  }, 60_000);
  afterAll(() => world.close());

  describe('as data for the printable page (GraphQL, public)', () => {
    it("gives a CCG's published assessments of the year by quarter, never a draft", async () => {
      const report = await succeed<CcgReport>(world.anonymous, CCG_REPORT, { ccg: LEEDS_NORTH, year: '2015/16' });
      expect(report).toMatchObject({ ccg: { code: LEEDS_NORTH }, financialYear: '2015/16', latestCategory: 'OUTSTANDING', illustrative: false, specialMeasures: [] });
      expect(report.assessments.map((assessment) => [assessment.quarterLabel, assessment.status, assessment.comments])).toEqual([
        ['2015/16 Q1', 'PUBLISHED', null],
        ['2015/16 Q2', 'PUBLISHED', null],
      ]);
      expect(JSON.stringify(report)).not.toContain('SECRET DRAFT NARRATIVE');
      expect(report).toMatchObject({ stakeholderSurvey: [{ questionCode: 'Q1', percentagePositive: '72.5' }] });
    });

    it('reads special measures as at the year end: publicly notified, with the clock and state of 31 March', async () => {
      const report = await succeed<CcgReport>(world.anonymous, CCG_REPORT, { ccg: SHEFFIELD, year: '2015/16' });
      expect(report.specialMeasures).toEqual([{ state: 'PUBLISHED', publiclyNotified: true, clock: { asOf: '2016-03-31', dueBy: '2016-10-15', monthsRemaining: 6, overdue: false } }]);
    });

    it('gives England every CCG with a published assessment in the year, counted by latest category', async () => {
      const report = await succeed<EnglandReport>(world.anonymous, ENGLAND_REPORT, { year: '2015/16' });
      expect(report).toMatchObject({ ccgsAssessed: 2, ccgsInSpecialMeasures: 1 });
      expect(report.categoryCounts).toEqual([
        { category: 'OUTSTANDING', count: 1 },
        { category: 'GOOD', count: 0 },
        { category: 'LIMITED_ASSURANCE', count: 0 },
        { category: 'NOT_ASSURED', count: 1 },
      ]);
      expect(report.ccgs).toEqual([
        { ccg: { code: LEEDS_NORTH }, category: 'OUTSTANDING', quarterLabel: '2015/16 Q2', specialMeasuresState: null },
        { ccg: { code: SHEFFIELD }, category: 'NOT_ASSURED', quarterLabel: '2015/16 Q2', specialMeasuresState: 'PUBLISHED' },
      ]);
      expect((await succeed<EnglandReport>(world.anonymous, ENGLAND_REPORT, { year: '2014/15' })).ccgs.map((entry) => entry.ccg.code)).toEqual([LEEDS_WEST]);
    });

    it('is NOT_FOUND (NO_PUBLISHED_ASSESSMENTS) for a year or CCG with only drafts, BAD_USER_INPUT for a badly written year', async () => {
      expect(await refusal(world.anonymous, CCG_REPORT, { ccg: KENT_MEDWAY, year: '2015/16' })).toMatchObject({ code: 'NOT_FOUND', reason: 'NO_PUBLISHED_ASSESSMENTS' });
      expect(await refusal(world.anonymous, ENGLAND_REPORT, { year: '2016/17' })).toMatchObject({ code: 'NOT_FOUND', reason: 'NO_PUBLISHED_ASSESSMENTS' });
      expect(await refusal(world.anonymous, ENGLAND_REPORT, { year: '2015' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_FINANCIAL_YEAR' });
    });
  });

  describe('as PDF downloads, without signing in', () => {
    const get = (path: string) => fetch(`${world.server.url}${path}`);

    it("serves a CCG's report as a PDF with its file name, printing published data and never the draft", async () => {
      const response = await get(`/reports/assurance/${LEEDS_NORTH}/2015-16.pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="ccg-assurance-${LEEDS_NORTH}-2015-16.pdf"`);
      const pdf = Buffer.from(await response.arrayBuffer());
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(1000);
      expect(Number(response.headers.get('content-length'))).toBe(pdf.length);
      const text = textOf(pdf);
      expect(text).toContain('CCG assurance annual report 2015/16');
      // NHS style (issue 20): the name as the NHS writes it, dates in words
      expect(text).toContain('NHS Leeds North CCG (02V)');
      expect(text).toMatch(/assessed on \d{1,2} [A-Z][a-z]+ 20\d\d\)/);
      expect(text).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
      expect(text).toContain('2015/16 Q2: Outstanding');
      expect(text).toContain('Published narrative for PERFORMANCE');
      expect(text).toContain('72.5% positive');
      expect(text).not.toContain('SECRET DRAFT NARRATIVE');
      expect(text).not.toContain('2015/16 Q3');
    });

    it("serves England's report, with special measures", async () => {
      const response = await get('/reports/assurance/england/2015-16.pdf');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="ccg-assurance-england-2015-16.pdf"');
      const pdf = Buffer.from(await response.arrayBuffer());
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = textOf(pdf);
      expect(text).toContain('NHS Sheffield CCG (03N): Not assured (2015/16 Q2); special measures: Published');
      expect(text).not.toContain('MEDWAY');
    });

    it('answers 404 in JSON, not a PDF, when nothing was published (drafts only), and 400 for a bad year', async () => {
      const drafts = await get(`/reports/assurance/${KENT_MEDWAY}/2015-16.pdf`);
      expect(drafts.status).toBe(404);
      expect(drafts.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await drafts.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'NO_PUBLISHED_ASSESSMENTS' });
      expect((await get('/reports/assurance/england/2017-18.pdf')).status).toBe(404);
      expect((await get('/reports/assurance/ZZZ/2015-16.pdf')).status).toBe(404);
      const badYear = await get(`/reports/assurance/${LEEDS_NORTH}/2015-17.pdf`);
      expect(badYear.status).toBe(400);
      expect(await badYear.json()).toMatchObject({ reason: 'INVALID_FINANCIAL_YEAR' });
    });
  });
});
