import { graphql } from '../gql';

export const SeriesBaselineQuery = graphql(`
  query SeriesBaseline($series: SeriesKeyInput!) {
    seriesBaseline(series: $series) {
      organisationCode
      indicatorCode
      fixAfterNPoints
      fixReason
      rebases {
        rebaseDate
        reason
      }
    }
  }
`);

export const SeriesTrajectoryQuery = graphql(`
  query SeriesTrajectory($series: SeriesKeyInput!) {
    trajectory(series: $series) {
      organisationCode
      indicatorCode
      agreedBy
      months {
        period
        value
      }
    }
  }
`);

export const SetSeriesBaselineMutation = graphql(`
  mutation SetSeriesBaseline($input: SetSeriesBaselineInput!) {
    setSeriesBaseline(input: $input) {
      organisationCode
      indicatorCode
      fixAfterNPoints
      fixReason
      rebases {
        rebaseDate
        reason
      }
    }
  }
`);

export const RecordRebaseMutation = graphql(`
  mutation RecordRebase($input: SeriesRebaseInput!) {
    recordRebase(input: $input) {
      organisationCode
      indicatorCode
      fixAfterNPoints
      fixReason
      rebases {
        rebaseDate
        reason
      }
    }
  }
`);

export const RemoveRebaseMutation = graphql(`
  mutation RemoveRebase($input: SeriesRebaseInput!) {
    removeRebase(input: $input) {
      organisationCode
      indicatorCode
      fixAfterNPoints
      fixReason
      rebases {
        rebaseDate
        reason
      }
    }
  }
`);
