import {
  ESCALATION_KIND_DEFINITIONS,
  ESCALATION_KINDS,
  SPECIAL_MEASURES_ACTION_TYPES,
  SPECIAL_MEASURES_STATES,
  SPECIAL_MEASURES_TRANSITIONS,
  SPECIAL_MEASURES_TRIGGER_CODES,
  SPECIAL_MEASURES_TRIGGERS,
  type EscalationKind,
  type SpecialMeasuresActionType,
  type SpecialMeasuresState,
  type SpecialMeasuresTriggerCode,
} from '@ccg-assure/domain';
import { registerEnumType } from 'type-graphql';
import { describedValues, enumOf } from '../server/graphql-enums';

// The GraphQL enums of special measures, built from the domain's own lists (see assessments/assurance-enums.ts).

/** The states of a special measures episode, from the domain's SPECIAL_MEASURES_STATES. */
export const SpecialMeasuresStateEnum = enumOf(SPECIAL_MEASURES_STATES);
registerEnumType(SpecialMeasuresStateEnum, {
  name: 'SpecialMeasuresState',
  description: 'Where a special measures episode stands (seed 003, "Special measures process"). EXITED and ESCALATED are closed.',
  valuesConfig: describedValues<SpecialMeasuresState>({
    PROPOSED: 'Proposed by NHS England; not yet entered.',
    AGREED: 'Entry agreed with the CCG; the 12-month clock runs from the entry date.',
    DETERMINED: 'Entry determined by NHS England without the CCG’s agreement; the 12-month clock runs from the entry date.',
    PUBLISHED: 'The CCG has published on its website that it is in special measures, why, its plans and timescales.',
    EXTERNAL_REVIEW: "An external review of the CCG's capacity, capability and governance, commissioned by NHS England.",
    IMPROVEMENT_DIRECTOR_APPOINTED: 'An improvement director, accountable for delivery, is appointed; the improvement plan is drawn up.',
    IMPROVEMENT_PLAN_SIGNED_OFF: 'NHS England has signed off the improvement plan.',
    IN_PROGRESS: 'The plan is being delivered with intensive support; progress is reported regularly to NHS England.',
    EXITED: 'Exited on significant progress (closed).',
    ESCALATED: 'Escalated to changes of management, structure or governance, up to another body taking over responsibilities (closed).',
  }),
});

/** The steps NHS England takes, from the domain's SPECIAL_MEASURES_ACTION_TYPES, each described by its move. */
export const SpecialMeasuresActionEnum = enumOf(SPECIAL_MEASURES_ACTION_TYPES);
const moves = (action: SpecialMeasuresActionType) =>
  SPECIAL_MEASURES_TRANSITIONS.filter((transition) => transition.action === action)
    .map((transition) => `${transition.from} -> ${transition.to}`)
    .join(', ');
registerEnumType(SpecialMeasuresActionEnum, {
  name: 'SpecialMeasuresAction',
  description: 'A step of a special measures episode. Each is allowed only from certain states (SpecialMeasuresEpisode.availableActions); any other is refused with reason INVALID_TRANSITION.',
  valuesConfig: describedValues<SpecialMeasuresActionType>({
    AGREE_WITH_CCG: `Entry agreed with the CCG (${moves('AGREE_WITH_CCG')}).`,
    DETERMINE_BY_NHS_ENGLAND: `Entry determined by NHS England without agreement (${moves('DETERMINE_BY_NHS_ENGLAND')}).`,
    PUBLISH_NOTICE: `The public notice on the CCG's website (${moves('PUBLISH_NOTICE')}); noticeUrl may link it.`,
    COMMISSION_EXTERNAL_REVIEW: `External review commissioned (${moves('COMMISSION_EXTERNAL_REVIEW')}).`,
    APPOINT_IMPROVEMENT_DIRECTOR: `Improvement director appointed, named in improvementDirector (${moves('APPOINT_IMPROVEMENT_DIRECTOR')}).`,
    SIGN_OFF_IMPROVEMENT_PLAN: `NHS England signs off the improvement plan, which needs at least one action (${moves('SIGN_OFF_IMPROVEMENT_PLAN')}).`,
    START_DELIVERY: `Delivery starts with intensive support, described in intensiveSupport (${moves('START_DELIVERY')}).`,
    REPORT_PROGRESS: `A progress report to NHS England, with its summary (${moves('REPORT_PROGRESS')}).`,
    EXIT: `Exit on significant progress (${moves('EXIT')}); the clock stops.`,
    ESCALATE: `Escalation, with its escalationKind (${moves('ESCALATE')}); the clock stops.`,
  }),
});

export const EscalationKindEnum = enumOf(ESCALATION_KINDS);
registerEnumType(EscalationKindEnum, {
  name: 'EscalationKind',
  description: 'What an escalation out of special measures changes (seed 003).',
  valuesConfig: describedValues<EscalationKind>(
    Object.fromEntries(ESCALATION_KIND_DEFINITIONS.map((kind) => [kind.code, kind.description])) as Record<EscalationKind, string>,
  ),
});

export const SpecialMeasuresTriggerCodeEnum = enumOf(SPECIAL_MEASURES_TRIGGER_CODES);
registerEnumType(SpecialMeasuresTriggerCodeEnum, {
  name: 'SpecialMeasuresTriggerCode',
  description: 'What triggered special measures (seed 003, "Triggers for special measures"): operational or financial.',
  valuesConfig: describedValues<SpecialMeasuresTriggerCode>(
    Object.fromEntries(SPECIAL_MEASURES_TRIGGERS.map((trigger) => [trigger.code, `${trigger.kind === 'OPERATIONAL' ? 'Operational' : 'Financial'}: ${trigger.description}`])) as Record<
      SpecialMeasuresTriggerCode,
      string
    >,
  ),
});

export enum SpecialMeasuresTriggerKind {
  OPERATIONAL = 'OPERATIONAL',
  FINANCIAL = 'FINANCIAL',
}
registerEnumType(SpecialMeasuresTriggerKind, {
  name: 'SpecialMeasuresTriggerKind',
  description: 'Whether a special measures trigger is about operational or financial performance.',
  valuesConfig: {
    OPERATIONAL: { description: 'Operational performance.' },
    FINANCIAL: { description: 'Financial performance or controls.' },
  },
});

export enum ImprovementActionStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}
registerEnumType(ImprovementActionStatus, {
  name: 'ImprovementActionStatus',
  description: 'Where an action of an improvement plan stands. Whether it is overdue is computed (ImprovementAction.overdue).',
  valuesConfig: {
    NOT_STARTED: { description: 'Not started.' },
    IN_PROGRESS: { description: 'Under way.' },
    COMPLETED: { description: 'Done.' },
  },
});
