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
      submittedAt
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
      availableEvents
      parent {
        id
        title {
          ...Text
        }
      }
      history {
        id
        event
        fromState
        toState
        occurredAt
        comment
        actor {
          id
          name {
            ...Text
          }
        }
      }
      reviewComments {
        id
        parentId
        createdAt
        resolvedAt
        body {
          ...Text
        }
        author {
          id
          name {
            ...Text
          }
        }
        resolvedBy {
          id
          name {
            ...Text
          }
        }
        revision {
          id
          number
        }
      }
      workingCopy {
        savedAt
        baseRevision
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

export const ProposalDiffDocument = graphql(`
  query ProposalDiff($id: ID!, $from: Int!, $to: Int!) {
    proposal(id: $id) {
      id
      diff(from: $from, to: $to) {
        coarse
        fields {
          field
          language
          coarse
          segments {
            kind
            text
          }
        }
      }
    }
  }
`);

export const ProposalWorkflowDocument = graphql(`
  query ProposalWorkflow {
    workflow(kind: proposal) {
      initial
      states {
        name
        final
        transitions {
          event
          target
        }
      }
    }
  }
`);

export const TransitionProposalDocument = graphql(`
  mutation TransitionProposal($id: ID!, $event: ProposalEvent!, $expectedVersion: Int!, $comment: String) {
    transitionProposal(id: $id, event: $event, expectedVersion: $expectedVersion, comment: $comment) {
      id
      state
      version
    }
  }
`);

export const AddReviewCommentDocument = graphql(`
  mutation AddReviewComment($input: AddReviewCommentInput!) {
    addReviewComment(input: $input) {
      id
    }
  }
`);
