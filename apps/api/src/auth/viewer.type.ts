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

  @Field(() => Boolean, {
    description: 'True while the user holds a one-time password: until they change it (changePassword), everything but me, changePassword and signOut is refused with PASSWORD_CHANGE_REQUIRED.',
  })
  mustChangePassword!: boolean;

  @Field(() => [Organisation], {
    description:
      'The organisations whose accounts the user administers (those they hold ADMIN for). An administrator of NHS England administers every account: see administersEveryone rather than expecting every organisation here.',
  })
  administers!: Organisation[];

  @Field(() => Boolean, { description: 'True when the user administers every account (an ADMIN of NHS England).' })
  administersEveryone!: boolean;
}
