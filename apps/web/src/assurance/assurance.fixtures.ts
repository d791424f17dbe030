// Test fixtures for the assurance pages' component tests: assessments, episodes and CCG assurance shaped as
// the API returns them, proposals worked out by the same domain function the API runs. Not imported by the app.
import {
  availableAssessmentActions,
  getAssuranceFramework,
  proposeCategory,
  specialMeasuresClock,
  type AssessmentActorKind,
  type AssuranceCategory,
  type SpecialMeasuresActionType,
  type SpecialMeasuresState,
} from '@ccg-assure/domain';
import type { ViewerQuery } from '../gql/graphql';
import type { StoredAssessment } from './assessment.fragment';
import type { CcgAssurance } from './ccg-assurance.fragment';
import type { StoredEpisode } from './special-measures-episode.fragment';

type Viewer = NonNullable<ViewerQuery['me']>;

export const assessorViewer: Viewer = {
  id: '2',
  username: 'demo-assessor',
  displayName: 'Demo Assessor',
  mustChangePassword: false,
  roles: [{ role: 'ASSESSOR', organisation: { code: 'X24', name: 'NHS ENGLAND' } }],
};

export const ccgViewer: Viewer = {
  id: '1',
  username: 'demo-finance-officer',
  displayName: 'Demo Finance Officer',
  mustChangePassword: false,
  roles: [{ role: 'FINANCE_OFFICER', organisation: { code: '02V', name: 'NHS LEEDS NORTH CCG' } }],
};

const leedsNorth = { __typename: 'Organisation' as const, code: '02V', name: 'NHS LEEDS NORTH CCG' };

interface AssessmentOptions {
  id?: string;
  status?: 'DRAFT' | 'PUBLISHED';
  version?: number;
  quarter?: number;
  ratings?: Partial<Record<string, AssuranceCategory>>;
  decided?: AssuranceCategory | null;
  rationale?: string | null;
  illustrative?: boolean;
  comments?: StoredAssessment['comments'];
  evidence?: StoredAssessment['evidence'];
  /** Whom the API answers: an assessor unless said (availableActions are the lifecycle's for them). */
  seenBy?: readonly AssessmentActorKind[];
}

/**
 * A 2015/16 assessment of NHS Leeds North CCG, as the API answers an assessor unless `seenBy` says otherwise;
 * the proposal is the domain library's for the ratings.
 */
export function assessmentFixture(options: AssessmentOptions = {}): StoredAssessment {
  const framework = getAssuranceFramework('2015-16');
  const quarter = options.quarter ?? 2;
  const ratings = options.ratings ?? {};
  const fullyRated = framework.domains.every((d) => ratings[d.code]);
  const proposal = fullyRated ? proposeCategory({ framework: '2015-16', ratings: framework.domains.map((d) => ({ domain: d.code, rating: ratings[d.code] as AssuranceCategory })) }) : null;
  const decided = options.decided ?? null;
  const periodStart = ['2015-04-01', '2015-07-01', '2015-10-01', '2016-01-01'][quarter - 1];
  return {
    __typename: 'Assessment',
    id: options.id ?? 'a2',
    ccg: leedsNorth,
    financialYear: '2015/16',
    quarter,
    quarterLabel: `2015/16 Q${quarter}`,
    periodStart,
    periodEnd: periodStart,
    framework: {
      __typename: 'AssuranceFramework',
      id: framework.id,
      name: framework.name,
      areaTerm: framework.areaTerm,
      domains: framework.domains.map((d) => ({ __typename: 'AssuranceDomain', code: d.code, name: d.name, description: d.description, critical: d.code === 'WELL_LED' || d.code === 'FINANCIAL_MANAGEMENT' })),
    },
    status: options.status ?? 'DRAFT',
    availableActions: availableAssessmentActions(options.status ?? 'DRAFT', options.seenBy ?? ['ASSESSOR']),
    version: options.version ?? 3,
    assessedOn: periodStart.replace(/-01$/, '-20'),
    ratings: framework.domains.map((d) => ({
      __typename: 'DomainRating',
      domain: { __typename: 'AssuranceDomain', code: d.code, name: d.name },
      rating: ratings[d.code] ?? null,
      narrative: null,
      ratedBy: null,
      ratedAt: null,
    })),
    fullyRated,
    proposal: proposal
      ? {
          __typename: 'CategoryProposal',
          category: proposal.category,
          step: proposal.step,
          rule: proposal.rule,
          reasons: proposal.reasons.map((r) => ({ __typename: 'CategoryReason', step: r.step, rule: r.rule, fired: r.fired, domains: [...r.domains], explanation: r.explanation })),
        }
      : null,
    decidedCategory: decided,
    rationale: options.rationale ?? null,
    differsFromProposal: decided && proposal ? decided !== proposal.category : null,
    decidedBy: decided ? { __typename: 'AssuranceActor', displayName: 'Demo Assessor' } : null,
    decidedAt: decided ? '2015-07-20T10:00:00.000Z' : null,
    nextAssessmentDue: decided ? '2016-01-20' : null,
    evidence: options.evidence ?? [],
    comments: options.comments === undefined ? [] : options.comments,
    publishedAt: options.status === 'PUBLISHED' ? '2015-07-21T10:00:00.000Z' : null,
    publishedBy: options.status === 'PUBLISHED' ? { __typename: 'AssuranceActor', displayName: 'Demo Assessor' } : null,
    illustrative: options.illustrative ?? false,
    illustrativeNote: options.illustrative ? 'Ratings invented for demonstration.' : null,
  } as unknown as StoredAssessment;
}

