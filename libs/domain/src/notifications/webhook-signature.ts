import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * How majlis signs a webhook call, and how a receiver checks it: `X-Majlis-Signature: v1=<hex>` where
 * hex = HMAC-SHA256(secret, `<X-Majlis-Timestamp>.<raw body>`), the timestamp in Unix seconds. A receiver
 * refuses a call whose timestamp is too old (replay) and should ignore a `X-Majlis-Delivery` id it has
 * already handled (a call is repeated when its answer was lost).
 */
export const WEBHOOK_HEADERS = {
  signature: 'x-majlis-signature',
  timestamp: 'x-majlis-timestamp',
  delivery: 'x-majlis-delivery',
  event: 'x-majlis-event',
} as const;

export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** True when the signature matches and the timestamp is within `toleranceSeconds` of `now`. */
export function verifyWebhookSignature(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  now = new Date(),
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (headers.signature === undefined || !Number.isInteger(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
