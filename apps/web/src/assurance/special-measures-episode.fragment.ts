import { graphql } from '../gql';
import type { EpisodeFieldsFragment as EpisodeFields } from '../gql/graphql';

/**
 * What the assurance pages know of a special measures episode: its state and steps, the clock, the improvement plan and the steps the viewer may take.
 * @public Spread by name in the operations; codegen reads it, no module imports the document.
 */
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

/** A special measures episode as the API last answered it (the EpisodeFields fragment). */
export type StoredEpisode = EpisodeFields;
