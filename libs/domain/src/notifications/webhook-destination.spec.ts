import { hostname } from 'node:os';
import { startWebhookReceiver, type WebhookReceiver } from '@majlis/testing';
import { PrivateDestinationError, WebhookDestinations } from './webhook-destination';

describe(WebhookDestinations.name, () => {
  const none = new WebhookDestinations([]);

  describe('urlAllowed', () => {
    it.each([
      'http://127.0.0.1/',
      'https://127.1/',
      'https://2130706433/',
      'https://0x7f000001/',
      'https://0177.0.0.1/',
      'https://[::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://[::ffff:7f00:1]/',
      'https://0.0.0.0/',
      'https://0/',
      'https://10.0.0.8/',
      'https://172.16.3.4/',
      'https://192.168.1.1/',
      'https://100.64.0.1/',
      'https://169.254.169.254/latest/meta-data/',
      'https://[fd00:ec2::254]/',
      'https://[fe80::1]/',
      'https://[::ffff:a9fe:a9fe]/',
      'https://localhost/',
      'https://api.localhost/',
    ])('refuses %s, an address of this machine or a private network in one of its spellings', (url) => {
      expect(none.urlAllowed(new URL(url))).toBe(false);
    });

    it.each(['https://93.184.215.14/', 'https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/', 'https://example.org/'])(
      'accepts %s (a name is checked again after DNS resolution)',
      (url) => {
        expect(none.urlAllowed(new URL(url))).toBe(true);
      },
    );

    it('accepts what the allow-list names: a host, an address or a range', () => {
      const allowed = new WebhookDestinations(['hooks.internal', '127.0.0.1', '10.1.0.0/16']);
      expect(allowed.urlAllowed(new URL('http://hooks.internal/'))).toBe(true);
      expect(allowed.urlAllowed(new URL('http://2130706433/'))).toBe(true);
      expect(allowed.urlAllowed(new URL('https://10.1.2.3/'))).toBe(true);
      expect(allowed.urlAllowed(new URL('https://10.2.0.1/'))).toBe(false);
      expect(allowed.explicitlyAllowed(new URL('http://10.1.9.9/'))).toBe(true);
      expect(allowed.explicitlyAllowed(new URL('http://example.org/'))).toBe(false);
    });
  });

  describe('post', () => {
    let receiver: WebhookReceiver;

    beforeAll(async () => {
      receiver = await startWebhookReceiver();
    });

    afterAll(async () => {
      await receiver.close();
    });

    it(`refuses a name that resolves to this machine (${hostname()}) after DNS resolution, before connecting`, async () => {
      const target = `http://${hostname()}:${receiver.port}/hook`;
      expect(none.urlAllowed(new URL(target))).toBe(true);
      await expect(none.post(target, '{}', {}, 5_000)).rejects.toBeInstanceOf(PrivateDestinationError);
      expect(receiver.requests).toEqual([]);
    });

    it('refuses a literal loopback address before connecting', async () => {
      await expect(none.post(`http://127.0.0.1:${receiver.port}/`, '{}', {}, 5_000)).rejects.toBeInstanceOf(
        PrivateDestinationError,
      );
      expect(receiver.requests).toEqual([]);
    });

    it('calls an allowed address and answers its status', async () => {
      const allowed = new WebhookDestinations(['127.0.0.0/8']);
      const status = await allowed.post(`http://${hostname()}:${receiver.port}/hook`, '{"a":1}', {}, 5_000);
      expect(status).toBe(200);
      expect(receiver.requests.map((r) => [r.method, r.path, r.body])).toEqual([['POST', '/hook', '{"a":1}']]);
    });
  });
});
