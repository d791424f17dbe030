import { nextAssessmentDue, parseFinancialYear, proposeCategory, validateCategoryDecision, type AssuranceCategory, type SpecialMeasuresTriggerCode } from '@ccg-assure/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AssessmentEntity } from '../assessments/assessment.entity';
import * as assessments from '../assessments/assessments.repository';
import { AssuranceBuddyEntity } from '../assessments/assurance-buddy.entity';
import { AssurancePartner, EvidenceKind } from '../assessments/assurance-enums';
import { CATEGORY_POLICY } from '../assessments/assurance-reference';
import { recordAudit } from '../audit/audit.service';
import { UserEntity } from '../auth/user.entity';
import { OrganisationType } from '../organisations/organisation-type';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ImprovementActionStatus } from '../special-measures/special-measures-enums';
import { replayEpisode } from '../special-measures/special-measures.mapper';
import * as specialMeasures from '../special-measures/special-measures.repository';
import type { Logger } from '../server/logger';
import { DEMO_PLAN_CCGS } from './demo-financial-plans';

// Illustrative assurance for the demo (issue 7): 2015/16 assessments of the Leeds, Sheffield and Kent CCGs, one CCG
// in special measures part-way through, one Limited-assurance CCG with a buddy. Made only on the embedded database,
// like the demo accounts and plans: a database named by DATABASE_URL never gets invented assessments. Every
// assessment and episode carries `illustrative: true` and says so in its note. The ratings, narratives, evidence,
// decisions and special measures steps are invented; the categories, next due dates and states are the domain
// library's (proposeCategory, nextAssessmentDue, applySpecialMeasuresAction), as for real data.

export const ILLUSTRATIVE_ASSESSMENT_NOTE =
  'Illustrative demonstration assessment, not a real NHS England assessment: the ratings, narratives, evidence and decision are invented to show the 2015/16 assurance framework and the category policy.';
export const ILLUSTRATIVE_EPISODE_NOTE =
  'Illustrative demonstration of special measures, not a real episode: the CCG, triggers, dates, improvement director, plan and reports are invented to show the process (seed 003).';

type Rating = 'O' | 'G' | 'L' | 'N';
const CATEGORY: Record<Rating, AssuranceCategory> = { O: 'OUTSTANDING', G: 'GOOD', L: 'LIMITED_ASSURANCE', N: 'NOT_ASSURED' };
const COMPONENTS = ['WELL_LED', 'PERFORMANCE', 'FINANCIAL_MANAGEMENT', 'PLANNING', 'DELEGATED_FUNCTIONS'] as const;

const NARRATIVE: Record<(typeof COMPONENTS)[number], Record<Rating, string>> = {
  WELL_LED: {
    O: 'A stable, clinically led governing body with a clear strategy and strong grip on delivery.',
    G: 'Sound leadership and governance; statutory duties met.',
    L: 'Leadership changes in the year; governance arrangements still settling.',
    N: 'The governing body has not shown grip of the financial position; key posts are interim.',
  },
  PERFORMANCE: {
    O: 'Constitution standards met throughout the quarter.',
    G: 'Most constitution standards met; recovery plans in place where not.',
    L: 'A&E four-hour and RTT standards missed for most of the quarter at the main acute provider.',
    N: 'Persistent failure of A&E, RTT and cancer standards without credible recovery plans.',
  },
  FINANCIAL_MANAGEMENT: {
    O: 'Exemplary financial control and contract management.',
    G: 'Plan on track; controls sound.',
    L: 'Forecast outturn drifting from plan; QIPP delivery behind schedule.',
    N: 'Serious variance from plan, unmitigated forecast risks and weaknesses found by internal audit.',
  },
  PLANNING: {
    O: 'Operational and five-year plans of high quality, with electronic discharge summaries in place.',
    G: 'Operational plan submitted and agreed.',
    L: 'Operational plan resubmitted after NHS England review.',
    N: 'No agreed operational plan.',
  },
  DELEGATED_FUNCTIONS: {
    O: 'Primary care co-commissioning delivered well under delegation.',
    G: 'Delegated primary care commissioning functions discharged.',
    L: 'Delegated primary care commissioning not yet fully staffed.',
    N: 'Delegated functions not discharged.',
  },
};

interface DemoAssessment {
  ccg: string;
  quarter: number;
  assessedOn: string;
  /** Well led, performance, financial management, planning, delegated functions. */
  ratings: string;
  /** Published (default) or left as a draft. */
  draft?: boolean;
  /** A decision that differs from the proposal, with its rationale. */
  decide?: { category: AssuranceCategory; rationale: string };
  evidence?: { kind: EvidenceKind; partner?: AssurancePartner; reference?: string; url?: string; note?: string; domain?: string }[];
}

