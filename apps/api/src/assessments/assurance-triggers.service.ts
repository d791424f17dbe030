import { FINANCIAL_PLAN_STATE_LABELS, FINANCIAL_RULE_DEFINITIONS, organisationName } from '@ccg-assure/domain';
import type { Viewer } from '../auth/viewer';
import { ProvidersBasis } from '../contracts/contracts-enums';
import type { FinancialPlansService } from '../finance/financial-plans.service';
import type { OrganisationsService } from '../organisations/organisations.service';
import type { ProvidersBasisKind } from '../scorecards/scorecard-grid';
import type { IndicatorScore, ScorecardsService } from '../scorecards/scorecards.service';
import type { AssessmentsService } from './assessments.service';
import { assertAssessor } from './assurance-access';
import { requireCcg, requireFinancialYear } from './assurance-checks';
import { EvidenceKind } from './assurance-enums';
import { AssuranceTriggerKind, AssuranceTriggerSourceKind } from './assurance-trigger.type';

/** Where a trigger came from: the fields of its kind set, the others null. */
export interface AssuranceTriggerSourceView {
  kind: AssuranceTriggerSourceKind;
  providerCode: string | null;
  indicatorCode: string | null;
  period: string | null;
  planId: string | null;
  financialYear: string | null;
  month: string | null;
  assessmentId: string | null;
  quarterLabel: string | null;
}

export interface AssuranceTriggerView {
  kind: AssuranceTriggerKind;
  title: string;
  detail: string;
  source: AssuranceTriggerSourceView;
  evidenceKind: EvidenceKind | null;
  evidenceReference: string | null;
}

export interface AssuranceTriggersView {
  ccgCode: string;
  scorecardAsOf: string | null;
  providersConsidered: string[];
  /** How the providers were found: the CCG's contracts for the year, else its region (issue 15). */
  providersBasis: ProvidersBasis;
  triggers: AssuranceTriggerView[];
}

const source = (kind: AssuranceTriggerSourceKind, fields: Partial<Omit<AssuranceTriggerSourceView, 'kind'>>): AssuranceTriggerSourceView => ({
  kind,
  providerCode: null,
  indicatorCode: null,
  period: null,
  planId: null,
  financialYear: null,
  month: null,
  assessmentId: null,
  quarterLabel: null,
  ...fields,
});

/**
 * The warning signs beside the assessment form (issue 7, "Triggers"). Nothing here judges anything itself: the
 * verdicts are the scorecards' (the domain's SPC assurance and variation), the finance service's (the domain's
 * plan compliance and the forecast variance warning) and the latest published assessment's.
 */
