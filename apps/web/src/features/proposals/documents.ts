import { graphql } from '../../gql';

export const ReviewCommentPartsFragment = graphql(`
  fragment ReviewCommentParts on ReviewComment {
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
`);

// Everything the proposal page shows: read once, then kept current by the subscription and the page's own
// steps writing their answer to the cache (no read again after an event).
export const ProposalPagePartsFragment = graphql(`
  fragment ProposalPageParts on Proposal {
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
      ...ReviewCommentParts
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
`);

export const ProposalPageDocument = graphql(`
  query ProposalPage($id: ID!) {
    proposal(id: $id) {
      ...ProposalPageParts
    }
  }
`);

export const ProposalUpdatedDocument = graphql(`
  subscription ProposalUpdated($id: ID!) {
    proposalUpdated(id: $id) {
      ...ProposalPageParts
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
      ...ProposalPageParts
    }
  }
`);

export const ReplyToReviewDocument = graphql(`
  mutation ReplyToReview($input: AddReviewCommentInput!) {
    addReviewComment(input: $input) {
      ...ReviewCommentParts
    }
  }
`);
