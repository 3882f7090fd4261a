import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures';

const SCREENSHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');
const WIDTHS = [375, 1280] as const;
const LANGUAGES = ['ar', 'en'] as const;

/** Nothing wider than the window: no sideways scrolling and no visible element past either edge. */
async function expectNoOverflow(page: Page, screen: string): Promise<void> {
  const measure = () =>
    page.evaluate(() => {
      const width = window.innerWidth;
      const outside: string[] = [];
      for (const element of Array.from(document.body.querySelectorAll('*'))) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const style = getComputedStyle(element);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        // Off-canvas parts (the collapsed menu) are moved out on purpose and hidden from everyone.
        if (element.closest('[aria-hidden="true"], [inert], [data-hidden="true"]')) continue;
        // A part cut off by a box that clips it (truncated text, a scrolling table) is not past the edge.
        let clipped = false;
        for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
          const overflow = getComputedStyle(parent).overflowX;
          if (overflow !== 'visible') {
            const frame = parent.getBoundingClientRect();
            clipped = frame.left >= -1 && frame.right <= width + 1;
            break;
          }
        }
        if (clipped) continue;
        if (box.right > width + 1 || box.left < -1) {
          const name = `${element.tagName.toLowerCase()}.${String(element.className).split(' ')[0]}`;
          outside.push(`${name} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
        }
      }
      return { scrollWidth: document.documentElement.scrollWidth, width, outside: outside.slice(0, 5) };
    });
  // Measured again until the layout has settled after the window changed size (the menu slides).
  await expect
    .poll(async () => (await measure()).outside, { message: `${screen}: elements past the window's edge` })
    .toEqual([]);
  const report = await measure();
  expect(report.scrollWidth, `${screen}: page wider than the window`).toBeLessThanOrEqual(report.width);
}

async function check(page: Page, screen: string, lang: 'ar' | 'en'): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectNoOverflow(page, `${screen}-${lang}-${width}`);
    await page.screenshot({ path: join(SCREENSHOTS, `${screen}-${lang}-${width}.png`), fullPage: true });
  }
  await expectAccessible(page, `${screen}-${lang}`);
}

test.describe('every screen in Arabic and English at 375 and 1280 px', () => {
  test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

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
        ['home', '/', lang === 'ar' ? 'مرحبًا' : 'Welcome'],
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
        await expect(other.getByRole('heading', { level: 1 })).toContainText(lang === 'ar' ? 'مرحبًا' : 'Welcome');
        await expect(other.getByRole('alert')).toHaveCount(0);
        await check(other, screen, lang);
        await other.context().close();
      }
    });
  }
});
