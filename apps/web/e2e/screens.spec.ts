import { mkdirSync } from 'node:fs';
import { check, expect, LANGUAGES, SCREENSHOTS, signIn, test } from './fixtures';

test.describe('every screen in Arabic and English at 375 and 1280 px', () => {
  test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));
  // Some ten screens, each at two widths with axe: on a loaded machine this outruns the default two minutes.
  test.slow();

  for (const lang of LANGUAGES) {
    test(`in ${lang === 'ar' ? 'Arabic' : 'English'}`, async ({ browser, baseURL, api }) => {
      const board = 'board.portharcourt@demo.majlis';
      const observer = 'observer.dammam@demo.majlis';
      await api.setLanguage(board, lang);
      const { ballotId: openBallotId } = await api.openBallot({ title: `screens ${lang}` });
      // The demo's approved strategic plan from Houston: the plan with the most action items.
      const { proposals } = await api.as<{
        proposals: {
          edges: {
            node: {
              id: string;
              ballot: { id: string } | null;
              implementationPlan: { id: string; summary: { itemCount: number } } | null;
            };
          }[];
        };
      }>(
        'secretariat@demo.majlis',
        '{ proposals(filter: { states: [approved] }, first: 100) { edges { node { id ballot { id } implementationPlan { id summary { itemCount } } } } } }',
      );
      const approved = proposals.edges
        .map((edge) => edge.node)
        .filter((node) => node.implementationPlan && node.ballot)
        .sort(
          (a, b) => (b.implementationPlan?.summary.itemCount ?? 0) - (a.implementationPlan?.summary.itemCount ?? 0),
        )[0];
      if (!approved?.ballot || !approved.implementationPlan)
        throw new Error('the demo has no approved proposal with a plan');

      const signedOut = await (await browser.newContext({ baseURL })).newPage();
      if (lang === 'en') {
        await signedOut.goto('/sign-in');
        await signedOut.getByRole('button', { name: 'English' }).click();
      } else {
        await signedOut.goto('/sign-in');
      }
      await expect(signedOut.getByRole('heading', { level: 2 })).toBeVisible();
      await check(signedOut, 'sign-in', lang);

      const page = await (await browser.newContext({ baseURL })).newPage();
      await signIn(page, board);
      const screens: [string, string, RegExp | string][] = [
        ['home', '/', lang === 'ar' ? 'مرحباً' : 'Welcome'],
        ['ballots', '/ballots', lang === 'ar' ? 'الاقتراعات' : 'Ballots'],
        ['ballot-open', `/ballots/${openBallotId}`, `screens ${lang}`],
        ['ballot-closed', `/ballots/${approved.ballot.id}`, /./],
        ['proposal', `/proposals/${approved.id}`, /./],
        ['plan', `/implementation-plans/${approved.implementationPlan.id}`, /./],
        ['notifications', '/notifications', lang === 'ar' ? 'الإشعارات' : 'Notifications'],
        ['not-found', '/no-such-page', lang === 'ar' ? 'الصفحة غير موجودة' : 'Page not found'],
      ];
      for (const [screen, path, heading] of screens) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
        await check(page, screen, lang);
      }

      // Every role's home: what needs them now.
      for (const [screen, email] of [
        ['home-observer', observer],
        ['home-secretariat', 'secretariat@demo.majlis'],
        ['home-delegate', 'delegate.dammam@demo.majlis'],
      ] as const) {
        await api.setLanguage(email, lang);
        const other = await (await browser.newContext({ baseURL })).newPage();
        await signIn(other, email);
        await expect(other.getByRole('heading', { level: 1 })).toContainText(lang === 'ar' ? 'مرحباً' : 'Welcome');
        await expect(other.getByRole('alert')).toHaveCount(0);
        await check(other, screen, lang);
        await other.context().close();
      }
    });
  }
});
