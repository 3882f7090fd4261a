import type { Page } from '@playwright/test';
import { readMails, type Mail } from './api';
import { dataDir, expect, test } from './fixtures';

const ADMIN = 'admin@demo.majlis';
const SET_PASSWORD = /\/set-password\?token=([^\s"<>&]+)/;

/** Letters only, as a city's code wants. */
function letters(count: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(count)), (byte) =>
    String.fromCharCode(97 + (byte % 26)),
  ).join('');
}

/** The newest e-mail to `to` whose text has a set-password link, once it has been written. */
async function linkMailedTo(to: string, after: Set<string>): Promise<{ mail: Mail; path: string }> {
  const find = () =>
    readMails(dataDir()).find((mail) => mail.to.includes(to) && !after.has(mail.file) && SET_PASSWORD.test(mail.text));
  await expect.poll(() => find() !== undefined, { message: `an e-mail with a link to ${to}` }).toBe(true);
  const mail = find();
  const token = SET_PASSWORD.exec(mail?.text ?? '')?.[1] ?? '';
  if (!mail || token === '') throw new Error(`no set-password link in the e-mail to ${to}`);
  return { mail, path: `/set-password?token=${token}` };
}

function mailFiles(): Set<string> {
  return new Set(readMails(dataDir()).map((mail) => mail.file));
}

async function signInWith(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^(E-mail|البريد الإلكتروني)/).fill(email);
  await page.getByLabel(/^(Password|كلمة المرور)/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|دخول)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Two days ago (UTC): a seat that began then can end then, and be past for every spec after this one. */
function twoDaysAgo(): string {
  return new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
}

// The board is shared by every spec on this app: end the seats given here, so that the others keep 7 voters.
test.afterEach(async ({ api }) => {
  const { boardSeats } = await api.as<{
    boardSeats: { id: string; startsOn: string; memberCity: { code: string } }[];
  }>(ADMIN, '{ boardSeats(currentOnly: true) { id startsOn memberCity { code } } }');
  for (const seat of boardSeats.filter((s) => s.memberCity.code.startsWith('baku'))) {
    await api.as(ADMIN, 'mutation($id: ID!, $d: String!) { endBoardSeat(id: $id, endsOn: $d) { id } }', {
      id: seat.id,
      d: seat.startsOn,
    });
  }
});

