import { ACCOUNT_STATES, type AccountState } from '@ccg-assure/domain';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RoleAssignment } from '../auth/viewer.type';
import { Organisation } from '../organisations/organisation.type';
import { describedValues, enumOf } from '../server/graphql-enums';
import { PageInfo } from '../server/pagination';

export const AccountStatus = enumOf(ACCOUNT_STATES);
export type AccountStatus = AccountState;

registerEnumType(AccountStatus, {
  name: 'AccountStatus',
  description: 'Where a user account stands in its lifecycle (docs/security.md, "Accounts").',
  valuesConfig: describedValues<AccountState>({
    ACTIVE: 'The user signs in and works with their own password.',
    PASSWORD_CHANGE_REQUIRED: 'The user holds a one-time password and must change it at their next sign-in before doing anything else.',
    DEACTIVATED: 'The user cannot sign in; their sessions have ended.',
  }),
});

/** What an administrator may do to an account; the web app renders its buttons from `UserAccount.availableActions`. */
export const ACCOUNT_ACTIONS = ['RESET_PASSWORD', 'DEACTIVATE', 'REACTIVATE', 'ASSIGN_ROLE', 'REMOVE_ROLE', 'EDIT'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];
export const AccountAction = enumOf(ACCOUNT_ACTIONS);

registerEnumType(AccountAction, {
  name: 'AccountAction',
  description: 'Something the viewer may do to a user account now.',
  valuesConfig: describedValues<AccountAction>({
    RESET_PASSWORD: 'Give the user a new one-time password (resetUserPassword); ends all their sessions.',
    DEACTIVATE: 'Stop the user signing in (deactivateUserAccount); ends all their sessions. Never offered for your own account.',
    REACTIVATE: 'Let a deactivated user sign in again with a new one-time password (reactivateUserAccount).',
    ASSIGN_ROLE: 'Give the user a role for an organisation you administer (assignRole).',
    REMOVE_ROLE: 'Take away one of the user’s roles held for an organisation you administer (removeRole).',
    EDIT: 'Change the display name or email (updateUserAccount).',
  }),
});

@ObjectType({ description: 'A signed-in session of a user: a browser or script holding a session cookie.' })
export class UserSession {
  @Field(() => ID, { description: 'Stable identifier of the session (not its secret token).' })
  id!: string;

  @Field(() => GraphQLDateTime, { description: 'When the user signed in.' })
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { description: 'When the session ends unless ended sooner.' })
  expiresAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the session was last used, to the minute; null if not known.' })
  lastSeenAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The IP address the user signed in from, as the server saw it.' })
  clientAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'The browser’s User-Agent at sign-in (at most 300 characters).' })
  userAgent!: string | null;

  @Field(() => Boolean, { description: 'True for the session this request came with.' })
  current!: boolean;
}

@ObjectType({ description: 'A user account as an administrator sees it.' })
export class UserAccount {
  @Field(() => ID, { description: 'Stable identifier of the user.' })
  id!: string;

  @Field(() => String, { description: 'The name the user signs in with (lower case).' })
  username!: string;

  @Field(() => String, { description: 'The name shown to people.' })
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'The user’s email address, if given.' })
  email!: string | null;

  @Field(() => Organisation, {
    nullable: true,
    description: 'The organisation whose administrators administer the account; null for accounts made before homes existed (NHS England’s administrators only).',
  })
  homeOrganisation!: Organisation | null;

  @Field(() => AccountStatus, { description: 'Where the account stands.' })
  status!: AccountStatus;

  @Field(() => GraphQLDateTime, { description: 'When the account was created.' })
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the user last signed in; null if never (since sign-ins were recorded).' })
  lastSignInAt!: Date | null;

  @Field(() => [RoleAssignment], { description: 'Every role the user holds, with its organisation.' })
  roles!: RoleAssignment[];

  @Field(() => [UserSession], { description: 'The user’s live sessions (not ended, not expired), newest first.' })
  sessions!: UserSession[];

  @Field(() => [AccountAction], { description: 'What the viewer may do to this account now.' })
  availableActions!: AccountAction[];
}

@ObjectType({ description: 'A page of user accounts, ordered by username.' })
export class UserAccountConnection {
  @Field(() => [UserAccount], { description: 'The accounts on this page.' })
  nodes!: UserAccount[];

  @Field(() => Int, { description: 'How many accounts match the filter in all.' })
  totalCount!: number;

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'An account with the one-time password just set for it. The password is shown this once and stored only as a hash.' })
export class AccountWithOneTimePassword {
  @Field(() => UserAccount, { description: 'The account.' })
  account!: UserAccount;

  @Field(() => String, { description: 'The one-time password to give the user; they must change it at their next sign-in. Shown once.' })
  oneTimePassword!: string;
}
