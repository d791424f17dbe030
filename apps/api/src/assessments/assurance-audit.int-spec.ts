import {
  ADD_EVIDENCE,
  ADD_ACTION,
  APPLY,
  DECIDE,
  GET_ASSESSMENT,
  LEEDS_NORTH,
  mutate,
  PROPOSE,
  PUBLISH,
  RATE,
  ratings2015,
  refuse,
  setUpAssuranceWorld,
  SHEFFIELD,
  START,
  succeed,
  type Assessment,
  type AssuranceWorld,
  type Episode,
} from './assurance.fixtures';

type AuditRow = { action: string; entity_type: string; entity_id: string; actor_username: string; request_id: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

describe('assurance changes are audited in the same transaction', () => {
  let world: AssuranceWorld;
  let lastAuditId = 0;
  let assessment: Assessment;

  beforeAll(async () => {
    world = await setUpAssuranceWorld();
  }, 60_000);
  afterAll(() => world.close());

  /** The audit rows written since the last call. */
  async function newAuditRows(): Promise<AuditRow[]> {
    const rows = await world.db.dataSource.query(
      `SELECT id::int, action, entity_type, entity_id, actor_username, request_id, before, after FROM audit_event WHERE id > $1 AND action <> 'SIGN_IN' ORDER BY id`,
      [lastAuditId],
    );
    const [{ max }] = await world.db.dataSource.query(`SELECT coalesce(max(id), 0)::int AS max FROM audit_event`);
    lastAuditId = max;
    return rows.map(({ id: _id, ...row }: AuditRow & { id: number }) => row);
  }

  it('audits starting an assessment', async () => {
    await newAuditRows();
    assessment = await mutate<Assessment>(world.assessor, START, { ccg: LEEDS_NORTH, financialYear: '2015/16', quarter: 2, assessedOn: '2015-09-30' });
    const rows = await newAuditRows();
    expect(rows).toEqual([
      {
        action: 'START_ASSESSMENT',
        entity_type: 'assessment',
        entity_id: assessment.id,
        actor_username: 'assessor',
        request_id: expect.any(String),
        before: null,
        after: { ccg: LEEDS_NORTH, financialYear: '2015/16', quarter: 2, framework: '2015-16', assessedOn: '2015-09-30' },
      },
    ]);
  });

  it('audits every rating change with before and after, and nothing for an unchanged rating', async () => {
    assessment = await mutate<Assessment>(world.assessor, RATE, {
      assessmentId: assessment.id,
      expectedVersion: assessment.version,
      ratings: [{ domain: 'WELL_LED', rating: 'GOOD', narrative: 'Stable leadership.' }, { domain: 'PLANNING', rating: 'LIMITED_ASSURANCE' }],
    });
    expect(await newAuditRows()).toMatchObject([
      { action: 'RATE_ASSESSMENT_DOMAIN', entity_id: assessment.id, before: { domain: 'WELL_LED' }, after: { domain: 'WELL_LED', rating: 'GOOD', narrative: 'Stable leadership.' } },
      { action: 'RATE_ASSESSMENT_DOMAIN', before: { domain: 'PLANNING' }, after: { domain: 'PLANNING', rating: 'LIMITED_ASSURANCE', narrative: null } },
    ]);
    assessment = await mutate<Assessment>(world.assessor, RATE, {
      assessmentId: assessment.id,
      expectedVersion: assessment.version,
      ratings: [{ domain: 'WELL_LED', rating: 'GOOD', narrative: 'Stable leadership.' }, { domain: 'PLANNING', rating: 'GOOD', narrative: 'Plans resubmitted.' }],
    });
    expect(await newAuditRows()).toEqual([
      expect.objectContaining({
        action: 'RATE_ASSESSMENT_DOMAIN',
        before: { domain: 'PLANNING', rating: 'LIMITED_ASSURANCE', narrative: null },
        after: { domain: 'PLANNING', rating: 'GOOD', narrative: 'Plans resubmitted.' },
      }),
    ]);
  });

  it('audits the decision, evidence and publishing', async () => {
    assessment = await mutate<Assessment>(world.assessor, RATE, { assessmentId: assessment.id, expectedVersion: assessment.version, ratings: ratings2015('GOOD', 'GOOD', 'GOOD', 'GOOD', 'GOOD') });
    await newAuditRows();
    assessment = await mutate<Assessment>(world.assessor, DECIDE, { assessmentId: assessment.id, expectedVersion: assessment.version, category: 'LIMITED_ASSURANCE', rationale: 'Performance risk.' });
    assessment = await mutate<Assessment>(world.assessor, ADD_EVIDENCE, { assessmentId: assessment.id, expectedVersion: assessment.version, kind: 'PARTNER_REPORT', partner: 'CQC', reference: 'CQC inspection' });
    assessment = await mutate<Assessment>(world.assessor, PUBLISH, { assessmentId: assessment.id, expectedVersion: assessment.version });
    expect(await newAuditRows()).toMatchObject([
      { action: 'DECIDE_ASSESSMENT_CATEGORY', before: null, after: { proposedCategory: 'GOOD', decidedCategory: 'LIMITED_ASSURANCE', rationale: 'Performance risk.', differsFromProposal: true, nextAssessmentDue: '2015-12-30' } },
      { action: 'ADD_ASSESSMENT_EVIDENCE', after: { kind: 'PARTNER_REPORT', partner: 'CQC', reference: 'CQC inspection' } },
      { action: 'PUBLISH_ASSESSMENT', before: { status: 'DRAFT' }, after: { status: 'PUBLISHED', decidedCategory: 'LIMITED_ASSURANCE', ratings: { WELL_LED: 'GOOD' } } },
    ]);
  });

  it('audits each special measures step with the state before and after', async () => {
    let episode = await mutate<Episode>(world.assessor, PROPOSE, { ccg: LEEDS_NORTH, triggers: ['OPERATIONAL_NO_GRIP'], proposedOn: '2016-01-05' });
    episode = await mutate<Episode>(world.assessor, APPLY, { episodeId: episode.id, expectedVersion: episode.version, action: 'AGREE_WITH_CCG', on: '2016-01-10' });
    expect(await newAuditRows()).toMatchObject([
      { action: 'PROPOSE_SPECIAL_MEASURES', entity_type: 'special_measures', entity_id: episode.id, after: { state: 'PROPOSED', assuranceCategory: 'LIMITED_ASSURANCE', triggers: ['OPERATIONAL_NO_GRIP'] } },
      { action: 'SPECIAL_MEASURES_AGREE_WITH_CCG', before: { state: 'PROPOSED', enteredOn: null }, after: { state: 'AGREED', on: '2016-01-10', enteredOn: '2016-01-10' } },
    ]);
  });

  it('writes no audit row for a refused change: stale, invalid transition, not allowed, bad input', async () => {
    const draft = await mutate<Assessment>(world.assessor, START, { ccg: SHEFFIELD, financialYear: '2015/16', quarter: 1, assessedOn: '2015-06-30' });
    await newAuditRows();
    await refuse(world.assessor, RATE, { assessmentId: draft.id, expectedVersion: draft.version + 5, ratings: [{ domain: 'WELL_LED', rating: 'GOOD' }] });
    await refuse(world.assessor, RATE, { assessmentId: draft.id, expectedVersion: draft.version, ratings: [{ domain: 'NOPE', rating: 'GOOD' }] });
    await refuse(world.leedsFinance, RATE, { assessmentId: draft.id, expectedVersion: draft.version, ratings: [{ domain: 'WELL_LED', rating: 'GOOD' }] });
    await refuse(world.assessor, DECIDE, { assessmentId: draft.id, expectedVersion: draft.version, category: 'GOOD' });
    await refuse(world.assessor, PROPOSE, { ccg: SHEFFIELD, triggers: ['OPERATIONAL_NO_GRIP'], proposedOn: '2016-01-05' });
    expect(await newAuditRows()).toEqual([]);
  });

  it('saves nothing when its audit row cannot be written', async () => {
    const draft = await succeed<Assessment>(world.assessor, GET_ASSESSMENT, { id: (await mutate<Assessment>(world.assessor, START, { ccg: SHEFFIELD, financialYear: '2015/16', quarter: 2, assessedOn: '2015-09-30' })).id });
    await newAuditRows();
    // The audit trail refuses the rating's row, as an unavailable trail would; the rating must not stay behind.
    const sql = world.db.ownerDataSource; // creating triggers takes the owner
    await sql.query(`CREATE FUNCTION refuse_rating_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit trail is unavailable'; END $$`);
    await sql.query(`CREATE TRIGGER refuse_rating_audit BEFORE INSERT ON audit_event FOR EACH ROW WHEN (NEW.action = 'RATE_ASSESSMENT_DOMAIN') EXECUTE FUNCTION refuse_rating_audit()`);
    try {
      const response = await world.assessor.graphql(RATE, { input: { assessmentId: draft.id, expectedVersion: draft.version, ratings: [{ domain: 'WELL_LED', rating: 'OUTSTANDING' }] } });
      expect(response.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await sql.query(`DROP TRIGGER refuse_rating_audit ON audit_event`);
      await sql.query(`DROP FUNCTION refuse_rating_audit()`);
    }
    expect(await succeed<Assessment>(world.assessor, GET_ASSESSMENT, { id: draft.id })).toMatchObject({ version: draft.version, ratings: [{ rating: null }, {}, {}, {}, {}] });
    expect(await newAuditRows()).toEqual([]);
  });

  it('keeps no audit row for a step that fails as it commits, after the row was written', async () => {
    const [episode] = await world.db.dataSource.query(`SELECT id, lock_version AS version FROM special_measures_episode WHERE ccg_code = $1`, [LEEDS_NORTH]);
    await newAuditRows();
    const sql = world.db.ownerDataSource; // creating triggers takes the owner
    await sql.query(`CREATE FUNCTION fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$`);
    await sql.query(`CREATE CONSTRAINT TRIGGER fail_step AFTER INSERT ON special_measures_event DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_at_commit()`);
    try {
      const response = await world.assessor.graphql(APPLY, { input: { episodeId: episode.id, expectedVersion: episode.version, action: 'PUBLISH_NOTICE', on: '2016-01-20' } });
      expect(response.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await sql.query(`DROP TRIGGER fail_step ON special_measures_event`);
      await sql.query(`DROP FUNCTION fail_at_commit()`);
    }
    const [after] = await sql.query(`SELECT state, lock_version AS version FROM special_measures_episode WHERE id = $1`, [episode.id]);
    expect(after).toEqual({ state: 'AGREED', version: episode.version });
    expect(await newAuditRows()).toEqual([]);
  });

  it('audits plan actions', async () => {
    const [row] = await world.db.dataSource.query(`SELECT id, lock_version AS version FROM special_measures_episode WHERE ccg_code = $1`, [LEEDS_NORTH]);
    let episode = { id: row.id, version: row.version } as Episode;
    for (const [action, on] of [
      ['PUBLISH_NOTICE', '2016-01-20'],
      ['COMMISSION_EXTERNAL_REVIEW', '2016-01-25'],
    ]) {
      episode = await mutate<Episode>(world.assessor, APPLY, { episodeId: episode.id, expectedVersion: episode.version, action, on });
    }
    episode = await mutate<Episode>(world.assessor, APPLY, { episodeId: episode.id, expectedVersion: episode.version, action: 'APPOINT_IMPROVEMENT_DIRECTOR', on: '2016-02-01', improvementDirector: 'A. Director' });
    await newAuditRows();
    await mutate<Episode>(world.assessor, ADD_ACTION, { episodeId: episode.id, expectedVersion: episode.version, description: 'Recruit a permanent chief finance officer', owner: 'Accountable officer', dueOn: '2016-04-30' });
    expect(await newAuditRows()).toMatchObject([{ action: 'ADD_IMPROVEMENT_ACTION', after: { description: 'Recruit a permanent chief finance officer', owner: 'Accountable officer', dueOn: '2016-04-30', status: 'NOT_STARTED' } }]);
  });
});
