import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AlarmDetails, CallSource } from '@vigil/contracts';

/** An alarm restore waiting for its alarm (within the restore wait), attached to the alarm's incident, or recorded alone. */
export type RestoreStatus = 'waiting' | 'attached' | 'alone';

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

  /** Null for a call that joined no incident (an alarm restore with no open alarm). */
  @Column('uuid', { nullable: true })
  incidentId: string | null;

  @Column('jsonb', { nullable: true })
  alarm: AlarmDetails | null;

  /** Null for a call that is no alarm restore; see {@link RestoreStatus}. */
  @Column('text', { nullable: true })
  restoreStatus: RestoreStatus | null;

  /** Why correlation opened an incident with this call or joined it to one. */
  @Column('text', { nullable: true })
  correlationReason?: string | null;

  /** The places the call is about (premises, alarm site, camera …), which correlation matches on. */
  @Column('text', { array: true, default: () => "'{}'" })
  placeKeys?: string[];

  @Column('double precision', { nullable: true })
  lat?: number | null;

  @Column('double precision', { nullable: true })
  lon?: number | null;

  /** The source's payload as received, for the audit trail. */
  @Column('jsonb')
  raw: object | null;
}
