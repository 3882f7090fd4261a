import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InjectEnvironment, type Environment } from '@majlis/config';
import { rowById } from '@majlis/persistence';
import { Actor, ALL_ROLES, Person, requireRole } from '../identity';
import { CalendarFeed } from './calendar-feed.entity';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectEnvironment() private readonly environment: Environment,
    private readonly meetings: MeetingService,
  ) {}

  /** The signed-in person's feed, or null when they have none. */
  async feed(actor: Actor): Promise<CalendarFeed | null> {
    requireRole(actor, ALL_ROLES, 'calendarFeed');
    return this.dataSource.manager.findOneBy(CalendarFeed, { personId: actor.personId });
  }

  /** A new address for the signed-in person's feed; the one they had stops working. */
  async create(actor: Actor): Promise<IssuedCalendarFeed> {
    requireRole(actor, ALL_ROLES, 'createCalendarFeed');
    const token = randomBytes(32).toString('base64url');
    const feed = await this.dataSource.transaction(async (manager) => {
      // One at a time per person: two at once (a double click) would both insert, and one fail on the key.
      await rowById(manager, Person, actor.personId, 'pessimistic_write');
      await manager.delete(CalendarFeed, { personId: actor.personId });
      return manager.save(manager.create(CalendarFeed, { personId: actor.personId, tokenHash: hashOf(token) }));
    });
    return { feed, url: `${this.environment.publicUrl.replace(/\/+$/, '')}${CALENDAR_FEED_PATH}/${token}.ics` };
  }

  /** Stops the signed-in person's feed; false when they had none (nothing changes). */
  async revoke(actor: Actor): Promise<boolean> {
    requireRole(actor, ALL_ROLES, 'revokeCalendarFeed');
    const result = await this.dataSource.manager.delete(CalendarFeed, { personId: actor.personId });
    return (result.affected ?? 0) > 0;
  }

  /**
   * The iCalendar file behind a feed's token, in its owner's language; null for a token that is unknown,
   * revoked, malformed or whose owner can no longer sign in — the caller answers all of them alike.
   */
  async calendar(token: string): Promise<string | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const feed = await this.dataSource.manager.findOne(CalendarFeed, {
      where: { tokenHash: hashOf(token) },
      relations: { person: true },
    });
    const person = feed?.person;
    if (person === undefined || person === null || !person.active) return null;
    return this.meetings.feedCalendar(person.preferredLocale);
  }
}
