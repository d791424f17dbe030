import { graphql } from '../gql';

export const StandardsQuery = graphql(`
  query Standards {
    standards {
      code
      name
      unit
      polarity
      threshold
      zeroTolerance
      financialYear
      validFrom
      validTo
      reason
      source
    }
  }
`);

export const SetStandardThresholdMutation = graphql(`
  mutation SetStandardThreshold($input: SetStandardThresholdInput!) {
    setStandardThreshold(input: $input) {
      code
      financialYear
      validFrom
      validTo
      threshold
      reason
    }
  }
`);
