import { graphql } from '../gql';

// The assurance landing: the assessor’s workspace, and where a CCG’s own users go.

export const AssuranceWorkspaceQuery = graphql(`
  query AssuranceWorkspace {
    assuranceWorkspace {
      asOf
      entries {
        ccg {
          code
          name
        }
        currentCategory
        lastAssessedOn
        lastQuarterLabel
        nextAssessmentDue
        overdue
        draftAssessmentId
        specialMeasuresState
        specialMeasuresMonthsRemaining
        specialMeasuresOverdue
        illustrative
      }
    }
  }
`);

/** Whether the organisation a person works for is a CCG, to lead them to its assurance. */
export const AssuranceOrganisationQuery = graphql(`
  query AssuranceOrganisation($code: String!) {
    organisation(code: $code) {
      code
      name
      type
    }
  }
`);
