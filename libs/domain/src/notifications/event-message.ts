import { resolveText } from '@majlis/language';
import { TOPICS } from '../outbox';
import type { OutboxPayload } from '../outbox';
import type { EventFacts } from './event-audience';
import { eventLink } from './event-path';
import {
  type Addressee,
  ballotResult,
  formatDay,
  formatInstant,
  type MessageVars,
  RenderedMessage,
  renderMessage,
  votes,
} from './message-templates';

/** Who a message is written for: their language, digits, time zone, name and form of address. */
export interface EventReader extends Addressee {
  timeZone: string;
}

const count = (payload: OutboxPayload, key: string): number => {
  const value = payload[key];
  return typeof value === 'number' ? value : 0;
};

/**
 * The event told in the reader's language: titles in it, numbers in their digits, dates in their time zone.
 * `withFile`: an e-mail that carries the event's file, which it then mentions (the app and digests do not).
 */
export function eventMessage(
  facts: EventFacts,
  payload: OutboxPayload,
  reader: EventReader,
  publicUrl: string,
  withFile = false,
): RenderedMessage {
  const { locale, timeZone } = reader;
  const at = (date: Date | null | undefined): string =>
    date === null || date === undefined ? '' : formatInstant(date, reader, timeZone);
  const vars: MessageVars = {
    link: eventLink(publicUrl, facts),
    proposalTitle: facts.proposal === null ? '' : resolveText(facts.proposal.title, locale).text,
    cityName: facts.ownerCity === null ? '' : resolveText(facts.ownerCity.name, locale).text,
    comment: typeof payload.comment === 'string' ? payload.comment : '',
    meetingTitle: facts.meeting === null ? '' : resolveText(facts.meeting.title, locale).text,
    meetingStartsAt: at(facts.meeting?.startsAt),
    closesAt: at(facts.ballot?.closesAt),
    attachment: withFile ? facts.attachment?.filename : undefined,
  };
  if (facts.actionItem !== null && facts.plan !== null) {
    vars.itemTitle = resolveText(facts.actionItem.title, locale).text;
    vars.planTitle = resolveText(facts.plan.title, locale).text;
    // A calendar date: shown as the day it is, whatever the reader's zone.
    vars.dueDate = formatDay(new Date(`${facts.actionItem.dueDate}T12:00:00Z`), reader, 'UTC');
    vars.daysOverdue = typeof payload.daysOverdue === 'number' ? payload.daysOverdue : undefined;
  }
  if (facts.topic === TOPICS.ballotClosed && typeof payload.result === 'string') {
    vars.resultText = ballotResult(reader, payload.result);
    vars.cast = count(payload, 'cast');
    vars.eligible = count(payload, 'eligible');
    for (const key of ['yes', 'no', 'abstain']) vars[key] = votes(reader, count(payload, key));
  }
  return renderMessage(facts.topic, reader, vars);
}
