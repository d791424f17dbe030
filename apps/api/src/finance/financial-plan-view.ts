import {
  assessForecastVariance,
  availableFinancialPlanActions,
  evaluatePlanCompliance,
  Money,
  Percentage,
  yearMonthOf,
  type FinancialPlanActionType,
  type FinancialPlanActorKind,
  type FinancialRuleCode,
  type PlanCategory,
  type PlanCompliance,
  type PlanFlex,
} from '@ccg-assure/domain';
import type { UserEntity } from '../auth/user.entity';
import type { FinancialPlanFlexEntity } from './financial-plan-flex.entity';
import { FinancialPlanStatus } from './finance-enums';
import type { PlanRecord, PlanVersionRecord, VersionContent } from './financial-plans.repository';

// What the finance service answers (views, never GraphQL types), built from stored records by pure functions:
// compliance by the domain's evaluatePlanCompliance, forecast variance by its assessForecastVariance, and the
// actions open to the viewer by the domain's financial plan lifecycle.

/** Who did something: null when the system did (the illustrative demo plans). */
export type PlanActorView = { username: string; displayName: string } | null;

export interface FinancialPlanVersionView {
  number: number;
  status: FinancialPlanStatus;
  allocation: Money;
  lines: { category: PlanCategory; amount: Money }[];
  priorYearRunningCosts: Money | null;
  betterCareFundMinimum: Money | null;
  compliance: PlanCompliance;
  createdBy: PlanActorView;
  createdAt: Date;
  updatedBy: PlanActorView;
  updatedAt: Date;
  submittedBy: PlanActorView;
  submittedAt: Date | null;
  decidedBy: PlanActorView;
  decidedAt: Date | null;
  returnReason: string | null;
}

export interface PlanFlexView {
  id: string;
  rule: FinancialRuleCode;
  percentage: Percentage;
  reason: string;
  approvedBy: PlanActorView;
  approvedOn: string;
  recordedAt: Date;
  supersededAt: Date | null;
}

export interface ForecastOutturnView {
  /** 'yyyy-mm'. */
  month: string;
  forecastOutturn: Money;
  plannedSpend: Money;
  variance: Money;
  warningThreshold: Money;
  warning: boolean;
  recordedBy: PlanActorView;
  recordedAt: Date;
}

export interface FinancialWarningView {
  month: string;
  adverseVariance: Money;
  threshold: Money;
  thresholdPercent: Percentage;
}

export interface FinancialPlanView {
  id: string;
  ccgCode: string;
  financialYear: string;
  status: FinancialPlanStatus;
  compliant: boolean;
  version: number;
  latestVersion: FinancialPlanVersionView;
  versions: FinancialPlanVersionView[];
  flexes: PlanFlexView[];
  forecasts: ForecastOutturnView[];
  forecastWarningThresholdPercent: Percentage;
  financialWarning: FinancialWarningView | null;
  illustrative: boolean;
  illustrativeNote: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** What the viewer may do to the plan now, in the lifecycle's table order. */
  availableActions: FinancialPlanActionType[];
}

/** A version's figures, as the domain takes them. */
export interface PlanFigures {
  allocation: Money;
  lines: readonly { category: PlanCategory; amount: Money }[];
  priorYearRunningCosts?: Money | null;
  betterCareFundMinimum?: Money | null;
}

const parseOptional = (text: string | null) => (text === null ? null : Money.parse(text));

const actorOf = (user: UserEntity | null | undefined): PlanActorView => (user ? { username: user.username, displayName: user.displayName } : null);

/** The flexes in force, as the domain takes them. */
export function flexesInForce(flexes: readonly FinancialPlanFlexEntity[]): PlanFlex[] {
  return flexes
    .filter((flex) => flex.supersededAt === null)
    .map((flex) => ({ rule: flex.rule as FinancialRuleCode, percentage: Percentage.parse(flex.percentage), reason: flex.reason }));
}

/** Checks a version's figures against its year's rules with the plan's flexes: the domain's evaluatePlanCompliance, nothing else. */
export function checkCompliance(financialYear: string, figures: PlanFigures, flexes: readonly PlanFlex[]): PlanCompliance {
  return evaluatePlanCompliance({
    financialYear,
    allocation: figures.allocation,
    lines: figures.lines,
    priorYearRunningCosts: figures.priorYearRunningCosts ?? undefined,
    betterCareFundMinimum: figures.betterCareFundMinimum ?? undefined,
    flexes,
  });
}

