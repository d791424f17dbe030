import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../server/pagination';
import { DateScalar } from '../server/scalars';
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

export enum RelationshipKind {
  IN_REGION = 'IN_REGION',
  IN_AREA_TEAM = 'IN_AREA_TEAM',
  IN_STP = 'IN_STP',
  SUCCEEDED_BY = 'SUCCEEDED_BY',
  SITE_OF = 'SITE_OF',
  IN_CCG = 'IN_CCG',
}

registerEnumType(RelationshipKind, {
  name: 'RelationshipKind',
  description: 'How one organisation relates to another.',
  valuesConfig: {
    IN_REGION: { description: 'Belongs to an NHS England region.' },
    IN_AREA_TEAM: { description: 'Belongs to an NHS England area team or sub-region.' },
    IN_STP: { description: 'Belongs to a sustainability and transformation partnership.' },
    SUCCEEDED_BY: { description: 'Was succeeded by the other organisation (for example a merger).' },
    SITE_OF: { description: 'Is a site of the other organisation (a provider trust).' },
    IN_CCG: { description: 'Is a GP practice registered with the other organisation (a CCG).' },
  },
});

// Plain data (`simpleResolvers`): graphql-js reads these fields itself, without type-graphql's wrapper around each one,
// which every grid row and value pays for (issue 19); field resolvers elsewhere (relationships, periods) keep theirs.
@ObjectType({ description: 'An NHS organisation, identified by its ODS code.', simpleResolvers: true })
export class Organisation {
  @Field(() => String, { description: 'ODS (Organisation Data Service) code, for example 02V or RR8.' })
  code!: string;

  @Field(() => String, { description: 'Name of the organisation, as at the period of the data it reports (for example 2016 names for 2016-19 A&E data). Organisations with no known name carry their code.' })
  name!: string;

  @Field(() => OrganisationType, { description: 'The kind of organisation.' })
  type!: OrganisationType;

  @Field(() => DateScalar, { nullable: true, description: 'When the organisation opened, where known.' })
  openDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the organisation closed; null while open or not known.' })
  closeDate?: string | null;
}

@ObjectType({ description: 'An effective-dated relationship between two organisations.' })
export class OrganisationRelationship {
  @Field(() => RelationshipKind, { description: 'The kind of relationship, read from the member to the organisation it belongs to.' })
  kind!: RelationshipKind;

  @Field(() => Organisation, { description: 'The organisation at the other end of the relationship.' })
  organisation!: Organisation;

  @Field(() => DateScalar, { nullable: true, description: 'First day the relationship held; null when not known.' })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the relationship held; null while it holds or when not known.' })
  validTo!: string | null;

  @Field(() => String, { description: 'The data file the relationship came from.' })
  source!: string;
}

@ObjectType({ description: "A CCG's registered population in one financial year." })
export class OrganisationPopulation {
  @Field(() => String, { description: 'Financial year, for example 2016/17.' })
  financialYear!: string;

  @Field(() => Int, { description: 'Patients registered with the CCG’s practices (QOF list sizes; higher than the resident population).' })
  registeredPatients!: number;
}

@ObjectType({ description: 'An organisation and its cursor.' })
export class OrganisationEdge {
  @Field(() => String, { description: 'Opaque cursor of this organisation.' })
  cursor!: string;

  @Field(() => Organisation, { description: 'The organisation.' })
  node!: Organisation;
}

@ObjectType({ description: 'A page of organisations, ordered by ODS code.' })
export class OrganisationConnection {
  @Field(() => [OrganisationEdge], { description: 'The organisations on this page.' })
  edges!: OrganisationEdge[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many organisations match the filter in all.' })
  totalCount!: number;
}
