import {
  CONTRACT_NOTICE_STATE_LABELS,
  DomainError,
  ESCALATION_ITEM_KIND_LABELS,
  ESCALATION_SEVERITY_LABELS,
  FINANCIAL_RULE_DEFINITIONS,
  HIGHER_BOARD_KIND_LABELS,
  REPORT_ACTION_STATUS_LABELS,
  TERMINAL_CONTRACT_NOTICE_STATES,
  assuranceCategoryDefinition,
  carryForwardActions,
  compareIsoDates,
  dateInWords,
  financialYearOf,
  higherBoardFor,
  monthEnd,
  monthInWords,
  yearMonthOf,
  type AssuranceType,
  type ContractNoticeState,
  type PointType,
  type RagStatus,
  type EscalationItemKind,
  type EscalationSeverity,
  type FrozenValue,
  type HigherBoardKind,
  type ReportActionStatus,
  type ReportSectionKey,
} from '@ccg-assure/domain';
import { Brackets, In, type EntityManager } from 'typeorm';
import type { CcgAssuranceView } from '../assurance-reports/assurance-report-view';
import { ContractEntity, ContractNoticeEntity, RemedialActionEntity, RemedialActionPlanEntity } from '../contracts/contracts.entities';
import { BoardEntity, EscalationItemEntity } from '../escalation/escalation.entities';
import type { FinancialPlanView } from '../finance/financial-plan-view';
import { IndicatorEntity } from '../indicators/indicator.entity';
import { OrganisationRelationshipEntity } from '../organisations/organisation-relationship.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { IndicatorScore } from '../scores/score-series';
import { AppError } from '../server/app-error';
import { PerformanceReportEntity, PerformanceReportSectionEntity, ReportActionEntity, SeriesAnnotationEntity } from './performance-reports.entities';
import { exactSeriesValues } from './performance-reports.queries';

// What a monthly performance report shows (issue 17 point 1; the design's "The report's content"), built live from
// the STORED data while the report is a draft or ready for the CCG, and frozen into the report's snapshot when the
// CCG signs it: the scorecard of the CCG's providers from the stored scores (never recomputed here, decision 0021)
// with the exact values as imported, the financial position, assurance and special measures, open contract notices
// and remedial action plans, open escalation items, remedial actions carried forward, commentary and annotations.
// Everything is plain data in words, so the snapshot, the page and the PDF show the same thing.

/** One point of a series' chart, as the stored score holds it. */
export interface ReportChartPointView {
  period: string;
  value: number;
  mean: number;
  lowerProcessLimit: number | null;
  upperProcessLimit: number | null;
  pointType: PointType;
}

/** One provider's indicator on the scorecard: its latest value up to the report's month. */
export interface ReportScorecardRowView {
  providerCode: string;
  providerName: string;
  indicatorCode: string;
  indicatorName: string;
  /** The indicator's unit (PERCENTAGE, COUNT, RATE, MINUTES); absent on reports frozen before it was recorded, which were all percentages. */
  unit?: string;
  period: string;
  periodLabel: string;
  value: number;
  /** The value, numerator and denominator exactly as stored (numeric text); null when the value has gone since. */
  valueText: string | null;
  numerator: string | null;
  denominator: string | null;
  target: number | null;
  rag: RagStatus | null;
  variationType: PointType;
  assuranceType: AssuranceType | null;
  points: ReportChartPointView[];
}

/** A line of a section other than the scorecard, in words. */
export interface ReportSectionItemView {
  title: string;
  detail: string;
  status: string | null;
  dueOn: string | null;
  overdue: boolean;
}

export interface ReportSectionContent {
  /** The section in a sentence ("No plan recorded for 2017/18."). */
  summary: string;
  items: ReportSectionItemView[];
}

export interface CommentaryView {
  text: string;
  updatedBy: string | null;
  /** ISO instant. */
  updatedAt: string;
}

export interface SeriesAnnotationView {
  id: string;
  indicatorCode: string;
  organisationCode: string;
  period: string;
  text: string;
  author: string;
  /** ISO instant. */
  createdAt: string;
  reportId: string | null;
}

