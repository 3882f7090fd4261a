import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = JSON.stringify({ event: 'proposal.submitted', text: 'مسودة الخطة الاستراتيجية' });
  const now = new Date('2026-11-24T10:00:00Z');
  const timestamp = now.getTime() / 1000;

  it('is HMAC-SHA256 over "<timestamp>.<body>" in hex', () => {
    expect(signWebhook(secret, 1_700_000_000, '{}')).toBe(
      'v1=' + createHmac('sha256', secret).update('1700000000.{}').digest('hex'),
    );
  });

  it('verifies its own signature, and nothing else', () => {
    const signature = signWebhook(secret, timestamp, body);
    expect(verifyWebhookSignature(secret, { signature, timestamp: String(timestamp) }, body, now)).toBe(true);
    expect(verifyWebhookSignature('other', { signature, timestamp: String(timestamp) }, body, now)).toBe(false);
    expect(verifyWebhookSignature(secret, { signature, timestamp: String(timestamp) }, `${body} `, now)).toBe(false);
    expect(verifyWebhookSignature(secret, { signature, timestamp: String(timestamp + 1) }, body, now)).toBe(false);
    expect(verifyWebhookSignature(secret, { signature: undefined, timestamp: String(timestamp) }, body, now)).toBe(
      false,
    );
  });

  it('refuses a call older than the tolerance (a replay)', () => {
    const old = timestamp - 301;
    const signature = signWebhook(secret, old, body);
    expect(verifyWebhookSignature(secret, { signature, timestamp: String(old) }, body, now)).toBe(false);
  });
});
