import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import {
  addCalendarMonths,
  applyFinancialPlanAction,
  FINANCE_ROUNDING,
  formatIsoDate,
  Money,
  parseFinancialYear,
  parseIsoDate,
  Percentage,
  PROGRAMME_CATEGORIES,
  type FinancialPlanAction,
  type FinancialPlanActorKind,
  type PlanCategory,
} from '@ccg-assure/domain';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.service';
import { UserEntity } from '../auth/user.entity';
import { FinancialPlanStatus } from '../finance/finance-enums';
import { checkCompliance, contentOf, toPlanView, type PlanFigures } from '../finance/financial-plan-view';
import * as repository from '../finance/financial-plans.repository';
import { readCsv } from '../imports/csv-reader';
import { OrganisationType } from '../organisations/organisation-type';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { Logger } from '../server/logger';

// Illustrative financial plans for the demo (issue 6): the Leeds, Sheffield and Kent CCGs in each rule year,
// compliant and not, in every state. Made only on the embedded database, like the demo accounts: a database
// named by DATABASE_URL never gets invented plans.
//
// The allocations are real: each CCG's "Final allocation" (£000s) in ccg_allocations_nhsspend.csv, NHS
// England's CCG allocations of a LATER year (the file does not say which; its README places it about
// 2017/18-2018/19), used for scale only and applied unchanged to 2013/14-2015/16. Everything else (the plan
// lines, running costs, Better Care Fund minimum, flexes, forecasts) is invented to show the rules, and every
// plan says so in illustrativeNote.

export const ALLOCATIONS_FILE = 'ccg_allocations_nhsspend.csv';

/**
 * The demo CCGs: ODS code, the name in the ODS and QOF hierarchy files, and the name in the allocations file
 * (which has no codes). Checked against ods_ccgs_eccg_2025.csv and ccg_hierarchy_qof_2016_2019.csv by
 * demo-financial-plans.int-spec.ts. "Kent" is the eight CCGs of the Kent and Medway cluster named in the Kent
 * transition paper (seed 004: "eight CCGs across Kent and Medway"), Medway included.
 */
export const DEMO_PLAN_CCGS = [
  { code: '02V', name: 'NHS LEEDS NORTH CCG', allocationName: 'NHS Leeds North CCG' },
  { code: '03C', name: 'NHS LEEDS WEST CCG', allocationName: 'NHS Leeds West CCG' },
  { code: '03G', name: 'NHS LEEDS SOUTH AND EAST CCG', allocationName: 'NHS Leeds South and East CCG' },
  { code: '03N', name: 'NHS SHEFFIELD CCG', allocationName: 'NHS Sheffield CCG' },
  { code: '09C', name: 'NHS ASHFORD CCG', allocationName: 'NHS Ashford CCG' },
  { code: '09E', name: 'NHS CANTERBURY AND COASTAL CCG', allocationName: 'NHS Canterbury and Coastal CCG' },
  { code: '09J', name: 'NHS DARTFORD, GRAVESHAM AND SWANLEY CCG', allocationName: 'NHS Dartford, Gravesham and Swanley CCG' },
  { code: '09W', name: 'NHS MEDWAY CCG', allocationName: 'NHS Medway CCG' },
  { code: '10A', name: 'NHS SOUTH KENT COAST CCG', allocationName: 'NHS South Kent Coast CCG' },
  { code: '10D', name: 'NHS SWALE CCG', allocationName: 'NHS Swale CCG' },
  { code: '10E', name: 'NHS THANET CCG', allocationName: 'NHS Thanet CCG' },
  { code: '99J', name: 'NHS WEST KENT CCG', allocationName: 'NHS West Kent CCG' },
] as const;

export const DEMO_PLAN_YEARS = ['2013/14', '2014/15', '2015/16'] as const;
type DemoYear = (typeof DEMO_PLAN_YEARS)[number];

/** How a plan's figures depart from the rules: all met, or one rule short. */
type Shape = 'COMPLIANT' | 'SURPLUS_SHORT' | 'CONTINGENCY_SHORT' | 'FUND_SHORT' | 'FUND_SHORT_FLEXED' | 'RUNNING_COSTS_SHORT' | 'BETTER_CARE_FUND_SHORT';
/** Where the plan got to: its versions' path through the review cycle. */
type Story = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED' | 'RETURNED_THEN_SUBMITTED' | 'RETURNED_THEN_APPROVED';
/** In-year forecasts of an approved plan: none, on track, or overspending past the 1% warning line. */
type Forecasts = 'NONE' | 'ON_TRACK' | 'OVERSPENDING';

