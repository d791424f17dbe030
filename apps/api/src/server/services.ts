import type { DataSource } from 'typeorm';
import { AssessmentsService } from '../assurance/assessments.service';
import { AssuranceReportsService } from '../assurance/assurance-reports.service';
import { AssuranceTriggersService } from '../assurance/assurance-triggers.service';
import { SpecialMeasuresService } from '../assurance/special-measures.service';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { FinancialPlansService } from '../finance/financial-plans.service';
import { ImportsService } from '../imports/import.service';
import { IndicatorsService } from '../indicators/indicators.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { ScorecardsService } from '../scorecards/scorecards.service';

/** Every area's services, built once per running server and shared by its requests (they hold no request state). */
export interface Services {
  auth: AuthService;
  audit: AuditService;
  organisations: OrganisationsService;
  indicators: IndicatorsService;
  scorecards: ScorecardsService;
  imports: ImportsService;
  financialPlans: FinancialPlansService;
  assessments: AssessmentsService;
  specialMeasures: SpecialMeasuresService;
  assuranceTriggers: AssuranceTriggersService;
  assuranceReports: AssuranceReportsService;
}

export interface ServiceOptions {
  /** How long a session lasts (config SESSION_TTL_HOURS). */
  sessionTtlHours: number;
}

const DEFAULT_OPTIONS: ServiceOptions = { sessionTtlHours: 12 };

/** Builds every service on the one DataSource; each opens its own transaction where it writes. */
export function createServices(dataSource: DataSource, options: ServiceOptions = DEFAULT_OPTIONS): Services {
  const organisations = new OrganisationsService(dataSource);
  return {
    auth: new AuthService(dataSource, options.sessionTtlHours),
    audit: new AuditService(dataSource),
    organisations,
    indicators: new IndicatorsService(dataSource),
    scorecards: new ScorecardsService(dataSource),
    imports: new ImportsService(dataSource),
    financialPlans: new FinancialPlansService(dataSource, organisations),
    assessments: new AssessmentsService(dataSource),
    specialMeasures: new SpecialMeasuresService(dataSource),
    assuranceTriggers: new AssuranceTriggersService(dataSource),
    assuranceReports: new AssuranceReportsService(dataSource),
  };
}
