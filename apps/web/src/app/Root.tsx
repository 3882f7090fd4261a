import { DirectionProvider, MantineProvider, mergeThemeOverrides, Notification, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { directionOf, isLang } from '../lib/numbers';
import { closeRefusals } from '../lib/toasts';
import { onLanguageSwitch } from './i18n';
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
  useEffect(() => onLanguageSwitch(closeRefusals), []);
  return (
    <DirectionProvider initialDirection={dir} detectDirection={false}>
      <DirectionSync dir={dir} />
      <MantineProvider theme={themed} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        {/* Below the header (layout.css), so a toast never covers the language switch or the menu. */}
        <Notifications position="top-center" />
        <Outlet />
      </MantineProvider>
    </DirectionProvider>
  );
}
