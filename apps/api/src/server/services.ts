import type { DataSource } from 'typeorm';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { AccountsService } from '../accounts/accounts.service';
import { OwnAccountService } from '../accounts/own-account.service';
import { AssessmentsService } from '../assessments/assessments.service';
import { AttentionService } from '../attention/attention.service';
import { AssuranceTriggersService } from '../assessments/assurance-triggers.service';
import { BuddyingService } from '../assessments/buddying.service';
import { AssuranceReportsService } from '../assurance-reports/assurance-reports.service';
import { CcgAssuranceService } from '../assurance-reports/ccg-assurance.service';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { ContractsService } from '../contracts/contracts.service';
import { EscalationService } from '../escalation/escalation.service';
import { FinancialPlansService } from '../finance/financial-plans.service';
import { ImportsService } from '../imports/import.service';
import { IndicatorsService } from '../indicators/indicators.service';
import { PerformanceReportsService } from '../performance-reports/performance-reports.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { SanctionsService } from '../sanctions/sanctions.service';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { ScoresService } from '../scores/scores.service';
import { TargetsService } from '../targets/targets.service';
import { SpecialMeasuresService } from '../special-measures/special-measures.service';

/** Every area's services, built once per running server and shared by its requests (they hold no request state). */
export interface Services {
  auth: AuthService;
  accounts: AccountsService;
  ownAccount: OwnAccountService;
  audit: AuditService;
  organisations: OrganisationsService;
  indicators: IndicatorsService;
  scorecards: ScorecardsService;
  scores: ScoresService;
  imports: ImportsService;
  financialPlans: FinancialPlansService;
  assessments: AssessmentsService;
  buddying: BuddyingService;
  specialMeasures: SpecialMeasuresService;
  assuranceTriggers: AssuranceTriggersService;
  ccgAssurance: CcgAssuranceService;
  assuranceReports: AssuranceReportsService;
  sanctions: SanctionsService;
  contracts: ContractsService;
  escalation: EscalationService;
  performanceReports: PerformanceReportsService;
  targets: TargetsService;
  attention: AttentionService;
}

export interface ServiceOptions {
  /** How long a session lasts (config SESSION_TTL_HOURS). */
  sessionTtlHours: number;
}

/** Who the performance report reads a CCG's financial plan as (finance's rule: assessors read every plan); never a signed-in user. */
const REPORT_PLAN_READER: Viewer = { userId: '00000000-0000-0000-0000-000000000000', username: 'performance-report', displayName: 'Performance report', roles: [{ role: Role.ASSESSOR, organisationCode: 'X24' }] };

const DEFAULT_OPTIONS: ServiceOptions = { sessionTtlHours: 12 };

/** Builds every service on the one DataSource; each opens its own transaction where it writes. */
export function createServices(dataSource: DataSource, options: ServiceOptions = DEFAULT_OPTIONS): Services {
  const organisations = new OrganisationsService(dataSource);
  const accounts = new AccountsService(dataSource);
  const scorecards = new ScorecardsService(dataSource);
  const financialPlans = new FinancialPlansService(dataSource, organisations);
  const assessments = new AssessmentsService(dataSource, organisations);
  const buddying = new BuddyingService(dataSource, organisations);
  const specialMeasures = new SpecialMeasuresService(dataSource, organisations, assessments);
  const ccgAssurance = new CcgAssuranceService(dataSource, organisations, assessments, specialMeasures, buddying);
  return {
    auth: new AuthService(dataSource, options.sessionTtlHours),
    accounts,
    ownAccount: new OwnAccountService(dataSource, accounts),
    audit: new AuditService(dataSource),
    organisations,
    indicators: new IndicatorsService(dataSource),
    scorecards,
    scores: new ScoresService(dataSource),
    imports: new ImportsService(dataSource),
    financialPlans,
    assessments,
    buddying,
    specialMeasures,
    assuranceTriggers: new AssuranceTriggersService(organisations, scorecards, financialPlans, assessments),
    ccgAssurance,
    assuranceReports: new AssuranceReportsService(organisations, assessments, specialMeasures),
    sanctions: new SanctionsService(dataSource, organisations),
    contracts: new ContractsService(dataSource, scorecards),
    escalation: new EscalationService(dataSource, accounts, (ccg, asOf) => scorecards.providersOfCcg(ccg, asOf)),
    performanceReports: new PerformanceReportsService(dataSource, accounts, {
      providersOfCcg: (ccg, asOf) => scorecards.providersOfCcg(ccg, asOf),
      scoresOf: (codes, asOf) => scorecards.scoresOf(codes, asOf),
      // The report is a document whose readers its own rules decide; it reads the plan as NHS England's assessors do.
      financialPlan: (ccg, year) => financialPlans.getPlan(REPORT_PLAN_READER, ccg, year),
      publishedAssurance: (ccg, asOf) => ccgAssurance.publishedAssurance(ccg, asOf),
    }),
    targets: new TargetsService(dataSource),
    attention: new AttentionService(dataSource, scorecards),
  };
}
