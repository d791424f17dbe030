import { graphql } from '../gql';

export const AttentionQuery = graphql(`
  query Attention($filter: AttentionFilterInput, $asOf: Date, $sort: AttentionSort, $first: Int, $after: String) {
    attention(filter: $filter, asOf: $asOf, sort: $sort, first: $first, after: $after) {
      asOf
      totalCount
      scope {
        kind
        organisationCode
        basis
        isDefault
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          provider {
            code
            name
          }
          indicator {
            code
            name
            unit
          }
          period {
            startDate
            label
          }
          value
          target
          targetSource
          rag
          improvementDirection
          variationType
          assuranceType
          funnelPosition
          funnelFavourable
          trend
          severity {
            score
            level
            reasons
          }
          links {
            contractId
            escalationItemIds
          }
        }
      }
    }
  }
`);
