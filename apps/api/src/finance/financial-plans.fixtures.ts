// Test fixtures for the financial plan suites (*.int-spec.ts): a real database, a real server and signed-in
// clients, one per role. Not part of the running API.
import { Role } from '../auth/role';
import { OrganisationType } from '../organisations/organisation-type';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type GraphQLResponse, type TestClient, type TestServer } from '../testing/test-server';

export const LEEDS_NORTH = '02V';
export const SHEFFIELD = '03N';
export const NHS_ENGLAND = 'X24';
export const AREA_TEAM = 'Q72';

export type Lines = Record<string, string>;

// Worked examples from the seeds' own numbers (libs/domain/src/finance/RULES.md), used by the what-if and the
// stored-plan tests alike.

// Everyone Counts 2013/14 (seed 001 line 103): A = £250m; programme and running costs £241.25m,
// contingency £1.25m (0.5%), fund £5m (2%), so the surplus is £2.5m (1%): exactly 3.5% set aside.
export const balanced2013: Lines = {
  ACUTE: '150000000.00',
  MENTAL_HEALTH: '25000000.00',
  COMMUNITY: '20000000.00',
  PRIMARY_CARE: '10000000.00',
  PRESCRIBING: '30000000.00',
  CONTINUING_CARE: '3250000.00',
  RUNNING_COSTS: '3000000.00',
  CONTINGENCY: '1250000.00',
  NON_RECURRENT_FUND: '5000000.00',
};

// 2014/15 planning guidance (seed 001 line 26): 2.5% non-recurrent. A = £200m, fund held at 2% (£4m).
export const plan2014: Lines = {
  ACUTE: '120000000',
  MENTAL_HEALTH: '20000000',
  COMMUNITY: '16000000',
  PRIMARY_CARE: '8000000',
  PRESCRIBING: '24000000',
  CONTINUING_CARE: '2000000',
  RUNNING_COSTS: '3000000',
  CONTINGENCY: '1000000',
  NON_RECURRENT_FUND: '4000000',
};

// 2015/16 (seed 001 line 26): A = £400m; prior-year running costs £5m, planned £4.6m (down 8%, not 10%).
export const plan2015: Lines = {
  ACUTE: '200000000',
  MENTAL_HEALTH: '50000000',
  COMMUNITY: '40000000',
  PRIMARY_CARE: '30000000',
  PRESCRIBING: '35000000',
  CONTINUING_CARE: '15600000',
  RUNNING_COSTS: '4600000',
  BETTER_CARE_FUND: '8800000',
  CONTINGENCY: '2000000',
  NON_RECURRENT_FUND: '10000000',
};
export const linesOf = (lines: Lines) => Object.entries(lines).map(([category, amount]) => ({ category, amount }));

export interface RuleResult {
  rule: string;
  percentage: string;
  required: string;
  planned: string;
  shortfall: string;
  met: boolean;
  flexApplied: boolean;
  flexReason: string | null;
}

export interface Compliance {
  financialYear: string;
  compliant: boolean;
  plannedSpend: string;
  plannedSurplus: string;
  qippRequirement: string;
  qippPercentOfAllocation: string;
  rules: RuleResult[];
}

/** The compliance of `balanced2013` on £250m (seed 001 line 103): every rule met to the penny, no QIPP. */
export const BALANCED_2013_COMPLIANCE: Compliance = {
  financialYear: '2013/14',
  compliant: true,
  plannedSpend: '247500000.00',
  plannedSurplus: '2500000.00',
  qippRequirement: '0.00',
  qippPercentOfAllocation: '0.00',
  rules: [
    { rule: 'SURPLUS', percentage: '1', required: '2500000.00', planned: '2500000.00', shortfall: '0.00', met: true, flexApplied: false, flexReason: null },
    { rule: 'CONTINGENCY', percentage: '0.5', required: '1250000.00', planned: '1250000.00', shortfall: '0.00', met: true, flexApplied: false, flexReason: null },
    { rule: 'NON_RECURRENT_FUND', percentage: '2', required: '5000000.00', planned: '5000000.00', shortfall: '0.00', met: true, flexApplied: false, flexReason: null },
  ],
};

export interface Plan {
  id: string;
  ccg: { code: string; name: string };
  financialYear: string;
  status: string;
  compliant: boolean;
  version: number;
  illustrative: boolean;
  illustrativeNote: string | null;
  latestVersion: {
    number: number;
    status: string;
    allocation: string;
    lines: { category: string; amount: string }[];
    priorYearRunningCosts: string | null;
    betterCareFundMinimum: string | null;
    returnReason: string | null;
    createdBy: { username: string } | null;
    submittedBy: { username: string } | null;
    decidedBy: { username: string } | null;
    compliance: Compliance;
  };
  versions: { number: number; status: string; returnReason: string | null; allocation: string; compliance: { compliant: boolean } }[];
  flexes: { id: string; rule: string; percentage: string; reason: string; approvedBy: { username: string } | null; approvedOn: string; supersededAt: string | null }[];
  forecasts: { month: string; forecastOutturn: string; plannedSpend: string; variance: string; warningThreshold: string; warning: boolean }[];
  forecastWarningThresholdPercent: string;
  financialWarning: { month: string; adverseVariance: string; threshold: string; thresholdPercent: string } | null;
  availableActions: string[];
}