interface Scenario {
  shape: Shape;
  story: Story;
  forecasts?: Forecasts;
}

const s = (shape: Shape, story: Story, forecasts: Forecasts = 'NONE'): Scenario => ({ shape, story, forecasts });

/** Each CCG's story in 2013/14, 2014/15 and 2015/16. */
const SCENARIOS: Record<(typeof DEMO_PLAN_CCGS)[number]['code'], [Scenario, Scenario, Scenario]> = {
  // The demo finance officer's CCG: an approved past, a flexed 2014/15 overspending in year, and a 2015/16 draft to edit.
  '02V': [s('COMPLIANT', 'APPROVED', 'ON_TRACK'), s('FUND_SHORT_FLEXED', 'APPROVED', 'OVERSPENDING'), s('RUNNING_COSTS_SHORT', 'DRAFT')],
  '03C': [s('COMPLIANT', 'APPROVED', 'ON_TRACK'), s('COMPLIANT', 'RETURNED_THEN_APPROVED', 'ON_TRACK'), s('COMPLIANT', 'SUBMITTED')],
  '03G': [s('SURPLUS_SHORT', 'RETURNED_THEN_APPROVED', 'OVERSPENDING'), s('CONTINGENCY_SHORT', 'SUBMITTED'), s('COMPLIANT', 'DRAFT')],
  '03N': [s('COMPLIANT', 'APPROVED', 'OVERSPENDING'), s('COMPLIANT', 'APPROVED', 'ON_TRACK'), s('BETTER_CARE_FUND_SHORT', 'RETURNED')],
  '09C': [s('COMPLIANT', 'APPROVED', 'ON_TRACK'), s('FUND_SHORT', 'RETURNED_THEN_SUBMITTED'), s('COMPLIANT', 'APPROVED', 'ON_TRACK')],
  '09E': [s('CONTINGENCY_SHORT', 'RETURNED_THEN_APPROVED', 'ON_TRACK'), s('COMPLIANT', 'APPROVED', 'OVERSPENDING'), s('SURPLUS_SHORT', 'SUBMITTED')],
  '09J': [s('SURPLUS_SHORT', 'APPROVED', 'OVERSPENDING'), s('SURPLUS_SHORT', 'RETURNED'), s('RUNNING_COSTS_SHORT', 'DRAFT')],
  '09W': [s('COMPLIANT', 'APPROVED', 'ON_TRACK'), s('COMPLIANT', 'APPROVED', 'ON_TRACK'), s('COMPLIANT', 'APPROVED', 'ON_TRACK')],
  '10A': [s('FUND_SHORT_FLEXED', 'APPROVED', 'ON_TRACK'), s('COMPLIANT', 'SUBMITTED'), s('FUND_SHORT', 'DRAFT')],
  '10D': [s('COMPLIANT', 'APPROVED', 'ON_TRACK'), s('CONTINGENCY_SHORT', 'RETURNED_THEN_SUBMITTED'), s('BETTER_CARE_FUND_SHORT', 'SUBMITTED')],
  '10E': [s('COMPLIANT', 'APPROVED', 'OVERSPENDING'), s('COMPLIANT', 'APPROVED', 'ON_TRACK'), s('COMPLIANT', 'RETURNED_THEN_SUBMITTED')],
  '99J': [s('COMPLIANT', 'APPROVED', 'ON_TRACK'), s('FUND_SHORT_FLEXED', 'APPROVED', 'ON_TRACK'), s('RUNNING_COSTS_SHORT', 'RETURNED_THEN_APPROVED', 'OVERSPENDING')],
};

const pct = (text: string) => Percentage.parse(text);
const ofAmount = (amount: Money, percentage: string) => amount.multiplyByPercentage(pct(percentage), FINANCE_ROUNDING);

/** Shares of the programme total, by category (illustrative, about the national mix). */
const PROGRAMME_SHARES: Record<(typeof PROGRAMME_CATEGORIES)[number], number> = {
  ACUTE: 52,
  MENTAL_HEALTH: 12,
  COMMUNITY: 10,
  PRIMARY_CARE: 8,
  PRESCRIBING: 12,
  CONTINUING_CARE: 4,
  OTHER_PROGRAMME: 2,
};

