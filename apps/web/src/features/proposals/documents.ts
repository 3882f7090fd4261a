import { graphql } from '../../gql';

export const ProposalLiveFragment = graphql(`
  fragment ProposalLive on Proposal {
    id
    state
    version
    updatedAt
    ballot {
      id
      state
      result
      closesAt
      closedAt
      progress {
        cast
        eligible
      }
    }
    implementationPlan {
      id
      title {
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

export const ProposalPageDocument = graphql(`
  query ProposalPage($id: ID!) {
    proposal(id: $id) {
      ...ProposalLive
      category
      createdAt
      title {
        ...Text
      }
      summary {
        ...Text
      }
      ownerCity {
        id
        name {
          ...Text
        }
      }
      cosponsors {
        id
        name {
          ...Text
        }
      }
      meeting {
        id
        timeZone
        startsAt
        title {
          ...Text
        }
      }
      revisions {
        id
        number
        createdAt
        frozenAt
        author {
          id
          name {
            ...Text
          }
        }
        title {
          ...Text
        }
        summary {
          ...Text
        }
        body {
          ...Text
        }
      }
    }
  }
`);

export const ProposalUpdatedDocument = graphql(`
  subscription ProposalUpdated($id: ID!) {
    proposalUpdated(id: $id) {
      ...ProposalLive
    }
  }
`);

export const ProposalListDocument = graphql(`
  query ProposalList($filter: ProposalFilter, $first: Int) {
    proposals(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          id
          state
          updatedAt
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
      }
    }
  }
`);
