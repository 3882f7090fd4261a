import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { rowById, updatedRows } from '@majlis/persistence';
import type { Cursor } from '@majlis/persistence';
import type { MeetingState } from '@majlis/workflow';
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

@Injectable()
export class MeetingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Meeting | null> {
    return rowById(manager, Meeting, id);
  }

  /** Locks the meeting row for the rest of the transaction: agenda changes of one meeting run one at a time. */
  lock(manager: EntityManager, id: string): Promise<Meeting | null> {
    return rowById(manager, Meeting, id, 'pessimistic_write');
  }

  /** Moves the meeting from `from` to `to` only if nobody changed it since `version`. */
  async moveState(
    manager: EntityManager,
    id: string,
    step: { from: MeetingState; to: MeetingState; version: number },
  ): Promise<VersionedMove> {
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
    const query = this.dataSource.getRepository(Meeting).createQueryBuilder('meeting');
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
}
