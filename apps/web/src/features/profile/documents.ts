import { graphql } from '../../gql';

export const UpdateMyProfileDocument = graphql(`
  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {
    updateMyProfile(input: $input) {
      id
      preferredLocale
      digits
      timeZone
    }
  }
`);
