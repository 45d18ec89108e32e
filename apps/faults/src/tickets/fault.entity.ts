import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FaultSymptom } from '@vigil/contracts';

/** One camera a ticket covers: a camera's fault, or one child of a site or network outage. Closed when the ticket is verified. */
@Entity({ name: 'fault' })
export class FaultEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  ticketId: string;

  @Column('text')
  cameraId: string;

  @Column('text')
  symptom: FaultSymptom;

  @Column('text')
  origin: 'person' | 'health-watchdog';

  @Column('timestamptz')
  openedAt: Date;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;
}
