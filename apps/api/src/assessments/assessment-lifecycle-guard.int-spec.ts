import {
  ASSESSMENT_ACTION_TYPES,
  ASSESSMENT_EDITABLE_STATES,
  ASSESSMENT_STATES,
  ASSESSMENT_STATUS_CHANGES,
  assessmentActionsFrom,
  financialYearStartingIn,
  type AssessmentActionType,
  type AssessmentState,
} from '@ccg-assure/domain';
import { Role } from '../auth/role';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

// The database triggers assurance_assessment_guard and assurance_assessment_part_guard back up the domain's
// assessment lifecycle (ASSESSMENT_TRANSITIONS). Here, with direct SQL, each move the table allows is accepted by
// the database, each action it forbids is refused, and so is every change of status the table does not make.

const CCG = '02V';
let db: TestDatabase;
let authorId: string;
let quarter = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  await insertOrganisation(db.dataSource, CCG, 'NHS LEEDS NORTH CCG');
  authorId = await insertUser(db.dataSource, 'ccg-user', [{ role: Role.FINANCE_OFFICER, organisationCode: CCG }]);
});

afterAll(async () => {
  await db.drop();
});

const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);

/** The next unused quarter, so that every case has its own assessment. */
function nextQuarter(): { financialYear: string; quarter: number; periodStart: string } {
  const index = quarter++;
  const year = financialYearStartingIn(2013 + Math.floor(index / 4));
  const { number, start } = year.quarter((index % 4) + 1);
  return { financialYear: year.label, quarter: number, periodStart: start };
}

/** A decided assessment with a rating and a piece of evidence, stored in `state`; gives its id and its evidence's. */
async function assessmentIn(state: AssessmentState): Promise<{ id: string; evidenceId: string; key: { financialYear: string; quarter: number; periodStart: string } }> {
  const key = nextQuarter();
  const [{ id }] = await sql(
    `INSERT INTO assurance_assessment (ccg_code, financial_year, quarter, period_start, framework, assessed_on, decided_category, decision_proposed_category, next_assessment_due)
     VALUES ($1, $2, $3, $4, '2015-16', $4, 'GOOD', 'GOOD', $4) RETURNING id`,
    [CCG, key.financialYear, key.quarter, key.periodStart],
  );
  await sql(`INSERT INTO assurance_rating (assessment_id, domain, rating) VALUES ($1, 'WELL_LED', 'GOOD')`, [id]);
  const [{ id: evidenceId }] = await sql(`INSERT INTO assurance_evidence (assessment_id, kind, reference) VALUES ($1, 'AUDIT', 'Internal audit') RETURNING id`, [id]);
  if (state !== 'DRAFT') await sql(`UPDATE assurance_assessment SET status = $2::varchar, published_at = CASE WHEN $2::varchar = 'PUBLISHED' THEN now() END WHERE id = $1`, [id, state]);
  return { id, evidenceId, key };
}

