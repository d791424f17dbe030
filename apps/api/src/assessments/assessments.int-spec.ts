import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { insertOrganisation } from '../testing/fixtures';
import {
  ADD_EVIDENCE,
  DECIDE,
  GET_ASSESSMENT,
  KENT_MEDWAY,
  LEEDS_NORTH,
  LEEDS_WEST,
  mutate,
  NHS_ENGLAND,
  PUBLISH,
  publishAssessment,
  RATE,
  ratings2015,
  refuse,
  REMOVE_EVIDENCE,
  setUpAssuranceWorld,
  SHEFFIELD,
  START,
  succeed,
  type Assessment,
  type AssuranceWorld,
} from './assurance.fixtures';

const O = 'OUTSTANDING';
const G = 'GOOD';
const L = 'LIMITED_ASSURANCE';
const N = 'NOT_ASSURED';

describe('assessments through the API: the category policy, the decision, the next due date, publishing', () => {
  let world: AssuranceWorld;
  /** Each case takes the next free quarter of Sheffield, from 2015/16 Q1 (all under the 2015/16 framework). */
  let nextQuarter = 0;
  const freshQuarter = () => {
    const index = nextQuarter++;
    return { financialYear: `${2015 + Math.floor(index / 4)}/${String((16 + Math.floor(index / 4)) % 100).padStart(2, '0')}`, quarter: (index % 4) + 1 };
  };
  const start = (input: Record<string, unknown>) => mutate<Assessment>(world.assessor, START, input);
  const rate = (assessment: Assessment, ratings: { domain: string; rating: string; narrative?: string }[]) =>
    mutate<Assessment>(world.assessor, RATE, { assessmentId: assessment.id, expectedVersion: assessment.version, ratings });
  const decide = (assessment: Assessment, category: string, rationale: string | null = null) =>
    mutate<Assessment>(world.assessor, DECIDE, { assessmentId: assessment.id, expectedVersion: assessment.version, category, rationale });

  beforeAll(async () => {
    world = await setUpAssuranceWorld();
  }, 60_000);
  afterAll(() => world.close());

  describe('the proposed category follows the default policy (DOMAIN.md "Assurance category proposal")', () => {
    // [well led, performance, financial management, planning, delegated functions] -> category, step
    const rows: [string, string[], string, number][] = [
      ['three Outstanding and two Good', [O, O, O, G, G], O, 3],
      ['three Outstanding, one Limited and one Good', [O, O, O, L, G], G, 4],
      ['two Limited', [G, L, G, L, G], L, 2],
      ['Not assured in delegated functions only', [G, G, G, G, N], L, 2],
      ['Not assured in well led', [N, G, G, G, G], N, 1],
      ['Not assured in financial management', [O, O, N, O, O], N, 1],
      ['Limited in performance only (Sheffield 2015, seed 002)', [G, L, G, G, G], G, 4],
      ['every component Good', [G, G, G, G, G], G, 4],
      ['two Outstanding and three Good', [O, O, G, G, G], G, 4],
    ];
    const cases = rows.map(([name, given, category, step]) => [name, category, given, step] as const);
    it.each(cases)('%s -> %s', async (_name, category, given, step) => {
      const draft = await start({ ccg: SHEFFIELD, ...freshQuarter(), assessedOn: '2015-08-31' });
      expect(draft).toMatchObject({ status: 'DRAFT', framework: { id: '2015-16', areaTerm: 'COMPONENT' }, fullyRated: false, proposal: null });
      expect(draft.ratings.map((rating) => rating.domain.code)).toEqual(['WELL_LED', 'PERFORMANCE', 'FINANCIAL_MANAGEMENT', 'PLANNING', 'DELEGATED_FUNCTIONS']);
      const rated = await rate(draft, ratings2015(given[0], given[1], given[2], given[3], given[4]));
      expect(rated.fullyRated).toBe(true);
      expect(rated.proposal).toMatchObject({ category, step, policy: 'default' });
      expect(rated.proposal?.reasons.map((reason) => reason.step)).toEqual(Array.from({ length: step }, (_, index) => index + 1));
      expect(rated.proposal?.reasons.at(-1)?.fired).toBe(true);
    });

    it('rates the six 2013/14 domains, with strong leadership and robust governance critical', async () => {
      const six = (overrides: Record<string, string>) =>
        ['CLINICALLY_LED', 'PATIENT_ENGAGEMENT', 'BETTER_OUTCOMES', 'ROBUST_GOVERNANCE', 'PARTNERSHIP_WORKING', 'STRONG_LEADERSHIP'].map((domain) => ({ domain, rating: overrides[domain] ?? G }));
      const first = await start({ ccg: LEEDS_WEST, financialYear: '2013/14', quarter: 2, assessedOn: '2013-09-30' });
      expect(first.framework.id).toBe('2013-14');
      expect(first.framework.domains.filter((domain) => domain.critical).map((domain) => domain.code).sort()).toEqual(['ROBUST_GOVERNANCE', 'STRONG_LEADERSHIP']);
      expect((await rate(first, six({ STRONG_LEADERSHIP: N }))).proposal).toMatchObject({ category: N, step: 1, reasons: [{ rule: 'CRITICAL_DOMAIN_NOT_ASSURED', domains: ['STRONG_LEADERSHIP'] }] });
      const second = await start({ ccg: LEEDS_WEST, financialYear: '2013/14', quarter: 3, assessedOn: '2013-12-31' });
      expect((await rate(second, six({ PARTNERSHIP_WORKING: N }))).proposal).toMatchObject({ category: L, step: 2 });
    });

    it('takes the framework in force on the first day of the quarter: 2014/15 Q4 is 2013/14, 2015/16 Q1 is 2015/16', async () => {
      expect((await start({ ccg: LEEDS_WEST, financialYear: '2014/15', quarter: 4, assessedOn: '2015-01-31' })).framework.id).toBe('2013-14');
      expect((await start({ ccg: LEEDS_WEST, financialYear: '2015/16', quarter: 1, assessedOn: '2015-06-30' })).framework.id).toBe('2015-16');
    });
  });

  describe('the decision', () => {
    it('needs every domain rated (BAD_USER_INPUT, MISSING_DOMAIN_RATING)', async () => {
      const draft = await start({ ccg: SHEFFIELD, ...freshQuarter(), assessedOn: '2015-08-31' });
      const partly = await rate(draft, [{ domain: 'WELL_LED', rating: G }]);
      expect(partly).toMatchObject({ fullyRated: false, proposal: null, ratings: [{ domain: { code: 'WELL_LED' }, rating: G, ratedBy: { username: 'assessor' } }, { rating: null }, { rating: null }, { rating: null }, { rating: null }] });
      expect(await refuse(world.assessor, DECIDE, { assessmentId: draft.id, expectedVersion: partly.version, category: G })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MISSING_DOMAIN_RATING' });
    });

    it('needs a rationale when it differs from the proposal (RATIONALE_REQUIRED), and keeps it', async () => {
      const rated = await rate(await start({ ccg: SHEFFIELD, ...freshQuarter(), assessedOn: '2015-08-31' }), ratings2015(G, L, G, G, G));
      expect(rated.proposal?.category).toBe(G);
      for (const rationale of [null, '', '   ']) {
        expect(await refuse(world.assessor, DECIDE, { assessmentId: rated.id, expectedVersion: rated.version, category: L, rationale })).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'RATIONALE_REQUIRED',
          details: { proposed: G, decided: L },
        });
      }
      const decided = await decide(rated, L, '  A&E performance at the main provider keeps falling; NHS England wants a monthly view.  ');
      expect(decided).toMatchObject({ decidedCategory: L, differsFromProposal: true, rationale: 'A&E performance at the main provider keeps falling; NHS England wants a monthly view.', decidedBy: { username: 'assessor' } });
      const agreeing = await decide(decided, G);
      expect(agreeing).toMatchObject({ decidedCategory: G, differsFromProposal: false, rationale: null });
    });

    it('sets the next assessment by category: Outstanding 12 months, Good 6, Limited 3, Not assured 1, clamped to month end', async () => {
      let assessment = await rate(await start({ ccg: SHEFFIELD, ...freshQuarter(), assessedOn: '2015-08-31' }), ratings2015(G, G, G, G, G));
      const expected: [string, string][] = [
        [O, '2016-08-31'],
        [G, '2016-02-29'],
        [L, '2015-11-30'],
        [N, '2015-09-30'],
      ];
      for (const [category, due] of expected) {
        assessment = await decide(assessment, category, category === G ? null : 'Illustrating the interval.');
        expect(assessment.nextAssessmentDue).toBe(due);
      }
      const january = await rate(await start({ ccg: KENT_MEDWAY, financialYear: '2014/15', quarter: 4, assessedOn: '2015-01-31' }), [
        { domain: 'CLINICALLY_LED', rating: G },
        { domain: 'PATIENT_ENGAGEMENT', rating: G },
        { domain: 'BETTER_OUTCOMES', rating: G },
        { domain: 'ROBUST_GOVERNANCE', rating: N },
        { domain: 'PARTNERSHIP_WORKING', rating: G },
        { domain: 'STRONG_LEADERSHIP', rating: G },
      ]);
      expect((await decide(january, N)).nextAssessmentDue).toBe('2015-02-28');
    });

    it('is cleared (and audited) when a rating change alters the proposal, and kept when it does not', async () => {
      const decided = await decide(await rate(await start({ ccg: SHEFFIELD, ...freshQuarter(), assessedOn: '2015-08-31' }), ratings2015(G, G, G, G, G)), G);
      const narrativeOnly = await rate(decided, [{ domain: 'PLANNING', rating: G, narrative: 'Operational plan submitted on time.' }]);
      expect(narrativeOnly).toMatchObject({ decidedCategory: G, nextAssessmentDue: '2016-02-29' });
      const changed = await rate(narrativeOnly, [{ domain: 'WELL_LED', rating: N }]);
      expect(changed).toMatchObject({ proposal: { category: N }, decidedCategory: null, rationale: null, nextAssessmentDue: null, differsFromProposal: null });
      const [audit] = await world.db.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'CLEAR_ASSESSMENT_DECISION' AND entity_id = $1`, [decided.id]);
      expect(audit).toMatchObject({ before: { decidedCategory: G, proposedCategory: G }, after: { proposedCategory: N } });
    });
  });

  describe('ratings and evidence on a draft', () => {
    let draft: Assessment;
    beforeAll(async () => {
      draft = await start({ ccg: LEEDS_NORTH, financialYear: '2015/16', quarter: 2, assessedOn: '2015-09-30' });
    });

    it('refuses an unknown domain, a domain twice and a stale version, changing nothing', async () => {
      expect(await refuse(world.assessor, RATE, { assessmentId: draft.id, expectedVersion: draft.version, ratings: [{ domain: 'STRONG_LEADERSHIP', rating: G }] })).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'UNKNOWN_DOMAIN',
      });
      expect(
        await refuse(world.assessor, RATE, { assessmentId: draft.id, expectedVersion: draft.version, ratings: [{ domain: 'PLANNING', rating: G }, { domain: 'PLANNING', rating: L }] }),
      ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUPLICATE_DOMAIN_RATING' });
      const rated = await rate(draft, [{ domain: 'PLANNING', rating: G, narrative: 'Sound plans.' }]);
      expect(await refuse(world.assessor, RATE, { assessmentId: draft.id, expectedVersion: draft.version, ratings: [{ domain: 'PLANNING', rating: N }] })).toMatchObject({
        code: 'CONFLICT',
        reason: 'STALE_VERSION',
        details: { expectedVersion: draft.version, currentVersion: rated.version },
      });
      draft = await succeed<Assessment>(world.assessor, GET_ASSESSMENT, { id: draft.id });
      expect(draft.ratings.find((rating) => rating.domain.code === 'PLANNING')).toMatchObject({ rating: G, narrative: 'Sound plans.' });
      expect(draft.version).toBe(rated.version);
    });

    it('links evidence of every kind, with a partner exactly for partner reports and a reference or a link', async () => {
      const add = (input: Record<string, unknown>) => mutate<Assessment>(world.assessor, ADD_EVIDENCE, { assessmentId: draft.id, expectedVersion: draft.version, ...input });
      const refused = (input: Record<string, unknown>) => refuse(world.assessor, ADD_EVIDENCE, { assessmentId: draft.id, expectedVersion: draft.version, ...input });
      expect(await refused({ kind: 'PARTNER_REPORT', reference: 'Healthwatch Leeds, Q2 report' })).toMatchObject({ reason: 'PARTNER_REQUIRED' });
      expect(await refused({ kind: 'AUDIT', partner: 'CQC', reference: 'x' })).toMatchObject({ reason: 'PARTNER_NOT_ALLOWED' });
      expect(await refused({ kind: 'AUDIT', reference: '  ', url: null })).toMatchObject({ reason: 'REFERENCE_OR_URL_REQUIRED' });
      expect(await refused({ kind: 'PUBLISHED_DOCUMENT', url: 'javascript:alert(1)' })).toMatchObject({ reason: 'INVALID_URL' });
      expect(await refused({ kind: 'AUDIT', reference: 'Internal audit 2015', domain: 'STRONG_LEADERSHIP' })).toMatchObject({ reason: 'UNKNOWN_DOMAIN' });
      const kinds: Record<string, unknown>[] = [
        { kind: 'SCORECARD_INDICATOR', reference: 'RR8/AE_4HR_ALL', domain: 'PERFORMANCE' },
        { kind: 'PLAN_COMPLIANCE', reference: '02V/2015/16', domain: 'FINANCIAL_MANAGEMENT' },
        { kind: 'FORECAST_VARIANCE', reference: '02V/2015/16' },
        { kind: 'STAKEHOLDER_SURVEY', reference: '02V/2015/16', note: 'Positive on engagement.' },
        { kind: 'PUBLISHED_DOCUMENT', url: 'https://www.leedsnorthccg.nhs.uk/governing-body-papers', domain: 'WELL_LED' },
        { kind: 'AUDIT', reference: 'External audit letter 2014/15' },
        ...['HEALTHWATCH', 'HEALTH_AND_WELLBEING_BOARD', 'CQC', 'TDA', 'MONITOR'].map((partner) => ({ kind: 'PARTNER_REPORT', partner, reference: `${partner} report` })),
      ];
      for (const input of kinds) draft = await add(input);
      expect(draft.evidence.map((evidence) => [evidence.kind, evidence.partner])).toEqual(kinds.map((input) => [input.kind, input.partner ?? null]));
      expect(draft.evidence[0]).toMatchObject({ reference: 'RR8/AE_4HR_ALL', domain: 'PERFORMANCE', addedBy: { username: 'assessor' } });
      const removed = await mutate<Assessment>(world.assessor, REMOVE_EVIDENCE, { assessmentId: draft.id, expectedVersion: draft.version, evidenceId: draft.evidence[0].id });
      expect(removed.evidence).toHaveLength(kinds.length - 1);
      expect(await refuse(world.assessor, REMOVE_EVIDENCE, { assessmentId: draft.id, expectedVersion: removed.version, evidenceId: draft.evidence[0].id })).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'EVIDENCE_NOT_FOUND',
      });
      draft = await succeed<Assessment>(world.assessor, GET_ASSESSMENT, { id: draft.id });
    });

    it('publishes only a decided assessment (CONFLICT, NOT_DECIDED); then it is read-only, in the service and in the database', async () => {
      expect(await refuse(world.assessor, PUBLISH, { assessmentId: draft.id, expectedVersion: draft.version })).toMatchObject({ code: 'CONFLICT', reason: 'NOT_DECIDED' });
      draft = await decide(await rate(draft, ratings2015(G, G, G, G, O)), G);
      const published = await mutate<Assessment>(world.assessor, PUBLISH, { assessmentId: draft.id, expectedVersion: draft.version });
      expect(published).toMatchObject({ status: 'PUBLISHED', publishedBy: { username: 'assessor' }, decidedCategory: G, nextAssessmentDue: '2016-03-30' });
      expect(published.publishedAt).toEqual(expect.any(String));
      const base = { assessmentId: draft.id, expectedVersion: published.version };
      for (const [operation, input] of [
        [RATE, { ...base, ratings: [{ domain: 'PLANNING', rating: N }] }],
        [DECIDE, { ...base, category: O, rationale: 'late change' }],
        [ADD_EVIDENCE, { ...base, kind: 'AUDIT', reference: 'late' }],
        [REMOVE_EVIDENCE, { ...base, evidenceId: published.evidence[0].id }],
        [PUBLISH, base],
      ] as const) {
        expect(await refuse(world.assessor, operation, input)).toMatchObject({ code: 'CONFLICT', reason: 'ASSESSMENT_PUBLISHED' });
      }
      const sql = world.db.dataSource;
      await expect(sql.query(`UPDATE assurance_assessment SET decided_category = 'OUTSTANDING' WHERE id = $1`, [draft.id])).rejects.toThrow(/published/);
      await expect(sql.query(`UPDATE assurance_rating SET rating = 'NOT_ASSURED' WHERE assessment_id = $1`, [draft.id])).rejects.toThrow(/published/);
      await expect(sql.query(`DELETE FROM assurance_evidence WHERE assessment_id = $1`, [draft.id])).rejects.toThrow(/published/);
      expect(await succeed<Assessment>(world.anonymous, GET_ASSESSMENT, { id: draft.id })).toMatchObject({ status: 'PUBLISHED', decidedCategory: G, comments: null });
    });
  });

  describe('starting an assessment', () => {
    it('refuses a second assessment of the quarter (CONFLICT, ASSESSMENT_EXISTS) and names the first', async () => {
      const first = await start({ ccg: KENT_MEDWAY, financialYear: '2015/16', quarter: 3, assessedOn: '2015-12-15' });
      expect(await refuse(world.assessor, START, { ccg: KENT_MEDWAY, financialYear: '2015/16', quarter: 3, assessedOn: '2015-12-16' })).toMatchObject({
        code: 'CONFLICT',
        reason: 'ASSESSMENT_EXISTS',
        details: { assessmentId: first.id },
      });
    });

    it('refuses a year without a framework, a badly written year, a quarter out of range, a day to come and an organisation that is not a CCG', async () => {
      expect(await refuse(world.assessor, START, { ccg: KENT_MEDWAY, financialYear: '2012/13', quarter: 1, assessedOn: '2012-06-30' })).toMatchObject({ reason: 'NO_FRAMEWORK_IN_FORCE' });
      expect(await refuse(world.assessor, START, { ccg: KENT_MEDWAY, financialYear: '2015/17', quarter: 1, assessedOn: '2015-06-30' })).toMatchObject({ reason: 'INVALID_FINANCIAL_YEAR' });
      expect(await refuse(world.assessor, START, { ccg: KENT_MEDWAY, financialYear: '2015/16', quarter: 5, assessedOn: '2015-06-30' })).toMatchObject({ reason: 'VALIDATION_FAILED' });
      expect(await refuse(world.assessor, START, { ccg: KENT_MEDWAY, financialYear: '2015/16', quarter: 4, assessedOn: '2999-01-01' })).toMatchObject({ reason: 'DATE_IN_FUTURE' });
      expect(await refuse(world.assessor, START, { ccg: NHS_ENGLAND, financialYear: '2015/16', quarter: 4, assessedOn: '2016-01-31' })).toMatchObject({ reason: 'NOT_A_CCG' });
      expect(await refuse(world.assessor, START, { ccg: 'ZZZ', financialYear: '2015/16', quarter: 4, assessedOn: '2016-01-31' })).toMatchObject({ code: 'NOT_FOUND', reason: 'ORGANISATION_NOT_FOUND' });
    });

    it('refuses a quarter in which the CCG did not exist, and one not yet begun (issue 20), with nothing recorded', async () => {
      const closeDate = (date: string | null) => world.db.ownerDataSource.query(`UPDATE organisation SET close_date = $2 WHERE code = $1`, [KENT_MEDWAY, date]);
      const audited = async () => (await world.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'START_ASSESSMENT'`))[0].n as number;
      const before = await audited();
      await closeDate('2018-03-31');
      try {
        expect(await refuse(world.assessor, START, { ccg: KENT_MEDWAY, financialYear: '2018/19', quarter: 1, assessedOn: '2018-06-30' })).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'CCG_NOT_OPEN_IN_PERIOD',
          details: { closeDate: '2018-03-31', fields: ['financialYear', 'quarter'] },
        });
        expect(await refuse(world.assessor, START, { ccg: KENT_MEDWAY, financialYear: '2026/27', quarter: 3, assessedOn: '2026-10-01' })).toMatchObject({ reason: 'CCG_NOT_OPEN_IN_PERIOD' });
      } finally {
        await closeDate(null);
      }
      expect(await refuse(world.assessor, START, { ccg: KENT_MEDWAY, financialYear: '2999/00', quarter: 1, assessedOn: '2016-01-31' })).toMatchObject({ reason: 'QUARTER_NOT_STARTED' });
      expect(await audited()).toBe(before);
    });
  });

  describe("the assessor's workspace", () => {
    const WORKSPACE = `query($asOf: Date) { assuranceWorkspace(asOf: $asOf) { asOf entries { ccg { code name } currentCategory lastAssessedOn lastQuarterLabel nextAssessmentDue overdue draftAssessmentId
      specialMeasuresState specialMeasuresMonthsRemaining specialMeasuresOverdue illustrative } } }`;
    type Workspace = { asOf: string; entries: { ccg: { code: string }; currentCategory: string | null; nextAssessmentDue: string | null; overdue: boolean; draftAssessmentId: string | null; lastQuarterLabel: string | null }[] };

    it('lists every CCG, overdue first (oldest due first), then by due date, then those never assessed', async () => {
      // Leeds North: Good, published above (due 2016-03-30). Leeds West: published Not assured, due a month on.
      await publishAssessment(world.assessor, { ccg: LEEDS_WEST, financialYear: '2015/16', quarter: 3, assessedOn: '2015-12-31', ratings: ratings2015(N, G, G, G, G) });
      const workspace = await succeed<Workspace>(world.assessor, WORKSPACE, { asOf: '2016-03-01' });
      expect(workspace.asOf).toBe('2016-03-01');
      expect(workspace.entries.map((entry) => [entry.ccg.code, entry.currentCategory, entry.nextAssessmentDue, entry.overdue])).toEqual([
        [LEEDS_WEST, N, '2016-01-31', true],
        [LEEDS_NORTH, G, '2016-03-30', false],
        [KENT_MEDWAY, null, null, false],
        [SHEFFIELD, null, null, false],
      ]);
      expect(workspace.entries[0]).toMatchObject({ lastQuarterLabel: '2015/16 Q3', draftAssessmentId: expect.any(String) });
      const later = await succeed<Workspace>(world.assessor, WORKSPACE, { asOf: '2016-04-01' });
      expect(later.entries.slice(0, 2).map((entry) => [entry.ccg.code, entry.overdue])).toEqual([
        [LEEDS_WEST, true],
        [LEEDS_NORTH, true],
      ]);
    });

    it('costs the same few SQL statements for 4 CCGs as for 200 (DataLoader for names)', async () => {
      const statementsFor = async () => {
        const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
        try {
          const workspace = await succeed<Workspace>(world.assessor, WORKSPACE, {});
          return { statements: spy.mock.calls.length, entries: workspace.entries.length };
        } finally {
          spy.mockRestore();
        }
      };
      const few = await statementsFor();
      for (let index = 0; index < 196; index++) await insertOrganisation(world.db.dataSource, `T${String(index).padStart(2, '0')}`, `TEST CCG ${index}`);
      const many = await statementsFor();
      expect(few.entries).toBe(4);
      expect(many.entries).toBe(200);
      expect(many.statements).toBe(few.statements);
      // The session, the workspace's one statement and one batch of names.
      expect(many.statements).toBeLessThanOrEqual(5);
    });
  });
});
