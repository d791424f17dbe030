import { FINANCIAL_RULE_SETS } from '@ccg-assure/domain';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { FinancialPlansService, type FinancialPlanView } from '../finance/financial-plans.service';
import type { Loaders } from '../server/loaders';
import { ScorecardsService, type IndicatorScore } from '../scorecards/scorecards.service';
import * as assessments from './assessments.repository';
import { assertAssessor } from './assurance-access';
import { AssuranceTriggerKind, AssuranceTriggerSourceKind, EvidenceKind } from './assurance-enums';
import { frameworkById } from './assurance-reference';
import type { AssuranceTrigger, AssuranceTriggers, AssuranceTriggerSource } from './ccg-assurance.type';
import { parseFinancialYear, quarterLabel, requireCcg } from './quarters';

/** More providers than any region holds: the scorecard grid is asked for all of them at once. */
const ALL_PROVIDERS = 100_000;

const source = (kind: AssuranceTriggerSourceKind, fields: Partial<Omit<AssuranceTriggerSource, 'kind'>>): AssuranceTriggerSource => ({
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
  constructor(private readonly dataSource: DataSource) {}

  async triggers(viewer: Viewer, ccg: string, financialYear: string | null, loaders: Loaders): Promise<AssuranceTriggers> {
    assertAssessor(viewer);
    const manager = this.dataSource.manager;
    const organisation = await requireCcg(manager, ccg);
    const year = financialYear === null ? null : parseFinancialYear(financialYear).label;
    const indicators = await this.indicatorTriggers(organisation.code, loaders);
    const plans = await this.planTriggers(viewer, organisation.code, year);
    const latest = await assessments.latestPublished(manager, organisation.code);
    const assessment: AssuranceTrigger[] = [];
    if (latest) {
      const label = quarterLabel(latest.financialYear, latest.quarter);
      const from = source(AssuranceTriggerSourceKind.ASSESSMENT, { assessmentId: latest.id, quarterLabel: label });
      if (latest.decidedCategory === 'NOT_ASSURED') {
        assessment.push({ kind: AssuranceTriggerKind.NOT_ASSURED_CATEGORY, title: `Not assured in ${label}`, detail: `The published assessment of ${label} decided Not assured.`, source: from, evidenceKind: null, evidenceReference: null });
      }
      const [record] = await assessments.loadAssessmentRecords(manager, [latest.id]);
      for (const domain of frameworkById(latest.framework).domains) {
        if (record.ratings.find((rating) => rating.domain === domain.code)?.rating !== 'NOT_ASSURED') continue;
        assessment.push({
          kind: AssuranceTriggerKind.NOT_ASSURED_DOMAIN_RATING,
          title: `${domain.name}: Not assured in ${label}`,
          detail: `The published assessment of ${label} rated ${domain.name} Not assured.`,
          source: from,
          evidenceKind: null,
          evidenceReference: null,
        });
      }
    }
    return { ccgCode: organisation.code, scorecardAsOf: indicators.asOf, providersConsidered: indicators.providers, triggers: [...indicators.triggers, ...plans, ...assessment] };
  }

  /**
   * Indicators persistently failing: the SPC assurance verdict CONSISTENT_FAIL, or special-cause concern on the
   * latest point. The providers are those the scorecard grid relates to the CCG (its `ccg` filter: providers in
   * the CCG's NHS England region), at the latest period with data.
   */
  private async indicatorTriggers(ccgCode: string, loaders: Loaders): Promise<{ asOf: string | null; providers: string[]; triggers: AssuranceTrigger[] }> {
    const grid = await new ScorecardsService(this.dataSource).summary({ filter: { ccg: ccgCode }, asOf: null, size: ALL_PROVIDERS, afterCode: null, orderBy: null }, loaders);
    const providers = grid.edges.map((edge) => edge.node.providerCode);
    if (grid.asOf === null || providers.length === 0) return { asOf: grid.asOf, providers, triggers: [] };
    const asOf = grid.asOf;
    const scores = await loaders.scores.loadMany(providers.map((code) => ({ code, asOf })));
    const triggers = providers.flatMap((providerCode, index) => {
      const provided = scores[index];
      if (provided instanceof Error) throw provided;
      return provided.flatMap((score) => indicatorTrigger(providerCode, score));
    });
    return { asOf, providers, triggers };
  }

  /**
   * The CCG's financial plans, read through the finance service (so its access rules hold): the latest version of
   * the plan of the year (or the latest year with a plan) not compliant, and a financial warning on the latest
   * plan with forecasts.
   */
  private async planTriggers(viewer: Viewer, ccgCode: string, year: string | null): Promise<AssuranceTrigger[]> {
    const finance = new FinancialPlansService(this.dataSource);
    const years = year !== null ? [year] : FINANCIAL_RULE_SETS.map((set) => set.financialYear).reverse();
    const plans: FinancialPlanView[] = [];
    for (const candidate of years) {
      const plan = await finance.getPlan(viewer, ccgCode, candidate).catch((error: unknown) => {
        // A year without a rule set has no plans.
        if ((error as { code?: string }).code === 'UNKNOWN_FINANCIAL_YEAR') return null;
        throw error;
      });
      if (plan) plans.push(plan);
    }
    const triggers: AssuranceTrigger[] = [];
    const latest = plans[0];
    if (latest && !latest.compliant) {
      const failing = latest.latestVersion.compliance.rules.filter((rule) => !rule.met);
      triggers.push({
        kind: AssuranceTriggerKind.PLAN_NOT_COMPLIANT,
        title: `The ${latest.financialYear} financial plan does not comply`,
        detail: `Version ${latest.latestVersion.number} (${latest.status}) falls short on ${failing.map((rule) => `${rule.rule} by ${rule.shortfall.toDisplayString()}`).join(', ')}.`,
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
}

function indicatorTrigger(providerCode: string, score: IndicatorScore): AssuranceTrigger[] {
  const { latest, analysis } = score;
  const from = source(AssuranceTriggerSourceKind.SCORECARD, { providerCode, indicatorCode: score.indicatorCode, period: latest.periodStart });
  const cite = { source: from, evidenceKind: EvidenceKind.SCORECARD_INDICATOR, evidenceReference: `${providerCode}/${score.indicatorCode}` };
  // Shown to people: one decimal for a percentage, as the scorecards show it; the exact value is in the source.
  const shown = (value: number) => (score.standard?.unit === 'PERCENTAGE' ? `${value.toFixed(1)}%` : `${Number(value.toFixed(2))}`);
  const standard = score.standard ? ` against the standard of ${shown(score.standard.threshold)}` : '';
  const triggers: AssuranceTrigger[] = [];
  if (analysis.assuranceType === 'CONSISTENT_FAIL') {
    triggers.push({
      kind: AssuranceTriggerKind.INDICATOR_CONSISTENTLY_FAILING,
      title: `${providerCode} ${score.indicatorCode}: consistently failing`,
      detail: `The process limits lie wholly on the failing side of the target: ${latest.periodLabel} was ${shown(latest.value)}${standard}.`,
      ...cite,
    });
  }
  if (analysis.variationType === 'SPECIAL_CAUSE_CONCERN') {
    triggers.push({
      kind: AssuranceTriggerKind.INDICATOR_SPECIAL_CAUSE_CONCERN,
      title: `${providerCode} ${score.indicatorCode}: special-cause concern`,
      detail: `The latest point (${latest.periodLabel}, ${shown(latest.value)}) shows special-cause variation in the worse direction.`,
      ...cite,
    });
  }
  return triggers;
}
