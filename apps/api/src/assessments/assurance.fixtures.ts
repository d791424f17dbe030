// Test fixtures for the assurance suites (*.int-spec.ts): a real database, a real server and signed-in clients,
// one per role. Not part of the running API.
import { Role } from '../auth/role';
import { OrganisationType } from '../organisations/organisation-type';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type GraphQLResponse, type TestClient, type TestServer } from '../testing/test-server';

export const LEEDS_NORTH = '02V';
export const LEEDS_WEST = '03C';
export const SHEFFIELD = '03N';
export const KENT_MEDWAY = '09W';
export const NHS_ENGLAND = 'X24';

export const ASSESSMENT_FIELDS = `id ccg { code name } financialYear quarter quarterLabel periodStart periodEnd status version assessedOn fullyRated
  framework { id areaTerm domains { code name critical } }
  ratings { domain { code } rating narrative ratedBy { username } }
  proposal { category step rule policy reasons { step rule fired domains explanation } }
  decidedCategory rationale differsFromProposal decidedBy { username } nextAssessmentDue
  evidence { id kind partner domain reference url note addedBy { username } }
  comments { id author { username } text }
  publishedAt publishedBy { username } illustrative illustrativeNote`;

export interface Assessment {
  id: string;
  ccg: { code: string; name: string };
  financialYear: string;
  quarter: number;
  quarterLabel: string;
  periodStart: string;
  periodEnd: string;
  status: 'DRAFT' | 'PUBLISHED';
  version: number;
  assessedOn: string;
  fullyRated: boolean;
  framework: { id: string; areaTerm: string; domains: { code: string; name: string; critical: boolean }[] };
  ratings: { domain: { code: string }; rating: string | null; narrative: string | null; ratedBy: { username: string } | null }[];
  proposal: { category: string; step: number; rule: string; policy: string; reasons: { step: number; rule: string; fired: boolean; domains: string[]; explanation: string }[] } | null;
  decidedCategory: string | null;
  rationale: string | null;
  differsFromProposal: boolean | null;
  decidedBy: { username: string } | null;
  nextAssessmentDue: string | null;
  evidence: { id: string; kind: string; partner: string | null; domain: string | null; reference: string | null; url: string | null; note: string | null; addedBy: { username: string } | null }[];
  comments: { id: string; author: { username: string }; text: string }[] | null;
  publishedAt: string | null;
  publishedBy: { username: string } | null;
  illustrative: boolean;
  illustrativeNote: string | null;
}

