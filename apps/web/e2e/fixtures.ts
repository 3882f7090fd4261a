import AxeBuilder from '@axe-core/playwright';
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
