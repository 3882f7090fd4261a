import { graphql } from '../../gql';

export const BallotPageDocument = graphql(`
  query BallotPage($id: ID!) {
    ballot(id: $id) {
      ...BallotLive
      proposal {
        id
        state
        category
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
        meeting {
          id
          timeZone
          title {
            ...Text
          }
        }
        revisions {
          id
          number
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
  }
`);

export const CastVoteDocument = graphql(`
  mutation CastVote($ballotId: ID!, $choice: VoteChoice!, $idempotencyKey: String!) {
    castVote(ballotId: $ballotId, choice: $choice, idempotencyKey: $idempotencyKey) {
      ballotId
      choice
      castAt
    }
  }
`);

export const DeclareConflictDocument = graphql(`
  mutation DeclareConflict($proposalId: ID!, $reason: String!) {
    declareConflict(proposalId: $proposalId, reason: $reason) {
      proposalId
      reason
      declaredAt
    }
  }
`);

export const BallotListDocument = graphql(`
  query BallotList($filter: BallotFilter, $first: Int, $after: String) {
    ballots(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          state
          closesAt
          closedAt
          result
          progress {
            cast
            eligible
            eligibleToVote
            myVote
          }
          proposal {
            id
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
  }
`);
