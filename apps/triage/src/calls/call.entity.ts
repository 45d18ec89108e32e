import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CallSource } from '@vigil/contracts';

/** A call triage has taken in; its key makes a redelivered or resent call a no-op. */
@Entity({ name: 'call' })
export class CallEntity {
  @PrimaryColumn('text')
  callKey: string;

  @Column('text')
  source: CallSource;

  @Column('timestamptz')
  receivedAt: Date;

  @Column('timestamptz')
  occurredAt: Date;

  @Column('text')
  summary: string;

  @Column('uuid')
  incidentId: string;

  @Column('jsonb')
  raw: unknown;
}
