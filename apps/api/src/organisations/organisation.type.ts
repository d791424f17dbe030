import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { OrganisationType } from './organisation-type';

registerEnumType(OrganisationType, {
  name: 'OrganisationType',
  description: 'The kind of NHS organisation.',
  valuesConfig: {
    NHS_ENGLAND: { description: 'NHS England, the national body that assures CCGs.' },
    REGION: { description: 'An NHS England region.' },
    AREA_TEAM: { description: 'An NHS England local area team or sub-region.' },
    CCG: { description: 'A clinical commissioning group.' },
    COMMISSIONING_SUPPORT_UNIT: { description: 'A commissioning support unit serving CCGs.' },
    NHS_TRUST: { description: 'An NHS trust or foundation trust providing care.' },
    INDEPENDENT_PROVIDER: { description: 'An independent-sector provider of NHS care.' },
    GP_PRACTICE: { description: 'A general practice.' },
    STP: { description: 'A sustainability and transformation partnership (identified by its ONS code).' },
    OTHER: { description: 'Any other organisation with an ODS code.' },
  },
});

@ObjectType({ description: 'An NHS organisation, identified by its ODS code.' })
export class Organisation {
  @Field(() => String, { description: 'ODS (Organisation Data Service) code, for example 02V or RR8.' })
  code!: string;

  @Field(() => String, { description: 'Name of the organisation.' })
  name!: string;

  @Field(() => OrganisationType, { description: 'The kind of organisation.' })
  type!: OrganisationType;
}
