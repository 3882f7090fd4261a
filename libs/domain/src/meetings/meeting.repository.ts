import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { EntityName } from '@majlis/language';
import { EntityRepository, requireRow, updatedRows, type Transaction } from '@majlis/persistence';
import type { Cursor } from '@majlis/persistence';
import type { MeetingState } from '@majlis/workflow';
import { MemberCity } from '../partnership';
import type { VersionedMove } from '../transitions';
import { Meeting, MeetingKind } from './meeting.entity';

/** How a list of meetings is ordered: by when they start, latest (the default) or soonest first. */
export enum MeetingOrder {
  STARTS_AT_DESC = 'STARTS_AT_DESC',
  STARTS_AT_ASC = 'STARTS_AT_ASC',
}

export interface MeetingFilter {
  kind?: MeetingKind | null;
  state?: MeetingState | null;
  hostCityId?: string | null;
  startsAfter?: Date | null;
  startsBefore?: Date | null;
}

/** Meetings, and the host cities they are held in. */
@Injectable()
export class MeetingRepository extends EntityRepository<Meeting> {
  protected readonly entity = Meeting;
  protected readonly entityName: EntityName = 'meeting';

  /** Moves the meeting from `from` to `to` only if nobody changed it since `version`. */
  async moveState(
    tx: Transaction,
    id: string,
    step: { from: MeetingState; to: MeetingState; version: number },
  ): Promise<VersionedMove> {
    const manager = this.db(tx);
    const rows = updatedRows<{ version: number }>(
      await manager.query(
        `UPDATE meeting SET state = $1, version = version + 1, updated_at = now()
          WHERE id = $2 AND version = $3 AND state = $4 RETURNING version`,
        [step.to, id, step.version, step.from],
      ),
    );
    if (rows.length > 0) return { moved: true, version: rows[0].version };
    const current = await manager.findOne(Meeting, { select: { id: true, version: true }, where: { id } });
    return { moved: false, current: current?.version ?? 0 };
  }

  /** In `order` (latest first by default); `take` rows after `after`, and how many match in all. */
  async list(
    filter: MeetingFilter,
    order: MeetingOrder,
    take: number,
    after: Cursor | null,
  ): Promise<[Meeting[], number]> {
    const query = this.db().getRepository(Meeting).createQueryBuilder('meeting');
    if (filter.kind) query.andWhere('meeting.kind = :kind', { kind: filter.kind });
    if (filter.state) query.andWhere('meeting.state = :state', { state: filter.state });
    if (filter.hostCityId) query.andWhere('meeting.host_city_id = :hostCityId', { hostCityId: filter.hostCityId });
    if (filter.startsAfter) query.andWhere('meeting.starts_at >= :startsAfter', { startsAfter: filter.startsAfter });
    if (filter.startsBefore) query.andWhere('meeting.starts_at < :startsBefore', { startsBefore: filter.startsBefore });
    const total = await query.getCount();
    const direction = order === MeetingOrder.STARTS_AT_ASC ? 'ASC' : 'DESC';
    if (after !== null)
      query.andWhere(`(meeting.starts_at, meeting.id) ${direction === 'ASC' ? '>' : '<'} (:key, :id)`, {
        key: after.key,
        id: after.id,
      });
    const rows = await query
      .orderBy('meeting.starts_at', direction)
      .addOrderBy('meeting.id', direction)
      .take(take)
      .getMany();
    return [rows, total];
  }

  /** The meetings with these ids, in no order (a request's batch). */
  byIds(ids: readonly string[]): Promise<Meeting[]> {
    return this.db().findBy(Meeting, { id: In([...ids]) });
  }

  /** Meetings that end at `since` or later: at most `take`, the latest to start first. */
  endingSince(since: Date, take: number): Promise<Meeting[]> {
    return this.db()
      .getRepository(Meeting)
      .createQueryBuilder('meeting')
      .where('meeting.ends_at >= :since', { since })
      .orderBy('meeting.starts_at', 'DESC')
      .take(take)
      .getMany();
  }

  /** Writes a new meeting and returns it as stored (its id, state and version filled in). */
  insert(tx: Transaction, fields: Partial<Meeting>): Promise<Meeting> {
    const manager = this.db(tx);
    return manager.save(manager.create(Meeting, fields));
  }

  /** Writes a changed meeting. */
  save(tx: Transaction, meeting: Meeting): Promise<Meeting> {
    return this.db(tx).save(meeting);
  }

  /** The city a meeting is held in; NOT_FOUND naming `field` when there is none. */
  requireHost(id: string, field: string, tx?: Transaction): Promise<MemberCity> {
    return requireRow(this.db(tx), MemberCity, id, 'memberCity', field);
  }

  /** The cities these meetings are held in, in no order. */
  hostsOf(meetings: readonly Meeting[], tx?: Transaction): Promise<MemberCity[]> {
    return this.db(tx).findBy(MemberCity, { id: In([...new Set(meetings.map((meeting) => meeting.hostCityId))]) });
  }
}
