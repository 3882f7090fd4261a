import { graphql } from '../../gql';

export const PlanItemFragment = graphql(`
  fragment PlanItem on ActionItem {
    id
    parentId
    position
    kind
    state
    version
    progress
    startDate
    dueDate
    overdue
    blockedReason
    availableEvents
    title {
      ...Text
    }
    ownerCity {
      id
      name {
        ...Text
      }
    }
    assignee {
      id
      name {
        ...Text
      }
    }
    progressReports {
      id
      percent
      previousPercent
      note
      language
      reportedAt
      reportedBy {
        id
        name {
          ...Text
        }
      }
    }
  }
`);

export const PlanFollowupFragment = graphql(`
  fragment PlanFollowup on ImplementationPlan {
    id
    version
    summary {
      progress
      status
      itemCount
      overdueCount
      itemsByState {
        state
        count
      }
    }
    cityShares {
      memberCityId
      summary {
        progress
        status
        itemCount
        overdueCount
      }
    }
    allItems {
      ...PlanItem
    }
  }
`);

export const PlanPageDocument = graphql(`
  query PlanPage($id: ID!) {
    implementationPlan(id: $id) {
      id
      createdAt
      result
      title {
        ...Text
      }
      programme {
        ...Text
      }
      proposal {
        id
        title {
          ...Text
        }
      }
      ...PlanFollowup
    }
    memberCities {
      id
      code
      name {
        ...Text
      }
    }
  }
`);

export const PlanUpdatedDocument = graphql(`
  subscription PlanUpdated($id: ID!) {
    implementationPlanUpdated(id: $id) {
      ...PlanFollowup
    }
  }
`);

export const CreateActionItemDocument = graphql(`
  mutation CreateActionItem($input: CreateActionItemInput!) {
    createActionItem(input: $input) {
      ...PlanItem
    }
  }
`);

export const MoveActionItemDocument = graphql(`
  mutation MoveActionItem($id: ID!, $input: UpdateActionItemInput!) {
    updateActionItem(id: $id, input: $input) {
      ...PlanItem
    }
  }
`);

export const TransitionActionItemDocument = graphql(`
  mutation TransitionActionItem($id: ID!, $event: String!, $expectedVersion: Int!, $comment: String) {
    transitionActionItem(id: $id, event: $event, expectedVersion: $expectedVersion, comment: $comment) {
      ...PlanItem
    }
  }
`);

export const ReportProgressDocument = graphql(`
  mutation ReportProgress($id: ID!, $percent: Int!, $note: String) {
    reportProgress(actionItemId: $id, percent: $percent, note: $note) {
      ...PlanItem
    }
  }
`);

export const FollowUpListDocument = graphql(`
  query FollowUpList {
    implementationPlans {
      id
      createdAt
      title {
        ...Text
      }
      programme {
        ...Text
      }
      summary {
        progress
        status
        itemCount
        overdueCount
      }
    }
  }
`);

export const FollowupHomeDocument = graphql(`
  query FollowupHome {
    implementationPlans {
      id
      title {
        ...Text
      }
      summary {
        progress
        status
        overdueCount
      }
    }
    followupByCity {
      memberCityId
      summary {
        progress
        status
        itemCount
        overdueCount
      }
    }
  }
`);
