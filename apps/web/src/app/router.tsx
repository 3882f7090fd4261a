import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link } from 'react-router';
import { CitiesPage, DeliveriesPage, PeoplePage, SeatsPage, WebhooksPage } from '../features/administration';
import { BallotPage, BallotsPage, RulesCard } from '../features/ballots';
import { DeskListPage, EditProposalPage, NewProposalPage } from '../features/desk';
import { MeetingPage, MeetingsPage } from '../features/meetings';
import { NotificationSettingsPage, NotificationsPage } from '../features/notifications';
import { FollowUpPage, PlanPage } from '../features/plans';
import { ProposalPage } from '../features/proposals';
import { ReviewPage, ReviewQueuePage } from '../features/review';
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
          { path: 'proposals', element: <DeskListPage /> },
          { path: 'proposals/new', element: <NewProposalPage /> },
          { path: 'proposals/:id', element: <ProposalPage /> },
          { path: 'proposals/:id/edit', element: <EditProposalPage /> },
          { path: 'follow-up', element: <FollowUpPage /> },
          { path: 'implementation-plans/:id', element: <PlanPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'meetings', element: <MeetingsPage /> },
          { path: 'meetings/:id', element: <MeetingPage /> },
          { path: 'review', element: <ReviewQueuePage /> },
          { path: 'review/:id', element: <ReviewPage /> },
          // The secretariat's meeting desk loads on its own (drag and drop stays out of the entry bundle).
          {
            path: 'meetings/:id/agenda',
            lazy: () => import('../features/agenda-desk').then((desk) => ({ Component: desk.AgendaBuilderPage })),
          },
          {
            path: 'meetings/:id/agenda/print',
            lazy: () => import('../features/agenda-desk').then((desk) => ({ Component: desk.AgendaPrintPage })),
          },
          {
            path: 'meetings/:id/board',
            lazy: () =>
              import('../features/agenda-desk').then((desk) => ({
                Component: () => <desk.BoardDeskPage RulesCard={RulesCard} />,
              })),
          },
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
