import { graphql } from '../../gql';

export const PlanItemFragment = graphql(`
  fragment PlanItem on ActionItem {
    id
    kind
    state
    progress
    startDate
    dueDate
    overdue
    title {
      ...Text
    }
    ownerCity {
      id
      name {
        ...Text
      }
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
      items {
        ...PlanItem
        children {
          ...PlanItem
        }
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
