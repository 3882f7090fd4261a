import { DirectionProvider, MantineProvider, mergeThemeOverrides, Notification, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { directionOf, isLang } from '../lib/numbers';
import { cssVariablesResolver, theme } from './theme';

function DirectionSync({ dir }: { dir: 'rtl' | 'ltr' }) {
  const { setDirection } = useDirection();
  useEffect(() => setDirection(dir), [dir, setDirection]);
  return null;
}

/** Providers that follow the language: direction (mirrored layout), theme, toasts. */
export function Root() {
  const { i18n, t } = useTranslation();
  const dir = directionOf(isLang(i18n.language) ? i18n.language : 'ar');
  // A toast's close button has no text: it is named in the page's language (axe's button-name).
  const themed = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: {
          Notification: Notification.extend({
            defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } },
          }),
        },
      }),
    [t],
  );
  return (
    <DirectionProvider initialDirection={dir} detectDirection={false}>
      <DirectionSync dir={dir} />
      <MantineProvider theme={themed} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Notifications position="top-center" />
        <Outlet />
      </MantineProvider>
    </DirectionProvider>
  );
}