const assessmentMutation = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { ${ASSESSMENT_FIELDS} } }`;
export const START = assessmentMutation('startAssessment', 'StartAssessmentInput');
export const RATE = assessmentMutation('rateAssessment', 'RateAssessmentInput');
export const DECIDE = assessmentMutation('decideAssessmentCategory', 'DecideAssessmentCategoryInput');
export const ADD_EVIDENCE = assessmentMutation('addAssessmentEvidence', 'AddAssessmentEvidenceInput');
export const REMOVE_EVIDENCE = assessmentMutation('removeAssessmentEvidence', 'RemoveAssessmentEvidenceInput');
export const PUBLISH = assessmentMutation('publishAssessment', 'PublishAssessmentInput');
export const COMMENT = assessmentMutation('commentOnAssessment', 'CommentOnAssessmentInput');
export const GET_ASSESSMENT = `query($id: ID!) { assessment(id: $id) { ${ASSESSMENT_FIELDS} } }`;

export const EPISODE_FIELDS = `id ccg { code } state version proposedOn assuranceCategory triggers { code kind } enteredOn improvementDirector escalationKind closedOn
  publiclyNotified availableActions
  events { action from to on note noticeUrl improvementDirector intensiveSupport summary escalationKind recordedBy { username } }
  progressReports { on summary }
  clock { asOf entryDate dueBy open monthsRemaining daysRemaining overdue daysOverdue closedAfterDueBy }
  improvementPlan { signedOffOn totalActions completedActions inProgressActions notStartedActions overdueActions actions { id description owner dueOn status overdue } }
  illustrative`;

export interface Episode {
  id: string;
  ccg: { code: string };
  state: string;
  version: number;
  proposedOn: string;
  assuranceCategory: string;
  triggers: { code: string; kind: string }[];
  enteredOn: string | null;
  improvementDirector: string | null;
  escalationKind: string | null;
  closedOn: string | null;
  publiclyNotified: boolean;
  availableActions: string[];
  events: { action: string; from: string; to: string; on: string; note: string | null; summary: string | null; escalationKind: string | null; recordedBy: { username: string } | null }[];
  progressReports: { on: string; summary: string }[];
  clock: { asOf: string; entryDate: string; dueBy: string; open: boolean; monthsRemaining: number; daysRemaining: number; overdue: boolean; daysOverdue: number; closedAfterDueBy: boolean } | null;
  improvementPlan: {
    signedOffOn: string | null;
    totalActions: number;
    completedActions: number;
    inProgressActions: number;
    notStartedActions: number;
    overdueActions: number;
    actions: { id: string; description: string; owner: string; dueOn: string; status: string; overdue: boolean }[];
  };
  illustrative: boolean;
}

const episodeMutation = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { ${EPISODE_FIELDS} } }`;
export const PROPOSE = episodeMutation('proposeSpecialMeasures', 'ProposeSpecialMeasuresInput');
export const APPLY = episodeMutation('applySpecialMeasuresAction', 'ApplySpecialMeasuresActionInput');
export const ADD_ACTION = episodeMutation('addImprovementAction', 'AddImprovementActionInput');
export const UPDATE_ACTION = episodeMutation('updateImprovementAction', 'UpdateImprovementActionInput');

export const CCG_ASSURANCE_FIELDS = `ccg { code } asOf includesDrafts currentCategory currentAssessment { id } lastAssessedOn nextAssessmentDue assessmentOverdue
  assessments { id status quarterLabel decidedCategory comments { text } }
  ratingsOverTime { framework domain { code } points { assessmentId quarterLabel rating status } }
  specialMeasures { ${EPISODE_FIELDS} }
  specialMeasuresEpisodes { id state publiclyNotified }
  buddy { ccg { code } assignedOn }
  stakeholderSurvey { surveyYear questionCode question percentagePositive }`;
export const CCG_ASSURANCE = `query($ccg: String!, $asOf: Date) { ccgAssurance(ccg: $ccg, asOf: $asOf) { ${CCG_ASSURANCE_FIELDS} } }`;
export const PUBLISHED_ASSURANCE = `query($ccg: String!, $asOf: Date) { publishedAssurance(ccg: $ccg, asOf: $asOf) { ${CCG_ASSURANCE_FIELDS} } }`;

/** Signed-in clients by role, on a fresh database with the organisations and users the suites use. */
export interface AssuranceWorld {
  db: TestDatabase;
  server: TestServer;
  assessor: TestClient;
  leedsFinance: TestClient;
  leedsManager: TestClient;
  leedsBoard: TestClient;
  sheffieldFinance: TestClient;
  sheffieldManager: TestClient;
  admin: TestClient;
  analyst: TestClient;
  anonymous: TestClient;
  close(): Promise<void>;
}

