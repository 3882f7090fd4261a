import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One accepted step of a workflow: which entity moved from where to where, on what, by whom. */
@Entity({ name: 'workflow_transition' })
@Index('workflow_transition_entity_idx', ['entityType', 'entityId', 'createdAt'])
export class WorkflowTransition {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  entityType!: string;

  @Column({ type: 'uuid' })
  entityId!: string;

  @Column({ type: 'text' })
  fromState!: string;

  @Column({ type: 'text' })
  toState!: string;

  @Column({ type: 'text' })
  event!: string;

  /** Null when the platform itself acted (a deadline). */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  /** The entity's version after the step. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  payload!: Record<string, string | number | boolean | null>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
