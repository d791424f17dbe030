import { graphql } from '../gql';

/** A signed-in session as its owner and administrators see it. @public Spread by name in the operations; codegen reads it, no module imports the document. */
export const UserSessionFieldsFragment = graphql(`
  fragment UserSessionFields on UserSession {
    id
    createdAt
    expiresAt
    lastSeenAt
    clientAddress
    userAgent
    current
  }
`);

export const MySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      ...UserSessionFields
    }
  }
`);

export const EndSessionMutation = graphql(`
  mutation EndSession($id: ID!) {
    endSession(id: $id) {
      ...UserSessionFields
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      ...ViewerFields
    }
  }
`);
