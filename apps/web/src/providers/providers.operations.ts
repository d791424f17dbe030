import { graphql } from '../gql';

export const ProvidersQuery = graphql(`
  query Providers($search: String, $region: String, $first: Int, $after: String) {
    organisations(filter: { type: NHS_TRUST, search: $search, region: $region }, first: $first, after: $after) {
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

export const ProvidersByStatusQuery = graphql(`
  query ProvidersByStatus($filter: ScorecardFilter!, $first: Int, $after: String) {
    scorecardSummary(filter: $filter, first: $first, after: $after) {
      asOf
      totalCount
      indicators {
        code
        name
      }
      edges {
        cursor
        node {
          provider {
            code
            name
            openDate
            closeDate
          }
          cells {
            indicator {
              code
            }
            rag
            variationType
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
