import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect } from 'react';
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
  const { i18n } = useTranslation();
  const dir = directionOf(isLang(i18n.language) ? i18n.language : 'ar');
  return (
    <DirectionProvider initialDirection={dir} detectDirection={false}>
      <DirectionSync dir={dir} />
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Notifications position="top-center" />
        <Outlet />
      </MantineProvider>
    </DirectionProvider>
  );
}
