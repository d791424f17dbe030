import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ProvidersBasis } from '../contracts/contracts-enums';
import { DateScalar } from '../server/scalars';
import { EvidenceKind } from './assurance-enums';

export enum AssuranceTriggerKind {
  INDICATOR_CONSISTENTLY_FAILING = 'INDICATOR_CONSISTENTLY_FAILING',
  INDICATOR_SPECIAL_CAUSE_CONCERN = 'INDICATOR_SPECIAL_CAUSE_CONCERN',
  PLAN_NOT_COMPLIANT = 'PLAN_NOT_COMPLIANT',
  ADVERSE_FORECAST_VARIANCE = 'ADVERSE_FORECAST_VARIANCE',
  NOT_ASSURED_CATEGORY = 'NOT_ASSURED_CATEGORY',
  NOT_ASSURED_DOMAIN_RATING = 'NOT_ASSURED_DOMAIN_RATING',
}
registerEnumType(AssuranceTriggerKind, {
  name: 'AssuranceTriggerKind',
  description: 'A warning sign shown beside the assessment form (issue 7, "Triggers").',
  valuesConfig: {
    INDICATOR_CONSISTENTLY_FAILING: { description: 'A provider indicator whose SPC assurance verdict is CONSISTENT_FAIL: it will keep failing its standard unless the process changes.' },
    INDICATOR_SPECIAL_CAUSE_CONCERN: { description: 'A provider indicator whose latest point is special-cause concern (worsening beyond common-cause variation).' },
    PLAN_NOT_COMPLIANT: { description: "The latest version of the CCG's financial plan does not comply with its year's planning rules." },
    ADVERSE_FORECAST_VARIANCE: { description: "The CCG's approved plan carries a financial warning: the latest forecast outturn is adversely above the threshold." },
    NOT_ASSURED_CATEGORY: { description: "The CCG's latest published assessment decided Not assured." },
    NOT_ASSURED_DOMAIN_RATING: { description: "A domain of the CCG's latest published assessment is rated Not assured." },
  },
});

export enum AssuranceTriggerSourceKind {
  SCORECARD = 'SCORECARD',
  FINANCIAL_PLAN = 'FINANCIAL_PLAN',
  ASSESSMENT = 'ASSESSMENT',
}
registerEnumType(AssuranceTriggerSourceKind, {
  name: 'AssuranceTriggerSourceKind',
  description: 'Where a trigger came from, so the UI can link to it.',
  valuesConfig: {
    SCORECARD: { description: 'A provider scorecard (providerScorecard(code) with the indicator).' },
    FINANCIAL_PLAN: { description: 'A stored financial plan (financialPlan(ccg, financialYear)).' },
    ASSESSMENT: { description: 'An assessment (assessment(id)).' },
  },
});

@ObjectType({ description: 'Where a trigger came from: set fields depend on kind (SCORECARD: providerCode, indicatorCode, period; FINANCIAL_PLAN: planId, financialYear, month; ASSESSMENT: assessmentId, quarterLabel).' })
export class AssuranceTriggerSource {
  @Field(() => AssuranceTriggerSourceKind, { description: 'What it came from.' })
  kind!: AssuranceTriggerSourceKind;

  @Field(() => String, { nullable: true, description: 'SCORECARD: the provider’s ODS code.' })
  providerCode!: string | null;

  @Field(() => String, { nullable: true, description: 'SCORECARD: the indicator code.' })
  indicatorCode!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'SCORECARD: the first day of the latest period.' })
  period!: string | null;

  @Field(() => ID, { nullable: true, description: 'FINANCIAL_PLAN: the plan.' })
  planId!: string | null;

  @Field(() => String, { nullable: true, description: 'FINANCIAL_PLAN: the plan’s financial year, "2015/16".' })
  financialYear!: string | null;

  @Field(() => String, { nullable: true, description: 'FINANCIAL_PLAN: the forecast month of a warning, "2015-08".' })
  month!: string | null;

  @Field(() => ID, { nullable: true, description: 'ASSESSMENT: the assessment.' })
  assessmentId!: string | null;

  @Field(() => String, { nullable: true, description: 'ASSESSMENT: its quarter, "2015/16 Q2".' })
  quarterLabel!: string | null;
}

@ObjectType({ description: 'A warning sign for an assessor, with where it came from and how to cite it as evidence.' })
export class AssuranceTrigger {
  @Field(() => AssuranceTriggerKind, { description: 'What kind of warning.' })
  kind!: AssuranceTriggerKind;

  @Field(() => String, { description: 'The warning in a line.' })
  title!: string;

  @Field(() => String, { description: 'The figures behind it.' })
  detail!: string;

  @Field(() => AssuranceTriggerSource, { description: 'Where it came from.' })
  source!: AssuranceTriggerSource;

  @Field(() => EvidenceKind, { nullable: true, description: 'The evidence kind to cite it with (addAssessmentEvidence); null for a trigger from an assessment.' })
  evidenceKind!: EvidenceKind | null;

  @Field(() => String, { nullable: true, description: 'The evidence reference to cite it with; null for a trigger from an assessment.' })
  evidenceReference!: string | null;
}

@ObjectType({ description: "The triggers for a CCG, from the scorecards, its financial plans and its latest published assessment." })
export class AssuranceTriggers {
  /** Resolved through the organisation loader. */
  ccgCode!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The latest period of scorecard data the indicator triggers were judged on; null without data.' })
  scorecardAsOf!: string | null;

  @Field(() => [String], {
    description:
      "ODS codes of the providers whose indicators were considered: the CCG's providers (ccgProviders): those it holds contracts with for the year, else the providers in its NHS England region; providersBasis says which.",
  })
  providersConsidered!: string[];

  @Field(() => ProvidersBasis, { description: 'How providersConsidered were found: CONTRACTS (the CCG’s contracts for the year) or REGION (it has none: its NHS England region, as a fallback).' })
  providersBasis!: ProvidersBasis;

  @Field(() => [AssuranceTrigger], { description: 'The triggers: indicators, then plans, then assessment.' })
  triggers!: AssuranceTrigger[];
}