export interface ReportActionView {
  id: string;
  providerCode: string | null;
  providerName: string | null;
  description: string;
  owner: string;
  dueOn: string | null;
  status: ReportActionStatus;
  statusLabel: string;
  overdue: boolean;
  /** Raised in an earlier month's report and carried into this one. */
  carriedForward: boolean;
  raisedInMonth: string;
  version: number;
}

export interface HigherBoardView {
  kind: HigherBoardKind;
  kindLabel: string;
  organisationCode: string | null;
  organisationName: string | null;
  lastKnown: boolean;
  explanation: string;
}

/** Everything the report shows besides its sign-off record. */
export interface ReportContent {
  /** ISO instant the content was built (the freeze, for a frozen report). */
  builtAt: string;
  providersBasis: 'CONTRACTS' | 'REGION';
  ccgName: string;
  scorecard: ReportScorecardRowView[];
  sections: Record<Exclude<ReportSectionKey, 'SCORECARD' | 'ACTIONS'>, ReportSectionContent>;
  commentary: Partial<Record<ReportSectionKey, CommentaryView>>;
  actions: ReportActionView[];
  annotations: SeriesAnnotationView[];
  higherBoard: HigherBoardView;
}

/** The frozen report: the content as shown and every value it showed, exactly, for the changed-values count. */
export interface ReportSnapshot extends ReportContent {
  frozenValues: FrozenValue[];
}

/** What the report reads from other areas, through their services. */
export interface ReportSources {
  providersOfCcg(ccgCode: string, asOf: string | null): Promise<{ providerCodes: string[]; basis: 'CONTRACTS' | 'REGION' }>;
  scoresOf(codes: readonly string[], asOf: string | null): Promise<Map<string, IndicatorScore[]>>;
  financialPlan(ccgCode: string, financialYear: string): Promise<FinancialPlanView | null>;
  publishedAssurance(ccgCode: string, asOf: string): Promise<CcgAssuranceView>;
}

const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');
const pounds = (money: { toDisplayString(): string }) => money.toDisplayString();
const keyOf = (indicatorCode: string, organisationCode: string, period: string) => `${indicatorCode}|${organisationCode}|${period}`;

/** The report's higher board for its month, from the CCG's relationships (higherBoardFor), with the organisation's name. */
export async function higherBoardOf(manager: EntityManager, ccgCode: string, month: string): Promise<HigherBoardView> {
  const rows = await manager.find(OrganisationRelationshipEntity, { where: { organisationCode: ccgCode, kind: In(['IN_AREA_TEAM', 'IN_REGION']) } });
  const board = higherBoardFor(
    month,
    rows.map((row) => ({ kind: row.kind, relatedCode: row.relatedCode, validFrom: row.validFrom, validTo: row.validTo })),
  );
  const organisation = board.organisationCode ? await manager.findOneBy(OrganisationEntity, { code: board.organisationCode }) : null;
  return {
    kind: board.kind,
    kindLabel: HIGHER_BOARD_KIND_LABELS[board.kind],
    organisationCode: organisation ? board.organisationCode : null,
    organisationName: organisation?.name ?? null,
    lastKnown: board.lastKnown,
    explanation: board.explanation,
  };
}

/** The report's content as the data stands now, and the exact values it shows. */
export async function buildReportContent(manager: EntityManager, sources: ReportSources, report: PerformanceReportEntity, now: Date): Promise<ReportSnapshot> {
  const month = report.month;
  const ccg = await manager.findOneByOrFail(OrganisationEntity, { code: report.ccgCode });
  const { scorecard, frozenValues, basis } = await scorecardOf(manager, sources, report.ccgCode, month);
  const series = new Set(scorecard.map((row) => `${row.indicatorCode}|${row.providerCode}`));
  return {
    builtAt: now.toISOString(),
    providersBasis: basis,
    ccgName: ccg.name,
    scorecard,
    sections: {
      FINANCE: await financeOf(sources, report.ccgCode, month),
      ASSURANCE: await assuranceOf(sources, report.ccgCode, month),
      CONTRACTS: await contractsOf(manager, report.ccgCode),
      ESCALATION: await escalationOf(manager, report.ccgCode),
    },
    commentary: await commentaryOf(manager, report.id),
    actions: await actionsOf(manager, report.ccgCode, month),
    annotations: (await annotationsUpTo(manager, [...new Set(scorecard.map((row) => row.providerCode))], monthEnd(month))).filter((a) => series.has(`${a.indicatorCode}|${a.organisationCode}`)),
    higherBoard: await higherBoardOf(manager, report.ccgCode, month),
    frozenValues,
  };
}

