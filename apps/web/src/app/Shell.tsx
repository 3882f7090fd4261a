import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  AppShell,
  Box,
  Burger,
  Container,
  Group,
  Menu,
  NavLink,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useLayoutEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { LogoutDocument } from '../features/auth';
import { clearLocalCopies, mayOpenDesk } from '../features/desk';
import { UnreadIndicator } from '../features/notifications';
import { DigitsMenuItems, LanguageSwitch, TimeZoneDialog } from '../features/profile';
import { LocalizedText } from '../components/LocalizedText';
import { browserTimeZone } from '../lib/dates';
import { timeZoneName } from '@majlis/catalogue';
import { defaultDigits, isLang } from '../lib/numbers';
import { PreferencesContext, usePreferences } from '../lib/preferences';
import type { Me } from '../lib/session';
import { adminNav, deskNav, type NavItem } from './admin-nav';
import { restartLiveConnection, setSignedIn } from './apollo';
import { ConnectionBanner } from './ConnectionBanner';
import { applyDigits, applyLanguage } from './i18n';
import { HEADER_HEIGHT } from './theme';

function AppName() {
  const { t } = useTranslation();
  return (
    <Text
      component={Link}
      to="/"
      fw={800}
      size="lg"
      c="majlis.9"
      aria-label={t('app.name')}
      style={{ textDecoration: 'none', whiteSpace: 'nowrap' }}
    >
      <Text component="span" inherit hiddenFrom="sm">
        {t('app.shortName')}
      </Text>
      <Text component="span" inherit visibleFrom="sm">
        {t('app.name')}
      </Text>
    </Text>
  );
}

function Language({ signedIn }: { signedIn: boolean }) {
  const { i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'ar';
  return <LanguageSwitch lang={lang} signedIn={signedIn} onApply={applyLanguage} />;
}

/** Sign-in and other pages for people not signed in: the name and the language switch. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'ar';
  const preferences = useMemo(() => ({ lang, digits: defaultDigits(lang), timeZone: browserTimeZone() }), [lang]);
  // No one signed in: numbers in messages take the language's own digits.
  useLayoutEffect(() => applyDigits(null), []);
  return (
    <PreferencesContext.Provider value={preferences}>
      <AppShell header={{ height: HEADER_HEIGHT }} padding={0}>
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <AppName />
            <Language signedIn={false} />
          </Group>
        </AppShell.Header>
        <AppShell.Main>{children}</AppShell.Main>
      </AppShell>
    </PreferencesContext.Provider>
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { lang, digits, timeZone } = usePreferences();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout] = useMutation(LogoutDocument);
  const [zoneOpened, { open: openZone, close: closeZone }] = useDisclosure(false);

  async function signOut() {
    await logout().catch(() => undefined);
    // Unsaved drafts kept on this browser are the person's: the next one to sign in here must not find them.
    clearLocalCopies();
    setSignedIn(false);
    await navigate('/sign-in', { replace: true });
    await client.clearStore();
    restartLiveConnection();
  }

  return (
    <>
      <TimeZoneDialog opened={zoneOpened} onClose={closeZone} saved={me.timeZone} />
      <Menu position="bottom-end" width={260} withinPortal>
        <Menu.Target>
          <UnstyledButton style={{ minWidth: 0, display: 'flex', alignItems: 'center', gap: 6 }}>
            <VisuallyHidden>{t('header.userMenu')}</VisuallyHidden>
            <PersonIcon />
            <Text size="sm" fw={600} truncate="end" maw={220} visibleFrom="sm">
              <LocalizedText value={me.name} quietFallback />
            </Text>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="xs" dir="ltr" style={{ overflowWrap: 'anywhere', textAlign: 'start' }}>
              <bdi>{me.email}</bdi>
            </Text>
          </Menu.Label>
          <DigitsMenuItems digits={digits} />
          <Menu.Divider />
          <Menu.Label>
            {t('header.timeZone')} {timeZoneName(timeZone, lang, digits)}
          </Menu.Label>
          <Menu.Item onClick={openZone}>{t('timeZone.change')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red.9" onClick={() => void signOut()}>
            {t('header.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}

function PersonIcon() {
  return (
    <svg
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4 4-6 8-6s8 2 8 6" />
    </svg>
  );
}

const NAV: NavItem[] = [
  { to: '/', key: 'nav.home', exact: true },
  { to: '/ballots', key: 'nav.ballots', exact: false },
  { to: '/follow-up', key: 'followUp.nav', exact: false },
  { to: '/notifications', key: 'nav.notifications', exact: false },
];
const DESK: NavItem = { to: '/proposals', key: 'desk.nav', exact: false };

function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate(): void }) {
  const { t } = useTranslation();
  const location = useLocation();
  return items.map((item) => {
    const active = item.exact ? location.pathname === item.to : location.pathname.startsWith(item.to);
    return (
      <NavLink
        key={item.to}
        component={Link}
        to={item.to}
        label={t(item.key)}
        active={active}
        aria-current={active ? 'page' : undefined}
        onClick={onNavigate}
        variant="filled"
      />
    );
  });
}

/** The signed-in frame: header (name, language, unread, person), navigation, connection state. */
export function SignedInShell({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const administration = adminNav(me);
  const [opened, { toggle, close }] = useDisclosure(false);
  // On a phone the closed menu is moved off the screen: keep it out of reach of keyboards and readers too.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  return (
    <AppShell
      header={{ height: HEADER_HEIGHT }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('header.menu')} />
            <AppName />
          </Group>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Language signedIn />
            <UnreadIndicator />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} inert={phone && !opened}>
        <NavLinks
          items={[...(mayOpenDesk(me) ? [...NAV.slice(0, 1), DESK, ...NAV.slice(1)] : NAV), ...deskNav(me)]}
          onNavigate={close}
        />
        {administration.length > 0 ? (
          <Box role="group" aria-labelledby="nav-administration" mt="md">
            <Text id="nav-administration" size="xs" fw={700} c="dimmed" px="sm" pb={4}>
              {t('nav.administration')}
            </Text>
            <NavLinks items={administration} onNavigate={close} />
          </Box>
        ) : null}
      </AppShell.Navbar>
      <AppShell.Main>
        <Container size="lg" px={0}>
          <ConnectionBanner />
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