/**
 * Invented figures for a plan of the given shape on a real allocation: the set-asides at (or, for one rule,
 * below) the year's percentages, running costs about £25 a head (2% of allocation the year before), a Better
 * Care Fund minimum of 2.2% (DOMAIN.md's "just over 6%"), and the rest split over the programme areas.
 */
export function demoFigures(allocation: Money, financialYear: DemoYear, shape: Shape): PlanFigures {
  const is2015 = financialYear === '2015/16';
  const fundPercent = financialYear === '2013/14' ? '2' : '2.5';
  const surplus = ofAmount(allocation, shape === 'SURPLUS_SHORT' ? '0.6' : '1');
  const contingency = ofAmount(allocation, shape === 'CONTINGENCY_SHORT' ? '0.25' : '0.5');
  const fund = ofAmount(allocation, shape === 'FUND_SHORT' || shape === 'FUND_SHORT_FLEXED' ? (financialYear === '2013/14' ? '1.5' : '2') : fundPercent);
  const priorYearRunningCosts = is2015 ? ofAmount(allocation, '2') : null;
  const runningCosts = priorYearRunningCosts ? ofAmount(priorYearRunningCosts, shape === 'RUNNING_COSTS_SHORT' ? '92' : '90') : ofAmount(allocation, '1.9');
  const betterCareFundMinimum = is2015 ? ofAmount(allocation, '2.2') : null;
  const betterCareFund = betterCareFundMinimum ? ofAmount(betterCareFundMinimum, shape === 'BETTER_CARE_FUND_SHORT' ? '90' : '100') : null;
  const programme = allocation.minus(Money.sum([surplus, contingency, fund, runningCosts, betterCareFund ?? Money.ZERO]));
  const categories = Object.keys(PROGRAMME_SHARES) as (typeof PROGRAMME_CATEGORIES)[number][];
  const parts = programme.allocate(categories.map((category) => PROGRAMME_SHARES[category]));
  const lines: { category: PlanCategory; amount: Money }[] = [
    ...categories.map((category, index) => ({ category: category as PlanCategory, amount: parts[index] })),
    { category: 'RUNNING_COSTS', amount: runningCosts },
    ...(betterCareFund ? [{ category: 'BETTER_CARE_FUND' as const, amount: betterCareFund }] : []),
    { category: 'CONTINGENCY', amount: contingency },
    { category: 'NON_RECURRENT_FUND', amount: fund },
  ];
  return { allocation, lines, priorYearRunningCosts, betterCareFundMinimum };
}

