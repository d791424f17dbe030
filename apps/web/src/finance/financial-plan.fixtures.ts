// Test fixtures for the finance pages' component tests: stored plans shaped as the API returns them, their
// compliance worked out by the same domain function the API runs. Not imported by the app.
import {
  availableFinancialPlanActions,
  evaluatePlanCompliance,
  FINANCE_ROUNDING,
  Money,
  Percentage,
  type FinancialPlanActorKind,
  type FinancialRuleCode,
  type PlanCategory,
  type PlanCompliance,
} from '@ccg-assure/domain';
import type { MockLink } from '@apollo/client/testing';
import type { FinancialPlanStatus, ViewerQuery } from '../gql/graphql';
import type { StoredPlan, StoredVersion } from './financial-plan.fragment';

type Viewer = NonNullable<ViewerQuery['me']>;

export const financeOfficer: Viewer = {
  id: '1',
  username: 'demo-finance-officer',
  displayName: 'Demo Finance Officer',
  mustChangePassword: false,
  roles: [{ role: 'FINANCE_OFFICER', organisation: { code: '02V', name: 'NHS LEEDS NORTH CCG' } }],
};

export const assessor: Viewer = {
  id: '2',
  username: 'demo-assessor',
  displayName: 'Demo Assessor',
  mustChangePassword: false,
  roles: [{ role: 'ASSESSOR', organisation: { code: 'X24', name: 'NHS ENGLAND' } }],
};

/** 2014/15 (2.5% non-recurrent fund) on £200m with the fund at £4m: short by £1m, QIPP £1m. */
export const LINES_2014: Partial<Record<PlanCategory, string>> = {
  ACUTE: '120000000.00',
  MENTAL_HEALTH: '20000000.00',
  COMMUNITY: '16000000.00',
  PRIMARY_CARE: '8000000.00',
  PRESCRIBING: '24000000.00',
  CONTINUING_CARE: '2000000.00',
  RUNNING_COSTS: '3000000.00',
  CONTINGENCY: '1000000.00',
  NON_RECURRENT_FUND: '4000000.00',
};

const actor = (displayName: string, username: string) => ({ __typename: 'PlanActor' as const, username, displayName });
export const officerActor = actor('Demo Finance Officer', 'demo-finance-officer');
export const assessorActor = actor('Demo Assessor', 'demo-assessor');

/** The API's PlanCompliance for the figures, from the domain's own function. */
export function complianceOf(financialYear: string, allocation: string, lines: Partial<Record<PlanCategory, string>>, flexes: readonly StoredFlex[] = []): StoredVersion['compliance'] {
  const result: PlanCompliance = evaluatePlanCompliance({
    financialYear,
    allocation: Money.parse(allocation),
    lines: Object.entries(lines).map(([category, amount]) => ({ category: category as PlanCategory, amount: Money.parse(amount as string) })),
    ...(flexes.length ? { flexes: flexes.map((flex) => ({ rule: flex.rule, percentage: Percentage.parse(flex.percentage), reason: flex.reason })) } : {}),
  });
  return {
    __typename: 'PlanCompliance',
    financialYear: result.financialYear,
    compliant: result.compliant,
    plannedSpend: result.plannedSpend.toString(),
    plannedSurplus: result.plannedSurplus.toString(),
    qippRequirement: result.qippRequirement.toString(),
    qippPercentOfAllocation: result.qippPercentOfAllocation,
    rules: result.rules.map((rule) => ({
      __typename: 'RuleCompliance',
      rule: rule.rule,
      percentage: rule.percentage.toString(),
      required: rule.required.toString(),
      planned: rule.planned.toString(),
      shortfall: rule.shortfall.toString(),
      met: rule.met,
      flexApplied: rule.flexApplied,
      flexReason: rule.flexReason ?? null,
    })),
  } as StoredVersion['compliance'];
}

export function version(options: {
  number: number;
  status: FinancialPlanStatus;
  allocation?: string;
  lines?: Partial<Record<PlanCategory, string>>;
  financialYear?: string;
  returnReason?: string | null;
  /** Flexes the API applied to the version's compliance. */
  flexes?: readonly StoredFlex[];
}): StoredVersion {
  const financialYear = options.financialYear ?? '2014/15';
  const allocation = options.allocation ?? '200000000.00';
  const lines = options.lines ?? LINES_2014;
  const submitted = options.status !== 'DRAFT';
  const decided = options.status === 'APPROVED' || options.status === 'RETURNED';
  return {
    __typename: 'FinancialPlanVersion',
    number: options.number,
    status: options.status,
    allocation,
    lines: Object.entries(lines).map(([category, amount]) => ({ __typename: 'PlanLine', category: category as PlanCategory, amount: amount as string })),
    priorYearRunningCosts: null,
    betterCareFundMinimum: null,
    compliance: complianceOf(financialYear, allocation, lines, options.flexes),
    createdBy: officerActor,
    createdAt: `2014-0${options.number + 1}-01T09:00:00.000Z`,
    updatedBy: officerActor,
    updatedAt: `2014-0${options.number + 1}-02T09:00:00.000Z`,
    submittedBy: submitted ? officerActor : null,
    submittedAt: submitted ? `2014-0${options.number + 1}-03T09:00:00.000Z` : null,
    decidedBy: decided ? assessorActor : null,
    decidedAt: decided ? `2014-0${options.number + 1}-04T09:00:00.000Z` : null,
    returnReason: options.status === 'RETURNED' ? (options.returnReason ?? 'The non-recurrent fund is short.') : null,
  } as StoredVersion;
}

