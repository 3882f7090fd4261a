import { Injectable } from '@nestjs/common';
import { RepositoryBase, rowById, type Transaction } from '@majlis/persistence';
import { Person } from '../identity';
import { CalendarFeed } from './calendar-feed.entity';

/** Calendar feeds, one per person, found by the hash of their address's token. */
@Injectable()
export class CalendarFeedRepository extends RepositoryBase {
  ofPerson(personId: string): Promise<CalendarFeed | null> {
    return this.db().findOneBy(CalendarFeed, { personId });
  }

  /** The feed behind a token's hash, with its owner; null when there is none. */
  byTokenHash(tokenHash: string): Promise<CalendarFeed | null> {
    return this.db().findOne(CalendarFeed, { where: { tokenHash }, relations: { person: true } });
  }

  /** Locks the person's row for the rest of `tx`: one change of their feed at a time. */
  async lockOwner(tx: Transaction, personId: string): Promise<void> {
    await rowById(this.db(tx), Person, personId, 'pessimistic_write');
  }

  /** The person's one feed, now at `tokenHash`: the feed they had, if any, goes. */
  async replace(tx: Transaction, personId: string, tokenHash: string): Promise<CalendarFeed> {
    const manager = this.db(tx);
    await manager.delete(CalendarFeed, { personId });
    return manager.save(manager.create(CalendarFeed, { personId, tokenHash }));
  }

  /** Removes the person's feed; false when they had none. */
  async remove(personId: string): Promise<boolean> {
    const result = await this.db().delete(CalendarFeed, { personId });
    return (result.affected ?? 0) > 0;
  }
}