export async function setUpAssuranceWorld(): Promise<AssuranceWorld> {
  const db = await createTestDatabase();
  for (const [code, name] of [
    [LEEDS_NORTH, 'NHS LEEDS NORTH CCG'],
    [LEEDS_WEST, 'NHS LEEDS WEST CCG'],
    [SHEFFIELD, 'NHS SHEFFIELD CCG'],
    [KENT_MEDWAY, 'NHS MEDWAY CCG'],
  ]) {
    await insertOrganisation(db.dataSource, code, name);
  }
  await insertOrganisation(db.dataSource, NHS_ENGLAND, 'NHS ENGLAND', OrganisationType.NHS_ENGLAND);
  const users: [string, Role, string][] = [
    ['assessor', Role.ASSESSOR, NHS_ENGLAND],
    ['leeds-finance', Role.FINANCE_OFFICER, LEEDS_NORTH],
    ['leeds-manager', Role.COMMISSIONING_MANAGER, LEEDS_NORTH],
    ['leeds-board', Role.BOARD_MEMBER, LEEDS_NORTH],
    ['sheffield-finance', Role.FINANCE_OFFICER, SHEFFIELD],
    ['sheffield-manager', Role.COMMISSIONING_MANAGER, SHEFFIELD],
    ['admin', Role.ADMIN, NHS_ENGLAND],
    ['analyst', Role.ANALYST, NHS_ENGLAND],
  ];
  for (const [username, role, organisationCode] of users) await insertUser(db.dataSource, username, [{ role, organisationCode }]);
  const server = await startTestServer(db.dataSource);
  const signedIn = (username: string) => server.signedInClient(username);
  return {
    db,
    server,
    assessor: await signedIn('assessor'),
    leedsFinance: await signedIn('leeds-finance'),
    leedsManager: await signedIn('leeds-manager'),
    leedsBoard: await signedIn('leeds-board'),
    sheffieldFinance: await signedIn('sheffield-finance'),
    sheffieldManager: await signedIn('sheffield-manager'),
    admin: await signedIn('admin'),
    analyst: await signedIn('analyst'),
    anonymous: server.client(),
    async close() {
      await server.close();
      await db.drop();
    },
  };
}

export type Extensions = { code?: string; reason?: string; details?: Record<string, unknown>; [key: string]: unknown };

/** Sends an operation expected to succeed; gives its first root field, or throws with the errors. */
export async function succeed<T>(client: TestClient, operation: string, variables: Record<string, unknown>): Promise<T> {
  const response = (await client.graphql(operation, variables)) as GraphQLResponse<Record<string, T>>;
  if (response.errors?.length || !response.data) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
  return Object.values(response.data)[0];
}

/** Sends an operation expected to fail; gives the first error's extensions. */
export async function refusal(client: TestClient, operation: string, variables: Record<string, unknown>): Promise<Extensions> {
  const response = await client.graphql(operation, variables);
  if (!response.errors?.length) throw new Error(`expected a refusal, got ${JSON.stringify(response.data)}`);
  return (response.errors[0].extensions ?? {}) as Extensions;
}

export const mutate = <T>(client: TestClient, operation: string, input: Record<string, unknown>) => succeed<T>(client, operation, { input });
export const refuse = (client: TestClient, operation: string, input: Record<string, unknown>) => refusal(client, operation, { input });

/** The five 2015/16 components rated in the given order: well led, performance, financial management, planning, delegated functions. */
export const ratings2015 = (wellLed: string, performance: string, finance: string, planning: string, delegated: string) => [
  { domain: 'WELL_LED', rating: wellLed },
  { domain: 'PERFORMANCE', rating: performance },
  { domain: 'FINANCIAL_MANAGEMENT', rating: finance },
  { domain: 'PLANNING', rating: planning },
  { domain: 'DELEGATED_FUNCTIONS', rating: delegated },
];

/** Starts, rates, decides (the proposal unless told otherwise) and publishes an assessment; gives it published. */
export async function publishAssessment(
  client: TestClient,
  input: { ccg: string; financialYear: string; quarter: number; assessedOn: string; ratings: { domain: string; rating: string }[]; decide?: string; rationale?: string },
): Promise<Assessment> {
  let assessment = await mutate<Assessment>(client, START, { ccg: input.ccg, financialYear: input.financialYear, quarter: input.quarter, assessedOn: input.assessedOn });
  assessment = await mutate<Assessment>(client, RATE, { assessmentId: assessment.id, expectedVersion: assessment.version, ratings: input.ratings });
  assessment = await mutate<Assessment>(client, DECIDE, {
    assessmentId: assessment.id,
    expectedVersion: assessment.version,
    category: input.decide ?? assessment.proposal?.category,
    rationale: input.rationale ?? null,
  });
  return mutate<Assessment>(client, PUBLISH, { assessmentId: assessment.id, expectedVersion: assessment.version });
}