async function scorecardOf(manager: EntityManager, sources: ReportSources, ccgCode: string, month: string) {
  const { providerCodes, basis } = await sources.providersOfCcg(ccgCode, month);
  const scores = await sources.scoresOf(providerCodes, month);
  const indicatorCodes = [...new Set([...scores.values()].flatMap((list) => list.map((score) => score.indicatorCode)))];
  const indicators = await manager.find(IndicatorEntity, { where: { code: In(indicatorCodes) } });
  const names = new Map(indicators.map((row) => [row.code, row.name]));
  const units = new Map(indicators.map((row) => [row.code, row.unit]));
  const providers = new Map((await manager.find(OrganisationEntity, { where: { code: In(providerCodes) } })).map((row) => [row.code, row.name]));
  const exact = new Map<string, { value: string; numerator: string; denominator: string; periodType: string }>();
  if (providerCodes.length && indicatorCodes.length) {
    for (const row of await exactSeriesValues.rows(manager, [providerCodes, indicatorCodes, monthEnd(month)])) {
      exact.set(keyOf(row.indicatorCode, row.organisationCode, row.period), row);
    }
  }
  const scorecard: ReportScorecardRowView[] = [];
  const frozenValues: FrozenValue[] = [];
  for (const code of providerCodes) {
    const list = [...(scores.get(code) ?? [])].sort((a, b) => (a.indicatorCode < b.indicatorCode ? -1 : a.indicatorCode > b.indicatorCode ? 1 : 0));
    for (const score of list) {
      const latest = exact.get(keyOf(score.indicatorCode, code, score.latest.periodStart));
      scorecard.push({
        providerCode: code,
        providerName: providers.get(code) ?? code,
        indicatorCode: score.indicatorCode,
        indicatorName: names.get(score.indicatorCode) ?? score.indicatorCode,
        unit: units.get(score.indicatorCode) ?? 'PERCENTAGE',
        period: score.latest.periodStart,
        periodLabel: score.latest.periodLabel,
        value: score.latest.value,
        valueText: latest?.value ?? null,
        numerator: latest?.numerator ?? null,
        denominator: latest?.denominator ?? null,
        target: score.target,
        rag: score.rag,
        variationType: score.analysis.variationType,
        assuranceType: score.analysis.assuranceType,
        points: score.analysis.points.map((point) => ({
          period: point.period,
          value: point.value,
          mean: point.mean,
          lowerProcessLimit: point.lowerProcessLimit,
          upperProcessLimit: point.upperProcessLimit,
          pointType: point.pointType,
        })),
      });
      // Every point shown is a value the report froze: a corrected file for any month of the chart counts.
      for (const point of score.analysis.points) {
        const stored = exact.get(keyOf(score.indicatorCode, code, point.period));
        if (stored) frozenValues.push({ indicatorCode: score.indicatorCode, organisationCode: code, period: point.period, value: stored.value, numerator: stored.numerator, denominator: stored.denominator });
      }
    }
  }
  return { scorecard, frozenValues, basis };
}

/** The data's values now for the frozen values' series, as the changed-values count compares them. */
export async function currentValuesOf(manager: EntityManager, frozen: readonly FrozenValue[]): Promise<FrozenValue[]> {
  if (frozen.length === 0) return [];
  const organisations = [...new Set(frozen.map((value) => value.organisationCode))];
  const indicators = [...new Set(frozen.map((value) => value.indicatorCode))];
  const latest = frozen.reduce((max, value) => (compareIsoDates(value.period, max) > 0 ? value.period : max), frozen[0].period);
  const wanted = new Set(frozen.map((value) => keyOf(value.indicatorCode, value.organisationCode, value.period)));
  return (await exactSeriesValues.rows(manager, [organisations, indicators, latest]))
    .filter((row) => wanted.has(keyOf(row.indicatorCode, row.organisationCode, row.period)))
    .map((row) => ({ indicatorCode: row.indicatorCode, organisationCode: row.organisationCode, period: row.period, value: row.value, numerator: row.numerator, denominator: row.denominator }));
}

