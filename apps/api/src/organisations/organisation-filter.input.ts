import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { OrganisationType } from './organisation-type';

@InputType({ description: 'Which organisations to list. Every condition given must hold.' })
export class OrganisationFilter {
  @Field(() => OrganisationType, { nullable: true, description: 'Only organisations of this kind.' })
  type?: OrganisationType | null;

  @Field(() => String, { nullable: true, description: 'Text found in the name or the ODS code (case does not matter).' })
  @MaxLength(100)
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'ODS code of an NHS England region (for example Y54): organisations in it, directly or through an area team, in any year.' })
  @MaxLength(12)
  region?: string | null;
}
