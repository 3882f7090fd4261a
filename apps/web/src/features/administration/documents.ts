import { graphql } from '../../gql';

export const PersonRowFragment = graphql(`
  fragment PersonRow on Person {
    id
    email
    roles
    isHeadOfDelegation
    active
    invitationPending
    preferredLocale
    timeZone
    formOfAddress
    name {
      ...Text
    }
    memberCity {
      id
      name {
        ...Text
      }
    }
    boardSeat {
      id
      isChair
      startsOn
    }
  }
`);

export const PeopleDocument = graphql(`
  query People($filter: PersonFilter, $first: Int, $after: String) {
    people(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          ...PersonRow
        }
      }
    }
  }
`);

export const InvitePersonDocument = graphql(`
  mutation InvitePerson($input: InvitePersonInput!) {
    invitePerson(input: $input) {
      ...PersonRow
    }
  }
`);

export const UpdatePersonDocument = graphql(`
  mutation UpdatePerson($id: ID!, $input: UpdatePersonInput!) {
    updatePerson(id: $id, input: $input) {
      ...PersonRow
    }
  }
`);

export const SetPersonActiveDocument = graphql(`
  mutation SetPersonActive($id: ID!, $active: Boolean!) {
    setPersonActive(id: $id, active: $active) {
      ...PersonRow
    }
  }
`);

export const ResendInvitationDocument = graphql(`
  mutation ResendInvitation($personId: ID!) {
    resendInvitation(personId: $personId) {
      ...PersonRow
    }
  }
`);

export const CityRowFragment = graphql(`
  fragment CityRow on MemberCity {
    id
    code
    countryCode
    timeZone
    joinedYear
    name {
      ...Text
    }
    coordinatingOffice {
      id
      name {
        ...Text
      }
    }
  }
`);

export const CitiesDocument = graphql(`
  query AdminCities {
    memberCities {
      ...CityRow
    }
  }
`);

export const CreateCityDocument = graphql(`
  mutation CreateMemberCity($input: MemberCityInput!) {
    createMemberCity(input: $input) {
      ...CityRow
    }
  }
`);

export const UpdateCityDocument = graphql(`
  mutation UpdateMemberCity($id: ID!, $input: UpdateMemberCityInput!) {
    updateMemberCity(id: $id, input: $input) {
      ...CityRow
    }
  }
`);

export const SeatRowFragment = graphql(`
  fragment SeatRow on BoardSeat {
    id
    isChair
    startsOn
    endsOn
    current
    memberCity {
      id
      name {
        ...Text
      }
    }
    holder {
      id
      email
      name {
        ...Text
      }
    }
  }
`);

export const BoardSeatsDocument = graphql(`
  query BoardSeats($currentOnly: Boolean) {
    boardSeats(currentOnly: $currentOnly) {
      ...SeatRow
    }
  }
`);

export const AssignSeatDocument = graphql(`
  mutation AssignBoardSeat($input: AssignBoardSeatInput!) {
    assignBoardSeat(input: $input) {
      ...SeatRow
    }
  }
`);

export const EndSeatDocument = graphql(`
  mutation EndBoardSeat($id: ID!, $endsOn: String!) {
    endBoardSeat(id: $id, endsOn: $endsOn) {
      ...SeatRow
    }
  }
`);