/** What each action does to the stored assessment, as direct SQL. */
const EFFECTS: Record<AssessmentActionType, (target: Awaited<ReturnType<typeof assessmentIn>>) => Promise<unknown>> = {
  START: ({ key }) => sql(`INSERT INTO assurance_assessment (ccg_code, financial_year, quarter, period_start, framework, assessed_on) VALUES ($1, $2, $3, $4, '2015-16', $4)`, [CCG, key.financialYear, key.quarter, key.periodStart]),
  RATE: ({ id }) => sql(`INSERT INTO assurance_rating (assessment_id, domain, rating) VALUES ($1, 'WELL_LED', 'LIMITED_ASSURANCE') ON CONFLICT (assessment_id, domain) DO UPDATE SET rating = EXCLUDED.rating`, [id]),
  DECIDE: ({ id }) => sql(`UPDATE assurance_assessment SET decided_category = 'LIMITED_ASSURANCE', rationale = 'A rationale', lock_version = lock_version + 1 WHERE id = $1`, [id]),
  ADD_EVIDENCE: ({ id }) => sql(`INSERT INTO assurance_evidence (assessment_id, kind, url) VALUES ($1, 'PUBLISHED_DOCUMENT', 'https://example.org/paper')`, [id]),
  REMOVE_EVIDENCE: ({ evidenceId }) => sql(`DELETE FROM assurance_evidence WHERE id = $1`, [evidenceId]),
  PUBLISH: ({ id }) => sql(`UPDATE assurance_assessment SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [id]),
  COMMENT: ({ id }) => sql(`INSERT INTO assurance_comment (assessment_id, author_id, text) VALUES ($1, $2, 'A response')`, [id, authorId]),
};

/** GUARD when one of the two triggers refused the change, another SQLSTATE for another refusal, null when accepted. */
async function refusalOf(change: () => Promise<unknown>): Promise<string | null> {
  try {
    await change();
    return null;
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return code === '23514' && /is published: (it|its .*) cannot change/.test(message ?? '') ? GUARD : (code ?? String(error));
  }
}

const GUARD = 'refused by assurance_assessment_guard or assurance_assessment_part_guard';
const UNIQUE_VIOLATION = '23505';

describe('the database agrees with the assessment lifecycle', () => {
  const moves = ASSESSMENT_STATES.flatMap((state) => ASSESSMENT_ACTION_TYPES.map((action) => ({ state, action, allowed: assessmentActionsFrom(state).includes(action) })));

  it.each(moves.filter((move) => move.allowed))('accepts $action on a $state assessment, as the table allows', async ({ state, action }) => {
    const target = await assessmentIn(state);
    // START is allowed only for a quarter not yet assessed: its target is a fresh quarter.
    const subject = action === 'START' ? { ...target, key: nextQuarter() } : target;
    expect(await refusalOf(() => EFFECTS[action](subject))).toBeNull();
  });

  it.each(moves.filter((move) => !move.allowed))('refuses $action on a $state assessment, which the table forbids', async ({ state, action }) => {
    const target = await assessmentIn(state);
    // Starting a quarter already assessed meets the quarter key; every other forbidden change meets a guard.
    expect(await refusalOf(() => EFFECTS[action](target))).toBe(action === 'START' ? UNIQUE_VIOLATION : GUARD);
  });

  it('starts an assessment of a quarter not yet assessed (the table’s move from no state)', async () => {
    expect(assessmentActionsFrom(null)).toEqual(['START']);
    const key = nextQuarter();
    expect(await refusalOf(() => EFFECTS.START({ id: '', evidenceId: '', key }))).toBeNull();
  });

  const changes = ASSESSMENT_STATES.flatMap((from) => ASSESSMENT_STATES.filter((to) => to !== from).map((to) => ({ from, to, allowed: ASSESSMENT_STATUS_CHANGES.some((change) => change.from === from && change.to === to) })));

  it.each(changes)('a change of status from $from to $to is accepted exactly when the table makes it ($allowed)', async ({ from, to, allowed }) => {
    const { id } = await assessmentIn(from);
    const refusal = await refusalOf(() => sql(`UPDATE assurance_assessment SET status = $2::varchar, published_at = CASE WHEN $2::varchar = 'PUBLISHED' THEN now() END WHERE id = $1`, [id, to]));
    expect(refusal).toBe(allowed ? null : GUARD);
  });

  it.each([...ASSESSMENT_STATES])('lets the ratings and evidence of a %s assessment change exactly when the lifecycle keeps it editable', async (state) => {
    const target = await assessmentIn(state);
    const editable = ASSESSMENT_EDITABLE_STATES.includes(state);
    for (const action of ['RATE', 'ADD_EVIDENCE', 'REMOVE_EVIDENCE'] as const) {
      expect({ action, refusal: await refusalOf(() => EFFECTS[action](target)) }).toEqual({ action, refusal: editable ? null : GUARD });
    }
  });
});
