import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last heartbeat job each worker process handled: proof that queued work is being processed. */
@Entity({ name: 'worker_heartbeat' })
export class WorkerHeartbeat {
  @PrimaryColumn({ type: 'text' })
  workerName!: string;

  @Column({ type: 'text' })
  host!: string;

  @Column({ type: 'int' })
  pid!: number;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'timestamptz' })
  processedAt!: Date;
}
