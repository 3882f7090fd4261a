import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link } from 'react-router';
import { CitiesPage, DeliveriesPage, PeoplePage, SeatsPage, WebhooksPage } from '../features/administration';
import { BallotPage, BallotsPage } from '../features/ballots';
import { NotificationSettingsPage, NotificationsPage } from '../features/notifications';
import { PlanPage } from '../features/plans';
import { ProposalPage } from '../features/proposals';
import { NotFound } from '../components/states';
import { HomePage } from './HomePage';
import { Root } from './Root';
import { SignedIn } from './SignedIn';
import { ForgotPasswordRoute, SetPasswordRoute, SetupRoute, SignInRoute } from './SignInRoute';

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="center">
      <NotFound />
      <Button component={Link} to="/">
        {t('notFound.home')}
      </Button>
    </Stack>
  );
}

// The one route table; the paths match the links the API sends (Notification.path, e-mails).
export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/sign-in', element: <SignInRoute /> },
      { path: '/setup', element: <SetupRoute /> },
      { path: '/set-password', element: <SetPasswordRoute /> },
      { path: '/forgot-password', element: <ForgotPasswordRoute /> },
      {
        element: <SignedIn />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'ballots', element: <BallotsPage /> },
          { path: 'ballots/:id', element: <BallotPage /> },
          { path: 'proposals/:id', element: <ProposalPage /> },
          { path: 'implementation-plans/:id', element: <PlanPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'notifications/settings', element: <NotificationSettingsPage /> },
          { path: 'admin/people', element: <PeoplePage scope="all" /> },
          { path: 'admin/cities', element: <CitiesPage /> },
          { path: 'admin/seats', element: <SeatsPage /> },
          { path: 'admin/deliveries', element: <DeliveriesPage /> },
          { path: 'admin/webhooks', element: <WebhooksPage /> },
          { path: 'my-delegation', element: <PeoplePage scope="delegation" /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
