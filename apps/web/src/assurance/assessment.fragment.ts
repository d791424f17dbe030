import { graphql } from '../gql';
import type { AssessmentFieldsFragment as AssessmentFields } from '../gql/graphql';

/**
 * What the assurance pages know of an assessment: its framework, ratings, proposal, decision, evidence, comments,
 * publication, and what the viewer may do with it now (availableActions: the pages offer nothing else).
 * @public Spread by name in the operations; codegen reads it, no module imports the document.
 */
export const AssessmentFieldsFragment = graphql(`
  fragment AssessmentFields on Assessment {
    id
    ccg {
      code
      name
    }
    financialYear
    quarter
    quarterLabel
    periodStart
    periodEnd
    framework {
      id
      name
      areaTerm
      domains {
        code
        name
        description
        critical
      }
    }
    status
    availableActions
    version
    assessedOn
    ratings {
      domain {
        code
        name
      }
      rating
      narrative
      ratedBy {
        displayName
      }
      ratedAt
    }
    fullyRated
    proposal {
      category
      step
      rule
      reasons {
        step
        rule
        fired
        domains
        explanation
      }
    }
    decidedCategory
    rationale
    differsFromProposal
    decidedBy {
      displayName
    }
    decidedAt
    nextAssessmentDue
    evidence {
      id
      kind
      partner
      domain
      reference
      url
      note
      addedBy {
        displayName
      }
      addedAt
    }
    comments {
      id
      author {
        displayName
      }
      text
      createdAt
    }
    publishedAt
    publishedBy {
      displayName
    }
    illustrative
    illustrativeNote
  }
`);

/** An assessment as the API last answered it (the AssessmentFields fragment). */
export type StoredAssessment = AssessmentFields;
