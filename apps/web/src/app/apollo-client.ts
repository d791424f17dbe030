import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** The app talks to the API on its own origin; the session travels in an httpOnly cookie. */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, credentials: 'same-origin' }),
    cache: new InMemoryCache({
      typePolicies: {
        Organisation: { keyFields: ['code'] },
        Viewer: { keyFields: ['id'] },
      },
    }),
  });
}
