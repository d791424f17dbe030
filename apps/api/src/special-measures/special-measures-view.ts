import type { AssuranceCategory, EscalationKind, SpecialMeasuresActionType, SpecialMeasuresClock, SpecialMeasuresState, SpecialMeasuresTriggerCode } from '@ccg-assure/domain';
import type { ActorView } from '../assessments/assessment-view';
import type { ImprovementActionStatus, SpecialMeasuresTriggerKind } from './special-measures-enums';

// What the special measures service answers (views, never GraphQL types), built by special-measures.mapper.ts
// from the stored episode replayed through the domain library. special-measures.type.ts presents them.

export interface SpecialMeasuresEventView {
  action: SpecialMeasuresActionType;
  from: SpecialMeasuresState;
  to: SpecialMeasuresState;
  on: string;
  note: string | null;
  noticeUrl: string | null;
  improvementDirector: string | null;
  intensiveSupport: string | null;
  summary: string | null;
  escalationKind: EscalationKind | null;
  /** Null in the public view and for illustrative data. */
  recordedBy: ActorView | null;
  recordedAt: Date;
}

export interface ImprovementActionView {
  id: string;
  description: string;
  owner: string;
  dueOn: string;
  status: ImprovementActionStatus;
  overdue: boolean;
  updatedAt: Date;
}

export interface ImprovementPlanView {
  signedOffOn: string | null;
  actions: ImprovementActionView[];
  totalActions: number;
  completedActions: number;
  inProgressActions: number;
  notStartedActions: number;
  overdueActions: number;
}

/** An episode as a client sees it, with its clock read at a date. */
export interface SpecialMeasuresEpisodeView {
  id: string;
  ccgCode: string;
  state: SpecialMeasuresState;
  version: number;
  proposedOn: string;
  assuranceCategory: AssuranceCategory;
  triggers: { code: SpecialMeasuresTriggerCode; kind: SpecialMeasuresTriggerKind; description: string }[];
  enteredOn: string | null;
  improvementDirector: string | null;
  escalationKind: EscalationKind | null;
  closedOn: string | null;
  publiclyNotified: boolean;
  events: SpecialMeasuresEventView[];
  progressReports: { on: string; summary: string }[];
  /** Null while only proposed, or when read at a date before entry. */
  clock: (SpecialMeasuresClock & { asOf: string }) | null;
  improvementPlan: ImprovementPlanView;
  illustrative: boolean;
  illustrativeNote: string | null;
}
