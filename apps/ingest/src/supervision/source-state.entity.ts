import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SourceState, SupervisedSourceKind } from '@vigil/contracts';

/** The supervision state of one gateway or alarm path, as last decided. */
@Entity({ name: 'source_state' })
export class SourceStateEntity {
  @PrimaryColumn('text')
  sourceKind: SupervisedSourceKind;

  @PrimaryColumn('text')
  sourceId: string;

  @Column('text', { nullable: true })
  partnerId: string | null;

  @Column('text')
  state: SourceState;

  @Column('timestamptz', { nullable: true })
  lastSeen: Date | null;

  /** How often the source promises to be heard; null when another component judges it (alarm paths). */
  @Column('integer', { nullable: true })
  expectedIntervalSeconds: number | null;

  @Column('timestamptz')
  changedAt: Date;

  @Column('text')
  reason: string;

  /** Raised by each transition; replicas change the state only from the version they read. */
  @Column('integer')
  version: number;
}