/** The CCG's plan for the year; null when none, or when the year has no planning rules (no plan can be recorded for it). */
async function planOf(sources: ReportSources, ccgCode: string, financialYear: string): Promise<FinancialPlanView | null> {
  try {
    return await sources.financialPlan(ccgCode, financialYear);
  } catch (error) {
    if ((error instanceof DomainError && error.code === 'UNKNOWN_FINANCIAL_YEAR') || (error instanceof AppError && error.reason === 'UNKNOWN_FINANCIAL_YEAR')) return null;
    throw error;
  }
}

async function financeOf(sources: ReportSources, ccgCode: string, month: string): Promise<ReportSectionContent> {
  const year = financialYearOf(month);
  const plan = await planOf(sources, ccgCode, year.label);
  if (!plan) return { summary: `No financial plan is recorded for ${year.label}.`, items: [] };
  const compliance = plan.latestVersion.compliance;
  const items: ReportSectionItemView[] = compliance.rules.map((rule) => ({
    title: FINANCIAL_RULE_DEFINITIONS[rule.rule].label,
    detail: `Required ${pounds(rule.required)}, planned ${pounds(rule.planned)}${rule.met ? '' : `, short by ${pounds(rule.shortfall)}`}${rule.flexApplied ? ` (flexed: ${rule.flexReason ?? 'no reason recorded'})` : ''}.`,
    status: rule.met ? 'Met' : 'Not met',
    dueOn: null,
    overdue: false,
  }));
  items.push({ title: 'QIPP', detail: `QIPP requirement ${pounds(compliance.qippRequirement)}, ${compliance.qippPercentOfAllocation}% of the allocation.`, status: null, dueOn: null, overdue: false });
  const forecast = [...plan.forecasts].filter((entry) => entry.month <= yearMonthOf(month)).sort((a, b) => (a.month < b.month ? 1 : -1))[0];
  if (forecast) {
    items.push({
      title: 'Forecast outturn',
      detail: `Forecast outturn at ${monthInWords(`${forecast.month}-01`)}: ${pounds(forecast.forecastOutturn)} against planned spend of ${pounds(forecast.plannedSpend)}, a variance of ${pounds(forecast.variance)}.`,
      status: forecast.warning ? 'Financial warning' : 'Within the warning threshold',
      dueOn: null,
      overdue: false,
    });
  } else {
    items.push({ title: 'Forecast outturn', detail: 'No forecast outturn recorded for the year up to this month.', status: null, dueOn: null, overdue: false });
  }
  return {
    summary: `${year.label} plan (version ${plan.version}, ${words(plan.status)}): ${compliance.compliant ? 'meets every planning rule' : 'does not meet every planning rule'}.${plan.illustrative ? ' Illustrative demonstration plan.' : ''}`,
    items,
  };
}

async function assuranceOf(sources: ReportSources, ccgCode: string, month: string): Promise<ReportSectionContent> {
  const view = await sources.publishedAssurance(ccgCode, monthEnd(month));
  const category = view.currentCategory ? assuranceCategoryDefinition(view.currentCategory).name : 'Not yet assessed';
  const items: ReportSectionItemView[] = [];
  if (view.currentAssessment) {
    items.push({ title: 'Latest published assessment', detail: `${view.currentAssessment.quarterLabel} ${view.currentAssessment.financialYear}, assessed on ${dateInWords(view.currentAssessment.assessedOn)}: ${category}.`, status: category, dueOn: null, overdue: false });
  }
  if (view.nextAssessmentDue) items.push({ title: 'Next assessment', detail: `Due by ${dateInWords(view.nextAssessmentDue)}.`, status: view.assessmentOverdue ? 'Overdue' : null, dueOn: view.nextAssessmentDue, overdue: view.assessmentOverdue });
  const episode = view.specialMeasures;
  items.push(
    episode
      ? { title: 'Special measures', detail: `${words(episode.state)}${episode.enteredOn ? ` since ${dateInWords(episode.enteredOn)}` : ''}: ${episode.triggers.map((trigger) => trigger.description).join(' ')}`, status: words(episode.state), dueOn: null, overdue: false }
      : { title: 'Special measures', detail: 'The CCG is not in special measures.', status: null, dueOn: null, overdue: false },
  );
  return { summary: `Assurance category: ${category}.`, items };
}

