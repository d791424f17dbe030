import { graphql } from '../gql';

export const ProvidersQuery = graphql(`
  query Providers($search: String, $first: Int, $after: String) {
    organisations(filter: { type: NHS_TRUST, search: $search }, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          code
          name
          openDate
          closeDate
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
