import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Something Vigil refused, kept for an operator to see and for a gateway owner to fix. */
@Entity({ name: 'dead_letter' })
export class DeadLetterEntity {
  /** The dead-letter event id: recording it twice is a no-op. */
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  rejectedBy: string;

  @Column('text')
  origin: string;

  @Column('text')
  reason: string;

  @Column('bytea')
  raw: Buffer;

  @Column('timestamptz')
  receivedAt: Date;

  @Column('integer')
  deliveryAttempts: number;

  @Column('timestamptz', { default: () => 'now()' })
  recordedAt: Date;
}
