import { graphql } from '../gql';

// Shared documents: a text in both languages, and the signed-in person (read by the app and by features).
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
