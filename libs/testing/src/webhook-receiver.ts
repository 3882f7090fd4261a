import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

export interface ReceivedWebhook {
  method: string;
  /** The request target: path and query string. */
  path: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body exactly as received, read as UTF-8. */
  body: string;
  /** The status the receiver answered. */
  status: number;
  receivedAt: Date;
}

/** A real HTTP server on 127.0.0.1 that records every request and answers with the statuses it is told. */
export interface WebhookReceiver {
  readonly url: string;
  readonly port: number;
  readonly requests: ReceivedWebhook[];
  /** The requests answered 2xx. */
  readonly accepted: ReceivedWebhook[];
  /** Answers the next requests with these statuses in order, then 200 again. */
  respondWith(statuses: number[]): void;
  /** Polls until `predicate` holds; rejects after `timeoutMs` stating how many requests arrived. */
  waitFor(predicate: (requests: readonly ReceivedWebhook[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  let statuses: number[] = [];

  const server = createServer((request, response) => {
    const receivedAt = new Date();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => {
      const status = statuses.shift() ?? 200;
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: headerTexts(request.headers),
        body: Buffer.concat(chunks).toString('utf8'),
        status,
        receivedAt,
      });
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end(status >= 200 && status < 300 ? 'ok' : 'refused by the test webhook receiver');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get accepted() {
      return requests.filter((request) => request.status >= 200 && request.status < 300);
    },
    respondWith(next) {
      const invalid = next.find((status) => !Number.isInteger(status) || status < 100 || status > 599);
      if (invalid !== undefined) throw new RangeError(`An HTTP status is 100–599, got ${invalid}`);
      statuses = [...next];
    },
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        if (Date.now() >= deadline) {
          throw new Error(`Webhook receiver: timed out after ${timeoutMs} ms; ${requests.length} request(s) arrived`);
        }
        await delay(20);
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        // Keep-alive connections (fetch keeps them) would hold close() open.
        server.closeAllConnections();
      }),
  };
}

function headerTexts(headers: IncomingHttpHeaders): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) texts[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return texts;
}
