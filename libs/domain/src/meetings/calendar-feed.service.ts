import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectEnvironment, type Environment } from '@majlis/config';
import { UnitOfWork } from '@majlis/persistence';
import { Actor, ALL_ROLES, requireRole } from '../identity';
import type { CalendarFeed } from './calendar-feed.entity';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { MeetingService } from './meeting.service';

/** Where a feed is served; the token is the file name, so calendar programs see an .ics address. */
export const CALENDAR_FEED_PATH = '/calendar-feeds';

const hashOf = (token: string): string => createHash('sha256').update(token, 'utf8').digest('base64url');

/** A token as it appears in a feed's address: 256 random bits, base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedCalendarFeed {
  feed: CalendarFeed;
  /** The address to subscribe to, with the secret in it: shown once. */
  url: string;
}

/**
 * A person's calendar feed: the meetings as an iCalendar file at a secret address, for calendar programs,
 * which cannot send a bearer token. Only the address's hash is kept; a new address replaces the old.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly feeds: CalendarFeedRepository,
    @InjectEnvironment() private readonly environment: Environment,
    private readonly meetings: MeetingService,
  ) {}

  /** The signed-in person's feed, or null when they have none. */
  async feed(actor: Actor): Promise<CalendarFeed | null> {
    requireRole(actor, ALL_ROLES, 'calendarFeed');
    return this.feeds.ofPerson(actor.personId);
  }

  /** A new address for the signed-in person's feed; the one they had stops working. */
  async create(actor: Actor): Promise<IssuedCalendarFeed> {
    requireRole(actor, ALL_ROLES, 'createCalendarFeed');
    const token = randomBytes(32).toString('base64url');
    const feed = await this.unitOfWork.run(async (tx) => {
      // One at a time per person: two at once (a double click) would both insert, and one fail on the key.
      await this.feeds.lockOwner(tx, actor.personId);
      return this.feeds.replace(tx, actor.personId, hashOf(token));
    });
    return { feed, url: `${this.environment.publicUrl.replace(/\/+$/, '')}${CALENDAR_FEED_PATH}/${token}.ics` };
  }

  /** Stops the signed-in person's feed; false when they had none (nothing changes). */
  async revoke(actor: Actor): Promise<boolean> {
    requireRole(actor, ALL_ROLES, 'revokeCalendarFeed');
    return this.feeds.remove(actor.personId);
  }

  /**
   * The iCalendar file behind a feed's token, in its owner's language; null for a token that is unknown,
   * revoked, malformed or whose owner can no longer sign in — the caller answers all of them alike.
   */
  async calendar(token: string): Promise<string | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const feed = await this.feeds.byTokenHash(hashOf(token));
    const person = feed?.person;
    if (person === undefined || person === null || !person.active) return null;
    return this.meetings.feedCalendar(person.preferredLocale);
  }
}
