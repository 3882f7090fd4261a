import { graphql } from '../../gql';

export const ReviewQueueDocument = graphql(`
  query ReviewQueue($first: Int, $after: String) {
    proposals(filter: { states: [submitted, inReview] }, orderBy: SUBMITTED_AT_ASC, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          state
          category
          submittedAt
          revisionCount
          title {
            ...Text
          }
          ownerCity {
            id
            name {
              ...Text
            }
          }
          reviewComments {
            id
            parentId
            resolvedAt
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ReviewStateFragment = graphql(`
  fragment ReviewState on Proposal {
    id
    state
    version
    availableEvents
    updatedAt
  }
`);

export const ReviewProposalDocument = graphql(`
  query ReviewProposal($id: ID!) {
    proposal(id: $id) {
      ...ReviewState
      category
      submittedAt
      title {
        ...Text
      }
      ownerCity {
        id
        name {
          ...Text
        }
      }
      revisions {
        id
        number
        frozenAt
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
      history {
        id
        event
        comment
        occurredAt
      }
    }
  }
`);

export const ReviewTransitionDocument = graphql(`
  mutation ReviewTransition($id: ID!, $event: ProposalEvent!, $expectedVersion: Int!, $comment: String) {
    transitionProposal(id: $id, event: $event, expectedVersion: $expectedVersion, comment: $comment) {
      ...ReviewState
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

export const ResolveReviewCommentDocument = graphql(`
  mutation ResolveReviewComment($id: ID!, $resolved: Boolean!) {
    resolveReviewComment(id: $id, resolved: $resolved) {
      id
      resolvedAt
      resolvedBy {
        id
        name {
          ...Text
        }
      }
    }
  }
`);
