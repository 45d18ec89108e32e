import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A customer on an owner's Lend-A-Cam waiting list. Their place follows from the dates (domain/waiting-list.ts), so it is not stored. */
@Entity({ name: 'loan_waiting_entry' })
export class LoanWaitingEntryEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Filled by the database: the order entries were stored in. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column('text', { nullable: true })
  partnerId: string | null;

  @Column('text', { nullable: true })
  clientName: string | null;

  @Column('text')
  customerReference: string;

  @Column('text')
  customerName: string;

  @Column('text')
  address: string;

  @Column('text')
  need: string;

  @Column('text')
  status: 'waiting' | 'taken';

  @Column('timestamptz')
  addedAt: Date;

  @Column('text')
  addedBy: string;

  @Column('timestamptz', { nullable: true })
  prioritisedAt: Date | null;

  @Column('text', { nullable: true })
  prioritisedBy: string | null;

  @Column('text', { nullable: true })
  priorityReason: string | null;

  @Column('timestamptz', { nullable: true })
  lastContactedAt: Date | null;

  @Column('text', { nullable: true })
  lastContactedBy: string | null;

  @Column('text', { nullable: true })
  lastContactNote: string | null;

  @Column('timestamptz', { nullable: true })
  takenAt: Date | null;

  @Column('uuid', { nullable: true })
  deploymentId: string | null;

  @Column('integer')
  version: number;

  @Column('timestamptz')
  updatedAt: Date;
}
