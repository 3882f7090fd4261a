import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdentityService, MeetingService } from '@majlis/domain';
import { httpActor } from '../graphql/http-actor';

/** A meeting as a calendar file, for people who keep their meetings in Outlook, Google or Apple calendars. */
@Controller('meetings')
export class MeetingCalendarController {
  constructor(
    private readonly identity: IdentityService,
    private readonly meetings: MeetingService,
  ) {}

  /** GET /meetings/:id/calendar.ics[?lang=ar|en], signed in by bearer token or session cookie. */
  @Get(':id/calendar.ics')
  async calendar(
    @Param('id') id: string,
    @Query('lang') lang: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const actor = await httpActor(this.identity, req, lang);
    const file = await this.meetings.calendar(actor, id, actor.locale);
    await reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="meeting-${id}.ics"`)
      .header('cache-control', 'private, no-store')
      .send(file);
  }
}
