import { createLogger } from '../server/logger';
import { ILLUSTRATIVE_ASSESSMENT_NOTE, ILLUSTRATIVE_EPISODE_NOTE, seedDemoAssurance } from '../seed/demo-assurance';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';
import { CCG_ASSURANCE_FIELDS, succeed } from '../assessments/assurance.fixtures';

type Assurance = {
  currentCategory: string | null;
  assessments: { id: string; status: string; quarterLabel: string; decidedCategory: string | null }[];
  specialMeasures: { state: string; illustrative: boolean; enteredOn: string; clock: { dueBy: string; monthsRemaining: number; overdue: boolean }; improvementPlan: { totalActions: number; completedActions: number }; progressReports: unknown[] } | null;
  buddy: { ccg: { code: string } } | null;
};

describe('the illustrative assurance demo data (embedded database only)', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.dataSource);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('makes 2015/16 assessments for the Leeds, Sheffield and Kent CCGs, every one flagged illustrative, and only once', async () => {
    expect(await seedDemoAssurance(db.dataSource, createLogger('silent'))).toBe(19);
    expect(await seedDemoAssurance(db.dataSource, createLogger('silent'))).toBe(0);
    const rows = await db.dataSource.query(`SELECT ccg_code, status, illustrative, illustrative_note, financial_year FROM assurance_assessment`);
    expect(rows).toHaveLength(19);
    expect(new Set(rows.map((row: { ccg_code: string }) => row.ccg_code))).toEqual(new Set(['02V', '03C', '03G', '03N', '09C', '09E', '09J', '09W', '10A', '10D', '10E', '99J']));
    expect(rows.every((row: { illustrative: boolean; illustrative_note: string; financial_year: string }) => row.illustrative && row.illustrative_note === ILLUSTRATIVE_ASSESSMENT_NOTE && row.financial_year === '2015/16')).toBe(true);
  });

  it('shows Sheffield Limited (decided against a Good proposal, with a rationale) to the public, and Leeds South and East buddied with Leeds West', async () => {
    const client = server.client();
    const sheffield = await succeed<Assurance>(client, `query { publishedAssurance(ccg: "03N") { ${CCG_ASSURANCE_FIELDS} } }`, {});
    expect(sheffield.currentCategory).toBe('LIMITED_ASSURANCE');
    const [assessment] = await db.dataSource.query(`SELECT rationale, decision_proposed_category FROM assurance_assessment WHERE ccg_code = '03N' AND quarter = 2`);
    expect(assessment).toMatchObject({ decision_proposed_category: 'GOOD', rationale: expect.stringContaining('improvement plan') });
    const leedsSouth = await succeed<Assurance>(client, `query { publishedAssurance(ccg: "03G") { ${CCG_ASSURANCE_FIELDS} } }`, {});
    expect(leedsSouth).toMatchObject({ currentCategory: 'LIMITED_ASSURANCE', buddy: { ccg: { code: '03C' } } });
    const leedsNorth = await succeed<Assurance>(client, `query { publishedAssurance(ccg: "02V") { ${CCG_ASSURANCE_FIELDS} } }`, {});
    expect(leedsNorth.assessments.map((row) => row.quarterLabel)).toEqual(['2015/16 Q2', '2015/16 Q1']);
  });

  it('puts Dartford, Gravesham and Swanley in special measures part-way: delivering its signed-off plan, reporting progress, illustrative', async () => {
    const assurance = await succeed<Assurance>(server.client(), `query { publishedAssurance(ccg: "09J", asOf: "2016-02-01") { ${CCG_ASSURANCE_FIELDS} } }`, {});
    expect(assurance.currentCategory).toBe('NOT_ASSURED');
    expect(assurance.specialMeasures).toMatchObject({
      state: 'IN_PROGRESS',
      illustrative: true,
      enteredOn: '2015-08-03',
      clock: { dueBy: '2016-08-03', monthsRemaining: 6, overdue: false },
      improvementPlan: { totalActions: 4, completedActions: 2 },
      progressReports: [expect.anything(), expect.anything()],
    });
    const [episode] = await db.dataSource.query(`SELECT illustrative_note FROM special_measures_episode`);
    expect(episode.illustrative_note).toBe(ILLUSTRATIVE_EPISODE_NOTE);
  });

  it('reads illustrative records at the date of the latest of them, not today: the public page is not covered in "Overdue" years later (issue 20.7)', async () => {
    const fields = `asOf assessmentOverdue nextAssessmentDue specialMeasures { clock { monthsRemaining overdue } improvementPlan { overdueActions } }`;
    type Read = { asOf: string; assessmentOverdue: boolean; nextAssessmentDue: string; specialMeasures: { clock: { monthsRemaining: number; overdue: boolean }; improvementPlan: { overdueActions: number } } };
    const kent = await succeed<Read>(server.client(), `query { publishedAssurance(ccg: "09J", asOf: "2026-12-06") { ${fields} } }`, {});
    // Its latest progress report, 31 January 2016: the monthly reassessment is due on 25 February, the clock has six months left.
    expect(kent).toEqual({ asOf: '2016-01-31', assessmentOverdue: false, nextAssessmentDue: '2016-02-25', specialMeasures: { clock: { monthsRemaining: 6, overdue: false }, improvementPlan: { overdueActions: 0 } } });
    // Asked for a date within the story, that date is used; after its next due date, it is overdue.
    const earlier = await succeed<Read>(server.client(), `query { publishedAssurance(ccg: "09J", asOf: "2016-01-27") { ${fields} } }`, {});
    expect(earlier.asOf).toBe('2016-01-27');
    const leedsWest = await succeed<Read>(server.client(), `query { publishedAssurance(ccg: "03C", asOf: "2026-12-06") { ${fields} } }`, {});
    expect(leedsWest).toMatchObject({ asOf: '2015-10-19', assessmentOverdue: false });
  });
});
