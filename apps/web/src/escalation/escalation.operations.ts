import { graphql } from '../gql';

/** An item as lists show it (my items, the map, a board's open items). @public Spread by name in the operations; codegen reads it. */
export const EscalationItemSummaryFieldsFragment = graphql(`
  fragment EscalationItemSummaryFields on EscalationItem {
    id
    title
    kind
    kindLabel
    severity
    severityLabel
    status
    statusLabel
    dueOn
    overdue
    illustrative
    raisedAt
    owner {
      id
      displayName
    }
    board {
      id
      name
    }
    ccg {
      code
      name
    }
  }
`);

/** The viewer's CCGs (roles with their organisations' types) and their open items. */
export const EscalationHomeQuery = graphql(`
  query EscalationHome {
    me {
      id
      administersEveryone
      roles {
        role
        organisation {
          code
          name
          type
        }
      }
    }
    myEscalationItems {
      ...EscalationItemSummaryFields
    }
  }
`);

/** A CCG's escalation map: every board in route order with its open items. */
export const EscalationMapQuery = graphql(`
  query EscalationMap($ccg: String!) {
    escalationMap(ccg: $ccg) {
      openItems
      ccg {
        code
        name
      }
      boards {
        openItems
        board {
          id
          name
          kind
          kindLabel
          illustrative
          viewerMayConfigure
          provider {
            code
            name
          }
          chair {
            user {
              id
              displayName
            }
          }
          nextMeeting {
            id
            meetsOn
          }
        }
        bySeverity {
          severity
          severityLabel
          count
        }
        items {
          ...EscalationItemSummaryFields
        }
      }
    }
    me {
      id
      administersEveryone
      administers {
        code
      }
    }
  }
`);

/** Sets up the seed-002 boards of a CCG (idempotent). */
export const SetUpStandardBoardsMutation = graphql(`
  mutation SetUpStandardBoards($ccg: String!) {
    setUpStandardBoards(ccg: $ccg) {
      id
      name
    }
  }
`);

/** A meeting as a board's page lists it. @public Spread by name in the operations; codegen reads it. */
export const MeetingSummaryFieldsFragment = graphql(`
  fragment MeetingSummaryFields on BoardMeeting {
    id
    meetsOn
    status
    statusLabel
    heldAt
    pdfUrl
    cancelledReason
  }
`);

/** A board: its members, open items, meetings. */
export const BoardQuery = graphql(`
  query Board($id: ID!) {
    board(id: $id) {
      id
      name
      kind
      kindLabel
      frequency
      termsOfReference
      systemName
      illustrative
      version
      viewerIsMember
      viewerIsChair
      viewerMayConfigure
      ccg {
        code
        name
      }
      provider {
        code
        name
      }
      members {
        isChair
        user {
          id
          displayName
          username
        }
      }
      openItems {
        ...EscalationItemSummaryFields
      }
      nextMeeting {
        ...MeetingSummaryFields
      }
      scheduledMeetings {
        ...MeetingSummaryFields
      }
      pastMeetings {
        ...MeetingSummaryFields
      }
    }
  }
`);

/** Schedules a meeting of a board (its members). */
export const ScheduleBoardMeetingMutation = graphql(`
  mutation ScheduleBoardMeeting($input: ScheduleBoardMeetingInput!) {
    scheduleBoardMeeting(input: $input) {
      id
    }
  }
`);

/** The users of a CCG an administrator may make members (administrators only). */
export const CcgUsersQuery = graphql(`
  query CcgUsers($ccg: String!) {
    userAccounts(filter: { organisationCode: $ccg }, first: 200) {
      nodes {
        id
        username
        displayName
      }
    }
  }
`);

/** Replaces a board's members (an administrator of the CCG). */
export const SetBoardMembersMutation = graphql(`
  mutation SetBoardMembers($input: SetBoardMembersInput!) {
    setBoardMembers(input: $input) {
      id
      version
    }
  }
`);

/** A board as an item's page names it. @public Spread by name in the operations; codegen reads it. */
export const BoardNameFieldsFragment = graphql(`
  fragment BoardNameFields on Board {
    id
    name
    kindLabel
  }
`);

