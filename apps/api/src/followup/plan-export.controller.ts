import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FollowupService, IdentityService, planItemsCsv, todayOf } from '@majlis/domain';
import { resolveText } from '@majlis/language';
import { httpActor } from '../graphql/http-actor';

/** An RFC 5987 value: encodeURIComponent keeps `'()*`, which attr-char does not allow. */
const extendedValue = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

/** `filename` for every client, `filename*` with the plan's title for those that read UTF-8 names. */
function attachment(planId: string, title: string): string {
  // Characters file systems refuse, controls, and bidi overrides (which can disguise the extension) go.
  // eslint-disable-next-line no-control-regex -- control characters are what must go
  const unsafe = /[\u0000-\u001f\u007f/\\:*?"<>|\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
  const name = [...title.replace(unsafe, ' ').replace(/\s+/g, ' ').trim()].slice(0, 100).join('');
  const fallback = `attachment; filename="plan-${planId}.csv"`;
  return name === '' ? fallback : `${fallback}; filename*=UTF-8''${extendedValue(`${name}.csv`)}`;
}

/** An implementation plan's items and progress as a spreadsheet file, for the secretariat and the board. */
@Controller('implementation-plans')
export class PlanExportController {
  constructor(
    private readonly identity: IdentityService,
    private readonly followup: FollowupService,
  ) {}

  /** GET /implementation-plans/:id/items.csv[?lang=ar|en], signed in by bearer token or session cookie. */
  @Get(':id/items.csv')
  async items(
    @Param('id') id: string,
    @Query('lang') lang: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const actor = await httpActor(this.identity, req, lang);
    const plan = await this.followup.plan(actor, id);
    const items = await this.followup.planItems(actor, plan.id);
    const file = planItemsCsv(items, actor.locale, todayOf(new Date()));
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', attachment(plan.id, resolveText(plan.title, actor.locale).text))
      .header('cache-control', 'private, no-store')
      .send(file);
  }
}
