import { useApolloClient } from '@apollo/client/react';
import { Alert, Group, Loader } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { liveConnection, useSignal } from '../lib/signal';
import { restartLiveConnection } from './apollo';

/** Says when the live connection is lost and that it is reconnecting; catches up once it is back. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const state = useSignal(liveConnection);
  const wasLost = useRef(false);

  useEffect(() => {
    const offline = () => liveConnection.set('lost');
    // Back online: open a new socket rather than trust one that may have died silently.
    const online = () => {
      if (liveConnection.get() === 'lost') restartLiveConnection();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
  }, []);

  useEffect(() => {
    if (state === 'lost') wasLost.current = true;
    if (state === 'connected' && wasLost.current) {
      wasLost.current = false;
      // Updates sent while the socket was down were missed: read the open pages again once.
      void client.refetchQueries({ include: 'active' });
    }
  }, [state, client]);

  if (state !== 'lost') return null;
  return (
    <Alert color="rust" variant="light" mb="md" role="status">
      <Group gap="xs" wrap="nowrap">
        <Loader size="xs" color="rust.9" />
        {t('connection.lost')}
      </Group>
    </Alert>
  );
}
