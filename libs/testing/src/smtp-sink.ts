import { simpleParser, type HeaderLines, type HeaderValue, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

const TEMPORARY_FAILURE = 451;

/** One message the sink accepted, decoded by mailparser. */
export interface ReceivedMail {
  messageId: string;
  /** The envelope sender (MAIL FROM). */
  from: string;
  /** The envelope recipients (RCPT TO), Bcc included. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Lower-case names; decoded text where mailparser decodes it, otherwise the unfolded raw value. */
  headers: Map<string, string>;
  /** The message exactly as it came over DATA. */
  raw: string;
  receivedAt: Date;
}

/** A real SMTP server on 127.0.0.1 (no TLS, no authentication) that keeps what it receives. */
export interface SmtpSink {
  readonly url: string;
  readonly port: number;
  readonly messages: ReceivedMail[];
  /** DATA commands answered with a failure so far. */
  readonly refusals: number;
  /** Answers the next `count` DATA commands with `code` (451, a temporary failure, unless told). */
  refuseNext(count: number, code?: number): void;
  /** Answers every DATA command with `code` until `date`. */
  refuseUntil(date: Date, code?: number): void;
  /** Answers every DATA command with `code` while on. */
  refuse(on: boolean, code?: number): void;
  /** Polls until `predicate` holds; rejects after `timeoutMs` stating how many messages arrived. */
  waitFor(predicate: (messages: readonly ReceivedMail[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

class SmtpRefusal extends Error {
  constructor(readonly responseCode: number) {
    super(`Refused by the test SMTP sink (${responseCode}), try again later`);
  }
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  let refusals = 0;
  let refuseCount = 0;
  let refuseCountCode = TEMPORARY_FAILURE;
  let refuseUntilTime = 0;
  let refuseUntilCode = TEMPORARY_FAILURE;
  let refusingCode: number | null = null;

  const refusalFor = (): number | null => {
    if (refuseCount > 0) {
      refuseCount -= 1;
      return refuseCountCode;
    }
    if (Date.now() < refuseUntilTime) return refuseUntilCode;
    return refusingCode;
  };

  const server = new SMTPServer({
    banner: 'majlis test SMTP sink',
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 200,
    onData(stream, session, callback) {
      const refusal = refusalFor();
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('end', () => {
        if (refusal !== null) {
          refusals += 1;
          callback(new SmtpRefusal(refusal));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            messages.push(receivedMail(parsed, session, raw.toString('utf8')));
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });
  // A client that drops mid-transaction is the test's business, not a reason to crash the test process.
  server.on('error', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    get refusals() {
      return refusals;
    },
    refuseNext(count, code = TEMPORARY_FAILURE) {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`refuseNext needs a count ≥ 0, got ${count}`);
      refuseCount = count;
      refuseCountCode = failureCode(code);
    },
    refuseUntil(date, code = TEMPORARY_FAILURE) {
      refuseUntilTime = date.getTime();
      refuseUntilCode = failureCode(code);
    },
    refuse(on, code = TEMPORARY_FAILURE) {
      refusingCode = on ? failureCode(code) : null;
    },
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() >= deadline) {
          throw new Error(
            `SMTP sink: timed out after ${timeoutMs} ms; ${messages.length} message(s) arrived, ${refusals} refused`,
          );
        }
        await delay(20);
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function failureCode(code: number): number {
  if (!Number.isInteger(code) || code < 400 || code > 599) {
    throw new RangeError(`An SMTP failure is a 4xx or 5xx code, got ${code}`);
  }
  return code;
}

function receivedMail(parsed: ParsedMail, session: SMTPServerSession, raw: string): ReceivedMail {
  const { mailFrom, rcptTo } = session.envelope;
  return {
    messageId: parsed.messageId ?? '',
    from: mailFrom === false ? '' : mailFrom.address,
    to: rcptTo.map((recipient) => recipient.address),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: parsed.html === false ? '' : parsed.html,
    headers: headerTexts(parsed.headers, parsed.headerLines),
    raw,
    receivedAt: new Date(),
  };
}

function headerTexts(headers: Map<string, HeaderValue>, lines: HeaderLines): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [name, value] of headers) {
    if (typeof value === 'string') texts.set(name, value);
    else if (typeof value === 'object' && 'text' in value) texts.set(name, value.text);
    else texts.set(name, rawHeaderValue(lines, name));
  }
  return texts;
}

function rawHeaderValue(lines: HeaderLines, name: string): string {
  const line = lines.find((header) => header.key === name)?.line ?? '';
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}