export function figuresOf(version: PlanVersionRecord): PlanFigures {
  return {
    allocation: Money.parse(version.allocation),
    lines: version.lines.map((line) => ({ category: line.category as PlanCategory, amount: Money.parse(line.amount) })),
    priorYearRunningCosts: parseOptional(version.priorYearRunningCosts),
    betterCareFundMinimum: parseOptional(version.betterCareFundMinimum),
  };
}

/** The figures as written: the numerics' exact text. */
export function contentOf(figures: PlanFigures): VersionContent {
  return {
    allocation: figures.allocation.toString(),
    priorYearRunningCosts: figures.priorYearRunningCosts?.toString() ?? null,
    betterCareFundMinimum: figures.betterCareFundMinimum?.toString() ?? null,
    lines: figures.lines.map((line) => ({ category: line.category, amount: line.amount.toString() })),
  };
}

/**
 * Builds what a client sees of a plan: compliance computed now by the domain, forecasts measured against the
 * approved version, and the actions someone holding `actorKinds` may take (none for the system's own uses).
 */
export function toPlanView(record: PlanRecord, actorKinds: readonly FinancialPlanActorKind[] = []): FinancialPlanView {
  const { plan } = record;
  const flexes = flexesInForce(record.flexes);
  const versions = record.versions.map((version): FinancialPlanVersionView => {
    const figures = figuresOf(version);
    return {
      number: version.number,
      status: version.status,
      allocation: figures.allocation,
      lines: [...figures.lines],
      priorYearRunningCosts: figures.priorYearRunningCosts ?? null,
      betterCareFundMinimum: figures.betterCareFundMinimum ?? null,
      compliance: checkCompliance(plan.financialYear, figures, flexes),
      createdBy: actorOf(version.createdByUser),
      createdAt: version.createdAt,
      updatedBy: actorOf(version.updatedByUser),
      updatedAt: version.updatedAt,
      submittedBy: actorOf(version.submittedByUser),
      submittedAt: version.submittedAt,
      decidedBy: actorOf(version.decidedByUser),
      decidedAt: version.decidedAt,
      returnReason: version.returnReason,
    };
  });
  const latestVersion = versions[0];
  const thresholdPercent = Percentage.parse(plan.forecastWarningThresholdPercent);
  // Forecasts are recorded only once a version is approved, and an approved version is the last one.
  const baseline = versions.find((version) => version.status === FinancialPlanStatus.APPROVED) ?? latestVersion;
  const forecasts = record.forecasts.map((forecast): ForecastOutturnView => {
    const forecastOutturn = Money.parse(forecast.forecastOutturn);
    const plannedSpend = baseline.compliance.plannedSpend;
    const measured = assessForecastVariance({ allocation: baseline.allocation, plannedSpend, forecastOutturn, thresholdPercent });
    return { month: yearMonthOf(forecast.month), forecastOutturn, plannedSpend, ...measured, recordedBy: actorOf(forecast.recordedByUser), recordedAt: forecast.recordedAt };
  });
  const latestForecast = forecasts.at(-1);
  return {
    id: plan.id,
    ccgCode: plan.ccgCode,
    financialYear: plan.financialYear,
    status: latestVersion.status,
    compliant: latestVersion.compliance.compliant,
    version: plan.lockVersion,
    latestVersion,
    versions,
    flexes: record.flexes.map((flex) => ({
      id: flex.id,
      rule: flex.rule as FinancialRuleCode,
      percentage: Percentage.parse(flex.percentage),
      reason: flex.reason,
      approvedBy: actorOf(flex.approvedByUser),
      approvedOn: flex.approvedOn,
      recordedAt: flex.recordedAt,
      supersededAt: flex.supersededAt,
    })),
    forecasts,
    forecastWarningThresholdPercent: thresholdPercent,
    financialWarning: latestForecast?.warning
      ? { month: latestForecast.month, adverseVariance: latestForecast.variance, threshold: latestForecast.warningThreshold, thresholdPercent }
      : null,
    illustrative: plan.illustrative,
    illustrativeNote: plan.illustrativeNote,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    availableActions: availableFinancialPlanActions(latestVersion.status, actorKinds),
  };
}

/** What the audit trail keeps of a version: its figures and standing. */
export function versionSnapshot(version: { number: number; status: string; compliant: boolean } & VersionContent): Record<string, unknown> {
  return {
    version: version.number,
    status: version.status,
    allocation: version.allocation,
    priorYearRunningCosts: version.priorYearRunningCosts,
    betterCareFundMinimum: version.betterCareFundMinimum,
    lines: version.lines.map((line) => ({ category: line.category, amount: line.amount })),
    compliant: version.compliant,
  };
}
