import { SPECIAL_MEASURES_ACTION_TYPES, addCalendarDays, SPECIAL_MEASURES_STATES, SPECIAL_MEASURES_TRANSITIONS, availableActions, type SpecialMeasuresState } from '@ccg-assure/domain';
import {
  ADD_ACTION,
  APPLY,
  CCG_ASSURANCE,
  KENT_MEDWAY,
  LEEDS_NORTH,
  LEEDS_WEST,
  mutate,
  PROPOSE,
  PUBLISHED_ASSURANCE,
  publishAssessment,
  ratings2015,
  refuse,
  refusal,
  setUpAssuranceWorld,
  SHEFFIELD,
  succeed,
  UPDATE_ACTION,
  type AssuranceWorld,
  type Episode,
} from '../assessments/assurance.fixtures';

type Assurance = { specialMeasures: Episode | null; specialMeasuresEpisodes: { id: string; state: string; publiclyNotified: boolean }[]; buddy: { ccg: { code: string }; assignedOn: string } | null; currentCategory: string | null };

/** What each step needs besides its date, so that a refused step is refused for its transition alone. */
const DETAILS: Record<string, Record<string, unknown>> = {
  PUBLISH_NOTICE: { noticeUrl: 'https://www.example-ccg.nhs.uk/special-measures' },
  APPOINT_IMPROVEMENT_DIRECTOR: { improvementDirector: 'Jane Example' },
  START_DELIVERY: { intensiveSupport: 'Finance turnaround team, two days a week' },
  REPORT_PROGRESS: { summary: 'Half of the actions complete; the financial recovery plan is on track.' },
  ESCALATE: { escalationKind: 'CHANGE_OF_MANAGEMENT' },
};

/** Day n after 1 July 2015 as yyyy-mm-dd. */
const day = (n: number) => addCalendarDays('2015-07-01', n);

