import type { TestClient } from '../testing/test-server';
import {
  LEEDS_NORTH,
  mutate,
  PROPOSE,
  publishAssessment,
  ratings2015,
  setUpAssuranceWorld,
  START,
  succeed,
  type Assessment,
  type AssuranceWorld,
} from './assurance.fixtures';

// availableActions answers what the signed-in viewer may do now, from the domain's transition tables: the web app
// renders from it instead of deriving modes from status strings.

const ACTIONS = `query($id: ID!) { assessment(id: $id) { status availableActions } }`;
const EPISODE_ACTIONS = `query($ccg: String!) { ccgAssurance(ccg: $ccg) { specialMeasures { state availableActions } } }`;
const PUBLIC_ACTIONS = `query($ccg: String!) { publishedAssurance(ccg: $ccg) { assessments { availableActions } } }`;

describe('the actions a viewer may take now', () => {
  let world: AssuranceWorld;
  let published: Assessment;
  let draft: Assessment;

  beforeAll(async () => {
    world = await setUpAssuranceWorld();
    published = await publishAssessment(world.assessor, { ccg: LEEDS_NORTH, financialYear: '2015/16', quarter: 1, assessedOn: '2015-06-30', ratings: ratings2015('NOT_ASSURED', 'GOOD', 'GOOD', 'GOOD', 'GOOD') });
    draft = await mutate<Assessment>(world.assessor, START, { ccg: LEEDS_NORTH, financialYear: '2015/16', quarter: 2, assessedOn: '2015-09-30' });
    await mutate(world.assessor, PROPOSE, { ccg: LEEDS_NORTH, triggers: ['OPERATIONAL_NO_GRIP'], proposedOn: '2015-07-01' });
  }, 60_000);
  afterAll(() => world.close());

  const actionsOf = async (client: TestClient, id: string) => (await succeed<{ availableActions: string[] }>(client, ACTIONS, { id })).availableActions;

  it('an assessor may rate, decide, change the evidence of and publish a draft; the CCG’s own users may comment on it', async () => {
    expect(await actionsOf(world.assessor, draft.id)).toEqual(['RATE', 'DECIDE', 'ADD_EVIDENCE', 'REMOVE_EVIDENCE', 'PUBLISH']);
    expect(await actionsOf(world.leedsFinance, draft.id)).toEqual(['COMMENT']);
  });

  it('a published assessment takes only comments from the CCG’s own users; nothing for assessors, other CCGs or the public', async () => {
    expect(await actionsOf(world.leedsBoard, published.id)).toEqual(['COMMENT']);
    expect(await actionsOf(world.assessor, published.id)).toEqual([]);
    expect(await actionsOf(world.sheffieldFinance, published.id)).toEqual([]);
    expect(await actionsOf(world.anonymous, published.id)).toEqual([]);
  });

  it('the assessment mutations answer with the actions open after the change', async () => {
    const started = await succeed<{ availableActions: string[] }>(world.assessor, `mutation($input: StartAssessmentInput!) { startAssessment(input: $input) { availableActions } }`, {
      input: { ccg: LEEDS_NORTH, financialYear: '2015/16', quarter: 3, assessedOn: '2015-12-31' },
    });
    expect(started.availableActions).toContain('PUBLISH');
  });

  it('the steps of a special measures episode are offered to assessors only', async () => {
    type Episode = { specialMeasures: { state: string; availableActions: string[] } };
    expect((await succeed<Episode>(world.assessor, EPISODE_ACTIONS, { ccg: LEEDS_NORTH })).specialMeasures).toEqual({ state: 'PROPOSED', availableActions: ['AGREE_WITH_CCG', 'DETERMINE_BY_NHS_ENGLAND'] });
    expect((await succeed<Episode>(world.leedsManager, EPISODE_ACTIONS, { ccg: LEEDS_NORTH })).specialMeasures).toEqual({ state: 'PROPOSED', availableActions: [] });
    const forPublic = await succeed<{ assessments: { availableActions: string[] }[] }>(world.anonymous, PUBLIC_ACTIONS, { ccg: LEEDS_NORTH });
    expect(forPublic.assessments).toEqual([{ availableActions: [] }]);
  });
});