/** Each CCG's 2015/16 quarters (invented). 09J is the CCG in special measures. */
const DEMO_ASSESSMENTS: DemoAssessment[] = [
  {
    ccg: '02V',
    quarter: 1,
    assessedOn: '2015-07-20',
    ratings: 'GGGGG',
    evidence: [
      { kind: EvidenceKind.PLAN_COMPLIANCE, reference: '02V/2015/16', domain: 'FINANCIAL_MANAGEMENT', note: 'Draft plan short of the running-cost reduction.' },
      { kind: EvidenceKind.PARTNER_REPORT, partner: AssurancePartner.HEALTHWATCH, reference: 'Healthwatch Leeds quarterly report', note: 'Positive on patient engagement.' },
    ],
  },
  {
    ccg: '02V',
    quarter: 2,
    assessedOn: '2015-10-19',
    ratings: 'GLGGO',
    evidence: [{ kind: EvidenceKind.SCORECARD_INDICATOR, reference: 'RR8/AE_4HR_ALL', domain: 'PERFORMANCE', note: 'A&E four-hour performance below 95% all quarter.' }],
  },
  { ccg: '02V', quarter: 3, assessedOn: '2016-01-18', ratings: 'GLG', draft: true },
  { ccg: '03C', quarter: 1, assessedOn: '2015-07-20', ratings: 'OOOGG' },
  { ccg: '03C', quarter: 2, assessedOn: '2015-10-19', ratings: 'OOOGO' },
  { ccg: '03G', quarter: 1, assessedOn: '2015-07-20', ratings: 'GLGGG' },
  {
    ccg: '03G',
    quarter: 2,
    assessedOn: '2015-10-19',
    ratings: 'GLLGG',
    evidence: [{ kind: EvidenceKind.FORECAST_VARIANCE, reference: '03G/2015/16', domain: 'FINANCIAL_MANAGEMENT' }],
  },
  // Sheffield: "they rated our assurance as 'limited' in the performance domain" (seed 002), overall Good.
  { ccg: '03N', quarter: 1, assessedOn: '2015-07-27', ratings: 'GLGGG' },
  {
    ccg: '03N',
    quarter: 2,
    assessedOn: '2015-10-26',
    ratings: 'GLGGG',
    decide: { category: 'LIMITED_ASSURANCE', rationale: 'A second quarter of failing A&E and RTT standards, with the recovery trajectory missed: NHS England wants an approved improvement plan.' },
    evidence: [{ kind: EvidenceKind.PUBLISHED_DOCUMENT, url: 'https://www.sheffieldccg.nhs.uk/about-us/governing-body.htm', note: 'Performance Management Framework, Governing Body, 3 December 2015.' }],
  },
  { ccg: '09C', quarter: 1, assessedOn: '2015-07-27', ratings: 'GGGGG' },
  { ccg: '09E', quarter: 1, assessedOn: '2015-07-27', ratings: 'GGLGG' },
  {
    ccg: '09J',
    quarter: 1,
    assessedOn: '2015-07-13',
    ratings: 'NLNGL',
    evidence: [
      { kind: EvidenceKind.AUDIT, reference: 'Internal audit: financial controls, limited assurance opinion', domain: 'FINANCIAL_MANAGEMENT' },
      { kind: EvidenceKind.PARTNER_REPORT, partner: AssurancePartner.HEALTH_AND_WELLBEING_BOARD, reference: 'Kent Health and Wellbeing Board minutes' },
    ],
  },
  { ccg: '09J', quarter: 2, assessedOn: '2015-10-12', ratings: 'NLNLG' },
  // Not assured is reassessed monthly: the third quarter's assessment keeps the story's "now" (31 January 2016, its
  // latest progress report) within the month its next assessment is due.
  { ccg: '09J', quarter: 3, assessedOn: '2016-01-25', ratings: 'NLNLG' },
  { ccg: '09W', quarter: 1, assessedOn: '2015-07-27', ratings: 'OGOOG' },
  { ccg: '10A', quarter: 1, assessedOn: '2015-07-27', ratings: 'GGGGL' },
  { ccg: '10D', quarter: 1, assessedOn: '2015-07-27', ratings: 'GLGLG' },
  { ccg: '10E', quarter: 1, assessedOn: '2015-07-27', ratings: 'GGGGG' },
  { ccg: '99J', quarter: 1, assessedOn: '2015-07-27', ratings: 'OGGGG' },
];

