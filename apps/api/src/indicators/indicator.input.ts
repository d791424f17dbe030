import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { PeriodType, Polarity } from './indicator.type';

const MAX_NAME = 200;
const MAX_TEXT = 2000;

export enum IndicatorUnit {
  PERCENTAGE = 'PERCENTAGE',
  COUNT = 'COUNT',
  RATE = 'RATE',
  MINUTES = 'MINUTES',
}
registerEnumType(IndicatorUnit, {
  name: 'IndicatorUnit',
  description: 'The unit of an indicator’s value, which says how it is computed from the numerator and denominator.',
  valuesConfig: {
    PERCENTAGE: { description: 'A proportion: 100 × numerator ÷ denominator, 0 to 100; the numerator never exceeds the denominator.' },
    COUNT: { description: 'A count: numerator ÷ denominator, with a denominator of 1 for a plain count.' },
    RATE: { description: 'A rate: numerator ÷ denominator.' },
    MINUTES: { description: 'A time in minutes: total minutes ÷ the number timed.' },
  },
});

@InputType({ description: 'The definition of an indicator, as an administrator writes it.' })
class IndicatorDefinitionInput {
  @Field(() => String, { description: 'Short name, for example "RTT incomplete pathways within 18 weeks".' })
  @IsString()
  @MaxLength(MAX_NAME)
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the indicator measures.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  description?: string | null;

  @Field(() => IndicatorUnit, { description: 'The unit of its values; cannot change once it has values.' })
  unit!: IndicatorUnit;

  @Field(() => Polarity, { description: 'Which direction is an improvement; a change recomputes its stored scores.' })
  polarity!: Polarity;

  @Field(() => PeriodType, { description: 'The period each value covers; cannot change once it has values.' })
  periodType!: PeriodType;

  @Field(() => String, { nullable: true, description: 'What the numerator counts.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  numeratorDefinition?: string | null;

  @Field(() => String, { nullable: true, description: 'What the denominator counts.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  denominatorDefinition?: string | null;

  @Field(() => String, { description: 'Where the data comes from, for example the publication and its page.' })
  @IsString()
  @MaxLength(MAX_TEXT)
  source!: string;
}

@InputType({ description: 'Defines a new indicator, so that its values can be imported (the indicator-values import kind).' })
export class CreateIndicatorInput extends IndicatorDefinitionInput {
  @Field(() => String, { description: 'Stable code: a capital letter, then capital letters, digits and _, at most 40; for example RTT_INCOMPLETE_18WK.' })
  @IsString()
  @MaxLength(40)
  code!: string;
}

@InputType({ description: 'Changes an indicator’s definition (every field is replaced).' })
export class UpdateIndicatorInput extends IndicatorDefinitionInput {
  @Field(() => String, { description: 'Code of the indicator to change.' })
  @IsString()
  @MaxLength(40)
  code!: string;
}
