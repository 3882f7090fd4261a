import { graphql } from '../../gql';

export const NotificationListDocument = graphql(`
  query NotificationList($first: Int, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          topic
          title
          body
          locale
          createdAt
          readAt
          path
        }
      }
    }
  }
`);

export const MarkNotificationsReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {
    markNotificationsRead(ids: $ids, all: $all) {
      unreadCount
    }
  }
`);

export const NotificationAddedDocument = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
    }
  }
`);

export const NotificationSettingsDocument = graphql(`
  query NotificationSettings {
    notificationPreferences {
      timeZone
      effectiveTimeZone
      preferences {
        topic
        mode
      }
    }
  }
`);

export const UpdateNotificationPreferencesDocument = graphql(`
  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!], $timeZone: String) {
    updateNotificationPreferences(preferences: $preferences, timeZone: $timeZone) {
      timeZone
      effectiveTimeZone
      preferences {
        topic
        mode
      }
    }
  }
`);

export const CalendarFeedDocument = graphql(`
  query CalendarFeed {
    calendarFeed {
      createdAt
    }
  }
`);

export const CreateCalendarFeedDocument = graphql(`
  mutation CreateCalendarFeed {
    createCalendarFeed {
      url
      feed {
        createdAt
      }
    }
  }
`);

export const RevokeCalendarFeedDocument = graphql(`
  mutation RevokeCalendarFeed {
    revokeCalendarFeed
  }
`);
