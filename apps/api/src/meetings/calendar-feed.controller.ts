import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CalendarFeedService } from '@majlis/domain';
import { errorMessage } from '@majlis/language';
import { requestLocale } from '../graphql/graphql-context';

/**
 * GET /calendar-feeds/<token>.ics: a person's meetings for calendar programs, which cannot sign in; the
 * secret address is the key. Unknown, revoked and malformed addresses get the same bare 404.
 */
@Controller('calendar-feeds')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':file')
  async feed(@Param('file') file: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const match = /^(.+)\.ics$/.exec(file);
    const calendar = match === null ? null : await this.feeds.calendar(match[1] ?? '');
    if (calendar === null) {
      // The answer of a path with no route at all: whether the address ever existed stays unsaid.
      const locale = requestLocale(req) ?? 'en';
      const path = req.url.split('?')[0];
      await reply
        .status(404)
        .header('cache-control', 'no-store')
        .send({ code: 'NOT_FOUND', message: errorMessage('noRoute', locale, { path }) });
      return;
    }
    await reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer')
      .send(calendar);
  }
}
