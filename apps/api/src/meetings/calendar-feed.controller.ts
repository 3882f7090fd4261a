import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CalendarFeedService } from '@majlis/domain';

/**
 * GET /calendar-feeds/<token>.ics: a person's meetings for calendar programs, which cannot sign in; the
 * secret address is the key. Unknown, revoked and malformed addresses get the same bare 404.
 */
@Controller('calendar-feeds')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':file')
  async feed(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const match = /^(.+)\.ics$/.exec(file);
    const calendar = match === null ? null : await this.feeds.calendar(match[1] ?? '');
    // The error filter answers it as it answers a path with no route: whether the address ever existed stays unsaid.
    if (calendar === null) throw new NotFoundException();
    await reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer')
      .send(calendar);
  }
}