export function storedPlan(
  options: {
    version?: number;
    versions?: StoredVersion[];
    illustrative?: boolean;
    flexes?: StoredFlex[];
    forecasts?: StoredPlan['forecasts'];
    forecastWarningThresholdPercent?: string;
    financialWarning?: StoredPlan['financialWarning'];
  } = {},
): StoredPlan {
  const versions = options.versions ?? [version({ number: 1, status: 'DRAFT' })];
  const latest = versions.reduce((a, b) => (a.number > b.number ? a : b));
  return {
    __typename: 'FinancialPlan',
    id: '7f1c2f1e-0000-4000-8000-000000000001',
    ccg: { __typename: 'Organisation', code: '02V', name: 'NHS LEEDS NORTH CCG' },
    financialYear: '2014/15',
    status: latest.status,
    // A reader's: answeredTo() gives each viewer's actions, as the API does.
    availableActions: [],
    compliant: latest.compliance.compliant,
    version: options.version ?? 3,
    illustrative: options.illustrative ?? false,
    illustrativeNote: options.illustrative ? 'Figures invented for demonstration, at the scale of a real CCG allocation.' : null,
    latestVersion: latest,
    versions: [...versions].sort((a, b) => b.number - a.number),
    flexes: options.flexes ?? [],
    forecasts: options.forecasts ?? [],
    forecastWarningThresholdPercent: options.forecastWarningThresholdPercent ?? '1',
    financialWarning: options.financialWarning ?? null,
    updatedAt: latest.updatedAt,
  } as StoredPlan;
}

export type StoredFlex = StoredPlan['flexes'][number];

/** A flex in force, recorded by the demo assessor. */
export function flex(rule: FinancialRuleCode, percentage: string, reason: string, approvedOn = '2015-02-10'): StoredFlex {
  return {
    __typename: 'PlanFlex',
    id: `flex-${rule}-${percentage}`,
    rule,
    percentage,
    reason,
    approvedBy: assessorActor,
    approvedOn,
    recordedAt: `${approvedOn}T12:00:00.000Z`,
    supersededAt: null,
  } as StoredFlex;
}

/**
 * A month's forecast against the 2014/15 fixture plan (planned spend £198m on £200m): the variance and the
 * warning as the API works them out, at the threshold given as a percentage of allocation.
 */
export function forecastOf(month: string, outturn: string, thresholdPercent = '1'): StoredPlan['forecasts'][number] {
  const planned = Money.parse('198000000.00');
  const threshold = Money.parse('200000000.00').multiplyByPercentage(Percentage.parse(thresholdPercent), FINANCE_ROUNDING);
  const variance = Money.parse(outturn).minus(planned);
  return {
    __typename: 'ForecastOutturn',
    month,
    forecastOutturn: outturn,
    plannedSpend: planned.toString(),
    variance: variance.toString(),
    warningThreshold: threshold.toString(),
    warning: variance.compare(threshold) > 0,
    recordedAt: `${month}-20T09:00:00.000Z`,
  } as StoredPlan['forecasts'][number];
}

/** The lifecycle's actor kinds the API gives a fixture viewer over CCG 02V's plans. */
function actorKindsOf(viewer: Viewer): FinancialPlanActorKind[] {
  return viewer.roles.flatMap((assignment): FinancialPlanActorKind[] =>
    assignment.role === 'ASSESSOR' ? ['ASSESSOR'] : assignment.role === 'FINANCE_OFFICER' && assignment.organisation.code === '02V' ? ['CCG_FINANCE'] : [],
  );
}

/** Sets each FinancialPlan's availableActions in an answer, at any depth, as the API works them out for `viewer`. */
function withActions(value: unknown, viewer: Viewer): unknown {
  if (Array.isArray(value)) return value.map((item) => withActions(item, viewer));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, item]) => [key, withActions(item, viewer)]);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  if (object.__typename === 'FinancialPlan') object.availableActions = availableFinancialPlanActions(object.status as StoredPlan['status'], actorKindsOf(viewer));
  return object;
}

/**
 * The mocked answers as the API gives them to `viewer`: every plan in them carries the actions the
 * plan's lifecycle allows that viewer now (the domain's table, as the API applies it).
 */
export function answeredTo(viewer: Viewer, mocks: readonly MockLink.MockedResponse[]): MockLink.MockedResponse[] {
  return mocks.map((mock) => (mock.result && typeof mock.result === 'object' ? { ...mock, result: withActions(mock.result, viewer) as typeof mock.result } : mock));
}