describe('special measures through the API: the domain library’s states and transitions, the clock, the plan, the buddy', () => {
  let world: AssuranceWorld;

  beforeAll(async () => {
    world = await setUpAssuranceWorld();
    await publishAssessment(world.assessor, { ccg: LEEDS_NORTH, financialYear: '2015/16', quarter: 1, assessedOn: '2015-06-30', ratings: ratings2015('NOT_ASSURED', 'LIMITED_ASSURANCE', 'GOOD', 'GOOD', 'GOOD') });
    await publishAssessment(world.assessor, { ccg: SHEFFIELD, financialYear: '2015/16', quarter: 1, assessedOn: '2015-06-30', ratings: ratings2015('GOOD', 'LIMITED_ASSURANCE', 'LIMITED_ASSURANCE', 'GOOD', 'GOOD') });
    await publishAssessment(world.assessor, { ccg: LEEDS_WEST, financialYear: '2015/16', quarter: 1, assessedOn: '2015-06-30', ratings: ratings2015('OUTSTANDING', 'OUTSTANDING', 'OUTSTANDING', 'GOOD', 'GOOD') });
  }, 60_000);
  afterAll(() => world.close());

  const propose = (ccg: string, proposedOn = day(0), triggers = ['OPERATIONAL_NO_GRIP', 'FINANCIAL_SERIOUS_VARIANCE_FROM_PLAN']) =>
    mutate<Episode>(world.assessor, PROPOSE, { ccg, triggers, proposedOn });
  const step = (episode: Episode, action: string, on: string, extra: Record<string, unknown> = {}) =>
    mutate<Episode>(world.assessor, APPLY, { episodeId: episode.id, expectedVersion: episode.version, action, on, ...DETAILS[action], ...extra });
  const addAction = (episode: Episode, description: string, dueOn: string) =>
    mutate<Episode>(world.assessor, ADD_ACTION, { episodeId: episode.id, expectedVersion: episode.version, description, owner: 'Chief finance officer', dueOn });

  describe('proposing', () => {
    it('refuses a CCG that is Good (SPECIAL_MEASURES_NOT_APPLICABLE), one never published (NO_PUBLISHED_ASSESSMENT), no trigger (TRIGGER_REQUIRED), a day to come', async () => {
      expect(await refuse(world.assessor, PROPOSE, { ccg: LEEDS_WEST, triggers: ['OPERATIONAL_NO_GRIP'], proposedOn: day(0) })).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'SPECIAL_MEASURES_NOT_APPLICABLE',
      });
      expect(await refuse(world.assessor, PROPOSE, { ccg: KENT_MEDWAY, triggers: ['OPERATIONAL_NO_GRIP'], proposedOn: day(0) })).toMatchObject({ reason: 'NO_PUBLISHED_ASSESSMENT' });
      expect(await refuse(world.assessor, PROPOSE, { ccg: SHEFFIELD, triggers: [], proposedOn: day(0) })).toMatchObject({ reason: 'TRIGGER_REQUIRED' });
      expect(await refuse(world.assessor, PROPOSE, { ccg: SHEFFIELD, triggers: ['OPERATIONAL_NO_GRIP'], proposedOn: '2999-01-01' })).toMatchObject({ reason: 'DATE_IN_FUTURE' });
    });
  });

  describe('every transition of the table, valid and invalid', () => {
    const visited = new Set<SpecialMeasuresState>();
    const taken = new Set<string>();

    /** At the episode's state, every action the table does not allow is refused with INVALID_TRANSITION and changes nothing. */
    async function refusesEveryOtherAction(episode: Episode): Promise<void> {
      const state = episode.state as SpecialMeasuresState;
      visited.add(state);
      expect(episode.availableActions).toEqual([...availableActions(state)]);
      for (const action of SPECIAL_MEASURES_ACTION_TYPES.filter((candidate) => !availableActions(state).includes(candidate))) {
        const refused = await refuse(world.assessor, APPLY, { episodeId: episode.id, expectedVersion: episode.version, action, on: day(300), ...DETAILS[action] });
        expect({ action, ...refused }).toMatchObject({ action, code: 'BAD_USER_INPUT', reason: 'INVALID_TRANSITION', details: { from: state, action, allowed: [...availableActions(state)] } });
      }
      const [row] = await world.db.dataSource.query(`SELECT state, lock_version AS "lockVersion" FROM special_measures_episode WHERE id = $1`, [episode.id]);
      expect(row).toEqual({ state, lockVersion: episode.version });
    }

    async function walk(ccg: string, path: string[]): Promise<Episode> {
      let episode = await propose(ccg);
      expect(episode).toMatchObject({ state: 'PROPOSED', enteredOn: null, clock: null, assuranceCategory: expect.any(String) });
      await refusesEveryOtherAction(episode);
      for (const [index, action] of path.entries()) {
        if (action === 'SIGN_OFF_IMPROVEMENT_PLAN') episode = await addAction(episode, 'Recover the financial position', day(200));
        const before = episode.state;
        episode = await step(episode, action, day(10 * (index + 1)));
        const transition = SPECIAL_MEASURES_TRANSITIONS.find((candidate) => candidate.from === before && candidate.action === action);
        expect(transition).toBeDefined();
        expect(episode.state).toBe(transition?.to);
        expect(episode.events.at(-1)).toMatchObject({ action, from: before, to: transition?.to, on: day(10 * (index + 1)), recordedBy: { username: 'assessor' } });
        taken.add(`${before}:${action}`);
        await refusesEveryOtherAction(episode);
      }
      return episode;
    }

    it('agreed, published, reviewed, director, plan signed off, delivered, reported, exited (Leeds North)', async () => {
      const exited = await walk(LEEDS_NORTH, [
        'AGREE_WITH_CCG',
        'PUBLISH_NOTICE',
        'COMMISSION_EXTERNAL_REVIEW',
        'APPOINT_IMPROVEMENT_DIRECTOR',
        'SIGN_OFF_IMPROVEMENT_PLAN',
        'START_DELIVERY',
        'REPORT_PROGRESS',
        'REPORT_PROGRESS',
        'EXIT',
      ]);
      expect(exited).toMatchObject({
        state: 'EXITED',
        enteredOn: day(10),
        closedOn: day(90),
        improvementDirector: 'Jane Example',
        publiclyNotified: true,
        availableActions: [],
        improvementPlan: { signedOffOn: day(50), totalActions: 1 },
      });
      expect(exited.progressReports).toEqual([
        { on: day(70), summary: DETAILS.REPORT_PROGRESS.summary },
        { on: day(80), summary: DETAILS.REPORT_PROGRESS.summary },
      ]);
    });

    it('determined by NHS England, then escalated with its kind (Leeds North again, once the first episode closed)', async () => {
      const escalated = await walk(LEEDS_NORTH, [
        'DETERMINE_BY_NHS_ENGLAND',
        'PUBLISH_NOTICE',
        'COMMISSION_EXTERNAL_REVIEW',
        'APPOINT_IMPROVEMENT_DIRECTOR',
        'SIGN_OFF_IMPROVEMENT_PLAN',
        'START_DELIVERY',
        'ESCALATE',
      ]);
      expect(escalated).toMatchObject({ state: 'ESCALATED', escalationKind: 'CHANGE_OF_MANAGEMENT', closedOn: day(70) });
    });

    it('has visited every state and taken every transition of the domain library’s table', () => {
      expect([...visited].sort()).toEqual([...SPECIAL_MEASURES_STATES].sort());
      expect([...taken].sort()).toEqual(SPECIAL_MEASURES_TRANSITIONS.map((transition) => `${transition.from}:${transition.action}`).sort());
    });
  });

  describe('the details of a step', () => {
    let episode: Episode;
    beforeAll(async () => {
      episode = await propose(SHEFFIELD, '2015-07-01', ['FINANCIAL_WEAK_CONTROLS']);
    });

    it('refuses a second open episode for the CCG (CONFLICT, SPECIAL_MEASURES_ALREADY_OPEN)', async () => {
      expect(await refuse(world.assessor, PROPOSE, { ccg: SHEFFIELD, triggers: ['OPERATIONAL_NO_GRIP'], proposedOn: '2015-07-02' })).toMatchObject({
        code: 'CONFLICT',
        reason: 'SPECIAL_MEASURES_ALREADY_OPEN',
        details: { episodeId: episode.id },
      });
    });

    it("refuses a day before the previous step, a day to come and a stale version, with the domain's codes where they are its rules", async () => {
      expect(await refuse(world.assessor, APPLY, { episodeId: episode.id, expectedVersion: episode.version, action: 'DETERMINE_BY_NHS_ENGLAND', on: '2015-06-30' })).toMatchObject({
        reason: 'DATE_BEFORE_PREVIOUS_STEP',
        details: { on: '2015-06-30', previous: '2015-07-01' },
      });
      expect(await refuse(world.assessor, APPLY, { episodeId: episode.id, expectedVersion: episode.version, action: 'DETERMINE_BY_NHS_ENGLAND', on: '2999-01-01' })).toMatchObject({ reason: 'DATE_IN_FUTURE' });
      episode = await step(episode, 'DETERMINE_BY_NHS_ENGLAND', '2015-07-15');
      expect(await refuse(world.assessor, APPLY, { episodeId: episode.id, expectedVersion: episode.version - 1, action: 'PUBLISH_NOTICE', on: '2015-07-20' })).toMatchObject({
        code: 'CONFLICT',
        reason: 'STALE_VERSION',
      });
      expect(await refuse(world.assessor, APPLY, { episodeId: episode.id, expectedVersion: episode.version, action: 'PUBLISH_NOTICE', on: '2015-07-20', noticeUrl: 'ftp://example' })).toMatchObject({ reason: 'INVALID_URL' });
      episode = await step(episode, 'PUBLISH_NOTICE', '2015-07-20');
      episode = await step(episode, 'COMMISSION_EXTERNAL_REVIEW', '2015-08-01');
    });

    it('keeps the plan closed until the improvement director is appointed (PLAN_NOT_STARTED), who must be named', async () => {
      expect(await refuse(world.assessor, ADD_ACTION, { episodeId: episode.id, expectedVersion: episode.version, description: 'x', owner: 'y', dueOn: '2015-12-31' })).toMatchObject({
        code: 'CONFLICT',
        reason: 'PLAN_NOT_STARTED',
      });
      expect(await refuse(world.assessor, APPLY, { episodeId: episode.id, expectedVersion: episode.version, action: 'APPOINT_IMPROVEMENT_DIRECTOR', on: '2015-08-10', improvementDirector: '  ' })).toMatchObject({
        reason: 'IMPROVEMENT_DIRECTOR_REQUIRED',
      });
      episode = await step(episode, 'APPOINT_IMPROVEMENT_DIRECTOR', '2015-08-10');
    });

    it('signs off a plan only with actions (IMPROVEMENT_PLAN_EMPTY), then tracks their progress', async () => {
      expect(await refuse(world.assessor, APPLY, { episodeId: episode.id, expectedVersion: episode.version, action: 'SIGN_OFF_IMPROVEMENT_PLAN', on: '2015-08-20' })).toMatchObject({
        reason: 'IMPROVEMENT_PLAN_EMPTY',
      });
      expect(await refuse(world.assessor, ADD_ACTION, { episodeId: episode.id, expectedVersion: episode.version, description: ' ', owner: 'y', dueOn: '2015-12-31' })).toMatchObject({ reason: 'TEXT_REQUIRED' });
      episode = await addAction(episode, 'Financial recovery plan agreed by the governing body', '2015-09-30');
      episode = await addAction(episode, 'Contract management board for the main acute provider', '2015-11-30');
      episode = await addAction(episode, 'Internal audit of financial controls repeated', '2016-03-31');
      episode = await step(episode, 'SIGN_OFF_IMPROVEMENT_PLAN', '2015-08-20');
      episode = await step(episode, 'START_DELIVERY', '2015-09-01');
      const [first, second] = episode.improvementPlan.actions;
      episode = await mutate<Episode>(world.assessor, UPDATE_ACTION, { actionId: first.id, expectedVersion: episode.version, status: 'COMPLETED' });
      episode = await mutate<Episode>(world.assessor, UPDATE_ACTION, { actionId: second.id, expectedVersion: episode.version, status: 'IN_PROGRESS', owner: 'Director of commissioning' });
      expect(await refuse(world.assessor, APPLY, { episodeId: episode.id, expectedVersion: episode.version, action: 'REPORT_PROGRESS', on: '2015-10-01', summary: '' })).toMatchObject({
        reason: 'PROGRESS_SUMMARY_REQUIRED',
      });
      episode = await step(episode, 'REPORT_PROGRESS', '2015-10-01');
      const read = await succeed<Assurance>(world.assessor, CCG_ASSURANCE, { ccg: SHEFFIELD, asOf: '2015-12-01' });
      expect(read.specialMeasures?.improvementPlan).toMatchObject({
        signedOffOn: '2015-08-20',
        totalActions: 3,
        completedActions: 1,
        inProgressActions: 1,
        notStartedActions: 1,
        overdueActions: 1,
        actions: [
          { status: 'COMPLETED', overdue: false },
          { status: 'IN_PROGRESS', owner: 'Director of commissioning', dueOn: '2015-11-30', overdue: true },
          { status: 'NOT_STARTED', overdue: false },
        ],
      });
    });

    it('adds an action already in progress in one change', async () => {
      episode = await mutate<Episode>(world.assessor, ADD_ACTION, {
        episodeId: episode.id,
        expectedVersion: episode.version,
        description: 'Recovery of the referral-to-treatment backlog',
        owner: 'Chief operating officer',
        dueOn: '2016-02-29',
        status: 'IN_PROGRESS',
      });
      expect(episode.improvementPlan.actions.find((action) => action.description === 'Recovery of the referral-to-treatment backlog')).toMatchObject({ status: 'IN_PROGRESS' });
    });

    it('reads the 12-month clock from entry (determined 2015-07-15): before, at and after 12 months', async () => {
      const clockAt = async (asOf: string) => (await succeed<Assurance>(world.assessor, CCG_ASSURANCE, { ccg: SHEFFIELD, asOf })).specialMeasures?.clock;
      expect(await clockAt('2015-07-14')).toBeNull();
      expect(await clockAt('2015-07-15')).toEqual({
        asOf: '2015-07-15',
        entryDate: '2015-07-15',
        dueBy: '2016-07-15',
        open: true,
        monthsRemaining: 12,
        daysRemaining: 366,
        overdue: false,
        daysOverdue: 0,
        closedAfterDueBy: false,
      });
      expect(await clockAt('2016-01-16')).toMatchObject({ monthsRemaining: 5, overdue: false });
      expect(await clockAt('2016-07-14')).toMatchObject({ monthsRemaining: 0, daysRemaining: 1, overdue: false, daysOverdue: 0 });
      expect(await clockAt('2016-07-15')).toMatchObject({ monthsRemaining: 0, daysRemaining: 0, overdue: true, daysOverdue: 0 });
      expect(await clockAt('2016-07-16')).toMatchObject({ monthsRemaining: 0, overdue: true, daysOverdue: 1 });
    });

    it('stops the clock on exit: closed after the due date, no longer overdue; the plan is then closed (EPISODE_CLOSED)', async () => {
      episode = await step(episode, 'EXIT', '2016-08-01');
      const assurance = await succeed<Assurance>(world.assessor, CCG_ASSURANCE, { ccg: SHEFFIELD, asOf: '2016-09-01' });
      expect(assurance.specialMeasures).toBeNull();
      const [closed] = assurance.specialMeasuresEpisodes;
      expect(closed).toMatchObject({ id: episode.id, state: 'EXITED' });
      expect(episode.clock).toMatchObject({ open: false, overdue: false, closedAfterDueBy: true, monthsRemaining: 0 });
      expect(await refuse(world.assessor, ADD_ACTION, { episodeId: episode.id, expectedVersion: episode.version, description: 'x', owner: 'y', dueOn: '2016-12-31' })).toMatchObject({
        code: 'CONFLICT',
        reason: 'EPISODE_CLOSED',
      });
    });
  });

  describe('visibility and the buddy', () => {
    it('shows an episode publicly only once its notice is published', async () => {
      await publishAssessment(world.assessor, { ccg: KENT_MEDWAY, financialYear: '2015/16', quarter: 1, assessedOn: '2015-06-30', ratings: ratings2015('GOOD', 'NOT_ASSURED', 'GOOD', 'GOOD', 'GOOD') });
      let episode = await propose(KENT_MEDWAY, '2015-07-01', ['OPERATIONAL_NO_GRIP']);
      episode = await step(episode, 'AGREE_WITH_CCG', '2015-07-10');
      const hidden = await succeed<Assurance>(world.anonymous, PUBLISHED_ASSURANCE, { ccg: KENT_MEDWAY, asOf: '2015-08-01' });
      expect(hidden).toMatchObject({ specialMeasures: null, specialMeasuresEpisodes: [], currentCategory: 'LIMITED_ASSURANCE' });
      episode = await step(episode, 'PUBLISH_NOTICE', '2015-07-20');
      const shown = await succeed<Assurance>(world.anonymous, PUBLISHED_ASSURANCE, { ccg: KENT_MEDWAY, asOf: '2015-08-01' });
      expect(shown.specialMeasures).toMatchObject({ id: episode.id, state: 'PUBLISHED', publiclyNotified: true, clock: { dueBy: '2016-07-10', monthsRemaining: 11 } });
    });

    it('pairs a Limited-assurance CCG with a buddy, and refuses others', async () => {
      const BUDDY = `mutation($input: AssignBuddyCcgInput!) { assignBuddyCcg(input: $input) { buddy { ccg { code } assignedOn } } }`;
      expect(await refuse(world.assessor, BUDDY, { ccg: LEEDS_NORTH, buddyCcg: LEEDS_WEST })).toMatchObject({ reason: 'BUDDY_ONLY_FOR_LIMITED_ASSURANCE' });
      expect(await refuse(world.assessor, BUDDY, { ccg: SHEFFIELD, buddyCcg: SHEFFIELD })).toMatchObject({ reason: 'BUDDY_IS_SAME_CCG' });
      expect(await refuse(world.assessor, BUDDY, { ccg: SHEFFIELD, buddyCcg: 'X24' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_CCG' });
      const paired = await mutate<{ buddy: { ccg: { code: string }; assignedOn: string } }>(world.assessor, BUDDY, { ccg: SHEFFIELD, buddyCcg: LEEDS_WEST });
      expect(paired.buddy).toMatchObject({ ccg: { code: LEEDS_WEST }, assignedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect((await succeed<Assurance>(world.anonymous, PUBLISHED_ASSURANCE, { ccg: SHEFFIELD })).buddy?.ccg.code).toBe(LEEDS_WEST);
      expect((await mutate<{ buddy: unknown }>(world.assessor, BUDDY, { ccg: SHEFFIELD, buddyCcg: null })).buddy).toBeNull();
      expect(await refusal(world.leedsFinance, BUDDY, { input: { ccg: SHEFFIELD, buddyCcg: LEEDS_WEST } })).toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});