async function contractsOf(manager: EntityManager, ccgCode: string): Promise<ReportSectionContent> {
  const contracts = await manager
    .createQueryBuilder(ContractEntity, 'c')
    .where(new Brackets((where) => where.where('c.lead_commissioner_code = :ccg', { ccg: ccgCode }).orWhere(`EXISTS (SELECT 1 FROM contract_associate a WHERE a.contract_id = c.id AND a.commissioner_code = :ccg)`, { ccg: ccgCode })))
    .getMany();
  if (contracts.length === 0) return { summary: 'No contracts are recorded for the CCG.', items: [] };
  const byId = new Map(contracts.map((contract) => [contract.id, contract]));
  const notices = (await manager.find(ContractNoticeEntity, { where: { contractId: In([...byId.keys()]) }, order: { createdAt: 'ASC' } })).filter(
    (notice) => !TERMINAL_CONTRACT_NOTICE_STATES.includes(notice.status as ContractNoticeState),
  );
  const providerNames = new Map((await manager.find(OrganisationEntity, { where: { code: In(contracts.map((c) => c.providerCode)) } })).map((row) => [row.code, row.name]));
  const plans = notices.length ? await manager.find(RemedialActionPlanEntity, { where: { noticeId: In(notices.map((n) => n.id)) }, order: { agreedOn: 'ASC' } }) : [];
  const actions = plans.length ? await manager.find(RemedialActionEntity, { where: { planId: In(plans.map((p) => p.id)) }, order: { position: 'ASC' } }) : [];
  const items: ReportSectionItemView[] = [];
  for (const notice of notices) {
    const contract = byId.get(notice.contractId) as ContractEntity;
    const provider = providerNames.get(contract.providerCode) ?? contract.providerCode;
    items.push({
      title: `Contract performance notice to ${provider} (${contract.financialYear})`,
      detail: `On ${notice.indicatorCodes.join(', ')}${notice.issuedOn ? `, issued on ${dateInWords(notice.issuedOn)}` : ', not yet issued'}.`,
      status: CONTRACT_NOTICE_STATE_LABELS[notice.status as ContractNoticeState] ?? words(notice.status),
      dueOn: notice.responseMeetingBy,
      overdue: false,
    });
    for (const plan of plans.filter((p) => p.noticeId === notice.id)) {
      const open = actions.filter((a) => a.planId === plan.id && a.status !== 'COMPLETE');
      items.push({
        title: `Remedial action plan with ${provider}`,
        detail: `Agreed on ${dateInWords(plan.agreedOn)}: ${plan.summary} ${open.length} of its actions open${open.length ? `: ${open.map((a) => `${a.description} (${a.owner}, due ${dateInWords(a.dueOn)})`).join('; ')}` : ''}.`,
        status: open.some((a) => a.status === 'OVERDUE') ? 'Actions overdue' : null,
        dueOn: null,
        overdue: open.some((a) => a.status === 'OVERDUE'),
      });
    }
  }
  return { summary: notices.length ? `${notices.length} open contract performance notice${notices.length === 1 ? '' : 's'}.` : 'No open contract performance notices.', items };
}

async function escalationOf(manager: EntityManager, ccgCode: string): Promise<ReportSectionContent> {
  const items = await manager.find(EscalationItemEntity, { where: { ccgCode, status: 'OPEN' }, order: { raisedAt: 'ASC' } });
  const boards = items.length ? new Map((await manager.find(BoardEntity, { where: { id: In([...new Set(items.map((item) => item.boardId))]) } })).map((b) => [b.id, b.name])) : new Map<string, string>();
  return {
    summary: items.length ? `${items.length} open escalation item${items.length === 1 ? '' : 's'}.` : 'No open escalation items.',
    items: items.map((item) => ({
      title: item.title,
      detail: `${ESCALATION_ITEM_KIND_LABELS[item.kind as EscalationItemKind] ?? words(item.kind)}; ${ESCALATION_SEVERITY_LABELS[item.severity as EscalationSeverity] ?? words(item.severity)}; at ${boards.get(item.boardId) ?? 'a board'}${item.illustrative ? ' (illustrative)' : ''}.`,
      status: 'Open',
      dueOn: item.dueOn,
      overdue: false,
    })),
  };
}

