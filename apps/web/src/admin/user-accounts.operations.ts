import { graphql } from '../gql';

/** What the user page shows of an account: details, roles, live sessions and the actions allowed now. @public Spread by name in the operations; codegen reads it, no module imports the document. */
export const UserAccountFieldsFragment = graphql(`
  fragment UserAccountFields on UserAccount {
    id
    username
    displayName
    email
    homeOrganisation {
      code
      name
    }
    status
    createdAt
    lastSignInAt
    roles {
      role
      organisation {
        code
        name
      }
    }
    sessions {
      ...UserSessionFields
    }
    availableActions
  }
`);

/** The users list: one page of accounts matching the filters. */
export const UserAccountsQuery = graphql(`
  query UserAccounts($filter: UserAccountFilter, $first: Int, $after: String) {
    userAccounts(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        username
        displayName
        email
        homeOrganisation {
          code
          name
        }
        status
        roles {
          role
          organisation {
            code
            name
          }
        }
      }
    }
  }
`);

export const UserAccountQuery = graphql(`
  query UserAccount($id: ID!) {
    userAccount(id: $id) {
      ...UserAccountFields
    }
  }
`);

/** The organisations whose users the viewer may administer, for choosing one by name. */
export const AdministrableOrganisationsQuery = graphql(`
  query AdministrableOrganisations($first: Int) {
    administrableOrganisations(first: $first) {
      code
      name
      type
    }
  }
`);

export const CreateUserAccountMutation = graphql(`
  mutation CreateUserAccount($input: CreateUserAccountInput!) {
    createUserAccount(input: $input) {
      account {
        ...UserAccountFields
      }
      oneTimePassword
    }
  }
`);

export const UpdateUserAccountMutation = graphql(`
  mutation UpdateUserAccount($input: UpdateUserAccountInput!) {
    updateUserAccount(input: $input) {
      ...UserAccountFields
    }
  }
`);

export const AssignRoleMutation = graphql(`
  mutation AssignRole($input: AccountRoleInput!) {
    assignRole(input: $input) {
      ...UserAccountFields
    }
  }
`);

export const RemoveRoleMutation = graphql(`
  mutation RemoveRole($input: AccountRoleInput!) {
    removeRole(input: $input) {
      ...UserAccountFields
    }
  }
`);

export const DeactivateUserAccountMutation = graphql(`
  mutation DeactivateUserAccount($input: AccountChangeInput!) {
    deactivateUserAccount(input: $input) {
      ...UserAccountFields
    }
  }
`);

export const ReactivateUserAccountMutation = graphql(`
  mutation ReactivateUserAccount($input: AccountChangeInput!) {
    reactivateUserAccount(input: $input) {
      account {
        ...UserAccountFields
      }
      oneTimePassword
    }
  }
`);

export const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($input: AccountChangeInput!) {
    resetUserPassword(input: $input) {
      account {
        ...UserAccountFields
      }
      oneTimePassword
    }
  }
`);
