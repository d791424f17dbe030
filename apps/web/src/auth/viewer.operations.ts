import { graphql } from '../gql';

/** Who is signed in, as the layout and the guards need it (changing a password answers with the same). @public Spread by name in the operations; codegen reads it, no module imports the document. */
export const ViewerFieldsFragment = graphql(`
  fragment ViewerFields on Viewer {
    id
    username
    displayName
    mustChangePassword
    roles {
      role
      organisation {
        code
        name
      }
    }
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      ...ViewerFields
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      id
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);
