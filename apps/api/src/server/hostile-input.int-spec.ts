import { AssessmentCommentEntity } from '../assessments/assessment-comment.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { Role } from '../auth/role';
import { FinancialPlanEntity } from '../finance/financial-plan.entity';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';

const LEEDS_NORTH = '02V';
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { username } }`;
const COMMENT = `mutation($input: CommentOnAssessmentInput!) { commentOnAssessment(input: $input) { id } }`;
const CREATE_PLAN = `mutation($input: CreateFinancialPlanDraftInput!) { createFinancialPlanDraft(input: $input) { id } }`;
const EVALUATE = `query($input: FinancialPlanInput!) { evaluatePlanCompliance(input: $input) { plannedSpend plannedSurplus } }`;

/** Bad input that used to reach PostgreSQL and come back as INTERNAL_SERVER_ERROR (issue 13, point 3). */
describe('hostile input is refused as bad input, never a 500', () => {
  let db: TestDatabase;
  let server: TestServer;
  const count = (entity: typeof AuditEventEntity | typeof AssessmentCommentEntity | typeof FinancialPlanEntity) => db.dataSource.getRepository(entity).count();

  beforeAll(async () => {
    db = await createTestDatabase();
    await insertOrganisation(db.dataSource, LEEDS_NORTH, 'NHS Leeds North CCG');
    await insertUser(db.dataSource, 'finance', [{ role: Role.FINANCE_OFFICER, organisationCode: LEEDS_NORTH }]);
    server = await startTestServer(db.dataSource);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  describe('a NUL character (U+0000) in any string', () => {
    it('in the signIn username (a variable) is INVALID_CHARACTER naming the variable path, and signs nobody in', async () => {
      const client = server.client();
      const response = await client.graphql(SIGN_IN, { input: { username: 'finance\u0000', password: 'x' } });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTER', details: { fields: ['variables.input.username'] } });
      expect(client.lastSetCookie).toBeNull();
    });

    it('in an inline argument is INVALID_CHARACTER naming the field, argument and input field', async () => {
      const response = await server.client().graphql(`mutation { signIn(input: { username: "fin\\u0000ance", password: "x" }) { username } }`);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTER', details: { fields: ['signIn.input.username'] } });
    });

    it('in a comment is INVALID_CHARACTER, and nothing is saved or audited', async () => {
      const client = await server.signedInClient('finance');
      const [comments, audit] = [await count(AssessmentCommentEntity), await count(AuditEventEntity)];
      const response = await client.graphql(COMMENT, { input: { assessmentId: '1', text: 'We disagree\u0000' } });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTER', details: { fields: ['variables.input.text'] } });
      expect(await count(AssessmentCommentEntity)).toBe(comments);
      expect(await count(AuditEventEntity)).toBe(audit);
    });

    it('deep in a nested input (a plan line) is INVALID_CHARACTER naming the line, and no plan is saved', async () => {
      const client = await server.signedInClient('finance');
      const response = await client.graphql(CREATE_PLAN, {
        input: { ccg: LEEDS_NORTH, financialYear: '2014/15', allocation: '100.00', lines: [{ category: 'ACUTE', amount: '90.00' }, { category: 'CONTINGENCY', amount: '1\u0000' }] },
      });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTER', details: { fields: ['variables.input.lines.1.amount'] } });
      expect(await count(FinancialPlanEntity)).toBe(0);
    });
  });

  describe('money beyond what the database keeps (numeric(14,2))', () => {
    it('is refused by the Money scalar as MONEY_OUT_OF_RANGE when saving a plan, and nothing is saved', async () => {
      const client = await server.signedInClient('finance');
      const audit = await count(AuditEventEntity);
      const response = await client.graphql(CREATE_PLAN, {
        input: { ccg: LEEDS_NORTH, financialYear: '2014/15', allocation: '1000000000000.00', lines: [{ category: 'ACUTE', amount: '90.00' }] },
      });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MONEY_OUT_OF_RANGE' });
      expect(await count(FinancialPlanEntity)).toBe(0);
      expect(await count(AuditEventEntity)).toBe(audit);
    });

    it('is refused by evaluatePlanCompliance by the same bound', async () => {
      const response = await server.client().graphql(EVALUATE, { input: { financialYear: '2014/15', allocation: '100.00', lines: [{ category: 'ACUTE', amount: '-1000000000000' }] } });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MONEY_OUT_OF_RANGE' });
    });

    it('accepts the largest amount the column holds', async () => {
      const response = await server.client().graphql(EVALUATE, { input: { financialYear: '2014/15', allocation: '999999999999.99', lines: [{ category: 'ACUTE', amount: '1.00' }] } });
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ evaluatePlanCompliance: { plannedSpend: '1.00', plannedSurplus: '999999999998.99' } });
    });

    it('reads -0 and -0.00 as zero, not as a negative amount', async () => {
      const response = await server.client().graphql(EVALUATE, {
        input: { financialYear: '2014/15', allocation: '100.00', lines: [{ category: 'ACUTE', amount: '-0' }, { category: 'CONTINGENCY', amount: '-0.00' }] },
      });
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ evaluatePlanCompliance: { plannedSpend: '0.00', plannedSurplus: '100.00' } });
    });
  });

  describe('a malformed session cookie (ccg_session=%ZZ)', () => {
    const malformed = { cookie: 'ccg_session=%ZZ' };

    it('reads as signed out on /graphql', async () => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...malformed },
        body: JSON.stringify({ query: '{ me { username } }' }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { me: null } });
    });

    it('is not an error on the health check or a report either', async () => {
      expect((await fetch(`${server.url}/healthz`, { headers: malformed })).status).toBe(200);
      expect((await fetch(`${server.url}/reports/assurance/england/2015-16.pdf`, { headers: malformed })).status).toBeLessThan(500);
    });
  });
});