/** An item with its whole history, actions and what the viewer may do. @public Spread by name in the operations; codegen reads it. */
export const EscalationItemFieldsFragment = graphql(`
  fragment EscalationItemFields on EscalationItem {
    ...EscalationItemSummaryFields
    description
    closedReason
    arrivedAtBoardAt
    version
    availableActions
    raisedBy {
      id
      displayName
    }
    source {
      noticeId
      period
      text
      provider {
        code
        name
      }
      indicator {
        code
        name
      }
    }
    board {
      ...BoardNameFields
      members {
        isChair
        user {
          id
          displayName
        }
      }
    }
    nextBoards {
      ...BoardNameFields
    }
    previousBoards {
      ...BoardNameFields
    }
    history {
      at
      actor
      action
      actionLabel
      moveKind
      reason
      decision
      fromBoard {
        id
        name
      }
      toBoard {
        id
        name
      }
      meeting {
        id
        meetsOn
      }
    }
    actions {
      id
      description
      dueOn
      status
      overdue
      version
      owner {
        id
        displayName
      }
    }
  }
`);

export const EscalationItemQuery = graphql(`
  query EscalationItem($id: ID!) {
    escalationItem(id: $id) {
      ...EscalationItemFields
    }
  }
`);

/** The CCG's boards, for a move off the route (the chair picks any other board). */
export const CcgBoardsQuery = graphql(`
  query CcgBoards($ccg: String!) {
    boards(ccg: $ccg) {
      ...BoardNameFields
    }
  }
`);

export const RaiseEscalationItemMutation = graphql(`
  mutation RaiseEscalationItem($input: RaiseEscalationItemInput!) {
    raiseEscalationItem(input: $input) {
      id
    }
  }
`);

export const MoveEscalationItemMutation = graphql(`
  mutation MoveEscalationItem($input: MoveEscalationItemInput!) {
    moveEscalationItem(input: $input) {
      ...EscalationItemFields
    }
  }
`);

export const RecordEscalationNoteMutation = graphql(`
  mutation RecordEscalationNote($input: RecordEscalationNoteInput!) {
    recordEscalationNote(input: $input) {
      ...EscalationItemFields
    }
  }
`);

export const CloseEscalationItemMutation = graphql(`
  mutation CloseEscalationItem($input: ChangeEscalationItemStatusInput!) {
    closeEscalationItem(input: $input) {
      ...EscalationItemFields
    }
  }
`);

export const ReopenEscalationItemMutation = graphql(`
  mutation ReopenEscalationItem($input: ChangeEscalationItemStatusInput!) {
    reopenEscalationItem(input: $input) {
      ...EscalationItemFields
    }
  }
`);

export const AddEscalationActionMutation = graphql(`
  mutation AddEscalationAction($input: AddEscalationActionInput!) {
    addEscalationAction(input: $input) {
      ...EscalationItemFields
    }
  }
`);

export const UpdateEscalationActionMutation = graphql(`
  mutation UpdateEscalationAction($input: UpdateEscalationActionInput!) {
    updateEscalationAction(input: $input) {
      ...EscalationItemFields
    }
  }
`);

/** An entry of a meeting's pack. @public Spread by name in the operations; codegen reads it. */
export const PackItemFieldsFragment = graphql(`
  fragment PackItemFields on PackItem {
    id
    title
    kind
    kindLabel
    severity
    severityLabel
    status
    dueOn
    boardName
    arrivedFrom
    owner {
      id
      displayName
    }
  }
`);

/** A meeting with its pack, decisions and what the viewer may do. @public Spread by name in the operations; codegen reads it. */
export const BoardMeetingFieldsFragment = graphql(`
  fragment BoardMeetingFields on BoardMeeting {
    id
    meetsOn
    status
    statusLabel
    minutes
    heldAt
    pdfUrl
    cancelledReason
    illustrative
    version
    availableActions
    board {
      id
      name
      kind
      kindLabel
      illustrative
      ccg {
        code
        name
      }
      members {
        isChair
        user {
          id
          displayName
        }
      }
    }
    decisions {
      itemId
      itemTitle
      decision
      decisionLabel
      note
      recordedAt
      recordedBy
      toBoardName
    }
    pack {
      frozen
      builtAt
      indicatorsAsOf
      providersBasis
      newItems {
        ...PackItemFields
      }
      escalatedIn {
        ...PackItemFields
      }
      carriedOver {
        ...PackItemFields
      }
      decisionsDue {
        ...PackItemFields
      }
      failingIndicators {
        providerCode
        providerName
        indicatorCode
        indicatorName
        period
        value
        target
        rag
        variationType
        assuranceType
      }
    }
  }
`);

