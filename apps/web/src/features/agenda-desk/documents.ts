import { graphql } from '../../gql';

// A proposal as the desk names it: on an agenda line, in the list to link, on the board.
export const DeskProposalFragment = graphql(`
  fragment DeskProposal on Proposal {
    id
    state
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

export const AgendaLineFragment = graphql(`
  fragment AgendaLine on AgendaItem {
    id
    parentId
    position
    number
    kind
    plannedMinutes
    presenter
    title {
      ...Text
    }
    description {
      ...Text
    }
    presenterDelegation {
      id
      memberCity {
        id
        name {
          ...Text
        }
      }
    }
    proposal {
      ...DeskProposal
    }
  }
`);

export const AgendaDeskDocument = graphql(`
  query AgendaDesk($id: ID!) {
    meeting(id: $id) {
      id
      kind
      state
      version
      startsAt
      endsAt
      timeZone
      availableEvents
      title {
        ...Text
      }
      venue {
        ...Text
      }
      hostCity {
        id
        name {
          ...Text
        }
      }
      delegations {
        id
        memberCity {
          id
          name {
            ...Text
          }
        }
      }
      agendaItems {
        ...AgendaLine
      }
    }
  }
`);

export const LinkableProposalsDocument = graphql(`
  query LinkableProposals {
    proposals(first: 100, filter: { states: [readyForBoard, scheduled, deferred, voting] }) {
      edges {
        node {
          ...DeskProposal
        }
      }
    }
  }
`);

export const AddAgendaItemDocument = graphql(`
  mutation AddAgendaItem($input: AddAgendaItemInput!) {
    addAgendaItem(input: $input) {
      ...AgendaLine
    }
  }
`);

export const UpdateAgendaItemDocument = graphql(`
  mutation UpdateAgendaItem($id: ID!, $input: UpdateAgendaItemInput!) {
    updateAgendaItem(id: $id, input: $input) {
      ...AgendaLine
    }
  }
`);

export const MoveAgendaItemDocument = graphql(`
  mutation MoveAgendaItem($id: ID!, $parentId: ID, $position: Int!) {
    moveAgendaItem(id: $id, parentId: $parentId, position: $position) {
      id
      parentId
      position
    }
  }
`);

export const RemoveAgendaItemDocument = graphql(`
  mutation RemoveAgendaItem($id: ID!) {
    removeAgendaItem(id: $id) {
      id
    }
  }
`);

export const PublishAgendaDocument = graphql(`
  mutation PublishAgenda($id: ID!, $expectedVersion: Int!) {
    transitionMeeting(id: $id, event: PUBLISH_AGENDA, expectedVersion: $expectedVersion) {
      id
      state
      version
      availableEvents
    }
  }
`);

export const BoardDeskDocument = graphql(`
  query BoardDesk($id: ID!) {
    meeting(id: $id) {
      id
      state
      timeZone
      title {
        ...Text
      }
      agendaItems {
        id
        number
        proposal {
          ...DeskProposal
          ballot {
            ...BallotLive
          }
          implementationPlan {
            id
          }
        }
      }
    }
    ready: proposals(first: 100, filter: { states: [readyForBoard, deferred] }) {
      edges {
        node {
          ...DeskProposal
          meeting {
            id
          }
        }
      }
    }
    boardSeats(currentOnly: true) {
      id
    }
  }
`);

export const ScheduleProposalDocument = graphql(`
  mutation ScheduleProposal($proposalId: ID!, $meetingId: ID!) {
    scheduleProposal(proposalId: $proposalId, meetingId: $meetingId) {
      id
      state
    }
  }
`);

export const OpenDeskBallotDocument = graphql(`
  mutation OpenDeskBallot($proposalId: ID!, $rules: BallotRulesInput!, $closesAt: DateTime) {
    openBallot(proposalId: $proposalId, rules: $rules, closesAt: $closesAt) {
      ...BallotLive
    }
  }
`);

export const CloseDeskBallotDocument = graphql(`
  mutation CloseDeskBallot($ballotId: ID!) {
    closeBallot(ballotId: $ballotId) {
      ...BallotLive
    }
  }
`);
