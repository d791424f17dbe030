import { graphql } from '../gql';

// The annual assurance reports, for a CCG and for England, from published data only.

export const CcgAssuranceReportQuery = graphql(`
  query CcgAssuranceReport($ccg: String!, $financialYear: String!) {
    ccgAssuranceReport(ccg: $ccg, financialYear: $financialYear) {
      ccg {
        code
        name
      }
      financialYear
      generatedOn
      latestCategory
      assessments {
        ...AssessmentFields
      }
      specialMeasures {
        ...EpisodeFields
      }
      stakeholderSurvey {
        surveyYear
        questionCode
        question
        percentagePositive
      }
      illustrative
    }
  }
`);

export const EnglandAssuranceReportQuery = graphql(`
  query EnglandAssuranceReport($financialYear: String!) {
    englandAssuranceReport(financialYear: $financialYear) {
      financialYear
      generatedOn
      ccgsAssessed
      categoryCounts {
        category
        count
      }
      ccgsInSpecialMeasures
      ccgs {
        ccg {
          code
          name
        }
        category
        quarterLabel
        assessedOn
        assessmentId
        specialMeasuresState
        illustrative
      }
      illustrative
    }
  }
`);
