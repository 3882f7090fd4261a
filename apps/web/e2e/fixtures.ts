import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { Api, DEMO_PASSWORD } from './api';

export { expect };

export const test = base.extend<{ api: Api }>({
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
  api: async ({}, use) => {
    await use(new Api(process.env.E2E_BASE_URL ?? ''));
  },
});

export function dataDir(): string {
  return process.env.E2E_DATA_DIR ?? '';
}

/** Signs in through the sign-in page (either language) and waits to leave it. */
export async function signIn(page: Page, email: string, path = '/'): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByLabel(/^(E-mail|البريد الإلكتروني)/).fill(email);
  await page.getByLabel(/^(Password|كلمة المرور)/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(Sign in|دخول)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/**
 * Resolves once a socket of the page has sent a subscription naming `operation`. Call it before the page
 * opens the socket (before signing in), since it hears only sockets opened after the call.
 */
export function subscriptionSent(page: Page, operation: string): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        if (String(frame.payload).includes(operation)) resolve();
      });
    });
  });
}

/** axe-core on the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.html} — ${n.failureSummary ?? ''}`).join(' | ')}`),
    `${screen}: axe violations`,
  ).toEqual([]);
}

export const SCREENSHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');
const WIDTHS = [375, 1280] as const;
export const LANGUAGES = ['ar', 'en'] as const;

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

/** A screen at 375 and 1280 px: direction and language, no overflow, a screenshot each, then axe. */
export async function check(page: Page, screen: string, lang: 'ar' | 'en'): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // A resize starts the layout's transitions (the navigation sliding away): shoot what a person sees after them.
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectNoOverflow(page, `${screen}-${lang}-${width}`);
    // A full-page shot draws the fixed header and navigation where the page is scrolled to: shoot from the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, `${screen}-${lang}-${width}.png`), fullPage: true });
  }
  await expectAccessible(page, `${screen}-${lang}`);
}

export function screenshotsFolder(): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
}