async function commentaryOf(manager: EntityManager, reportId: string): Promise<Partial<Record<ReportSectionKey, CommentaryView>>> {
  const rows = await manager
    .createQueryBuilder(PerformanceReportSectionEntity, 's')
    .leftJoin('app_user', 'u', 'u.id = s.updated_by')
    .select(['s.section AS section', 's.commentary AS commentary', 's.updated_at AS "updatedAt"', 'u.display_name AS "updatedBy"'])
    .where('s.report_id = :reportId', { reportId })
    .getRawMany<{ section: ReportSectionKey; commentary: string; updatedAt: Date; updatedBy: string | null }>();
  return Object.fromEntries(rows.map((row) => [row.section, { text: row.commentary, updatedBy: row.updatedBy, updatedAt: new Date(row.updatedAt).toISOString() }]));
}

/** The annotations of the organisations' series made for periods up to `until`, oldest point first. */
export async function annotationsUpTo(manager: EntityManager, organisationCodes: readonly string[], until: string): Promise<SeriesAnnotationView[]> {
  if (organisationCodes.length === 0) return [];
  const rows = await manager
    .createQueryBuilder(SeriesAnnotationEntity, 'a')
    .where('a.organisation_code IN (:...codes) AND a.period <= :until', { codes: [...organisationCodes], until })
    .orderBy('a.period', 'ASC')
    .addOrderBy('a.created_at', 'ASC')
    .getMany();
  return rows.map((row) => ({
    id: row.id,
    indicatorCode: row.indicatorCode,
    organisationCode: row.organisationCode,
    period: row.period,
    text: row.text,
    author: row.authorName,
    createdAt: row.createdAt.toISOString(),
    reportId: row.reportId,
  }));
}

/**
 * The CCG's remedial actions as the report for `month` shows them: raised in a report of that month or earlier, and
 * open, or closed in a report of that month or later (so a month's report shows what it closed). Open ones from
 * earlier months are the carried-forward ones (carryForwardActions says which are overdue).
 */
export async function actionsOf(manager: EntityManager, ccgCode: string, month: string): Promise<ReportActionView[]> {
  const rows = await manager
    .createQueryBuilder(ReportActionEntity, 'a')
    .innerJoin(PerformanceReportEntity, 'r', 'r.id = a.raised_in_report_id')
    .leftJoin(PerformanceReportEntity, 'c', 'c.id = a.closed_in_report_id')
    .addSelect('r.month', 'raised_month')
    .where('a.ccg_code = :ccgCode AND r.month <= :month', { ccgCode, month })
    .andWhere('(a.closed_in_report_id IS NULL OR c.month >= :month)', { month })
    .orderBy('r.month', 'ASC')
    .addOrderBy('a.created_at', 'ASC')
    .getRawAndEntities();
  const raisedMonths = new Map(rows.raw.map((raw: { a_id: string; raised_month: string }) => [raw.a_id, raw.raised_month]));
  const open = new Map(carryForwardActions(rows.entities.map((a) => ({ id: a.id, status: a.status as ReportActionStatus, dueOn: a.dueOn })), month).map((a) => [a.id, a.overdue]));
  const providerCodes = [...new Set(rows.entities.map((a) => a.providerCode).filter((code): code is string => code !== null))];
  const names = providerCodes.length ? new Map((await manager.find(OrganisationEntity, { where: { code: In(providerCodes) } })).map((row) => [row.code, row.name])) : new Map<string, string>();
  return rows.entities.map((action) => {
    const raisedInMonth = raisedMonths.get(action.id) ?? month;
    return {
      id: action.id,
      providerCode: action.providerCode,
      providerName: action.providerCode ? (names.get(action.providerCode) ?? action.providerCode) : null,
      description: action.description,
      owner: action.owner,
      dueOn: action.dueOn,
      status: action.status as ReportActionStatus,
      statusLabel: REPORT_ACTION_STATUS_LABELS[action.status as ReportActionStatus],
      overdue: open.get(action.id) ?? false,
      carriedForward: compareIsoDates(raisedInMonth, month) < 0,
      raisedInMonth,
      version: action.version,
    };
  });
}
