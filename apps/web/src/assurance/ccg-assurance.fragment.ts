import { graphql } from '../gql';
import type { CcgAssuranceFieldsFragment as CcgAssuranceFields } from '../gql/graphql';

/**
 * A CCG’s assurance as its pages show it: standing, assessments, special measures, buddy and survey results.
 * @public Spread by name in the operations; codegen reads it, no module imports the document.
 */
export const CcgAssuranceFieldsFragment = graphql(`
  fragment CcgAssuranceFields on CcgAssurance {
    ccg {
      code
      name
    }
    asOf
    includesDrafts
    currentCategory
    lastAssessedOn
    nextAssessmentDue
    assessmentOverdue
    assessments {
      ...AssessmentFields
    }
    specialMeasures {
      ...EpisodeFields
    }
    specialMeasuresEpisodes {
      ...EpisodeFields
    }
    buddy {
      ccg {
        code
        name
      }
      assignedOn
    }
    stakeholderSurvey {
      surveyYear
      questionCode
      question
      percentagePositive
    }
  }
`);

/** A CCG’s assurance as the API last answered it (the CcgAssuranceFields fragment). */
export type CcgAssurance = CcgAssuranceFields;