export class AssuranceTriggersService {
  /** It reads the database only through other services' use cases, so it takes those and no DataSource. */
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly scorecards: ScorecardsService,
    private readonly financialPlans: FinancialPlansService,
    private readonly assessments: AssessmentsService,
  ) {}

  async triggers(viewer: Viewer, ccg: string, financialYear: string | null): Promise<AssuranceTriggersView> {
    assertAssessor(viewer);
    const organisation = await requireCcg(this.organisations, ccg);
    const year = financialYear === null ? null : requireFinancialYear(financialYear).label;
    const indicators = await this.indicatorTriggers(organisation.code);
    const plans = await this.planTriggers(viewer, organisation.code, year);
    const assessment = await this.assessmentTriggers(organisation.code);
    return {
      ccgCode: organisation.code,
      scorecardAsOf: indicators.asOf,
      providersConsidered: indicators.providers,
      providersBasis: indicators.basis === 'CONTRACTS' ? ProvidersBasis.CONTRACTS : ProvidersBasis.REGION,
      triggers: [...indicators.triggers, ...plans, ...assessment],
    };
  }

  /**
   * Indicators persistently failing: the SPC assurance verdict CONSISTENT_FAIL, or special-cause concern on the
   * latest point. The providers are the CCG's providers (the scorecards' providersOfCcg: its contracted providers
   * for the year, else those in its NHS England region), at the latest period with data.
   */
  private async indicatorTriggers(ccgCode: string): Promise<{ asOf: string | null; providers: string[]; basis: ProvidersBasisKind; triggers: AssuranceTriggerView[] }> {
    const { asOf, providerCodes: providers, basis } = await this.scorecards.providersOfCcg(ccgCode, null);
    if (asOf === null || providers.length === 0) return { asOf, providers, basis, triggers: [] };
    const scores = await this.scorecards.scoresOf(providers, asOf);
    const names = new Map((await this.organisations.byCodes(providers)).map((provider) => [provider.code, organisationName(provider.name)]));
    const triggers = providers.flatMap((providerCode) =>
      (scores.get(providerCode) ?? []).flatMap((score) => indicatorTrigger({ code: providerCode, name: names.get(providerCode) ?? providerCode }, score)),
    );
    return { asOf, providers, basis, triggers };
  }

  /**
   * The CCG's financial plans, read through the finance service's plansOfCcg (so its access rules hold): the
   * latest version of the plan of the year (or the latest year with a plan) not compliant, and a financial warning
   * on the latest plan with forecasts.
   */
  private async planTriggers(viewer: Viewer, ccgCode: string, year: string | null): Promise<AssuranceTriggerView[]> {
    const plans = (await this.financialPlans.plansOfCcg(viewer, ccgCode)).filter((plan) => year === null || plan.financialYear === year);
    const triggers: AssuranceTriggerView[] = [];
    const latest = plans[0];
    if (latest && !latest.compliant) {
      const failing = latest.latestVersion.compliance.rules.filter((rule) => !rule.met);
      triggers.push({
        kind: AssuranceTriggerKind.PLAN_NOT_COMPLIANT,
        title: `The ${latest.financialYear} financial plan does not comply`,
        detail: `Version ${latest.latestVersion.number} (${FINANCIAL_PLAN_STATE_LABELS[latest.status].toLowerCase()}) falls short on ${failing
          .map((rule) => `${FINANCIAL_RULE_DEFINITIONS[rule.rule].label} by ${rule.shortfall.toDisplayString()}`)
          .join(', ')}.`,
        source: source(AssuranceTriggerSourceKind.FINANCIAL_PLAN, { planId: latest.id, financialYear: latest.financialYear }),
        evidenceKind: EvidenceKind.PLAN_COMPLIANCE,
        evidenceReference: `${ccgCode}/${latest.financialYear}`,
      });
    }
    const monitored = plans.find((plan) => plan.forecasts.length > 0);
    if (monitored?.financialWarning) {
      const warning = monitored.financialWarning;
      triggers.push({
        kind: AssuranceTriggerKind.ADVERSE_FORECAST_VARIANCE,
        title: `Adverse forecast variance on the ${monitored.financialYear} plan`,
        detail: `The ${warning.month} forecast outturn is ${warning.adverseVariance.toDisplayString()} over planned spend, above the ${warning.threshold.toDisplayString()} threshold (${warning.thresholdPercent.toString()}% of allocation).`,
        source: source(AssuranceTriggerSourceKind.FINANCIAL_PLAN, { planId: monitored.id, financialYear: monitored.financialYear, month: warning.month }),
        evidenceKind: EvidenceKind.FORECAST_VARIANCE,
        evidenceReference: `${ccgCode}/${monitored.financialYear}`,
      });
    }
    return triggers;
  }

  /** Not assured in the latest published assessment: the category, and each domain rated Not assured. */
  private async assessmentTriggers(ccgCode: string): Promise<AssuranceTriggerView[]> {
    const latest = await this.assessments.latestPublished(ccgCode);
    if (!latest) return [];
    const label = latest.quarterLabel;
    const from = source(AssuranceTriggerSourceKind.ASSESSMENT, { assessmentId: latest.id, quarterLabel: label });
    const triggers: AssuranceTriggerView[] = [];
    if (latest.decidedCategory === 'NOT_ASSURED') {
      triggers.push({ kind: AssuranceTriggerKind.NOT_ASSURED_CATEGORY, title: `Not assured in ${label}`, detail: `The published assessment of ${label} decided Not assured.`, source: from, evidenceKind: null, evidenceReference: null });
    }
    for (const { domain, rating } of latest.ratings) {
      if (rating !== 'NOT_ASSURED') continue;
      triggers.push({
        kind: AssuranceTriggerKind.NOT_ASSURED_DOMAIN_RATING,
        title: `${domain.name}: Not assured in ${label}`,
        detail: `The published assessment of ${label} rated ${domain.name} Not assured.`,
        source: from,
        evidenceKind: null,
        evidenceReference: null,
      });
    }
    return triggers;
  }
}

/** Words only, never codes (issue 20): "The Leeds Teaching Hospitals NHS Trust (RR8): A&E 4-hour wait, all types". */
function indicatorTrigger(provider: { code: string; name: string }, score: IndicatorScore): AssuranceTriggerView[] {
  const { latest, analysis } = score;
  const providerCode = provider.code;
  const what = `${provider.name} (${provider.code}): ${score.standard?.name ?? score.indicatorCode}`;
  const from = source(AssuranceTriggerSourceKind.SCORECARD, { providerCode, indicatorCode: score.indicatorCode, period: latest.periodStart });
  const cite = { source: from, evidenceKind: EvidenceKind.SCORECARD_INDICATOR, evidenceReference: `${providerCode}/${score.indicatorCode}` };
  // Shown to people: one decimal for a percentage, as the scorecards show it; the exact value is in the source.
  const shown = (value: number) => (score.standard?.unit === 'PERCENTAGE' ? `${value.toFixed(1)}%` : `${Number(value.toFixed(2))}`);
  const standard = score.standard ? ` against the standard of ${shown(score.standard.threshold)}` : '';
  const triggers: AssuranceTriggerView[] = [];
  if (analysis.assuranceType === 'CONSISTENT_FAIL') {
    triggers.push({
      kind: AssuranceTriggerKind.INDICATOR_CONSISTENTLY_FAILING,
      title: `${what}, consistently failing`,
      detail: `The process limits lie wholly on the failing side of the target: ${latest.periodLabel} was ${shown(latest.value)}${standard}.`,
      ...cite,
    });
  }
  if (analysis.variationType === 'SPECIAL_CAUSE_CONCERN') {
    triggers.push({
      kind: AssuranceTriggerKind.INDICATOR_SPECIAL_CAUSE_CONCERN,
      title: `${what}, special-cause concern`,
      detail: `The latest point (${latest.periodLabel}, ${shown(latest.value)}) shows special-cause variation in the worse direction.`,
      ...cite,
    });
  }
  return triggers;
}