const SPECIAL_MEASURES_CCG = '09J';
const SPECIAL_MEASURES_TRIGGERS: SpecialMeasuresTriggerCode[] = ['OPERATIONAL_NO_GRIP', 'FINANCIAL_SERIOUS_VARIANCE_FROM_PLAN', 'FINANCIAL_WEAK_CONTROLS'];
/** The steps taken, part-way: delivery under way, two progress reports. */
const SPECIAL_MEASURES_STEPS: { action: string; on: string; details?: Partial<Record<'noticeUrl' | 'improvementDirector' | 'intensiveSupport' | 'summary' | 'note', string>> }[] = [
  { action: 'AGREE_WITH_CCG', on: '2015-08-03', details: { note: 'Agreed with the accountable officer and the chair (illustrative).' } },
  { action: 'PUBLISH_NOTICE', on: '2015-08-10', details: { note: 'Notice on the CCG website: the reasons, the plans for improvement and the timescales (illustrative).' } },
  { action: 'COMMISSION_EXTERNAL_REVIEW', on: '2015-08-24' },
  { action: 'APPOINT_IMPROVEMENT_DIRECTOR', on: '2015-09-14', details: { improvementDirector: 'A. N. Example (illustrative)' } },
  { action: 'SIGN_OFF_IMPROVEMENT_PLAN', on: '2015-10-05' },
  { action: 'START_DELIVERY', on: '2015-10-12', details: { intensiveSupport: 'Financial turnaround support and a programme management office (illustrative).' } },
  { action: 'REPORT_PROGRESS', on: '2015-11-30', details: { summary: 'Financial recovery plan agreed; two of four actions on track (illustrative).' } },
  { action: 'REPORT_PROGRESS', on: '2016-01-31', details: { summary: 'Forecast deficit reduced; governance review complete; contract management still behind (illustrative).' } },
];
const IMPROVEMENT_ACTIONS: { description: string; owner: string; dueOn: string; status: ImprovementActionStatus }[] = [
  { description: 'Agree a financial recovery plan with the governing body', owner: 'Chief finance officer', dueOn: '2015-10-31', status: ImprovementActionStatus.COMPLETED },
  { description: 'Complete the governance review and act on its findings', owner: 'Improvement director', dueOn: '2015-12-31', status: ImprovementActionStatus.COMPLETED },
  { description: 'Set up a contract management board for the main acute provider', owner: 'Director of commissioning', dueOn: '2016-01-31', status: ImprovementActionStatus.IN_PROGRESS },
  { description: 'Repeat the internal audit of financial controls', owner: 'Audit committee chair', dueOn: '2016-03-31', status: ImprovementActionStatus.NOT_STARTED },
];
/** The Limited-assurance CCG paired with a strong neighbour. */
const BUDDY = { ccg: '03G', buddy: '03C', assignedOn: '2015-11-02' };

const at = (date: string) => new Date(`${date}T10:00:00Z`);
const SYSTEM = { userId: null, username: 'system', requestId: 'seed' };

/**
 * Creates the illustrative assurance unless some exists already. Called only for the embedded database, after the
 * bundled data (for the CCGs' names). Returns how many assessments it made.
 */
export async function seedDemoAssurance(dataSource: DataSource, logger: Logger): Promise<number> {
  if ((await dataSource.manager.countBy(AssessmentEntity, { illustrative: true })) > 0) return 0;
  let made = 0;
  await dataSource.transaction(async (manager) => {
    for (const ccg of DEMO_PLAN_CCGS) {
      await manager.createQueryBuilder().insert().into(OrganisationEntity).values({ code: ccg.code, name: ccg.name, type: OrganisationType.CCG }).orIgnore().execute();
    }
    const financeOfficer = await manager.findOneBy(UserEntity, { username: 'demo-finance-officer' });
    for (const demo of DEMO_ASSESSMENTS) {
      const id = await seedAssessment(manager, demo);
      if (financeOfficer && demo.ccg === '02V' && demo.quarter === 2) {
        await assessments.insertComment(manager, { assessmentId: id, authorId: financeOfficer.id, text: 'The CCG accepts the performance rating; the A&E recovery plan goes to the governing body in November (illustrative).' });
      }
      made++;
    }
    await seedSpecialMeasures(manager);
    await manager.insert(AssuranceBuddyEntity, { ccgCode: BUDDY.ccg, buddyCcgCode: BUDDY.buddy, assignedOn: BUDDY.assignedOn, assignedBy: null });
  });
  logger.info('created the illustrative assurance', { assessments: made, specialMeasures: SPECIAL_MEASURES_CCG });
  return made;
}

