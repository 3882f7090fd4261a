import { graphql } from '../../gql';

/** The proposal an amendment amends, as "An amendment to …" names it. */
export const AmendedProposalFragment = graphql(`
  fragment AmendedProposal on Proposal {
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
`);

export const DeskListDocument = graphql(`
  query DeskList($filter: ProposalFilter, $first: Int, $after: String) {
    proposals(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...DeskRow
          parent {
            ...AmendedProposal
          }
          amendments {
            ...DeskRow
          }
        }
      }
    }
  }
`);

export const DeskRowFragment = graphql(`
  fragment DeskRow on Proposal {
    id
    state
    category
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
    meeting {
      id
      title {
        ...Text
      }
    }
  }
`);

export const DeskMeetingsDocument = graphql(`
  query DeskMeetings {
    meetings(first: 100) {
      edges {
        node {
          id
          startsAt
          title {
            ...Text
          }
        }
      }
    }
  }
`);

export const DeskCitiesDocument = graphql(`
  query DeskCities {
    memberCities {
      id
      name {
        ...Text
      }
    }
  }
`);

export const DeskEditorFragment = graphql(`
  fragment DeskEditor on Proposal {
    id
    state
    version
    category
    revisionCount
    availableEvents
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
    parent {
      ...AmendedProposal
    }
    cosponsors {
      id
      name {
        ...Text
      }
    }
    revisions {
      id
      number
      body {
        ...Text
      }
    }
    workingCopy {
      baseRevision
      savedAt
      savedBy {
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

export const DeskProposalDocument = graphql(`
  query DeskProposal($id: ID!) {
    proposal(id: $id) {
      ...DeskEditor
    }
  }
`);

export const DeskParentDocument = graphql(`
  query DeskParent($id: ID!) {
    proposal(id: $id) {
      ...AmendedProposal
      category
      parent {
        id
      }
    }
  }
`);

export const CreateDeskProposalDocument = graphql(`
  mutation CreateDeskProposal($input: CreateProposalInput!) {
    createProposal(input: $input) {
      id
      version
    }
  }
`);

export const SaveWorkingCopyDocument = graphql(`
  mutation SaveWorkingCopy($id: ID!, $input: SaveProposalWorkingCopyInput!) {
    saveProposalWorkingCopy(id: $id, input: $input) {
      ...DeskEditor
    }
  }
`);

export const SaveRevisionDocument = graphql(`
  mutation SaveRevision($id: ID!, $input: SaveProposalDraftInput!) {
    saveProposalDraft(id: $id, input: $input) {
      ...DeskEditor
    }
  }
`);

export const AddCosponsorDocument = graphql(`
  mutation AddCosponsor($id: ID!, $city: ID!) {
    addProposalCosponsor(id: $id, memberCityId: $city) {
      id
      cosponsors {
        id
        name {
          ...Text
        }
      }
    }
  }
`);

export const RemoveCosponsorDocument = graphql(`
  mutation RemoveCosponsor($id: ID!, $city: ID!) {
    removeProposalCosponsor(id: $id, memberCityId: $city) {
      id
      cosponsors {
        id
        name {
          ...Text
        }
      }
    }
  }
`);

export const SubmitProposalDocument = graphql(`
  mutation SubmitProposal($id: ID!, $version: Int!) {
    transitionProposal(id: $id, event: SUBMIT, expectedVersion: $version) {
      id
      state
      version
      availableEvents
    }
  }
`);
