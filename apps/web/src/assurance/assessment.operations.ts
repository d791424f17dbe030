import { graphql } from '../gql';

// An assessment: reading it and its triggers, starting it, and every change its lifecycle allows.

export const AssessmentQuery = graphql(`
  query Assessment($id: ID!) {
    assessment(id: $id) {
      ...AssessmentFields
    }
  }
`);

export const AssuranceTriggersQuery = graphql(`
  query AssuranceTriggers($ccg: String!) {
    assuranceTriggers(ccg: $ccg) {
      scorecardAsOf
      providersConsidered
      providersBasis
      triggers {
        kind
        title
        detail
        source {
          kind
          providerCode
          indicatorCode
          period
          planId
          financialYear
          month
          assessmentId
          quarterLabel
        }
        evidenceKind
        evidenceReference
      }
    }
  }
`);

/** When a CCG existed, for the years an assessment may be started for (issue 20). */
export const CcgLifeQuery = graphql(`
  query CcgLife($code: String!) {
    organisation(code: $code) {
      code
      name
      type
      openDate
      closeDate
    }
  }
`);

export const StartAssessmentMutation = graphql(`
  mutation StartAssessment($input: StartAssessmentInput!) {
    startAssessment(input: $input) {
      ...AssessmentFields
    }
  }
`);

export const RateAssessmentMutation = graphql(`
  mutation RateAssessment($input: RateAssessmentInput!) {
    rateAssessment(input: $input) {
      ...AssessmentFields
    }
  }
`);

export const DecideAssessmentCategoryMutation = graphql(`
  mutation DecideAssessmentCategory($input: DecideAssessmentCategoryInput!) {
    decideAssessmentCategory(input: $input) {
      ...AssessmentFields
    }
  }
`);

export const AddAssessmentEvidenceMutation = graphql(`
  mutation AddAssessmentEvidence($input: AddAssessmentEvidenceInput!) {
    addAssessmentEvidence(input: $input) {
      ...AssessmentFields
    }
  }
`);

export const RemoveAssessmentEvidenceMutation = graphql(`
  mutation RemoveAssessmentEvidence($input: RemoveAssessmentEvidenceInput!) {
    removeAssessmentEvidence(input: $input) {
      ...AssessmentFields
    }
  }
`);

export const PublishAssessmentMutation = graphql(`
  mutation PublishAssessment($input: PublishAssessmentInput!) {
    publishAssessment(input: $input) {
      ...AssessmentFields
    }
  }
`);

export const CommentOnAssessmentMutation = graphql(`
  mutation CommentOnAssessment($input: CommentOnAssessmentInput!) {
    commentOnAssessment(input: $input) {
      ...AssessmentFields
    }
  }
`);
