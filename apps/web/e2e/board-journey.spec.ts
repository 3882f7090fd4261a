import type { Browser, Page } from '@playwright/test';
import { Api } from './api';
import { expect, signIn, subscriptionSent, test } from './fixtures';

async function openAs(
  browser: Browser,
  baseURL: string | undefined,
  email: string,
  path: string,
): Promise<{ page: Page; subscribed: Promise<void> }> {
  await new Api(baseURL ?? '').setLanguage(email, 'ar');
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const subscribed = subscriptionSent(page, 'BallotUpdated');
  await signIn(page, email, path);
  return { page, subscribed };
}

function turnoutOf(page: Page) {
  return page.getByRole('region', { name: 'نسبة المشاركة' }).getByRole('status');
}

async function vote(page: Page, choice: 'نعم' | 'لا'): Promise<void> {
  await page.getByRole('radio', { name: choice, exact: true }).check();
  await page.getByRole('button', { name: /^(الإدلاء بصوتي|تغيير صوتي)$/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `تأكيد: ${choice}` })
    .click();
  await expect(page.getByText(`صوتك: ${choice}`, { exact: true })).toBeVisible();
}

test('the board votes on a strategic plan in Arabic and the result reaches every open page', async ({
  browser,
  baseURL,
  api,
}) => {
  const { ballotId, titleAr } = await api.openBallot({ title: `رحلة ${crypto.randomUUID().slice(0, 6)}` });
  const path = `/ballots/${ballotId}`;

  // A fourth board member watches: turnout must rise live, with no request for the ballot after load.
  const { page: watcher, subscribed } = await openAs(browser, baseURL, 'board.calgary@demo.majlis', path);
  await expect(watcher.getByRole('heading', { level: 1 })).toContainText(titleAr);
  await expect(turnoutOf(watcher)).toHaveText('صوّت ٠ من ٧ أعضاء');
  await subscribed;
  let ballotRequests = 0;
  watcher.on('request', (request) => {
    if (request.url().includes('/graphql') && /ballot/i.test(request.postData() ?? '')) ballotRequests += 1;
  });

  const { page: observer } = await openAs(browser, baseURL, 'observer.dammam@demo.majlis', path);
  await expect(turnoutOf(observer)).toBeVisible();
  await expect(observer.getByRole('button', { name: 'الإدلاء بصوتي' })).toHaveCount(0);
  await expect(observer.getByRole('region', { name: 'صوتك' })).toHaveCount(0);
  await expect(observer.getByText('أنت تتابع هذا الاقتراع')).toBeVisible();

  const voters: Page[] = [];
  for (const city of ['dammam', 'houston', 'aberdeen']) {
    const { page } = await openAs(browser, baseURL, `board.${city}@demo.majlis`, path);
    // The proposal is read in Arabic, in its own language and direction.
    await expect(page.getByRole('heading', { level: 1 })).toContainText(titleAr);
    await expect(page.getByText('أولًا: برنامج التبادل التدريبي', { exact: false }).first()).toBeVisible();
    if (city === 'houston') {
      await vote(page, 'لا');
      await vote(page, 'نعم');
    } else {
      await vote(page, 'نعم');
    }
    voters.push(page);
  }

  await expect(turnoutOf(watcher)).toHaveText('صوّت ٣ من ٧ أعضاء');
  expect(ballotRequests).toBe(0);

  await api.closeBallot(ballotId);
  for (const page of [watcher, observer, ...voters]) {
    await expect(page.getByText('اعتمد مجلس الإدارة المقترح')).toBeVisible();
  }
  expect(ballotRequests).toBe(0);

  // The proposal page shows it approved, with its implementation plan.
  await watcher.getByRole('link', { name: 'فتح المقترح' }).click();
  await expect(watcher.getByText('معتمد', { exact: true }).first()).toBeVisible();
  await watcher.getByRole('link', { name: 'فتح الخطة' }).click();
  await expect(watcher).toHaveURL(/\/implementation-plans\/[0-9a-f-]+$/);
  await expect(watcher.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(watcher.getByText('خطة التنفيذ').first()).toBeVisible();
});
