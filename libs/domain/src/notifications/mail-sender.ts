import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { Environment, InjectEnvironment } from '@majlis/config';
import type { MailAttachment } from './notification-delivery.entity';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Files sent with it (a meeting's calendar). */
  attachments?: MailAttachment[];
  /** Stable across retries, so a mail system can drop a repeat: `<delivery id@majlis>`. */
  messageId: string;
  headers: Record<string, string>;
}

/** Thrown for a refusal that will not change on retry (an SMTP 5xx: unknown mailbox, say). */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/**
 * Sends e-mail over SMTP (`SMTP_URL`); with none configured it writes each message as an .eml file under
 * `<data dir>/mail` and logs where, so an embedded installation shows what it would have sent.
 */
@Injectable()
export class MailSender implements OnModuleDestroy {
  private readonly logger = new Logger(MailSender.name);
  private readonly transport: Transporter;
  private readonly folder: string | null;

  constructor(@InjectEnvironment() private readonly environment: Environment) {
    if (environment.smtpUrl !== undefined) {
      // Pooled connections unless the URL says otherwise: one SMTP greeting per connection, not per message.
      const url = new URL(environment.smtpUrl);
      if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
      if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', '5');
      this.transport = createTransport(url.toString());
      this.folder = null;
    } else {
      this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
      this.folder = resolve(environment.dataDir, 'mail');
    }
  }

  /** Where messages go, for the start-up log. */
  describe(): string {
    return this.folder === null ? 'SMTP' : `files in ${this.folder}`;
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      const info = (await this.transport.sendMail({ from: this.environment.mailFrom, ...mail })) as {
        message?: Buffer;
      };
      if (this.folder !== null && info.message !== undefined) {
        await mkdir(this.folder, { recursive: true });
        const file = join(
          this.folder,
          `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeName(mail.messageId)}.eml`,
        );
        await writeFile(file, info.message);
        this.logger.log({ to: mail.to, subject: mail.subject, file }, 'e-mail written to a file (no SMTP_URL set)');
      }
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500 && code < 600)
        throw new PermanentDeliveryError(`the mail server refused: ${(error as Error).message}`);
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

const safeName = (messageId: string): string => messageId.replace(/[^A-Za-z0-9-]/g, '');
