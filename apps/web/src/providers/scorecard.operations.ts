import { graphql } from '../gql';

export const ProviderScorecardQuery = graphql(`
  query ProviderScorecard($code: String!, $asOf: Date) {
    providerScorecard(code: $code, asOf: $asOf) {
      asOf
      provider {
        code
        name
        closeDate
      }
      indicators {
        indicator {
          code
          name
          description
          unit
          polarity
          source
          definedByImport
        }
        latestPeriod {
          startDate
          label
        }
        latestValue
        latestNumerator
        latestDenominator
        standard {
          code
          name
          threshold
          polarity
          unit
          zeroTolerance
          source
        }
        rag
        improvementDirection
        target
        targetSource
        fixAfterNPoints
        series {
          period
          value
          mean
          lowerProcessLimit
          upperProcessLimit
          closeToLimits
          specialCauseType
          pointType
          rebaseGroup
          target
        }
        variationType
        assuranceType
        shortGroupWarning
      }
    }
  }
`);

export const ScorecardSummaryQuery = graphql(`
  query ScorecardSummary($filter: ScorecardFilter, $first: Int, $after: String, $orderBy: ScorecardOrder) {
    scorecardSummary(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      asOf
      totalCount
      indicators {
        code
        name
        unit
        polarity
        source
        definedByImport
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
            period
            value
            threshold
            rag
            variationType
            assuranceType
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

export const RegionsQuery = graphql(`
  query Regions {
    organisations(filter: { type: REGION }, first: 50) {
      edges {
        node {
          code
          name
          closeDate
          members {
            validFrom
            validTo
          }
        }
      }
    }
  }
`);

export const ComparisonOptionsQuery = graphql(`
  query ComparisonOptions {
    scorecardSummary(first: 1) {
      asOf
      indicators {
        code
        name
        unit
      }
    }
  }
`);

export const ProviderComparisonQuery = graphql(`
  query ProviderComparison($indicator: String!, $period: Date!, $adjustment: FunnelAdjustment!) {
    providerComparison(indicator: $indicator, period: $period, adjustment: $adjustment) {
      indicator {
        code
        name
        unit
        polarity
        denominatorDefinition
        source
        definedByImport
      }
      period {
        startDate
        label
      }
      standard {
        threshold
        polarity
      }
      target
      totalNumerator
      totalDenominator
      adjustment
      adjusted
      overdispersionFactor
      tau2
      providers {
        provider {
          code
          name
        }
        value
        numerator
        denominator
        rank
        position
        favourable
      }
      funnel {
        denominator
        lower95
        upper95
        lower998
        upper998
      }
    }
  }
`);

/** Which providers a CCG's scorecard shows, and on what basis: its contracts for the year, else its region. */
export const CcgProvidersQuery = graphql(`
  query CcgProviders($ccg: String!, $asOf: Date) {
    ccgProviders(ccg: $ccg, asOf: $asOf) {
      basis
      ccg {
        code
        name
      }
      providers {
        code
      }
    }
  }
`);
