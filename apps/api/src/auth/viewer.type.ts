import { Field, ID, ObjectType } from 'type-graphql';
import { Organisation } from '../organisations/organisation.type';
import { Role } from './role';

@ObjectType({ description: 'A role the user holds for one organisation.' })
export class RoleAssignment {
  @Field(() => Role, { description: 'The role.' })
  role!: Role;

  @Field(() => Organisation, { description: 'The organisation the role is held for.' })
  organisation!: Organisation;
}

@ObjectType('Viewer', { description: 'The signed-in user.' })
export class ViewerType {
  @Field(() => ID, { description: 'Stable identifier of the user.' })
  id!: string;

  @Field(() => String, { description: 'The name the user signs in with.' })
  username!: string;

  @Field(() => String, { description: 'The name shown to people.' })
  displayName!: string;

  @Field(() => [RoleAssignment], { description: 'Every role the user holds, with its organisation.' })
  roles!: RoleAssignment[];
}