/** The assessment as the API answers someone else: a CCG's own user (['CCG_USER']) or the public ([]). */
export function seenBy(actorKinds: readonly AssessmentActorKind[], assessment: StoredAssessment): StoredAssessment {
  return { ...assessment, availableActions: availableAssessmentActions(assessment.status, actorKinds) };
}

export const ALL_GOOD = { WELL_LED: 'GOOD', PERFORMANCE: 'GOOD', FINANCIAL_MANAGEMENT: 'GOOD', PLANNING: 'GOOD', DELEGATED_FUNCTIONS: 'GOOD' } as const;

/** A special measures episode of NHS Leeds North CCG in `state`, its clock read on `asOf`. */
export function episodeFixture(state: SpecialMeasuresState, availableActions: SpecialMeasuresActionType[], asOf = '2016-02-15'): StoredEpisode {
  const entered = state !== 'PROPOSED';
  const clock = entered ? specialMeasuresClock('2015-10-01', asOf) : null;
  return {
    __typename: 'SpecialMeasuresEpisode',
    id: 'e1',
    state,
    version: 4,
    proposedOn: '2015-09-20',
    assuranceCategory: 'NOT_ASSURED',
    triggers: [{ __typename: 'SpecialMeasuresTrigger', code: 'FINANCIAL_SERIOUS_VARIANCE_FROM_PLAN', kind: 'FINANCIAL', description: 'Financial performance differs seriously from the plan.' }],
    enteredOn: entered ? '2015-10-01' : null,
    improvementDirector: null,
    escalationKind: null,
    closedOn: null,
    publiclyNotified: entered && state !== 'AGREED' && state !== 'DETERMINED',
    events: entered
      ? [{ __typename: 'SpecialMeasuresEvent', action: 'AGREE_WITH_CCG', from: 'PROPOSED', to: 'AGREED', on: '2015-10-01', note: null, noticeUrl: null, improvementDirector: null, intensiveSupport: null, summary: null, escalationKind: null, recordedBy: null }]
      : [],
    availableActions,
    clock: clock ? { __typename: 'SpecialMeasuresClock', asOf, ...clock } : null,
    improvementPlan: {
      __typename: 'ImprovementPlan',
      signedOffOn: null,
      actions: [],
      totalActions: 0,
      completedActions: 0,
      inProgressActions: 0,
      notStartedActions: 0,
      overdueActions: 0,
    },
    illustrative: false,
    illustrativeNote: null,
  } as unknown as StoredEpisode;
}

export function ccgAssuranceFixture(assessments: StoredAssessment[], episode: StoredEpisode | null = null): CcgAssurance {
  const published = assessments.find((a) => a.status === 'PUBLISHED');
  return {
    __typename: 'CcgAssurance',
    ccg: leedsNorth,
    asOf: '2016-02-15',
    includesDrafts: true,
    currentCategory: published?.decidedCategory ?? null,
    lastAssessedOn: published?.assessedOn ?? null,
    nextAssessmentDue: published?.nextAssessmentDue ?? null,
    assessmentOverdue: false,
    assessments,
    specialMeasures: episode,
    specialMeasuresEpisodes: episode ? [episode] : [],
    buddy: null,
    stakeholderSurvey: [],
  } as unknown as CcgAssurance;
}