export const BoardMeetingQuery = graphql(`
  query BoardMeeting($id: ID!) {
    boardMeeting(id: $id) {
      ...BoardMeetingFields
    }
    indicators {
      code
      unit
      polarity
    }
  }
`);

/** The boards an item at the meeting may move to (for an escalation or de-escalation decision). */
export const PackItemBoardsQuery = graphql(`
  query PackItemBoards($id: ID!) {
    escalationItem(id: $id) {
      id
      nextBoards {
        ...BoardNameFields
      }
      previousBoards {
        ...BoardNameFields
      }
    }
  }
`);

export const RecordMeetingDecisionMutation = graphql(`
  mutation RecordMeetingDecision($input: RecordMeetingDecisionInput!) {
    recordMeetingDecision(input: $input) {
      ...BoardMeetingFields
    }
  }
`);

export const HoldBoardMeetingMutation = graphql(`
  mutation HoldBoardMeeting($input: HoldBoardMeetingInput!) {
    holdBoardMeeting(input: $input) {
      ...BoardMeetingFields
    }
  }
`);

export const CancelBoardMeetingMutation = graphql(`
  mutation CancelBoardMeeting($input: CancelBoardMeetingInput!) {
    cancelBoardMeeting(input: $input) {
      ...BoardMeetingFields
    }
  }
`);

/** What the raise form needs: the viewer's CCGs and the indicators to name. */
export const RaiseContextQuery = graphql(`
  query RaiseContext {
    me {
      id
      roles {
        role
        organisation {
          code
          name
          type
        }
      }
    }
    indicators {
      code
      name
    }
  }
`);

/** The provider the raise form was opened for, by name. */
export const RaiseProviderQuery = graphql(`
  query RaiseProvider($code: String!) {
    organisation(code: $code) {
      code
      name
    }
  }
`);

/** The contract notice the raise form was opened from. */
export const RaiseNoticeQuery = graphql(`
  query RaiseNotice($id: ID!) {
    contractNotice(id: $id) {
      id
      contract {
        id
        title
        financialYear
        provider {
          code
          name
        }
      }
    }
  }
`);

/** The CCG's providers an administrator may give a Contract Management Board (contracted, else the region's trusts). */
export const BoardProvidersQuery = graphql(`
  query BoardProviders($ccg: String!) {
    ccgProviders(ccg: $ccg) {
      basis
      providers {
        code
        name
      }
    }
  }
`);

/** Adds a board to a CCG (an administrator of the CCG). */
export const CreateBoardMutation = graphql(`
  mutation CreateBoard($input: CreateBoardInput!) {
    createBoard(input: $input) {
      id
      name
    }
  }
`);

/** Changes a board's name, frequency or terms of reference (an administrator of the CCG). */
export const UpdateBoardMutation = graphql(`
  mutation UpdateBoard($input: UpdateBoardInput!) {
    updateBoard(input: $input) {
      id
      name
      frequency
      termsOfReference
      version
    }
  }
`);

/** One row of a CCG's escalation route. @public Spread by name in the operations; codegen reads it. */
export const EscalationRouteRowFieldsFragment = graphql(`
  fragment EscalationRouteRowFields on EscalationRouteRow {
    itemKind
    fromKind
    toKinds
    configured
    source
  }
`);

/** A CCG's escalation route, by item kind, and whether the viewer may change it. */
export const EscalationRoutesQuery = graphql(`
  query EscalationRoutes($ccg: String!) {
    organisation(code: $ccg) {
      code
      name
    }
    escalationRoutes(ccg: $ccg) {
      ...EscalationRouteRowFields
    }
    me {
      id
      administersEveryone
      administers {
        code
      }
    }
  }
`);

/** Sets (or with useDefault removes) a CCG's own row of the route; answers the whole route. */
export const SetEscalationRouteMutation = graphql(`
  mutation SetEscalationRoute($input: SetEscalationRouteInput!) {
    setEscalationRoute(input: $input) {
      ...EscalationRouteRowFields
    }
  }
`);
