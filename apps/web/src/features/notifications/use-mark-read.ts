import { useMutation } from '@apollo/client/react';
import { UnreadCountDocument } from '../../lib/documents';
import { MarkNotificationsReadDocument } from './documents';

/** Marks notifications read and sets the unread count from the API's answer. */
export function useMarkRead() {
  const [mark, state] = useMutation(MarkNotificationsReadDocument, {
    update(cache, { data }, { variables }) {
      if (!data) return;
      cache.writeQuery({
        query: UnreadCountDocument,
        data: { unreadNotificationCount: data.markNotificationsRead.unreadCount },
      });
      const now = new Date().toISOString();
      const ids = variables?.ids;
      if (variables?.all) {
        cache.modify({
          fields: {
            notifications: (_existing, { DELETE }) => DELETE,
          },
        });
      } else if (Array.isArray(ids)) {
        for (const id of ids) {
          cache.modify({
            id: cache.identify({ __typename: 'Notification', id }),
            fields: { readAt: (existing: string | null) => existing ?? now },
          });
        }
      }
    },
  });
  return [mark, state] as const;
}
