import { graphql } from '../gql';

// Shared documents: a text in both languages, the signed-in person (read by the app and by features), and a
// running ballot (the ballot page and the meeting desk watch the same one).
export const TextFragment = graphql(`
  fragment Text on LocalizedString {
    ar
    en
    authoritative
  }
`);

export const MeDocument = graphql(`
  query Me {
    me {
      id
      email
      roles
      isHeadOfDelegation
      preferredLocale
      digits
      timeZone
      name {
        ...Text
      }
      memberCity {
        id
        timeZone
        name {
          ...Text
        }
      }
    }
  }
`);

export const UnreadCountDocument = graphql(`
  query UnreadCount {
    unreadNotificationCount
  }
`);

// What changes while a ballot runs; the queries and the live subscription read the same fields.
export const BallotLiveFragment = graphql(`
  fragment BallotLive on Ballot {
    id
    state
    version
    openedAt
    closesAt
    closedAt
    result
    decidedByChair
    rules {
      quorum
      majority
      abstentionsCountAsCast
      tieBreak
      secret
    }
    chair {
      id
      name {
        ...Text
      }
    }
    progress {
      cast
      eligible
      eligibleToVote
      myVote
      tally {
        yes
        no
        abstain
      }
      votes {
        choice
        voterId
        voter {
          id
          name {
            ...Text
          }
          memberCity {
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

export const BallotUpdatedDocument = graphql(`
  subscription BallotUpdated($id: ID!) {
    ballotUpdated(ballotId: $id) {
      ...BallotLive
    }
  }
`);
