import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BallotState } from '@majlis/workflow';
import type { VersionedMove } from '../transitions';
import { Ballot } from './ballot.entity';

/** What a step of a ballot sets besides its state: when it opened, or the frozen result of its close. */
export type BallotStepChanges = Partial<Pick<Ballot, 'openedAt' | 'closedAt' | 'result' | 'tally' | 'decidedByChair'>>;

@Injectable()
export class BallotRepository {
  /** Moves the ballot from `from` to `to` only if nobody changed it since `version`, with `changes`. */
  async moveState(
    manager: EntityManager,
    id: string,
    step: { from: BallotState; to: BallotState; version: number },
    changes: BallotStepChanges = {},
  ): Promise<VersionedMove> {
    const result = await manager
      .createQueryBuilder()
      .update(Ballot)
      .set({ ...changes, state: step.to, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND state = :from', { id, version: step.version, from: step.from })
      .returning(['version'])
      .execute();
    const rows = result.raw as Array<{ version: number }>;
    if (rows.length > 0) return { moved: true, version: rows[0].version };
    const current = await manager.findOne(Ballot, { select: { id: true, version: true }, where: { id } });
    return { moved: false, current: current?.version ?? 0 };
  }
}
