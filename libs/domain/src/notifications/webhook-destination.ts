import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may go. Addresses that are not public unicast — loopback, private networks, link-local
 * (cloud metadata at 169.254.169.254 among them), unique-local IPv6, unspecified, multicast, reserved —
 * are refused in every spelling (the URL parser turns decimal and hexadecimal forms into dotted ones, and
 * IPv4-mapped IPv6 is read as the IPv4 address it maps), unless MAJLIS_WEBHOOK_ALLOWED_HOSTS names the
 * host, the address or a range holding it.
 */
export class WebhookDestinations {
  private readonly hosts = new Set<string>();
  private readonly ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];

  constructor(allowed: readonly string[]) {
    for (const entry of allowed) {
      const value = entry
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, '');
      if (ipaddr.isValidCIDR(value)) this.ranges.push(ipaddr.parseCIDR(value));
      else if (ipaddr.isValid(value)) {
        const address = ipaddr.process(value);
        this.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else this.hosts.add(value);
    }
  }

  /** The host as the URL parser normalised it, without IPv6 brackets. */
  private static hostOf(url: URL): string {
    return url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  }

  /** Whether the host name itself is on the allow-list (then http:// is accepted too). */
  hostAllowed(url: URL): boolean {
    return this.hosts.has(WebhookDestinations.hostOf(url));
  }

  /** Whether the allow-list names the host, or the literal address is within an allowed range (then http:// is accepted). */
  explicitlyAllowed(url: URL): boolean {
    if (this.hostAllowed(url)) return true;
    const host = WebhookDestinations.hostOf(url);
    if (!ipaddr.isValid(host)) return false;
    const ip = ipaddr.process(host);
    return this.ranges.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits));
  }

  /** Whether an address may be called: public unicast, or within an allowed range. */
  addressAllowed(address: string): boolean {
    if (!ipaddr.isValid(address)) return false;
    const ip = ipaddr.process(address);
    if (this.ranges.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits))) return true;
    return ip.range() === 'unicast';
  }

  /**
   * What can be told from the URL alone (at registration, and again before each call): a literal address
   * must be allowed, and a `localhost` name is this machine. Other names are checked after DNS resolution.
   */
  urlAllowed(url: URL): boolean {
    if (this.hostAllowed(url)) return true;
    const host = WebhookDestinations.hostOf(url);
    if (ipaddr.isValid(host)) return this.addressAllowed(host);
    return host !== 'localhost' && !host.endsWith('.localhost') && host !== '';
  }

  /**
   * A DNS lookup for http.request that refuses a name resolving to any address not allowed, and connects
   * only to the addresses it checked (so a name cannot be re-pointed between the check and the call).
   */
  lookup(url: URL) {
    const hostAllowed = this.hostAllowed(url);
    return (
      hostname: string,
      options: LookupOptions,
      callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
    ): void => {
      dnsLookup(hostname, { ...options, all: true } as LookupAllOptions, (error, addresses) => {
        if (error !== null) return callback(error, []);
        const refused = addresses.find(({ address }) => !hostAllowed && !this.addressAllowed(address));
        if (refused !== undefined) return callback(new PrivateDestinationError(hostname, refused.address), []);
        if (options.all === true) return callback(null, addresses);
        return callback(null, addresses[0].address, addresses[0].family);
      });
    };
  }

  /** POSTs `body` and resolves with the status; refuses a destination that is not allowed before connecting. */
  post(target: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
    const url = new URL(target);
    if (!this.urlAllowed(url)) return Promise.reject(new PrivateDestinationError(url.hostname));
    return new Promise((resolve, reject) => {
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          lookup: this.lookup(url),
          timeout: timeoutMs,
        },
        (response: IncomingMessage) => {
          response.resume();
          response.once('end', () => resolve(response.statusCode ?? 0));
          response.once('error', reject);
        },
      );
      request.once('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      request.once('error', reject);
      request.end(body);
    });
  }
}

/** A webhook destination on this machine or a private network: never called, never retried. */
export class PrivateDestinationError extends Error {
  override readonly name = 'PrivateDestinationError';

  constructor(host: string, address?: string) {
    super(
      `${host}${address === undefined || address === host ? '' : ` (${address})`} is not a public address; ` +
        'majlis calls no loopback, private, link-local or metadata address unless MAJLIS_WEBHOOK_ALLOWED_HOSTS names it',
    );
  }
}
