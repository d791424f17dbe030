import type { TestClient } from '../testing/test-server';
import {
  ADD_EVIDENCE,
  APPLY,
  CCG_ASSURANCE,
  COMMENT,
  DECIDE,
  GET_ASSESSMENT,
  LEEDS_NORTH,
  mutate,
  PROPOSE,
  PUBLISH,
  PUBLISHED_ASSURANCE,
  publishAssessment,
  RATE,
  ratings2015,
  refusal,
  refuse,
  setUpAssuranceWorld,
  SHEFFIELD,
  START,
  succeed,
  type Assessment,
  type AssuranceWorld,
  type Episode,
} from './assurance.fixtures';

type Assurance = { includesDrafts: boolean; assessments: { id: string; status: string; comments: { text: string }[] | null }[] };

describe('assurance permissions, role by role and object by object', () => {
  let world: AssuranceWorld;
  let published: Assessment;
  let draft: Assessment;
  let sheffieldDraft: Assessment;
  let episode: Episode;

  beforeAll(async () => {
    world = await setUpAssuranceWorld();
    published = await publishAssessment(world.assessor, { ccg: LEEDS_NORTH, financialYear: '2015/16', quarter: 1, assessedOn: '2015-06-30', ratings: ratings2015('NOT_ASSURED', 'GOOD', 'GOOD', 'GOOD', 'GOOD') });
    draft = await mutate<Assessment>(world.assessor, START, { ccg: LEEDS_NORTH, financialYear: '2015/16', quarter: 2, assessedOn: '2015-09-30' });
    sheffieldDraft = await mutate<Assessment>(world.assessor, START, { ccg: SHEFFIELD, financialYear: '2015/16', quarter: 2, assessedOn: '2015-09-30' });
    episode = await mutate<Episode>(world.assessor, PROPOSE, { ccg: LEEDS_NORTH, triggers: ['OPERATIONAL_NO_GRIP'], proposedOn: '2015-07-01' });
  }, 60_000);
  afterAll(() => world.close());

  const ownUsers = () =>
    [
      ['finance officer', world.leedsFinance],
      ['commissioning manager', world.leedsManager],
      ['board member', world.leedsBoard],
    ] as [string, TestClient][];

  /** Every assessor-only change, as the given client; each must be refused with `code`. */
  async function expectAssessorChangesRefused(client: TestClient, code: string): Promise<void> {
    const cases: [string, Record<string, unknown>][] = [
      [START, { ccg: LEEDS_NORTH, financialYear: '2015/16', quarter: 3, assessedOn: '2015-12-31' }],
      [RATE, { assessmentId: draft.id, expectedVersion: draft.version, ratings: [{ domain: 'WELL_LED', rating: 'OUTSTANDING' }] }],
      [DECIDE, { assessmentId: draft.id, expectedVersion: draft.version, category: 'GOOD' }],
      [ADD_EVIDENCE, { assessmentId: draft.id, expectedVersion: draft.version, kind: 'AUDIT', reference: 'mine' }],
      [PUBLISH, { assessmentId: draft.id, expectedVersion: draft.version }],
      [PROPOSE, { ccg: SHEFFIELD, triggers: ['OPERATIONAL_NO_GRIP'], proposedOn: '2015-07-01' }],
      [APPLY, { episodeId: episode.id, expectedVersion: episode.version, action: 'AGREE_WITH_CCG', on: '2015-07-10' }],
    ];
    for (const [operation, input] of cases) expect(await refuse(client, operation, input)).toMatchObject({ code });
    const after = await succeed<Assessment>(world.assessor, GET_ASSESSMENT, { id: draft.id });
    expect(after).toMatchObject({ version: draft.version, status: 'DRAFT', evidence: [], decidedCategory: null });
    const [row] = await world.db.dataSource.query(`SELECT state FROM special_measures_episode WHERE id = $1`, [episode.id]);
    expect(row.state).toBe('PROPOSED');
  }

  describe('NHS England assessor', () => {
    it("reads every CCG's drafts and assurance, the workspace and the triggers", async () => {
      expect(await succeed<Assessment>(world.assessor, GET_ASSESSMENT, { id: sheffieldDraft.id })).toMatchObject({ status: 'DRAFT', comments: [] });
      expect(await succeed<Assurance>(world.assessor, CCG_ASSURANCE, { ccg: SHEFFIELD })).toMatchObject({ includesDrafts: true, assessments: [{ id: sheffieldDraft.id }] });
      expect(await succeed<{ entries: unknown[] }>(world.assessor, `{ assuranceWorkspace { entries { ccg { code } } } }`, {})).toMatchObject({ entries: expect.any(Array) });
      expect(await succeed<{ triggers: unknown[] }>(world.assessor, `{ assuranceTriggers(ccg: "${LEEDS_NORTH}") { triggers { kind } } }`, {})).toMatchObject({ triggers: expect.any(Array) });
    });

    it("does not comment: that is the CCG's response (FORBIDDEN, NOT_YOUR_CCG)", async () => {
      expect(await refuse(world.assessor, COMMENT, { assessmentId: draft.id, text: 'A note from NHS England' })).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' });
    });
  });

  describe("the CCG's own users (any role held for the CCG)", () => {
    it('read their CCG’s drafts and published assessments, with comments, and its assurance with drafts', async () => {
      for (const [, client] of ownUsers()) {
        expect(await succeed<Assessment>(client, GET_ASSESSMENT, { id: draft.id })).toMatchObject({ id: draft.id, status: 'DRAFT', comments: expect.any(Array) });
        expect(await succeed<Assessment>(client, GET_ASSESSMENT, { id: published.id })).toMatchObject({ status: 'PUBLISHED', comments: expect.any(Array), decidedBy: { username: 'assessor' } });
        const assurance = await succeed<Assurance>(client, CCG_ASSURANCE, { ccg: LEEDS_NORTH });
        expect(assurance.includesDrafts).toBe(true);
        expect(assurance.assessments.map((assessment) => assessment.status)).toEqual(['DRAFT', 'PUBLISHED']);
      }
    });

    it('respond with comments on drafts and published assessments, each stored and audited', async () => {
      for (const [role, client] of ownUsers()) {
        const commented = await mutate<Assessment>(client, COMMENT, { assessmentId: published.id, text: `  Our response as ${role}.  ` });
        expect(commented.comments?.at(-1)).toMatchObject({ text: `Our response as ${role}.` });
        await mutate<Assessment>(client, COMMENT, { assessmentId: draft.id, text: `On the draft, as ${role}.` });
      }
      const reread = await succeed<Assessment>(world.assessor, GET_ASSESSMENT, { id: published.id });
      expect(reread.comments?.map((comment) => comment.author.username)).toEqual(['leeds-finance', 'leeds-manager', 'leeds-board']);
      const audits = await world.db.dataSource.query(`SELECT actor_username, after FROM audit_event WHERE action = 'COMMENT_ON_ASSESSMENT' AND entity_id = $1 ORDER BY id`, [published.id]);
      expect(audits.map((row: { actor_username: string }) => row.actor_username)).toEqual(['leeds-finance', 'leeds-manager', 'leeds-board']);
      expect(audits[0].after).toMatchObject({ text: 'Our response as finance officer.', status: 'PUBLISHED' });
      expect(await refuse(world.leedsFinance, COMMENT, { assessmentId: draft.id, text: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'COMMENT_REQUIRED' });
    });

    it('do not rate, decide, publish, add evidence or run special measures (FORBIDDEN), and nothing changes', async () => {
      for (const [, client] of ownUsers()) await expectAssessorChangesRefused(client, 'FORBIDDEN');
    });

    it('do not reach the workspace or the triggers (FORBIDDEN)', async () => {
      for (const [, client] of ownUsers()) {
        expect(await refusal(client, `{ assuranceWorkspace { asOf } }`, {})).toMatchObject({ code: 'FORBIDDEN' });
        expect(await refusal(client, `{ assuranceTriggers(ccg: "${LEEDS_NORTH}") { ccg { code } } }`, {})).toMatchObject({ code: 'FORBIDDEN' });
      }
    });
  });

  describe("another CCG's users", () => {
    it("read only the other CCG's published assessments, without its comments", async () => {
      for (const client of [world.sheffieldFinance, world.sheffieldManager]) {
        expect(await refusal(client, GET_ASSESSMENT, { id: draft.id })).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' });
        expect(await refusal(client, CCG_ASSURANCE, { ccg: LEEDS_NORTH })).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' });
        expect(await succeed<Assessment>(client, GET_ASSESSMENT, { id: published.id })).toMatchObject({ status: 'PUBLISHED', comments: null });
        const publicView = await succeed<Assurance>(client, PUBLISHED_ASSURANCE, { ccg: LEEDS_NORTH });
        expect(publicView).toMatchObject({ includesDrafts: false, assessments: [{ id: published.id, comments: null }] });
        expect(await refuse(client, COMMENT, { assessmentId: published.id, text: 'Not ours to answer' })).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' });
        // Their own CCG's draft is theirs to read.
        expect(await succeed<Assessment>(client, GET_ASSESSMENT, { id: sheffieldDraft.id })).toMatchObject({ status: 'DRAFT' });
      }
      await expectAssessorChangesRefused(world.sheffieldFinance, 'FORBIDDEN');
    });
  });

  describe('administrators and analysts of NHS England', () => {
    it('read published assessments only (assessing is for assessors)', async () => {
      for (const client of [world.admin, world.analyst]) {
        expect(await refusal(client, GET_ASSESSMENT, { id: draft.id })).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' });
        expect(await succeed<Assessment>(client, GET_ASSESSMENT, { id: published.id })).toMatchObject({ comments: null });
        await expectAssessorChangesRefused(client, 'FORBIDDEN');
      }
    });
  });

  describe('the public, without signing in', () => {
    it('reads published assessments and published assurance; drafts need a sign-in (UNAUTHENTICATED)', async () => {
      const publicView = await succeed<Assessment>(world.anonymous, GET_ASSESSMENT, { id: published.id });
      expect(publicView).toMatchObject({ status: 'PUBLISHED', decidedCategory: 'NOT_ASSURED', comments: null, decidedBy: null, publishedBy: null });
      // People's names stay inside: the public sees what was decided, not which account did it.
      expect(publicView.ratings.every((rating) => rating.ratedBy === null)).toBe(true);
      expect(await refusal(world.anonymous, GET_ASSESSMENT, { id: draft.id })).toMatchObject({ code: 'UNAUTHENTICATED' });
      const publishedView = await succeed<Assurance>(world.anonymous, PUBLISHED_ASSURANCE, { ccg: LEEDS_NORTH });
      expect(publishedView.assessments.map((assessment) => assessment.id)).toEqual([published.id]);
      expect(await refusal(world.anonymous, CCG_ASSURANCE, { ccg: LEEDS_NORTH })).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await refuse(world.anonymous, COMMENT, { assessmentId: published.id, text: 'hello' })).toMatchObject({ code: 'UNAUTHENTICATED' });
      await expectAssessorChangesRefused(world.anonymous, 'UNAUTHENTICATED');
    });

    it('gets NOT_FOUND for an unknown assessment, whoever asks', async () => {
      for (const client of [world.anonymous, world.assessor]) {
        for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
          expect(await refusal(client, GET_ASSESSMENT, { id })).toMatchObject({ code: 'NOT_FOUND', reason: 'ASSESSMENT_NOT_FOUND' });
        }
      }
    });
  });
});
