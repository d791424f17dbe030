import { graphql } from '../gql';

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

export const EpisodeFieldsFragment = graphql(`
  fragment EpisodeFields on SpecialMeasuresEpisode {
    id
    state
    version
    proposedOn
    assuranceCategory
    triggers {
      code
      kind
      description
    }
    enteredOn
    improvementDirector
    escalationKind
    closedOn
    publiclyNotified
    events {
      action
      from
      to
      on
      note
      noticeUrl
      improvementDirector
      intensiveSupport
      summary
      escalationKind
      recordedBy {
        displayName
      }
    }
    availableActions
    clock {
      asOf
      entryDate
      dueBy
      open
      monthsRemaining
      daysRemaining
      overdue
      daysOverdue
      closedAfterDueBy
    }
    improvementPlan {
      signedOffOn
      actions {
        id
        description
        owner
        dueOn
        status
        overdue
      }
      totalActions
      completedActions
      inProgressActions
      notStartedActions
      overdueActions
    }
    illustrative
    illustrativeNote
  }
`);

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