/** Forecast outturn drift from planned spend, % of allocation, April onwards (overspending crosses 1% in August). */
const DRIFT: Record<Exclude<Forecasts, 'NONE'>, string[]> = {
  ON_TRACK: ['0', '0.05', '0.1', '0.05', '0.15', '0.2', '0.1', '0.15', '0.2', '0.25', '0.2', '0.3'],
  OVERSPENDING: ['0.2', '0.4', '0.6', '0.85', '1.1', '1.25', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9'],
};

export function illustrativeNote(ccg: (typeof DEMO_PLAN_CCGS)[number], allocation: Money): string {
  return (
    `Illustrative demonstration plan, not a real CCG plan. The allocation, ${allocation.toDisplayString()}, is ${ccg.allocationName}'s real final allocation ` +
    'of a later year (the source does not say which; about 2017/18 to 2018/19), from NHS England CCG allocations as transcribed in crahal/NHSSpend ' +
    `(${ALLOCATIONS_FILE}), used for scale only and applied unchanged to every year. The plan lines, running costs, Better Care Fund minimum, ` +
    'flexes, decisions and forecasts are invented to show the planning rules.'
  );
}

/** Each CCG's final allocation in pounds, from the allocations file (£000s there), by the file's CCG name. */
export async function readDemoAllocations(sharedDataDir: string): Promise<Map<string, Money>> {
  const file = path.join(sharedDataDir, ALLOCATIONS_FILE);
  const allocations = new Map<string, Money>();
  if (!existsSync(file)) return allocations;
  let header: string[] | null = null;
  for await (const row of readCsv(createReadStream(file))) {
    if (!header) {
      header = row.cells;
      continue;
    }
    const name = row.cells[header.indexOf('CCG')];
    const thousands = row.cells[header.indexOf('Final allocation')];
    // The first of two "NHS Leicester City CCG" rows repeats its neighbour (README, defects); keep the first of any name.
    if (name && thousands && !allocations.has(name)) allocations.set(name, Money.parse(thousands.trim()).times(1000));
  }
  return allocations;
}

/**
 * Creates the illustrative plans unless some exist already. Called only for the embedded database, after the
 * bundled data has loaded (so the CCGs carry their period names). Returns how many plans it made.
 */
export async function seedDemoFinancialPlans(dataSource: DataSource, sharedDataDir: string, logger: Logger): Promise<number> {
  if (await repository.hasIllustrativePlans(dataSource.manager)) return 0;
  const allocations = await readDemoAllocations(sharedDataDir);
  const missing = DEMO_PLAN_CCGS.filter((ccg) => !allocations.has(ccg.allocationName));
  if (missing.length) {
    logger.warn('no illustrative financial plans: allocations not found', { file: ALLOCATIONS_FILE, missing: missing.map((ccg) => ccg.code) });
    return 0;
  }
  let made = 0;
  await dataSource.transaction(async (manager) => {
    const users = await demoUsers(manager);
    for (const ccg of DEMO_PLAN_CCGS) {
      await manager.createQueryBuilder().insert().into(OrganisationEntity).values({ code: ccg.code, name: ccg.name, type: OrganisationType.CCG }).orIgnore().execute();
      const allocation = allocations.get(ccg.allocationName) as Money;
      for (const [index, financialYear] of DEMO_PLAN_YEARS.entries()) {
        await seedPlan(manager, { ccg, financialYear, allocation, scenario: SCENARIOS[ccg.code][index], users });
        made++;
      }
    }
  });
  logger.info('created the illustrative financial plans', { count: made });
  return made;
}

interface DemoUsers {
  financeOfficer: string | null;
  assessor: string | null;
}

/** The demo accounts act for Leeds North and NHS England when they exist; other plans are the system's. */
async function demoUsers(manager: EntityManager): Promise<DemoUsers> {
  const rows = await manager.getRepository(UserEntity).find({ select: { id: true, username: true }, where: { username: In(['demo-finance-officer', 'demo-assessor']) } });
  const idOf = (username: string) => rows.find((row) => row.username === username)?.id ?? null;
  return { financeOfficer: idOf('demo-finance-officer'), assessor: idOf('demo-assessor') };
}

const at = (date: string) => new Date(`${date}T10:00:00Z`);

/** The day a forecast made in `month` ('yyyy-mm-01') was recorded: the 10th of the month after. */
function forecastRecordedOn(month: string): string {
  const next = parseIsoDate(addCalendarMonths(month, 1), 'month');
  return formatIsoDate({ ...next, day: 10 });
}

async function seedPlan(
  manager: EntityManager,
  plan: { ccg: (typeof DEMO_PLAN_CCGS)[number]; financialYear: DemoYear; allocation: Money; scenario: Scenario; users: DemoUsers },
): Promise<void> {
  const { ccg, financialYear, allocation, scenario } = plan;
  const year = parseFinancialYear(financialYear);
  // The plan is made in the January to March before its year starts.
  const planning = (month: 1 | 2 | 3, day: number) => formatIsoDate({ year: year.firstYear, month, day });
  const officer = ccg.code === '02V' ? plan.users.financeOfficer : null;
  const assessor = plan.users.assessor;
  const returned = scenario.story.startsWith('RETURNED');
  // A returned first version fell short on a rule the second fixed (an approved plan may still fall short on another: the assessor decides).
  const firstShape: Shape = returned && scenario.story !== 'RETURNED' ? (scenario.shape === 'SURPLUS_SHORT' ? 'CONTINGENCY_SHORT' : 'SURPLUS_SHORT') : scenario.shape;
  const finalFigures = demoFigures(allocation, financialYear, scenario.shape);
  const firstFigures = returned && scenario.story !== 'RETURNED' ? demoFigures(allocation, financialYear, firstShape) : finalFigures;
  const flexes = scenario.shape === 'FUND_SHORT_FLEXED'
    ? [{ rule: 'NON_RECURRENT_FUND' as const, percentage: pct(financialYear === '2013/14' ? '1.5' : '2'), reason: 'Part of the non-recurrent fund committed recurrently to community services, agreed with the area team (illustrative).' }]
    : [];

  const planId = (await repository.insertPlan(manager, { ccgCode: ccg.code, financialYear, illustrativeNote: illustrativeNote(ccg, allocation), at: at(planning(1, 15)) })) as string;
  let lockVersion = 1;
  const advance = async (currentVersion?: number) => {
    await repository.advanceLockVersion(manager, planId, lockVersion, { currentVersion });
    lockVersion++;
  };
  const compliant = (figures: PlanFigures) => checkCompliance(financialYear, figures, flexes).compliant;
  await repository.insertVersion(manager, { planId, number: 1, content: contentOf(firstFigures), compliant: compliant(firstFigures), actorId: officer, at: at(planning(1, 15)) });
  let number = 1;
  let status: FinancialPlanStatus = FinancialPlanStatus.DRAFT;
  // Every invented move is one the lifecycle allows, made by whom it says: the CCG submits, NHS England decides.
  const move = async (action: FinancialPlanAction, date: string) => {
    const by: FinancialPlanActorKind = action.type === 'SUBMIT' ? 'CCG_FINANCE' : 'ASSESSOR';
    const to = applyFinancialPlanAction(status, action, [by]);
    const returnReason = action.type === 'RETURN' ? action.reason : null;
    await repository.moveVersion(manager, { planId, number, from: status, to, actorId: by === 'CCG_FINANCE' ? officer : assessor, returnReason, at: at(date) });
    status = to;
    await advance();
  };
  if (scenario.story !== 'DRAFT') await move({ type: 'SUBMIT' }, planning(2, 20));
  if (returned) {
    const reason = `The plan does not meet the ${financialYear} planning rules as submitted: resubmit with the set-asides in full or a flex agreed (illustrative).`;
    await move({ type: 'RETURN', reason }, planning(3, 5));
    if (scenario.story !== 'RETURNED') {
      status = applyFinancialPlanAction(status, { type: 'START_DRAFT' }, ['CCG_FINANCE']);
      number = 2;
      await repository.insertVersion(manager, { planId, number, content: contentOf(finalFigures), compliant: compliant(finalFigures), actorId: officer, at: at(planning(3, 10)) });
      await advance(number);
      await move({ type: 'SUBMIT' }, planning(3, 20));
    }
  }
  if (scenario.story === 'APPROVED' || scenario.story === 'RETURNED_THEN_APPROVED') await move({ type: 'APPROVE' }, planning(3, 31));
  for (const flex of flexes) {
    await repository.insertFlex(manager, { planId, rule: flex.rule, percentage: flex.percentage.toString(), reason: flex.reason, approvedBy: assessor, approvedOn: planning(3, 12), at: at(planning(3, 12)) });
  }

  const plannedSpend = Money.sum(finalFigures.lines.map((line) => line.amount));
  if (scenario.forecasts && scenario.forecasts !== 'NONE') {
    // Past years have all twelve months; 2015/16 is shown in year, to September.
    const months = financialYear === '2015/16' ? 6 : 12;
    for (const [index, month] of year.months.slice(0, months).entries()) {
      const amount = plannedSpend.plus(ofAmount(allocation, DRIFT[scenario.forecasts][index]));
      await repository.upsertForecast(manager, { planId, month, amount: amount.toString(), actorId: officer, at: at(forecastRecordedOn(month)) });
    }
  }

  // The derived columns, from the same computation the service uses.
  const [record] = await repository.loadPlanRecords(manager, [planId]);
  const view = toPlanView(record);
  for (const version of view.versions) await repository.setVersionCompliance(manager, planId, version.number, version.compliance.compliant);
  const lastForecast = record.forecasts.at(-1)?.recordedAt;
  await repository.touchPlan(manager, planId, { financialWarning: view.financialWarning !== null, at: lastForecast ?? at(planning(3, 31)) });
  await recordAudit(manager, { userId: null, username: 'system', requestId: 'seed' }, {
    action: 'CREATE_DEMO_FINANCIAL_PLAN',
    entityType: 'financial_plan',
    entityId: planId,
    after: { ccg: ccg.code, financialYear, status: view.status, versions: view.versions.length, compliant: view.compliant, financialWarning: view.financialWarning !== null, illustrative: true },
  });
}
