import { Api } from './api';
import { expect, signIn, subscriptionSent, test } from './fixtures';

test('a lost connection is shown, comes back by itself, and turnout is live again', async ({
  page,
  context,
  baseURL,
}) => {
  const api = new Api(baseURL ?? '');
  const email = 'board.aberdeen@demo.majlis';
  await api.setLanguage(email, 'en');
  const { ballotId } = await api.openBallot({ title: `connection ${crypto.randomUUID().slice(0, 6)}` });
  const subscribed = subscriptionSent(page, 'BallotUpdated');
  await signIn(page, email, `/ballots/${ballotId}`);
  const turnout = page.getByRole('region', { name: 'Turnout' }).getByRole('status');
  await expect(turnout).toHaveText('0 of 7 members have voted');
  await subscribed;

  await context.setOffline(true);
  const banner = page.getByText('Connection lost. Reconnecting…', { exact: false });
  await expect(banner).toBeVisible();

  const resubscribed = subscriptionSent(page, 'BallotUpdated');
  await context.setOffline(false);
  await expect(banner).toBeHidden();
  await resubscribed;

  await api.vote('perth', ballotId, 'YES');
  await expect(turnout).toHaveText('1 of 7 members have voted');
});
