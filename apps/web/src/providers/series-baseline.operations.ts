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

export const LocalTargetsQuery = graphql(`
  query LocalTargets($series: SeriesKeyInput!) {
    localTargets(series: $series) {
      effectiveFrom
      target
      agreedBy
      reason
    }
  }
`);

export const SetLocalTargetMutation = graphql(`
  mutation SetLocalTarget($input: SetLocalTargetInput!) {
    setLocalTarget(input: $input) {
      organisationCode
      indicatorCode
      effectiveFrom
      target
      agreedBy
      reason
    }
  }
`);

export const RemoveLocalTargetMutation = graphql(`
  mutation RemoveLocalTarget($input: RemoveLocalTargetInput!) {
    removeLocalTarget(input: $input)
  }
`);

export const SetTrajectoryMutation = graphql(`
  mutation SetTrajectory($input: SetTrajectoryInput!) {
    setTrajectory(input: $input) {
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