async function seedAssessment(manager: EntityManager, demo: DemoAssessment): Promise<string> {
  const year = parseFinancialYear('2015/16');
  const quarter = year.quarter(demo.quarter);
  const id = (await assessments.insertAssessment(manager, {
    ccgCode: demo.ccg,
    financialYear: year.label,
    quarter: quarter.number,
    periodStart: quarter.start,
    framework: '2015-16',
    assessedOn: demo.assessedOn,
    actorId: null,
    illustrativeNote: ILLUSTRATIVE_ASSESSMENT_NOTE,
    at: at(demo.assessedOn),
  })) as string;
  const ratings = [...demo.ratings].map((letter, index) => ({ domain: COMPONENTS[index], rating: CATEGORY[letter as Rating], narrative: NARRATIVE[COMPONENTS[index]][letter as Rating] }));
  for (const rating of ratings) await assessments.upsertRating(manager, { assessmentId: id, ...rating, actorId: null, at: at(demo.assessedOn) });
  for (const evidence of demo.evidence ?? []) {
    await assessments.insertEvidence(manager, {
      assessmentId: id,
      kind: evidence.kind,
      partner: evidence.partner ?? null,
      domain: evidence.domain ?? null,
      reference: evidence.reference ?? null,
      url: evidence.url ?? null,
      note: evidence.note ?? null,
      actorId: null,
      at: at(demo.assessedOn),
    });
  }
  if (ratings.length === COMPONENTS.length) {
    const proposal = proposeCategory({ framework: '2015-16', ratings }, CATEGORY_POLICY);
    await assessments.setProposal(manager, id, proposal.category);
    const decision = validateCategoryDecision({ proposed: proposal.category, decided: demo.decide?.category ?? proposal.category, rationale: demo.decide?.rationale });
    await assessments.setDecision(manager, id, {
      decidedCategory: decision.decided,
      proposedCategory: proposal.category,
      rationale: decision.rationale,
      nextAssessmentDue: nextAssessmentDue(decision.decided, demo.assessedOn, CATEGORY_POLICY),
      actorId: null,
      at: at(demo.assessedOn),
    });
  }
  if (!demo.draft) await assessments.publish(manager, id, null, at(demo.assessedOn));
  await recordAudit(manager, SYSTEM, {
    action: 'CREATE_DEMO_ASSESSMENT',
    entityType: 'assessment',
    entityId: id,
    after: { ccg: demo.ccg, financialYear: year.label, quarter: demo.quarter, status: demo.draft ? 'DRAFT' : 'PUBLISHED', illustrative: true },
  });
  return id;
}

async function seedSpecialMeasures(manager: EntityManager): Promise<void> {
  const latest = await assessments.latestPublished(manager, SPECIAL_MEASURES_CCG);
  const id = await specialMeasures.insertEpisode(manager, {
    ccgCode: SPECIAL_MEASURES_CCG,
    proposedOn: '2015-07-20',
    assuranceCategory: latest?.decidedCategory ?? 'NOT_ASSURED',
    triggers: SPECIAL_MEASURES_TRIGGERS,
    actorId: null,
    illustrativeNote: ILLUSTRATIVE_EPISODE_NOTE,
  });
  for (const [index, step] of SPECIAL_MEASURES_STEPS.entries()) {
    if (step.action === 'SIGN_OFF_IMPROVEMENT_PLAN') {
      for (const action of IMPROVEMENT_ACTIONS) await specialMeasures.insertAction(manager, { episodeId: id, ...action, actorId: null });
    }
    // States come from the domain: replay what is stored so far plus this step.
    const [record] = await specialMeasures.loadEpisodeRecords(manager, [id]);
    const before = replayEpisode(record);
    const event = {
      episodeId: id,
      seq: index + 1,
      action: step.action,
      on: step.on,
      note: step.details?.note ?? null,
      noticeUrl: step.details?.noticeUrl ?? null,
      improvementDirector: step.details?.improvementDirector ?? null,
      intensiveSupport: step.details?.intensiveSupport ?? null,
      summary: step.details?.summary ?? null,
      escalationKind: null,
    };
    const after = replayEpisode({ ...record, events: [...record.events, { ...event, fromState: before.state, toState: before.state, recordedBy: null, recordedByUser: null, recordedAt: at(step.on) }] });
    await specialMeasures.insertEvent(manager, { ...event, fromState: before.state, toState: after.state, actorId: null, at: at(step.on) });
    await specialMeasures.setEpisodeState(manager, id, after);
  }
  await recordAudit(manager, SYSTEM, {
    action: 'CREATE_DEMO_SPECIAL_MEASURES',
    entityType: 'special_measures',
    entityId: id,
    after: { ccg: SPECIAL_MEASURES_CCG, steps: SPECIAL_MEASURES_STEPS.length, illustrative: true },
  });
}