export const PLAN_FIELDS = `id ccg { code name } financialYear status compliant version illustrative illustrativeNote
  latestVersion {
    number status allocation lines { category amount } priorYearRunningCosts betterCareFundMinimum returnReason
    createdBy { username } submittedBy { username } decidedBy { username }
    compliance { financialYear compliant plannedSpend plannedSurplus qippRequirement qippPercentOfAllocation
      rules { rule percentage required planned shortfall met flexApplied flexReason } }
  }
  versions { number status returnReason allocation compliance { compliant } }
  flexes { id rule percentage reason approvedBy { username } approvedOn supersededAt }
  forecasts { month forecastOutturn plannedSpend variance warningThreshold warning }
  forecastWarningThresholdPercent
  financialWarning { month adverseVariance threshold thresholdPercent }
  availableActions`;

export const GET_PLAN = `query Plan($ccg: String!, $year: String!) { financialPlan(ccg: $ccg, financialYear: $year) { ${PLAN_FIELDS} } }`;
const mutation = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { ${PLAN_FIELDS} } }`;
export const CREATE = mutation('createFinancialPlanDraft', 'CreateFinancialPlanDraftInput');
export const UPDATE = mutation('updateFinancialPlanDraft', 'UpdateFinancialPlanDraftInput');
export const SUBMIT = mutation('submitFinancialPlan', 'SubmitFinancialPlanInput');
export const APPROVE = mutation('approveFinancialPlan', 'ApproveFinancialPlanInput');
export const RETURN = mutation('returnFinancialPlan', 'ReturnFinancialPlanInput');
export const FLEX = mutation('recordPlanFlex', 'RecordPlanFlexInput');
export const FORECAST = mutation('recordForecastOutturn', 'RecordForecastOutturnInput');
export const THRESHOLD = mutation('setForecastWarningThreshold', 'SetForecastWarningThresholdInput');

/** A finance client's signed-in clients by role, on a fresh database with the organisations and users the suites use. */
export interface FinanceWorld {
  db: TestDatabase;
  server: TestServer;
  leedsFinance: TestClient;
  sheffieldFinance: TestClient;
  areaTeamFinance: TestClient;
  assessor: TestClient;
  admin: TestClient;
  manager: TestClient;
  anonymous: TestClient;
  close(): Promise<void>;
}

export async function setUpFinanceWorld(): Promise<FinanceWorld> {
  const db = await createTestDatabase();
  await insertOrganisation(db.dataSource, LEEDS_NORTH, 'NHS LEEDS NORTH CCG');
  await insertOrganisation(db.dataSource, SHEFFIELD, 'NHS SHEFFIELD CCG');
  await insertOrganisation(db.dataSource, NHS_ENGLAND, 'NHS ENGLAND', OrganisationType.NHS_ENGLAND);
  await insertOrganisation(db.dataSource, AREA_TEAM, 'NHS ENGLAND YORKSHIRE AND HUMBER', OrganisationType.AREA_TEAM);
  const users: [string, Role, string][] = [
    ['leeds-finance', Role.FINANCE_OFFICER, LEEDS_NORTH],
    ['sheffield-finance', Role.FINANCE_OFFICER, SHEFFIELD],
    ['area-team-finance', Role.FINANCE_OFFICER, AREA_TEAM],
    ['assessor', Role.ASSESSOR, NHS_ENGLAND],
    ['admin', Role.ADMIN, NHS_ENGLAND],
    ['manager', Role.COMMISSIONING_MANAGER, LEEDS_NORTH],
  ];
  for (const [username, role, organisationCode] of users) await insertUser(db.dataSource, username, [{ role, organisationCode }]);
  const server = await startTestServer(db.dataSource);
  const signedIn = (username: string) => server.signedInClient(username);
  return {
    db,
    server,
    leedsFinance: await signedIn('leeds-finance'),
    sheffieldFinance: await signedIn('sheffield-finance'),
    areaTeamFinance: await signedIn('area-team-finance'),
    assessor: await signedIn('assessor'),
    admin: await signedIn('admin'),
    manager: await signedIn('manager'),
    anonymous: server.client(),
    async close() {
      await server.close();
      await db.drop();
    },
  };
}

type PlanResponse = GraphQLResponse<Record<string, Plan>>;

/** Sends a mutation answering with a plan; gives the plan, or throws with the errors when there are any. */
export async function mutatePlan(client: TestClient, operation: string, input: Record<string, unknown>): Promise<Plan> {
  const response = (await client.graphql(operation, { input })) as PlanResponse;
  if (response.errors?.length || !response.data) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
  return Object.values(response.data)[0];
}

/** Sends a mutation expected to fail; gives the first error's extensions. */
export async function refusal(client: TestClient, operation: string, input: Record<string, unknown>): Promise<{ code?: string; reason?: string; [key: string]: unknown }> {
  const response = (await client.graphql(operation, { input })) as PlanResponse;
  if (!response.errors?.length) throw new Error(`expected a refusal, got ${JSON.stringify(response.data)}`);
  return response.errors[0].extensions ?? {};
}

export async function readPlan(client: TestClient, ccg: string, year: string): Promise<Plan | null> {
  const response = await client.graphql<{ financialPlan: Plan | null }>(GET_PLAN, { ccg, year });
  if (response.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
  return response.data?.financialPlan ?? null;
}

export const ruleOf = (plan: Plan, rule: string) => plan.latestVersion.compliance.rules.find((r) => r.rule === rule);
