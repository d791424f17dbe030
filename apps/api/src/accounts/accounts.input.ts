import { IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../auth/role';
import { AccountStatus } from './account.type';

@InputType({ description: 'Which user accounts to list. Every filter given must hold.' })
export class UserAccountFilter {
  @Field(() => String, { nullable: true, description: 'Part of the username, display name or email (case-insensitive).' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An ODS code: accounts that hold a role there or have it as home organisation (with `role`: that role held there).',
  })
  @IsOptional()
  @MaxLength(12)
  organisationCode?: string | null;

  @Field(() => Role, { nullable: true, description: 'Accounts that hold this role (for `organisationCode` when that is given too).' })
  @IsOptional()
  role?: Role | null;

  @Field(() => AccountStatus, { nullable: true, description: 'Accounts in this status.' })
  @IsOptional()
  status?: AccountStatus | null;
}

@InputType({ description: 'A role for an organisation.' })
export class RoleInput {
  @Field(() => Role, { description: 'The role.' })
  role!: Role;

  @Field(() => String, { description: 'ODS code of the organisation the role is held for, for example 02V or X24.' })
  @Length(1, 12)
  organisationCode!: string;
}

@InputType({ description: 'A new user account. It starts with a one-time password the user must change.' })
export class CreateUserAccountInput {
  @Field(() => String, { description: '3 to 80 letters, digits, full stops, hyphens or underscores; stored in lower case.' })
  @MaxLength(200)
  username!: string;

  @Field(() => String, { description: 'The name shown to people, for example "Jo Bloggs".' })
  @MaxLength(400)
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Email address, if any.' })
  @IsOptional()
  @MaxLength(400)
  email?: string | null;

  @Field(() => String, { description: 'ODS code of the home organisation: its administrators administer the account (one you administer).' })
  @Length(1, 12)
  homeOrganisationCode!: string;

  @Field(() => [RoleInput], { description: 'Roles to give at once (each for an organisation you administer); may be empty.' })
  @ValidateNested({ each: true })
  roles!: RoleInput[];
}

@InputType({ description: 'New details of an account.' })
export class UpdateUserAccountInput {
  @Field(() => ID, { description: 'The account.' })
  @MaxLength(100)
  userId!: string;

  @Field(() => String, { description: 'The name shown to people.' })
  @MaxLength(400)
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Email address; null or blank removes it.' })
  @IsOptional()
  @MaxLength(400)
  email?: string | null;
}

@InputType({ description: 'A role of an account for an organisation, to give or take away.' })
export class AccountRoleInput {
  @Field(() => ID, { description: 'The account.' })
  @MaxLength(100)
  userId!: string;

  @Field(() => Role, { description: 'The role.' })
  role!: Role;

  @Field(() => String, { description: 'ODS code of the organisation the role is held for.' })
  @Length(1, 12)
  organisationCode!: string;
}

@InputType({ description: 'A change of an account’s state by an administrator.' })
export class AccountChangeInput {
  @Field(() => ID, { description: 'The account.' })
  @MaxLength(100)
  userId!: string;

  @Field(() => String, { nullable: true, description: 'Why, for the audit trail (optional).' })
  @IsOptional()
  @MaxLength(1000)
  reason?: string | null;
}

@InputType({ description: 'The signed-in user’s new password.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The password the user signed in with (the one-time password, if they were given one).' })
  @MaxLength(1024)
  currentPassword!: string;

  @Field(() => String, { description: 'The new password: 12 to 128 characters, not containing the username, not a common password.' })
  @MaxLength(1024)
  newPassword!: string;
}
