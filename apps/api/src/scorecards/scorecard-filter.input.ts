import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { GridOrganisationType, ScorecardOrderField, ScorecardStatus, SortDirection } from './scorecard-enums';

@InputType({ description: 'Which providers the scorecard grid shows. Every condition given must hold.' })
export class ScorecardFilter {
  @Field(() => String, { nullable: true, description: 'ODS code of an NHS England region (for example Y54): providers in it, directly or through an area team, in the 2016 or the current ODS structure.' })
  @MaxLength(12)
  region?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "ODS code of a CCG (for example 02V): its providers as at asOf, those it holds contracts with (lead or associate) for the financial year of asOf, " +
      "else the NHS trusts of its NHS England region then (its latest region before then if it had closed); with organisationType GP_PRACTICE, the practices registered with it as at asOf.",
  })
  @MaxLength(12)
  ccg?: string | null;

  @Field(() => ScorecardStatus, { nullable: true, description: 'Only providers in this state on at least one indicator (or on `indicator` when it is given).' })
  status?: ScorecardStatus | null;

  @Field(() => String, { nullable: true, description: 'Indicator code the status is judged on; every indicator when omitted.' })
  @MaxLength(40)
  indicator?: string | null;

  @Field(() => String, { nullable: true, description: 'Text found in the provider’s name or ODS code (case does not matter).' })
  @MaxLength(100)
  search?: string | null;

  @Field(() => GridOrganisationType, {
    nullable: true,
    description:
      'Which organisations the grid lists: NHS trusts when omitted, or GP practices. With GP_PRACTICE and `ccg`, the practices registered with that CCG as at asOf ' +
      '(their CCG relationship then), not the CCG’s providers.',
  })
  organisationType?: GridOrganisationType | null;
}

@InputType({ description: 'How the scorecard grid is sorted. Ties are broken by ODS code.' })
export class ScorecardOrder {
  @Field(() => ScorecardOrderField, { description: 'What to sort by.' })
  field!: ScorecardOrderField;

  @Field(() => String, { nullable: true, description: 'The indicator whose latest value to sort by; required with VALUE.' })
  @MaxLength(40)
  indicator?: string | null;

  @Field(() => SortDirection, { nullable: true, description: 'Ascending (the default) or descending. Providers without a value come last either way.' })
  direction?: SortDirection | null;
}
