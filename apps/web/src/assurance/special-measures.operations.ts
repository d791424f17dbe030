import { graphql } from '../gql';

// Special measures: proposing them, their steps, and the improvement plan; each answers the episode.

export const ProposeSpecialMeasuresMutation = graphql(`
  mutation ProposeSpecialMeasures($input: ProposeSpecialMeasuresInput!) {
    proposeSpecialMeasures(input: $input) {
      ...EpisodeFields
    }
  }
`);

export const ApplySpecialMeasuresActionMutation = graphql(`
  mutation ApplySpecialMeasuresAction($input: ApplySpecialMeasuresActionInput!) {
    applySpecialMeasuresAction(input: $input) {
      ...EpisodeFields
    }
  }
`);

export const AddImprovementActionMutation = graphql(`
  mutation AddImprovementAction($input: AddImprovementActionInput!) {
    addImprovementAction(input: $input) {
      ...EpisodeFields
    }
  }
`);

export const UpdateImprovementActionMutation = graphql(`
  mutation UpdateImprovementAction($input: UpdateImprovementActionInput!) {
    updateImprovementAction(input: $input) {
      ...EpisodeFields
    }
  }
`);
