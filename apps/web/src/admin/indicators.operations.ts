import { graphql } from '../gql';

/** An indicator's whole definition, as the indicators pages show and edit it. @public Spread by name in the operations; codegen reads it, no module imports the document. */
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
    definedByImport
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
