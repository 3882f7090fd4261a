import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@majlis/language';
import type { Transaction } from '@majlis/persistence';
import { AccountLink, AccountLinkPurpose } from '../identity';
import type { AccountLinkRepository } from './account-link.repository';

/** How long a link works, by purpose; null: until used. */
export const LINK_LIFETIME_MS: Record<AccountLinkPurpose, number | null> = {
  invitation: 7 * 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
  setup: null,
};

/** Where each purpose's link opens in the web client. */
const LINK_PAGE: Record<AccountLinkPurpose, string> = {
  invitation: 'set-password',
  reset: 'set-password',
  setup: 'setup',
};

export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export function linkUrl(publicUrl: string, purpose: AccountLinkPurpose, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${LINK_PAGE[purpose]}?token=${encodeURIComponent(token)}`;
}

export interface IssuedLink {
  link: AccountLink;
  token: string;
}

/**
 * A new one-time link (256 random bits; only its hash is stored). Earlier unused links of the same person
 * and purpose are removed, so only the newest works.
 */
export async function issueLink(
  links: AccountLinkRepository,
  tx: Transaction,
  purpose: AccountLinkPurpose,
  personId: string | null,
  now = new Date(),
): Promise<IssuedLink> {
  await links.removeUnused(tx, purpose, personId);
  const token = randomBytes(32).toString('base64url');
  const lifetime = LINK_LIFETIME_MS[purpose];
  const link = await links.insert(tx, {
    purpose,
    personId,
    tokenHash: tokenHash(token),
    expiresAt: lifetime === null ? null : new Date(now.getTime() + lifetime),
    usedAt: null,
  });
  return { link, token };
}

/**
 * The unused, unexpired link a token stands for, locked for `tx` when there is one (read alone without);
 * otherwise NOT_FOUND saying in words whether it is unknown, used or expired.
 */
export async function usableLink(
  links: AccountLinkRepository,
  token: string,
  purposes: readonly AccountLinkPurpose[],
  tx?: Transaction,
  field = 'token',
): Promise<AccountLink> {
  const link = await links.findByTokenHash(tokenHash(token), tx, tx !== undefined);
  if (link === null || !purposes.includes(link.purpose))
    throw new DomainError('NOT_FOUND', 'linkUnknown', { field }, field);
  if (link.usedAt !== null) throw new DomainError('NOT_FOUND', 'linkUsed', { field }, field);
  if (link.expiresAt !== null && link.expiresAt.getTime() <= Date.now())
    throw new DomainError('NOT_FOUND', 'linkExpired', { field }, field);
  return link;
}
