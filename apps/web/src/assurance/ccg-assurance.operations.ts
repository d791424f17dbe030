import { graphql } from '../gql';

// A CCG’s assurance, internal and public, and its buddy CCG.

export const CcgAssuranceQuery = graphql(`
  query CcgAssurance($ccg: String!) {
    ccgAssurance(ccg: $ccg) {
      ...CcgAssuranceFields
    }
  }
`);

/** The public view: published assessments only, special measures once publicly notified. */
export const PublishedAssuranceQuery = graphql(`
  query PublishedAssurance($ccg: String!) {
    publishedAssurance(ccg: $ccg) {
      ...CcgAssuranceFields
    }
  }
`);

/** Pairs a Limited-assurance CCG with a buddy CCG, or ends the pairing; answers the CCG's assurance. */
export const AssignBuddyCcgMutation = graphql(`
  mutation AssignBuddyCcg($input: AssignBuddyCcgInput!) {
    assignBuddyCcg(input: $input) {
      ...CcgAssuranceFields
    }
  }
`);

/** CCGs whose name or ODS code contains the search, to choose a buddy from. */
export const BuddyCandidatesQuery = graphql(`
  query BuddyCandidates($search: String!) {
    organisations(filter: { type: CCG, search: $search }, first: 20) {
      totalCount
      edges {
        node {
          code
          name
        }
      }
    }
  }
`);