async function choose(page: Page, field: ReturnType<Page['getByLabel']>, typed: string, option: RegExp | string) {
  await field.click();
  await field.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

test('an administrator adds a city and invites its delegate, who takes a board seat and sees the open ballots', async ({
  page,
  browser,
  baseURL,
  api,
}) => {
  const suffix = letters(6);
  const code = `baku${suffix}`;
  const cityEn = `Baku ${suffix}`;
  const delegate = `delegate.${suffix}@example.org`;
  const nameEn = `Leyla Mammadova ${suffix}`;
  const firstPassword = 'caspian-shore-2026';
  const newPassword = 'flame-towers-2027';
  await api.setLanguage(ADMIN, 'en');

  // The administrator signs in and adds a member city from the administration menu.
  await signInWith(page, ADMIN, 'majlis-demo');
  const menu = page.getByRole('navigation', { name: 'Main' });
  await menu.getByRole('link', { name: 'Member cities' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Member cities' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a member city' }).click();
  const cityForm = page.getByRole('dialog', { name: 'Add a member city' });
  await cityForm.getByLabel('Name in Arabic').fill(`باكو ${suffix}`);
  await cityForm.getByLabel('Name in English').fill(cityEn);
  await cityForm.getByLabel('Code').fill(code);
  await choose(page, cityForm.getByLabel('Country'), 'Azerb', /Azerbaijan \(AZ\)/);
  await choose(page, cityForm.getByLabel('Time zone'), 'Asia/Baku', /Asia\/Baku$/);
  await cityForm.getByLabel('Year it joined').fill('2026');
  await cityForm.getByLabel('Coordinating office, in English').fill(`Baku coordinating office ${suffix}`);
  await cityForm.getByRole('button', { name: 'Add the city' }).click();
  await expect(cityForm).toBeHidden();
  const cityRow = page.getByRole('listitem').filter({ hasText: cityEn });
  // The zone named in the reader's language; its identifier only where a zone is picked.
  const zoneName = await page.evaluate(
    () =>
      new Intl.DateTimeFormat('en', { timeZone: 'Asia/Baku', timeZoneName: 'longGeneric' })
        .formatToParts(new Date())
        .find((part) => part.type === 'timeZoneName')?.value,
  );
  expect(zoneName).toMatch(/^Azerbaijan/);
  await expect(cityRow).toContainText(zoneName ?? '');
  await expect(cityRow).not.toContainText('Asia/Baku');

  // … and invites the city's delegate.
  await menu.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  const before = mailFiles();
  await page.getByRole('button', { name: 'Invite a person' }).click();
  const invite = page.getByRole('dialog', { name: 'Invite a person' });
  await invite.getByLabel('Name in Arabic').fill(`ليلى ممدوفا ${suffix}`);
  await invite.getByLabel('Name in English').fill(nameEn);
  await invite.getByRole('textbox', { name: 'E-mail' }).fill(delegate);
  await invite.getByRole('checkbox', { name: 'Delegate' }).check();
  await choose(page, invite.getByLabel('Member city'), cityEn, cityEn);
  await invite.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(invite).toBeHidden();
  await page.getByLabel('Search').fill(delegate);
  const personRow = page.getByRole('listitem').filter({ hasText: delegate });
  await expect(personRow).toContainText('Invitation pending');
  await expect(personRow).toContainText(cityEn);

  // The delegate's e-mail links to the page that sets the password, and signs them in.
  const invitation = await linkMailedTo(delegate, before);
  expect(invitation.mail.language).toBe('en');
  const delegatePage = await (await browser.newContext({ baseURL })).newPage();
  await delegatePage.goto(invitation.path);
  // A browser that never chose a language starts in Arabic; the header switches it.
  await expect(delegatePage.getByRole('heading', { level: 1, name: 'أهلاً بك، اختر كلمة المرور' })).toBeVisible();
  await delegatePage.getByRole('button', { name: 'English' }).click();
  await expect(delegatePage.getByRole('heading', { level: 1, name: 'Welcome, set your password' })).toBeVisible();
  await expect(delegatePage.getByText(nameEn)).toBeVisible();
  const submit = delegatePage.getByRole('button', { name: 'Set my password and sign in' });
  await delegatePage.getByLabel(/^New password/).fill('too-short');
  await delegatePage.getByLabel(/^The same password again/).fill('too-short');
  await expect(submit).toBeDisabled();
  await delegatePage.getByLabel(/^New password/).fill(firstPassword);
  await delegatePage.getByLabel(/^The same password again/).fill(firstPassword);
  await submit.click();
  await expect(delegatePage.getByRole('heading', { level: 1 })).toContainText('Welcome,');
  await expect(delegatePage.getByRole('heading', { level: 1 })).toContainText(nameEn);
  await delegatePage.context().close();

  // The link worked once: opened again it says so and offers a new one, by a reset e-mail.
  const again = await (await browser.newContext({ baseURL })).newPage();
  await again.goto(invitation.path);
  await expect(again.getByRole('heading', { level: 1, name: 'لم يعد هذا الرابط صالحاً' })).toBeVisible();
  await again.getByRole('button', { name: 'English' }).click();
  await expect(again.getByRole('heading', { level: 1, name: 'This link no longer works' })).toBeVisible();
  await again.getByRole('link', { name: 'Ask for a new link' }).click();
  await expect(again.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
  const beforeReset = mailFiles();
  await again.getByRole('textbox', { name: 'E-mail' }).fill(delegate);
  await again.getByRole('button', { name: 'Send me a link' }).click();
  await expect(again.getByRole('status')).toContainText(delegate);
  const reset = await linkMailedTo(delegate, beforeReset);
  await again.goto(reset.path);
  await expect(again.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await again.getByLabel(/^New password/).fill(newPassword);
  await again.getByLabel(/^The same password again/).fill(newPassword);
  await again.getByRole('button', { name: 'Save the new password and sign in' }).click();
  await expect(again.getByRole('heading', { level: 1 })).toContainText(nameEn);
  await again.context().close();

  // The invitation is no longer pending.
  await page.reload();
  await page.getByLabel('Search').fill(delegate);
  await expect(personRow).toBeVisible();
  await expect(personRow).not.toContainText('Invitation pending');

  // The administrator gives the city's board seat to the delegate.
  await menu.getByRole('link', { name: 'Board seats' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Board seats' })).toBeVisible();
  await expect(page.getByText('Ballots already open keep their voters')).toBeVisible();
  const seatRow = page.getByRole('listitem').filter({ hasText: cityEn });
  await expect(seatRow).toContainText('No seat holder');
  await seatRow.getByRole('button', { name: 'Give a seat' }).click();
  const seatForm = page.getByRole('dialog', { name: 'Give a board seat' });
  await choose(page, seatForm.getByLabel('Holder'), suffix, new RegExp(delegate.replace(/[.@]/g, '\\$&')));
  await seatForm.getByLabel('Starts on').fill(twoDaysAgo());
  await seatForm.getByRole('button', { name: 'Give a seat' }).click();
  await expect(seatForm).toBeHidden();
  await expect(seatRow).toContainText(nameEn);
  await expect(seatRow).toContainText('Since');

  // A ballot the secretariat opens after the seat is the new board member's to vote on.
  const { ballotId, titleEn } = await api.openBallot({ title: `seat ${suffix}` });
  const member = await (await browser.newContext({ baseURL })).newPage();
  await signInWith(member, delegate, newPassword);
  // The row of "ballots waiting for your vote": the new seat counts among the eligible (7 demo seats + 1).
  const escaped = titleEn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const waiting = member.getByRole('link', { name: new RegExp(`^${escaped}.*0 of 8 members.*Your vote is awaited`) });
  await expect(waiting).toHaveAttribute('href', `/ballots/${ballotId}`);
  await waiting.click();
  await expect(member.getByRole('heading', { level: 1 })).toContainText(titleEn);
  await expect(member.getByRole('button', { name: 'Cast my vote' })).toBeVisible();
});

test('an administrator deactivates a person after a warning that it signs them out everywhere, then reactivates them', async ({
  page,
  api,
}) => {
  const email = `observer.${letters(6)}@example.org`;
  await api.as(ADMIN, 'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id } }', {
    input: { email, name: { ar: 'مراقب من غرفة الشرقية', en: 'Asharqia Chamber observer' }, roles: ['OBSERVER'] },
  });
  await api.setLanguage(ADMIN, 'en');
  await signInWith(page, ADMIN, 'majlis-demo');
  await page.goto('/admin/people');
  await page.getByLabel('Search').fill(email);
  const row = page.getByRole('listitem').filter({ hasText: email });
  await expect(row).toContainText('Invitation pending');

  await row.getByRole('button', { name: 'Deactivate' }).click();
  const confirm = page.getByRole('dialog', { name: 'Deactivate Asharqia Chamber observer?' });
  await expect(confirm).toContainText('signed out everywhere at once');
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Deactivated');

  // Only the inactive, with the filter.
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Inactive', exact: true }).click();
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: 'Reactivate' }).click();
  const back = page.getByRole('dialog', { name: 'Reactivate Asharqia Chamber observer?' });
  await back.getByRole('button', { name: 'Reactivate' }).click();
  await expect(back).toBeHidden();
  // Active again, it leaves the list of the inactive.
  await expect(row).toBeHidden();
});
