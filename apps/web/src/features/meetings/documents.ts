import { graphql } from '../../gql';

export const MeetingRowFragment = graphql(`
  fragment MeetingRow on Meeting {
    id
    kind
    state
    startsAt
    endsAt
    timeZone
    title {
      ...Text
    }
    hostCity {
      id
      name {
        ...Text
      }
    }
  }
`);

export const MeetingListDocument = graphql(`
  query MeetingList($filter: MeetingFilter, $orderBy: MeetingOrder, $first: Int, $after: String) {
    meetings(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges {
        node {
          ...MeetingRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const MeetingDetailsFragment = graphql(`
  fragment MeetingDetails on Meeting {
    ...MeetingRow
    version
    calendarUrl
    availableEvents
    venue {
      ...Text
    }
    agendaItems {
      id
    }
    delegations {
      id
      memberCity {
        id
        name {
          ...Text
        }
        coordinatingOffice {
          id
          name {
            ...Text
          }
          stakeholders {
            id
            kind
            name {
              ...Text
            }
          }
        }
      }
      members {
        id
        isHead
        name {
          ...Text
        }
        position {
          ...Text
        }
      }
    }
  }
`);

export const MeetingPageDocument = graphql(`
  query MeetingPage($id: ID!) {
    meeting(id: $id) {
      ...MeetingDetails
    }
  }
`);

export const MeetingCitiesDocument = graphql(`
  query MeetingCities {
    memberCities {
      id
      timeZone
      name {
        ...Text
      }
    }
  }
`);

export const CreateMeetingDocument = graphql(`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      ...MeetingDetails
    }
  }
`);

export const UpdateMeetingDocument = graphql(`
  mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!) {
    updateMeeting(id: $id, input: $input) {
      ...MeetingDetails
    }
  }
`);
