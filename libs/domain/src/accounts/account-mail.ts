import { Injectable, Logger } from '@nestjs/common';
import { Environment, InjectEnvironment } from '@majlis/config';
import { resolveText } from '@majlis/language';
import { type AccountLink, digitsOf, type Person } from '../identity';
import { formatInstant, MailSender, renderMessage } from '../notifications';
import { linkUrl } from './one-time-link';

/**
 * E-mails a one-time link (an invitation, a password reset) to its person, in their language, through the
 * same templates and mail sender as every other message. Sent after the link's transaction commits.
 */
@Injectable()
export class AccountMail {
  private readonly logger = new Logger(AccountMail.name);

  constructor(
    private readonly mail: MailSender,
    @InjectEnvironment() private readonly environment: Environment,
  ) {}

  async sendLink(
    person: Person,
    cityTimeZone: string | null,
    issued: { link: AccountLink; token: string },
  ): Promise<void> {
    const { link, token } = issued;
    if (link.purpose === 'setup' || link.expiresAt === null)
      throw new Error('only invitations and resets are e-mailed');
    const locale = person.preferredLocale;
    const addressee = {
      locale,
      digits: digitsOf(person),
      name: resolveText(person.name, locale).text,
      formOfAddress: person.formOfAddress,
    };
    const message = renderMessage(link.purpose === 'invitation' ? 'account.invitation' : 'account.reset', addressee, {
      link: linkUrl(this.environment.publicUrl, link.purpose, token),
      expiresAt: formatInstant(link.expiresAt, addressee, person.timeZone ?? cityTimeZone ?? 'UTC'),
    });
    await this.mail.send({ to: person.email, ...message, messageId: `<${link.id}@majlis>`, headers: {} });
    this.logger.log({ personId: person.id, purpose: link.purpose }, 'one-time link e-mailed');
  }
}
