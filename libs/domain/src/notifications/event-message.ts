import type { Locale } from '@majlis/config';
import { resolveText } from '@majlis/language';
import { TOPICS } from '../outbox';
import type { OutboxPayload } from '../outbox';
import type { EventFacts } from './event-audience';
import { eventLink } from './event-path';
import { formatDay, formatInstant, RenderedMessage, renderMessage, term } from './message-templates';

/** Who a message is written for: their language, time zone and name. */
export interface Reader {
  locale: Locale;
  timeZone: string;
  name: string;
}

const count = (payload: OutboxPayload, key: string): string =>
  typeof payload[key] === 'number' ? String(payload[key]) : '0';

/** The event told in the reader's language: the proposal's title in it, dates in their time zone. */
export function eventMessage(
  facts: EventFacts,
  payload: OutboxPayload,
  reader: Reader,
  publicUrl: string,
): RenderedMessage {
  const { locale, timeZone } = reader;
  const at = (date: Date | null | undefined): string =>
    date === null || date === undefined ? '' : formatInstant(date, locale, timeZone);
  const vars: Record<string, string> = {
    recipientName: reader.name,
    link: eventLink(publicUrl, facts),
    proposalTitle: resolveText(facts.proposal.title, locale).text,
    cityName: facts.ownerCity === null ? '' : resolveText(facts.ownerCity.name, locale).text,
    comment: typeof payload.comment === 'string' ? payload.comment : '',
    meetingTitle: facts.meeting === null ? '' : resolveText(facts.meeting.title, locale).text,
    meetingStartsAt: at(facts.meeting?.startsAt),
    closesAt: at(facts.ballot?.closesAt),
  };
  if (facts.actionItem !== null && facts.plan !== null) {
    vars.itemTitle = resolveText(facts.actionItem.title, locale).text;
    vars.planTitle = resolveText(facts.plan.title, locale).text;
    // A calendar date: shown as the day it is, whatever the reader's zone.
    vars.dueDate = formatDay(new Date(`${facts.actionItem.dueDate}T12:00:00Z`), locale, 'UTC');
    vars.daysOverdue = typeof payload.daysOverdue === 'number' ? String(payload.daysOverdue) : '';
  }
  if (facts.topic === TOPICS.ballotClosed && typeof payload.result === 'string') {
    vars.resultText = term(locale, `result.${payload.result}`);
    for (const key of ['yes', 'no', 'abstain', 'cast', 'eligible']) vars[key] = count(payload, key);
  }
  return renderMessage(facts.topic, locale, vars);
}
