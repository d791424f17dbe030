import { graphql } from '../gql';

/** A report as the lists show it. @public Spread by name in the operations; codegen reads it. */
export const PerformanceReportSummaryFieldsFragment = graphql(`
  fragment PerformanceReportSummaryFields on PerformanceReport {
    id
    month
    monthLabel
    version
    status
    statusLabel
    frozen
    publishedAt
    pdfUrl
    correctionReason
    ccg {
      code
      name
    }
  }
`);

/** Everything the report's page shows: sections, charts, annotations, actions, signatures, history and versions. @public Spread by name in the operations; codegen reads it. */
export const PerformanceReportFieldsFragment = graphql(`
  fragment PerformanceReportFields on PerformanceReport {
    ...PerformanceReportSummaryFields
    rowVersion
    builtAt
    preparedAt
    preparedBy
    providersBasis
    publiclyReadable
    changedValuesSinceFrozen
    frozenValueCount
    availableActions
    higherBoard {
      kind
      kindLabel
      explanation
      lastKnown
      organisationCode
      organisationName
    }
    higherOrganisation {
      code
      name
    }
    ccgSignOff {
      ...SignOffFields
    }
    higherBoardSignOff {
      ...SignOffFields
    }
    sections {
      key
      title
      description
      summary
      commentary
      commentaryUpdatedAt
      commentaryUpdatedBy
      items {
        title
        detail
        status
        dueOn
        overdue
      }
      scorecardRows {
        providerCode
        providerName
        indicatorCode
        indicatorName
        unit
        period
        periodLabel
        value
        valueText
        target
        rag
        variationType
        assuranceType
        points {
          period
          value
          mean
          lowerProcessLimit
          upperProcessLimit
          pointType
        }
      }
    }
    annotations {
      id
      indicatorCode
      organisationCode
      period
      text
      author
      createdAt
      reportId
    }
    actions {
      id
      description
      owner
      providerCode
      providerName
      dueOn
      status
      statusLabel
      overdue
      carriedForward
      raisedInMonth
      version
    }
    history {
      action
      actionLabel
      actor
      at
      fromStatus
      toStatus
      reason
      meeting
      signedOn
    }
    versions {
      ...PerformanceReportVersionFields
    }
    supersedes {
      ...PerformanceReportVersionFields
    }
    supersededBy {
      ...PerformanceReportVersionFields
    }
  }
`);

/** A signature. @public Spread by name in the operations; codegen reads it. */
export const SignOffFieldsFragment = graphql(`
  fragment SignOffFields on SignOff {
    by
    at
    meeting
    signedOn
    signedOnLabel
    organisation {
      code
      name
    }
  }
`);

/** A version as the list of versions shows it. @public Spread by name in the operations; codegen reads it. */
export const PerformanceReportVersionFieldsFragment = graphql(`
  fragment PerformanceReportVersionFields on PerformanceReportVersion {
    id
    version
    status
    statusLabel
    publishedAt
    publiclyReadable
    correctionReason
  }
`);

/** The viewer's organisations (with the CCGs of a higher organisation, whose reports its board members sign). */
export const PerformanceReportOrganisationsQuery = graphql(`
  query PerformanceReportOrganisations {
    me {
      id
      roles {
        role
        organisation {
          code
          name
          type
          openDate
          closeDate
          members {
            kind
            validFrom
            validTo
            organisation {
              code
              name
              type
              openDate
              closeDate
            }
          }
        }
      }
    }
  }
`);

/** A CCG's dates (the months a report may be for; the viewer's roles do not carry them). */
export const ReportCcgDatesQuery = graphql(`
  query ReportCcgDates($ccg: String!) {
    organisation(code: $ccg) {
      code
      openDate
      closeDate
    }
  }
`);

/** A CCG's reports, latest month first. */
export const PerformanceReportsQuery = graphql(`
  query PerformanceReports($ccg: String!) {
    performanceReports(ccg: $ccg) {
      ...PerformanceReportSummaryFields
    }
  }
`);

/** One version of a report. */
export const PerformanceReportQuery = graphql(`
  query PerformanceReport($id: ID!) {
    performanceReport(id: $id) {
      ...PerformanceReportFields
    }
  }
`);

/** Published reports (public). */
export const PublishedPerformanceReportsQuery = graphql(`
  query PublishedPerformanceReports($ccg: String) {
    publishedPerformanceReports(ccg: $ccg) {
      ...PerformanceReportSummaryFields
    }
  }
`);

/** A CCG's published report for a month (public). */
export const PublishedPerformanceReportQuery = graphql(`
  query PublishedPerformanceReport($ccg: String!, $month: Date!, $version: Int) {
    publishedPerformanceReport(ccg: $ccg, month: $month, version: $version) {
      ...PerformanceReportFields
    }
  }
`);

export const PreparePerformanceReportMutation = graphql(`
  mutation PreparePerformanceReport($input: PreparePerformanceReportInput!) {
    preparePerformanceReport(input: $input) {
      id
    }
  }
`);

export const UpdateReportCommentaryMutation = graphql(`
  mutation UpdateReportCommentary($input: UpdateReportCommentaryInput!) {
    updateReportCommentary(input: $input) {
      ...PerformanceReportFields
    }
  }
`);

export const AnnotateSeriesPointMutation = graphql(`
  mutation AnnotateSeriesPoint($input: AnnotateSeriesPointInput!) {
    annotateSeriesPoint(input: $input) {
      ...PerformanceReportFields
    }
  }
`);

export const AddReportActionMutation = graphql(`
  mutation AddReportAction($input: AddReportActionInput!) {
    addReportAction(input: $input) {
      ...PerformanceReportFields
    }
  }
`);

export const UpdateReportActionMutation = graphql(`
  mutation UpdateReportAction($input: UpdateReportActionInput!) {
    updateReportAction(input: $input) {
      ...PerformanceReportFields
    }
  }
`);

export const ApplyPerformanceReportActionMutation = graphql(`
  mutation ApplyPerformanceReportAction($input: ApplyPerformanceReportActionInput!) {
    applyPerformanceReportAction(input: $input) {
      ...PerformanceReportFields
    }
  }
`);

export const CorrectPerformanceReportMutation = graphql(`
  mutation CorrectPerformanceReport($input: CorrectPerformanceReportInput!) {
    correctPerformanceReport(input: $input) {
      id
    }
  }
`);
