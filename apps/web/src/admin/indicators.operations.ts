import { graphql } from '../gql';

export const IndicatorDefinitionFields = graphql(`
  fragment IndicatorDefinitionFields on Indicator {
    code
    name
    description
    unit
    polarity
    periodType
    numeratorDefinition
    denominatorDefinition
    source
  }
`);

export const IndicatorDefinitionsQuery = graphql(`
  query IndicatorDefinitions {
    indicators {
      ...IndicatorDefinitionFields
    }
  }
`);

export const CreateIndicatorMutation = graphql(`
  mutation CreateIndicator($input: CreateIndicatorInput!) {
    createIndicator(input: $input) {
      ...IndicatorDefinitionFields
    }
  }
`);

export const UpdateIndicatorMutation = graphql(`
  mutation UpdateIndicator($input: UpdateIndicatorInput!) {
    updateIndicator(input: $input) {
      ...IndicatorDefinitionFields
    }
  }
`);
