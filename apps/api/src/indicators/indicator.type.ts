import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Organisation } from '../organisations/organisation.type';
import { PageInfo } from '../server/pagination';
import { DateScalar } from '../server/scalars';

export enum PeriodType {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(PeriodType, {
  name: 'PeriodType',
  description: 'The length of a reporting period.',
  valuesConfig: {
    MONTH: { description: 'A calendar month.' },
    QUARTER: { description: 'A financial quarter.' },
    YEAR: { description: 'A financial year (April to March).' },
  },
});

export enum Polarity {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
  NEUTRAL = 'NEUTRAL',
}
registerEnumType(Polarity, {
  name: 'Polarity',
  description: 'Which direction of an indicator is an improvement.',
  valuesConfig: {
    HIGHER_IS_BETTER: { description: 'A higher value is better.' },
    LOWER_IS_BETTER: { description: 'A lower value is better.' },
    NEUTRAL: { description: 'Neither direction is better.' },
  },
});

// Plain data (`simpleResolvers`): graphql-js reads these fields itself, without type-graphql's wrapper around each one,
// which every grid row and value pays for (issue 19); field resolvers elsewhere (relationships, periods) keep theirs.
@ObjectType({ description: 'A measure of performance, defined by a numerator over a denominator.', simpleResolvers: true })
export class Indicator {
  @Field(() => String, { description: 'Stable code, for example AE_4HR_ALL.' })
  code!: string;

  @Field(() => String, { description: 'Short name.' })
  name!: string;

  @Field(() => String, { description: 'What the indicator measures.' })
  description!: string;

  @Field(() => String, { description: 'Unit of the value: PERCENTAGE, COUNT, RATE or MINUTES.' })
  unit!: string;

  @Field(() => Polarity, { description: 'Which direction is an improvement.' })
  polarity!: Polarity;

  @Field(() => PeriodType, { description: 'The period each value covers.' })
  periodType!: PeriodType;

  @Field(() => String, { nullable: true, description: 'What the numerator counts.' })
  numeratorDefinition!: string | null;

  @Field(() => String, { nullable: true, description: 'What the denominator counts.' })
  denominatorDefinition!: string | null;

  @Field(() => String, { description: 'Where the data comes from.' })
  source!: string;

  @Field(() => Boolean, {
    description:
      'True when a national data import defines the indicator with its values (the A&E indicators, from the monthly A&E return as published); false for an indicator an administrator defined, whose values analysts load with the INDICATOR_VALUES import, so the product cannot say they are as published (decision 0031).',
  })
  definedByImport!: boolean;
}

@ObjectType({ description: 'A reporting period.', simpleResolvers: true })
export class Period {
  @Field(() => PeriodType, { description: 'Month, quarter or year.' })
  type!: PeriodType;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  startDate!: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  endDate!: string;

  @Field(() => String, { description: 'Label for people, for example "April 2016".' })
  label!: string;
}

@ObjectType({ description: 'The value of one indicator for one organisation and period, with the numerator and denominator it comes from.', simpleResolvers: true })
export class IndicatorValue {
  @Field(() => String, { description: 'Code of the indicator.' })
  indicatorCode!: string;

  @Field(() => Organisation, { description: 'The organisation the value is for.' })
  organisation!: Organisation;

  @Field(() => Period, { description: 'The period the value covers.' })
  period!: Period;

  @Field(() => Float, { description: 'Numerator (for A&E: attendances within 4 hours). A whole number for counts.' })
  numerator!: number;

  @Field(() => Float, { description: 'Denominator (for A&E: all attendances).' })
  denominator!: number;

  @Field(() => Float, { description: 'The value in the indicator’s unit: for percentages, 100 × numerator ÷ denominator.' })
  value!: number;
}

@ObjectType({ description: 'A value of an indicator on a page, with its cursor.' })
export class IndicatorValueEdge {
  @Field(() => String, { description: 'Opaque cursor of this value; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => IndicatorValue, { description: 'The value.' })
  node!: IndicatorValue;
}

@ObjectType({ description: 'A page of the values of one indicator, by organisation then period (Relay cursor connection).' })
export class IndicatorValueConnection {
  @Field(() => [IndicatorValueEdge], { description: 'The values on this page.' })
  edges!: IndicatorValueEdge[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'An indicator rolled up over organisations and periods: the sum of numerators over the sum of denominators, never an average of values.' })
export class IndicatorAggregate {
  @Field(() => Indicator, { description: 'The indicator.' })
  indicator!: Indicator;

  @Field(() => DateScalar, { description: 'First period start included.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last period start included.' })
  to!: string;

  @Field(() => Float, { description: 'Sum of the numerators.' })
  numerator!: number;

  @Field(() => Float, { description: 'Sum of the denominators.' })
  denominator!: number;

  @Field(() => Float, { nullable: true, description: 'The rolled-up value (for percentages, 100 × numerator ÷ denominator); null when there is no data.' })
  value!: number | null;

  @Field(() => Int, { description: 'How many organisations contributed.' })
  organisationCount!: number;

  @Field(() => Int, { description: 'How many periods contributed.' })
  periodCount!: number;
}
